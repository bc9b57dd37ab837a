import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minutesFileName } from '../../electron/core/domain/conferences/minutes-document';
import { MINUTES_FILE, minutesTextsSchema } from '../../electron/core/domain/conferences/minutes-texts';
import { referralSheetFileName } from '../../electron/core/domain/referrals/referral-sheet';
import { REFERRAL_SHEET_FILE, referralSheetTextsSchema } from '../../electron/core/domain/referrals/referral-sheet-texts';
import { PRINT_FILE_NAME } from '../../electron/core/contract/types/print-types';
import { placeholdersOf } from '../../electron/core/platform/print/print-html';
import { PRINT_LABELS_FILE, printLabelsSchema } from '../../electron/core/platform/print/print-labels';

const DIR = join(__dirname, '../../resources/templates');

/** The wording files of the Überleitungsbogen and the minutes, and the shared labels, as reviewed data. */
const FILES = [
  { dir: 'referral-sheet', schema: referralSheetTextsSchema, bundled: REFERRAL_SHEET_FILE },
  { dir: 'conference-minutes', schema: minutesTextsSchema, bundled: MINUTES_FILE },
  { dir: 'print-labels', schema: printLabelsSchema, bundled: PRINT_LABELS_FILE },
] as const;

/** The placeholders each text of a file may use (the program fills exactly these). */
const ALLOWED = new Set(['id', 'from', 'until', 'date', 'category', 'recipient']);

function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) for (const [p, t] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, t);
  return out;
}

describe('the print sheet templates (German)', () => {
  it.each(FILES)('$dir/de.json is what the code bundles and passes its schema (no missing, extra or empty key)', ({ dir, schema, bundled }) => {
    const file = JSON.parse(readFileSync(join(DIR, dir, 'de.json'), 'utf8')) as unknown;
    expect(bundled).toEqual(file);
    const parsed = schema.safeParse(file);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(schema.safeParse({ ...(file as object), extra: 'x' }).success).toBe(false);
    for (const [path, text] of leaves(file)) for (const p of placeholdersOf(text)) expect(ALLOWED.has(p), `${path}: {${p}}`).toBe(true);
  });

  it('names downloads only by kind, date and short ids, as the download guard lets through', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.option(fc.uuid()), fc.date({ min: new Date('2020-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (id, partner, d) => {
        const day = d.toISOString().slice(0, 10);
        expect(referralSheetFileName(id, day)).toMatch(PRINT_FILE_NAME);
        expect(minutesFileName(id, partner, day)).toMatch(PRINT_FILE_NAME);
      }),
    );
    expect('ueberleitungsbogen-2026-01-01-abcdef12.pdf.exe').not.toMatch(PRINT_FILE_NAME);
    expect('protokoll-fallkonferenz-2026-01-01-abcdef12-Haddad.pdf').not.toMatch(PRINT_FILE_NAME);
  });
});
