import { z } from 'zod';
import { textSection } from '../../platform/print/print-labels';
import de from '../../../../resources/templates/conference-minutes/de.json';

/**
 * The wording of the conference minutes: a reviewed data file, resources/templates/conference-minutes/de.json
 * (German only). The schema refuses a missing or extra key and an empty text.
 */

const text = z.string().trim().min(1);

export const minutesTextsSchema = z.strictObject({
  title: text,
  subtitle: text,
  for: text,
  forOwnFile: text,
  meeting: textSection(['heading', 'date', 'time', 'office', 'person', 'personWithheld', 'clientPresent', 'present', 'absent', 'interpreter', 'noInterpreter']),
  participants: textSection(['heading', 'name', 'contact', 'role']),
  released: textSection(['heading', 'text', 'none']),
  situations: textSection(['heading', 'area', 'text', 'empty']),
  results: textSection(['heading']),
  actions: textSection(['heading', 'who', 'what', 'due', 'state', 'done', 'open', 'empty']),
  next: textSection(['heading', 'none']),
  confidential: text,
  footer: textSection(['reference']),
});

export type MinutesTexts = z.output<typeof minutesTextsSchema>;

export const MINUTES_FILE: unknown = de;

let parsed: MinutesTexts | null = null;

export function minutesTexts(): MinutesTexts {
  parsed ??= minutesTextsSchema.parse(de);
  return parsed;
}
