import type { Control, FieldPathByValue, FieldValues } from 'react-hook-form';
import { PassphraseStrengthMeter } from '../components/PassphraseStrengthMeter';
import type { PassphraseAssessment } from '../components/passphrase-assessment';
import { TextField } from './fields';

/** The fields every form that sets a passphrase shares: the new one with its hint, the strength meter, the repeat. */
/** Field names fixed by the contract's inputs (`newPassphrase`) and the forms' own repeat field. */
type Named<T extends FieldValues> = FieldPathByValue<T, string | null | undefined>;

export function NewPassphraseFields<T extends FieldValues & { newPassphrase: string; repeat: string }>({
  control,
  assessment,
  meterId,
  labels,
}: {
  control: Control<T, unknown, unknown>;
  assessment: PassphraseAssessment;
  meterId: string;
  labels: { next: string; hint: string; repeat: string };
}) {
  return (
    <>
      <TextField
        control={control}
        name={'newPassphrase' as Named<T>}
        label={labels.next}
        hint={labels.hint}
        required
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        autoCapitalize="none"
      />
      <PassphraseStrengthMeter assessment={assessment} id={meterId} />
      <TextField control={control} name={'repeat' as Named<T>} label={labels.repeat} required type="password" autoComplete="new-password" spellCheck={false} autoCapitalize="none" />
    </>
  );
}
