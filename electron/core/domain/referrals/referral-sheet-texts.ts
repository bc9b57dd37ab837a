import { z } from 'zod';
import { REFERRAL_URGENCIES } from '../../contract/referral-domain';
import { textSection, vocabulary } from '../../platform/print/print-labels';
import de from '../../../../resources/templates/referral-sheet/de.json';

/**
 * The wording of the Überleitungsbogen: a reviewed data file, resources/templates/referral-sheet/de.json (German
 * only: the sheet goes to a German agency). The schema refuses a missing or extra key and an empty text.
 */

const text = z.string().trim().min(1);
const PERSON_FIELDS = ['street', 'postalCode', 'city', 'phone', 'email', 'nationalities', 'languages', 'interpreter', 'residenceType', 'legalBasis', 'validUntil', 'household'] as const;
export type ReferralSheetField = (typeof PERSON_FIELDS)[number];

export const referralSheetTextsSchema = z.strictObject({
  title: text,
  subtitle: text,
  from: textSection(['heading']),
  to: textSection(['heading', 'contact', 'role', 'phone', 'email', 'noContact']),
  referral: z.strictObject({ heading: text, date: text, urgency: text, urgencies: vocabulary(REFERRAL_URGENCIES), request: text }),
  consent: textSection(['heading', 'text', 'basis', 'item', 'itemUntil', 'noCategories']),
  person: z.strictObject({ heading: text, name: text, birthDate: text, unknown: text, fields: vocabulary(PERSON_FIELDS) }),
  category: textSection(['heading', 'assessment', 'area', 'need', 'note', 'goals', 'goal', 'status', 'notes', 'noteDate', 'noteText', 'empty']),
  feedback: textSection(['heading', 'due', 'open', 'to']),
  confidential: text,
  signature: textSection(['heading', 'placeDate', 'staff']),
  footer: textSection(['reference']),
});

export type ReferralSheetTexts = z.output<typeof referralSheetTextsSchema>;

export const REFERRAL_SHEET_FILE: unknown = de;

let parsed: ReferralSheetTexts | null = null;

export function referralSheetTexts(): ReferralSheetTexts {
  parsed ??= referralSheetTextsSchema.parse(de);
  return parsed;
}

/** The person fields in print order. */
export const REFERRAL_SHEET_FIELDS = PERSON_FIELDS;
