import { z } from 'zod';
import { GOAL_STATUSES, HOUSEHOLD_RELATIONS, LIFE_AREAS, NEED_LEVELS, RESIDENCE_TYPES } from '../../contract/case-domain';
import { DATA_CATEGORIES } from '../../contract/data-categories';
import labelsDe from '../../../../resources/templates/print-labels/de.json';

/**
 * The German words printed documents use for the file's vocabularies (data categories, life areas, need levels,
 * goal states, residence types, household relations): one reviewed data file, resources/templates/print-labels/,
 * shared by the Überleitungsbogen and the conference minutes. The schema refuses a missing or extra key.
 */

const text = z.string().trim().min(1);
/** Exactly one non-empty text per value of a vocabulary. */
export const vocabulary = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, text])) as Record<K, typeof text>) as unknown as z.ZodType<Record<K, string>>;
/** A section of a template: exactly these keys, each a non-empty text. */
export const textSection = vocabulary;

export const printLabelsSchema = z.strictObject({
  categories: vocabulary(DATA_CATEGORIES),
  lifeAreas: vocabulary(LIFE_AREAS),
  needLevels: vocabulary(NEED_LEVELS),
  goalStatuses: vocabulary(GOAL_STATUSES),
  residenceTypes: vocabulary(RESIDENCE_TYPES),
  relations: vocabulary(HOUSEHOLD_RELATIONS),
  notRecorded: text,
  none: text,
});

export type PrintLabels = z.output<typeof printLabelsSchema>;

export const PRINT_LABELS_FILE: unknown = labelsDe;

let parsed: PrintLabels | null = null;

/** The validated labels (parsed once; a broken file fails the first print and every test). */
export function printLabels(): PrintLabels {
  parsed ??= printLabelsSchema.parse(labelsDe);
  return parsed;
}

const languageNames = new Intl.DisplayNames(['de'], { type: 'language', fallback: 'code' });
const regionNames = new Intl.DisplayNames(['de'], { type: 'region', fallback: 'code' });

/** A language code (ISO 639) in German ("ar" → "Arabisch"); an unknown code stays as it is. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A nationality (ISO 3166 alpha-2, or 'stateless' / 'unclarified') in German. */
export function nationalityName(code: string): string {
  if (code === 'stateless') return 'staatenlos';
  if (code === 'unclarified') return 'ungeklärt';
  try {
    return /^[A-Z]{2}$/i.test(code) ? (regionNames.of(code.toUpperCase()) ?? code) : code;
  } catch {
    return code;
  }
}
