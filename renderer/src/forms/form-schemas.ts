import { z } from 'zod';
import { isoDateSchema } from '../api/core';
import { isoFromGerman } from '../components/DateField';

/**
 * Pieces for form schemas derived from the contract's: what the user types differs from what the API takes (a
 * German date, a number typed as text), so the form parses it and then hands it to the contract's own rule.
 */

/** German day text (TT.MM.JJJJ) → ISO, or '' when blank; a text that is no date fails with "dates.invalid". */
const germanDayText = z.string().transform((text, ctx) => {
  const iso = isoFromGerman(text);
  if (iso !== null) return iso;
  ctx.addIssue({ code: 'custom', input: text, params: { key: 'dates.invalid' } });
  return z.NEVER;
});

/** A required calendar day typed the German way, checked by the contract's date schema. */
export const germanDay = germanDayText.pipe(isoDateSchema);

/** An optional calendar day typed the German way: blank becomes null. */
export const optionalGermanDay = germanDayText.transform((iso) => iso || null).pipe(isoDateSchema.nullable());

/** Free text that the API takes as null when blank. */
export const blankAsNull = (schema: z.ZodType<string | null, string>) => z.string().transform((v) => (v.trim() ? v : null)).pipe(schema.nullable());
