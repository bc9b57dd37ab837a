import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './FormAlert';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface FormDialogProps {
  /** For dialogs that stay mounted while closed (Fluent then returns focus to what opened them). */
  open?: boolean;
  title: string;
  /** Explanation under the title; the dialog is described by it. A string becomes a paragraph. */
  intro?: ReactNode;
  /** Form-level error (a refusal no field explains), announced by the alert region. */
  alert: string | null;
  /** A call is running: submit and cancel are blocked and the spinner says what happens. */
  busy: boolean;
  busyLabel: string;
  submitLabel: string;
  cancelLabel?: string;
  /** Runs on submit (never while busy); when it settles with invalid fields, the first one gets focus. */
  onSubmit: () => void | Promise<void>;
  onCancel: () => void;
  /** 'alert' for questions before an irreversible step (deleting, revoking). */
  modalType?: 'modal' | 'alert';
  surfaceClassName?: string;
  children: ReactNode;
}

/**
 * The frame of every form dialog: a modal form with title, explanation, an always-present alert region, the
 * fields, and submit/cancel. Escape and "Abbrechen" close it unless a call is running. After a failed submit the
 * first invalid field (aria-invalid, which Fluent's Field sets) gets focus, so keyboard and screen-reader users
 * land on what to fix; a refusal without a field stays in the alert and focus stays put.
 */
export function FormDialog({
  open = true,
  title,
  intro,
  alert,
  busy,
  busyLabel,
  submitLabel,
  cancelLabel,
  onSubmit,
  onCancel,
  modalType = 'modal',
  surfaceClassName,
  children,
}: FormDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const introId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);

  // Runs after the commit that shows the errors of this attempt.
  useLayoutEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    try {
      await onSubmit();
    } finally {
      setAttempt((n) => n + 1);
    }
  };

  return (
    <Dialog open={open} modalType={modalType} onOpenChange={(_, d) => (d.open || busy ? undefined : onCancel())}>
      <DialogSurface className={surfaceClassName} aria-describedby={intro ? introId : undefined}>
        <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {typeof intro === 'string' ? (
                <p id={introId} className={styles.intro}>
                  {intro}
                </p>
              ) : intro ? (
                <div id={introId}>{intro}</div>
              ) : null}
              <FormAlert message={alert} />
              {children}
            </DialogContent>
            <DialogActions>
              {busy ? <Spinner size="tiny" label={busyLabel} /> : null}
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {submitLabel}
              </Button>
              <Button type="button" onClick={onCancel} disabled={busy}>
                {cancelLabel ?? t('common.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
