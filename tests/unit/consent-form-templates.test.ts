import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSENT_FORM_LANGUAGES, consentFormLanguageFor } from '../../electron/core/contract/types/print-types';
import { CONSENT_FORM_FILES, consentFormTextsSchema } from '../../electron/core/domain/consent/consent-form-texts';
import { placeholdersOf } from '../../electron/core/platform/print/print-html';

const DIR = join(__dirname, '../../resources/templates/consent-form');

/** Every leaf of a template file as path → text. */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) for (const [p, t] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, t);
  return out;
}

describe('the consent form templates a Datenschutz officer reviews', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

  it('exist for German and exactly the offered languages, and the code bundles each of them', () => {
    expect(files).toEqual(['de', ...CONSENT_FORM_LANGUAGES].map((l) => `${l}.json`).sort());
    for (const file of files) {
      const code = file.replace('.json', '') as keyof typeof CONSENT_FORM_FILES;
      expect(CONSENT_FORM_FILES[code], file).toEqual(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
    }
    expect(readFileSync(join(DIR, 'README.md'), 'utf8')).toMatch(/sworn translator|beeidigte/i);
  });

  it('each file has every key of the schema and no other, with no empty text', () => {
    for (const file of files) {
      const parsed = consentFormTextsSchema.safeParse(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), file).toEqual([]);
    }
  });

  it('each language has the same keys as German and uses the same placeholders in each text', () => {
    const de = leaves(CONSENT_FORM_FILES.de);
    for (const [code, file] of Object.entries(CONSENT_FORM_FILES)) {
      const texts = leaves(file);
      expect([...texts.keys()].sort(), code).toEqual([...de.keys()].sort());
      for (const [path, text] of de) expect(placeholdersOf(texts.get(path)!), `${code}: ${path}`).toEqual(placeholdersOf(text));
    }
  });

  it('names each language and its direction: Arabic and Farsi/Dari right-to-left', () => {
    for (const [code, file] of Object.entries(CONSENT_FORM_FILES)) {
      const meta = (file as { meta: { code: string; dir: string } }).meta;
      expect(meta.code).toBe(code);
      expect(meta.dir, code).toBe(code === 'ar' || code === 'fa' ? 'rtl' : 'ltr');
    }
    expect(consentFormLanguageFor('prs')).toBe('fa');
    expect(consentFormLanguageFor('ar')).toBe('ar');
    expect(consentFormLanguageFor('ti')).toBeNull();
    expect(consentFormLanguageFor('de')).toBeNull();
  });

  it('translations differ from German (no section left untranslated by copying)', () => {
    const de = leaves(CONSENT_FORM_FILES.de);
    for (const code of CONSENT_FORM_LANGUAGES) {
      const texts = leaves(CONSENT_FORM_FILES[code]);
      const copied = [...de].filter(([path, text]) => !path.startsWith('meta.') && texts.get(path) === text);
      expect(copied.map(([p]) => p), code).toEqual([]);
    }
  });
});
