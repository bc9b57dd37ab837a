import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { addDays, berlinDate } from '../../electron/core/contract/dates';
import { CONSENT_FORM_LANGUAGES, PRINT_FILE_NAME, type ConsentFormChoice } from '../../electron/core/contract/types/print-types';
import { consentFormTexts, type ConsentFormTexts } from '../../electron/core/domain/consent/consent-form-texts';
import { CASE_MANAGER, caseWorkerVault, clientInput } from '../helpers/case-worker';
import { startChromiumPdf, type ChromiumPdf } from '../helpers/chromium-pdf';
import { enrolAccount } from '../helpers/enrol';
import { letters, pdfContains, pdfInfo, pdfStructure, pdfText } from '../helpers/pdf-text';
import { ADMIN_PASSPHRASE, call, switchUser, tempDir } from '../helpers/temp-vault';

const TODAY = berlinDate(new Date());
const HOSTILE_FAMILY = '<img src=x onerror=alert(1)>"Haddad';
const HOSTILE_AGENCY = '</li><script>fetch("http://evil")</script>Caritas';
const ABH = { login: 'abh.kaya', displayName: 'Ali Kaya', role: 'abh' as const, passphrase: 'Stempelkissen duften nach 44 Lavendelfeldern' };
const KO = { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination' as const, passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };

/** The phrases of one language every printed form must contain (headings and fixed statements, from the data file). */
function requiredPhrases(t: ConsentFormTexts, mutual: boolean): string[] {
  return [
    t.title,
    t.person.heading,
    t.releasing.heading,
    t.recipients.heading,
    t.direction.heading,
    (mutual ? t.direction.mutual : t.direction.oneWay).split('{')[0]!,
    t.categories.heading,
    t.art9.heading,
    t.purpose.heading,
    t.validity.heading,
    t.voluntary.heading,
    t.voluntary.text,
    t.revocation.heading,
    t.revocation.address,
    t.language.heading,
    t.language.interpreter,
    t.signature.heading,
    t.signature.placeDate,
    t.signature.client,
    t.signature.staff,
  ];
}

describe('the consent form as a tagged PDF (consents.printForm)', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let chromium: ChromiumPdf;
  let clientId: string;
  let consentId: string;
  let noHealthId: string;
  const pdfs = new Map<ConsentFormChoice, { fileName: string; text: string; info: Record<string, string>; structure: { tree: string; complaints: string } }>();

  beforeAll(async () => {
    ({ core } = await caseWorkerVault(tmp.dir));
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    await enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, ABH);
    await enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, KO);
    await switchUser(core, KO.login, KO.passphrase);
    const caritas = await call(core, 'partners.save', { name: 'Caritas Migrationsberatung Selm', kind: 'migrationsberatung', street: 'Kreisstraße 5', postalCode: '59379', city: 'Selm' });
    await switchUser(core, CASE_MANAGER.login, CASE_MANAGER.passphrase);
    chromium = await startChromiumPdf();
    const client = await call(core, 'clients.create', clientInput(HOSTILE_FAMILY, 'Amira', { birthDate: '1988-04-02', languages: [{ code: 'ar', interpreterNeeded: true }] }));
    clientId = client.id;
    const withConsent = await call(core, 'consents.add', {
      clientId,
      parties: ['abh-lunen', 'werne'],
      agencies: ['Jobcenter Kreis Unna', HOSTILE_AGENCY],
      partnerIds: [caritas.id],
      categories: ['residence', 'health', 'master'],
      purpose: 'Klärung der Bleibeperspektive & Wohnungssuche <b>dringend</b>',
      validFrom: TODAY,
      validUntil: addDays(TODAY, 180),
      form: 'oral',
      oralRecord: 'Mündlich mit Dolmetscherin erklärt',
    });
    consentId = withConsent.consents[0]!.id;
    const second = await call(core, 'consents.add', {
      clientId,
      agencies: ['Sozialamt Lünen'],
      categories: ['finances', 'conversation-notes'],
      purpose: 'Antrag auf Leistungen',
      validFrom: TODAY,
      form: 'oral',
      oralRecord: 'Telefonisch bestätigt',
    });
    noHealthId = second.consents.find((c) => c.id !== consentId)!.id;
    for (const language of ['de', ...CONSENT_FORM_LANGUAGES] as ConsentFormChoice[]) {
      const doc = await call(core, 'consents.printForm', { consentId, language, mutual: language !== 'tr' });
      const pdf = await chromium.print(doc.html);
      pdfs.set(language, { fileName: doc.fileName, text: pdfText(pdf), info: pdfInfo(pdf), structure: pdfStructure(pdf) });
    }
  }, 240_000);

  afterAll(async () => {
    await chromium?.close();
    await core.close();
    tmp.cleanup();
  });

  it('prints a tagged A4 PDF for German and every offered language, named without personal data', () => {
    for (const [language, p] of pdfs) {
      expect(p.info.Tagged, language).toBe('yes');
      expect(p.info['Page size'], language).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)$/);
      expect(p.fileName, language).toMatch(PRINT_FILE_NAME);
      expect(p.fileName).not.toMatch(/haddad|amira/i);
    }
    expect(pdfs.get('de')!.fileName).toBe(`einwilligung-${TODAY}-${consentId.slice(0, 8)}.pdf`);
    expect(pdfs.get('ar')!.fileName).toBe(`einwilligung-${TODAY}-${consentId.slice(0, 8)}-ar.pdf`);
  });

  it('has a structure tree of standard types: a heading per section, tables with header cells, lists', () => {
    for (const [language, { structure }] of pdfs) {
      const types = structure.tree.split('\n').map((l) => l.trim().split(/[\s:<]/)[0]);
      const count = (t: string) => types.filter((x) => x === t).length;
      expect(count('H1'), language).toBe(1);
      // Eleven sections, each with its heading in German (and in the translation beside it).
      expect(count('H2'), language).toBe(language === 'de' ? 11 : 22);
      expect(count('Table'), language).toBeGreaterThanOrEqual(1);
      expect(count('TH'), language).toBeGreaterThanOrEqual(2);
      expect(count('L'), language).toBeGreaterThanOrEqual(3);
      expect(count('LI'), language).toBeGreaterThanOrEqual(4);
      expect(structure.complaints, language).toBe('');
    }
  });

  it('contains every required element in German and in the chosen language', () => {
    const de = consentFormTexts('de');
    for (const [language, p] of pdfs) {
      const mutual = language !== 'tr';
      expect(requiredPhrases(de, mutual).filter((phrase) => !pdfContains(p.text, phrase, false)), `de in ${language}`).toEqual([]);
      if (language === 'de') continue;
      const t = consentFormTexts(language);
      const wanted = [...requiredPhrases(t, mutual), t.footer.authoritative, t.categories.labels.health];
      expect(wanted.filter((phrase) => !pdfContains(p.text, phrase, t.meta.dir === 'rtl')), language).toEqual([]);
    }
  });

  it('names the client, the releasing office with its address, each recipient, purpose and validity', () => {
    const text = pdfs.get('de')!.text;
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Amira');
    expect(flat).toContain('02.04.1988');
    expect(flat).toContain('Stadt Lünen');
    expect(flat).toContain('Willy-Brandt-Platz 1');
    expect(flat).toContain('44532 Lünen');
    expect(flat).toContain('Stadt Werne, Kommunales Integrationsmanagement');
    expect(flat).toContain('Stadt Lünen, Ausländerbehörde');
    expect(flat).toContain('Jobcenter Kreis Unna');
    // A partner of the directory with its address.
    expect(flat).toContain('Caritas Migrationsberatung Selm, Kreisstraße 5, 59379 Selm');
    expect(flat).toContain(TODAY.split('-').reverse().join('.'));
    expect(flat).toContain(addDays(TODAY, 180).split('-').reverse().join('.'));
    expect(letters(flat)).toContain(letters('Klärung der Bleibeperspektive & Wohnungssuche <b>dringend</b>'));
    expect(letters(flat)).toContain(letters(consentFormTexts('de').direction.mutual.split('{')[0]!));
    expect(letters(pdfs.get('tr')!.text)).toContain(letters(consentFormTexts('de').direction.oneWay.split('{')[0]!));
    // The language of the explanation: named with a translation, written in by hand on a German-only form.
    expect(letters(pdfs.get('ar')!.text)).toContain(letters('Diese Erklärung wurde mir in dieser Sprache erläutert: Arabisch'));
    expect(letters(pdfs.get('tr')!.text)).toContain(letters('erläutert: Türkisch'));
    expect(letters(text)).not.toMatch(/erläutertDeutsch/);
  });

  it('lists only the consent\'s categories and names the Art. 9 categories explicitly', async () => {
    const de = consentFormTexts('de');
    const text = letters(pdfs.get('de')!.text);
    for (const c of ['master', 'residence', 'health'] as const) expect(text).toContain(letters(de.categories.labels[c]));
    for (const c of ['family', 'work-education', 'finances', 'conversation-notes'] as const) expect(text).not.toContain(letters(de.categories.labels[c]));
    expect(text).toContain(letters(de.art9.included));
    expect(text).not.toContain(letters(de.art9.none));
    const ar = consentFormTexts('ar');
    expect(pdfContains(pdfs.get('ar')!.text, ar.art9.included, true)).toBe(true);
    expect(pdfContains(pdfs.get('ar')!.text, ar.art9.none, true)).toBe(false);
    // Without health data the form says that no Art. 9 data are covered; conversation notes carry the hint.
    const other = letters(pdfText(await chromium.print((await call(core, 'consents.printForm', { consentId: noHealthId, language: 'de', mutual: false })).html)));
    expect(other).toContain(letters(de.art9.none));
    expect(other).toContain(letters(de.art9.notesHint));
    expect(other).toContain(letters(de.categories.labels.finances));
    expect(other).not.toContain(letters(de.categories.labels.health));
    expect(other).not.toContain(letters('Jobcenter Kreis Unna'));
  });

  it('escapes hostile names and texts: they print as text and add no markup', async () => {
    const flat = pdfs.get('de')!.text.replace(/\s+/g, ' ');
    expect(flat).toContain('<img src=x onerror=alert(1)>"Haddad');
    expect(flat).toContain('</li><script>fetch("http://evil")</script>Caritas');
    const doc = await call(core, 'consents.printForm', { consentId, language: 'ar', mutual: true });
    expect(doc.html).not.toMatch(/<script|<img|<b>|<\/li><script/i);
    expect(doc.html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;Haddad');
  });

  it('sets language and direction per part: Arabic and Farsi right-to-left beside the German text', async () => {
    for (const language of ['ar', 'fa'] as const) {
      const { html } = await call(core, 'consents.printForm', { consentId, language, mutual: true });
      expect(html).toMatch(/^<!DOCTYPE html><html lang="de" dir="ltr">/);
      expect(html).toContain(`<div lang="${language}" dir="rtl">`);
      expect(html).toContain('<div lang="de" dir="ltr">');
      expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;/);
    }
    expect((await call(core, 'consents.printForm', { consentId, language: 'uk', mutual: true })).html).toContain('<div lang="uk" dir="ltr">');
  });

  it('records the print in the audit trail with ids and options only', async () => {
    await switchUser(core, 'admin', ADMIN_PASSPHRASE);
    const trail = await call(core, 'audit.list', { entityId: clientId, action: 'consents.printForm' });
    await switchUser(core, CASE_MANAGER.login, CASE_MANAGER.passphrase);
    expect(trail.total).toBeGreaterThanOrEqual(7);
    const row = trail.rows[0]!;
    expect(row.entity).toBe('client');
    expect(row.fields).toEqual(expect.arrayContaining(['print:consent-form', `consent:${consentId}`]));
    expect(JSON.stringify(trail.rows)).not.toMatch(/Haddad|Amira|Bleibeperspektive|Jobcenter/);
  });

  it('refuses a revoked consent, an unknown one, bad options, and every office but the keeping one', async () => {
    expect(await core.dispatch('consents.printForm', { consentId, language: 'xx', mutual: true })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    expect(await core.dispatch('consents.printForm', { consentId, language: 'de' })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    expect(await core.dispatch('consents.printForm', { consentId: '00000000-0000-4000-8000-000000000000', language: 'de', mutual: true })).toMatchObject({
      ok: false,
      error: { code: 'record.notFound' },
    });
    // The ABH sees this consent (it names the ABH) but does not print it: that is the keeping office's work.
    await switchUser(core, ABH.login, ABH.passphrase);
    expect(await core.dispatch('consents.printForm', { consentId, language: 'de', mutual: true })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    await switchUser(core, CASE_MANAGER.login, CASE_MANAGER.passphrase);
    const detail = await call(core, 'clients.get', { id: clientId });
    const second = detail.consents.find((c) => c.id === noHealthId)!;
    await call(core, 'consents.revoke', { id: second.id, version: second.version, revokedOn: TODAY, form: 'oral', note: null });
    expect(await core.dispatch('consents.printForm', { consentId: noHealthId, language: 'de', mutual: true })).toMatchObject({ ok: false, error: { code: 'consent.alreadyRevoked' } });
  });
});
