import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_YEARS, retentionPeriod } from '../../electron/core/contract/retention';
import { CONSENT_FORM_LANGUAGES } from '../../electron/core/contract/types/print-types';
import { placeholdersOf } from '../../electron/core/platform/print/print-html';
import {
  ACCESS_REPORT_FILES,
  accessReportTextsSchema,
  RECORD_LABELS_FILE,
  recordLabelsSchema,
  SUPERVISORY_AUTHORITY_FILE,
  supervisoryAuthoritySchema,
} from '../../electron/core/domain/data-subject/report-texts';

const DIR = join(__dirname, '../../resources/templates/access-report');

function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) for (const [p, t] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, t);
  return out;
}

describe('the Art. 15 report templates a Datenschutz officer reviews', () => {
  const files = readdirSync(DIR).filter((f) => /^[a-z]{2}\.json$/.test(f)).sort();

  it('exist in the consent form’s languages, and the code bundles each of them', () => {
    expect(files).toEqual(['de', ...CONSENT_FORM_LANGUAGES].map((l) => `${l}.json`).sort());
    for (const file of files) {
      const code = file.replace('.json', '') as keyof typeof ACCESS_REPORT_FILES;
      expect(ACCESS_REPORT_FILES[code], file).toEqual(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
    }
    expect(readFileSync(join(DIR, 'README.md'), 'utf8')).toMatch(/sworn translator/i);
  });

  it('each file, the German record labels and the authority’s address pass their schema (no missing or extra key, no empty text)', () => {
    for (const file of files) {
      const parsed = accessReportTextsSchema.safeParse(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), file).toEqual([]);
    }
    expect(recordLabelsSchema.safeParse(RECORD_LABELS_FILE).success).toBe(true);
    expect(supervisoryAuthoritySchema.parse(SUPERVISORY_AUTHORITY_FILE).city).toBe('Düsseldorf');
  });

  it('each language has German’s keys and placeholders, names itself and its direction, and is translated', () => {
    const de = leaves(ACCESS_REPORT_FILES.de);
    for (const [code, file] of Object.entries(ACCESS_REPORT_FILES)) {
      const texts = leaves(file);
      expect([...texts.keys()].sort(), code).toEqual([...de.keys()].sort());
      for (const [path, text] of de) expect(placeholdersOf(texts.get(path)!), `${code}: ${path}`).toEqual(placeholdersOf(text));
      expect(texts.get('meta.code')).toBe(code);
      expect(texts.get('meta.dir'), code).toBe(code === 'ar' || code === 'fa' ? 'rtl' : 'ltr');
      if (code === 'de') continue;
      const copied = [...de].filter(([path, text]) => !path.startsWith('meta.') && texts.get(path) === text);
      expect(copied.map(([p]) => p), code).toEqual([]);
    }
  });
});

describe('the retention rule', () => {
  it('keeps a file with an open case without end, else until 31 December of the basis year plus the years', () => {
    expect(retentionPeriod({ openCases: 1, lastClosedOn: '2020-05-01', createdOn: '2019-01-01' })).toEqual({ kind: 'open', years: DEFAULT_RETENTION_YEARS });
    expect(retentionPeriod({ openCases: 0, lastClosedOn: '2024-01-15', createdOn: '2019-01-01' })).toEqual({
      kind: 'until',
      years: 10,
      from: 'last-case-closed',
      basisDate: '2024-01-15',
      keepUntil: '2034-12-31',
    });
    expect(retentionPeriod({ openCases: 0, lastClosedOn: null, createdOn: '2025-12-31' }, 6)).toMatchObject({ from: 'file-created', keepUntil: '2031-12-31' });
  });

  it('always ends on 31 December, never before the basis date plus the years (property)', () => {
    const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDate, fc.option(isoDate, { nil: null }), fc.integer({ min: 1, max: 30 }), (created, closed, years) => {
        const r = retentionPeriod({ openCases: 0, lastClosedOn: closed, createdOn: created }, years);
        if (r.kind !== 'until') return false;
        const basis = closed ?? created;
        const minimum = `${Number(basis.slice(0, 4)) + years}${basis.slice(4)}`;
        return r.keepUntil.endsWith('-12-31') && r.keepUntil >= minimum && Number(r.keepUntil.slice(0, 4)) === Number(basis.slice(0, 4)) + years;
      }),
    );
  });
});
