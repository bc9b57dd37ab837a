import { Button, Spinner } from '@fluentui/react-components';
import { useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormAlert } from '../FormAlert';
import { useNetworkStyles } from './network-styles';

/**
 * A form inside a card, labelled by the card's heading, with FormDialog's behaviour: an always-present alert region,
 * a submit button blocked while the call runs, and focus on the first invalid field after a failed submit (the
 * schema's check or the core's refusal placed on a field).
 */
export function InlineForm({
  labelledBy,
  alert,
  busy,
  busyLabel,
  submitLabel,
  onSubmit,
  children,
}: {
  labelledBy: string;
  alert: string | null;
  busy: boolean;
  busyLabel: string;
  submitLabel: string;
  onSubmit: () => void | Promise<void>;
  children: ReactNode;
}) {
  const styles = useNetworkStyles();
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);

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
      // The form may be gone (the page switched to the joined view): then there is nothing to focus.
      if (form.current) setAttempt((n) => n + 1);
    }
  };

  return (
    <form ref={form} className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} aria-labelledby={labelledBy}>
      <FormAlert message={alert} />
      {children}
      <div className={styles.actions}>
        {busy ? <Spinner size="tiny" label={busyLabel} /> : null}
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
