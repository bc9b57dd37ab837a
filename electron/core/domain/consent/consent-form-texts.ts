import { z } from 'zod';
import { DATA_CATEGORIES, type DataCategory } from '../../contract/data-categories';
import type { ConsentFormChoice } from '../../contract/types/print-types';
import ar from '../../../../resources/templates/consent-form/ar.json';
import de from '../../../../resources/templates/consent-form/de.json';
import en from '../../../../resources/templates/consent-form/en.json';
import fa from '../../../../resources/templates/consent-form/fa.json';
import ru from '../../../../resources/templates/consent-form/ru.json';
import tr from '../../../../resources/templates/consent-form/tr.json';
import uk from '../../../../resources/templates/consent-form/uk.json';

/**
 * The texts of the consent form, one reviewed data file per language (resources/templates/consent-form/). They are
 * bundled at build time, so what prints is what the Datenschutz officer reviewed; this schema refuses a file with
 * a missing or an extra key, and tests check that every language uses the same placeholders as German.
 */

const text = z.string().trim().min(1);
const section = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, text])) as Record<K, typeof text>);

export const consentFormTextsSchema = z.strictObject({
  meta: z.strictObject({
    code: z.string().regex(/^[a-z]{2,3}$/),
    dir: z.enum(['ltr', 'rtl']),
    /** The language's name in itself, and in German (for the German column). */
    name: text,
    nameInGerman: text,
  }),
  title: text,
  subtitle: text,
  legalBasis: text,
  person: section(['heading', 'name', 'birthDate', 'birthDateUnknown']),
  releasing: section(['heading', 'text']),
  recipients: section(['heading', 'text', 'office', 'agency']),
  direction: section(['heading', 'mutual', 'oneWay']),
  categories: z.strictObject({
    heading: text,
    text,
    labels: section(DATA_CATEGORIES) as z.ZodType<Record<DataCategory, string>>,
  }),
  art9: section(['heading', 'included', 'none', 'notesHint']),
  purpose: section(['heading', 'text', 'originalNote']),
  validity: section(['heading', 'fromUntil', 'fromOpen']),
  voluntary: section(['heading', 'text', 'refusal']),
  revocation: section(['heading', 'text', 'address']),
  language: section(['heading', 'explained', 'interpreter']),
  signature: section(['heading', 'confirm', 'placeDate', 'client', 'staff', 'interpreter']),
  footer: section(['authoritative', 'reference']),
});

export type ConsentFormTexts = z.output<typeof consentFormTextsSchema>;

/** The raw files by language code, for tests that check them key by key. */
export const CONSENT_FORM_FILES: Readonly<Record<ConsentFormChoice, unknown>> = { de, ar, fa, uk, ru, tr, en };

let parsed: Map<ConsentFormChoice, ConsentFormTexts> | null = null;

/** The validated texts of one language (parsed once; a broken file fails the first print, loudly, and every test). */
export function consentFormTexts(language: ConsentFormChoice): ConsentFormTexts {
  parsed ??= new Map(
    (Object.entries(CONSENT_FORM_FILES) as [ConsentFormChoice, unknown][]).map(([code, file]) => [code, consentFormTextsSchema.parse(file)]),
  );
  return parsed.get(language)!;
}
