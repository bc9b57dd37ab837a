import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../FormAlert';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * The frame of every account action: a modal form with title, explanation, an alert region, the fields, and
 * submit/cancel. Escape and "Abbrechen" close it unless a call is running.
 */
export function AdminDialog({
  title,
  intro,
  alert,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  intro: string;
  alert: string | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const introId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => (d.open || busy ? undefined : onCancel())}>
      <DialogSurface aria-describedby={introId}>
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              <p id={introId} className={styles.intro}>
                {intro}
              </p>
              <FormAlert message={alert} />
              {children}
            </DialogContent>
            <DialogActions>
              {busy ? <Spinner size="tiny" label={t('accountAdmin.working')} /> : null}
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {submitLabel}
              </Button>
              <Button type="button" onClick={onCancel} disabled={busy}>
                {t('accountAdmin.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** The administrator's own passphrase, asked again before every sensitive change (the core checks it). */
export function ConfirmPassphraseField({
  value,
  error,
  onChange,
  inputRef,
  label,
  hint,
}: {
  value: string;
  error: string | null | undefined;
  onChange: (value: string) => void;
  inputRef: Ref<HTMLInputElement>;
  label?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={label ?? t('accountAdmin.confirmLabel')}
      hint={hint ?? t('accountAdmin.confirmHint')}
      required
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? undefined}
    >
      <Input ref={inputRef} type="password" name="confirmPassphrase" autoComplete="current-password" value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
