import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { addDays, berlinDate } from '../../electron/core/contract/dates';
import { PRINT_FILE_NAME } from '../../electron/core/contract/types/print-types';
import { startChromiumPdf, type ChromiumPdf } from '../helpers/chromium-pdf';
import { enrolAccounts } from '../helpers/enrol';
import { pdfContains, pdfInfo, pdfStructure, pdfText } from '../helpers/pdf-text';
import { ADMIN_PASSPHRASE, call, openRawVault, setupVault, tempDir } from '../helpers/temp-vault';

/**
 * The Art. 15 report (dataSubject.accessReport) on a real vault, rendered to a tagged PDF through Chromium and read
 * back with pdftotext: it lists every stored record of a seeded person (cases with goals, measures and notes,
 * documents by name, consents, a sent referral, conference minutes, a household mention in another file) and every
 * recipient (offices and the ABH by consent and sync, partners by referral and minutes, an agency); who saw the file;
 * the retention period; rights and the LDI NRW. Writing it is audited under the file; other roles and offices are
 * refused, and Datenschutz gets the report without the texts its role holds no key for.
 */

const TODAY = berlinDate(new Date());
const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const FM = { login: 'fm.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement' as const, passphrase: 'Seseke Brücke am Morgen 2026' };
const KO = { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination' as const, passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };
const VW = { login: 'vw.peters', displayName: 'Jonas Peters', role: 'verwaltung' as const, passphrase: 'Aktenwagen quietschen leise im dritten Stock 88' };
const DS = { login: 'ds.brandt', displayName: 'Ilse Brandt', role: 'datenschutz' as const, passphrase: 'Graue Möwen kreisen 31 Mal über dem Hafen' };
const FM_WERNE = { login: 'fm.werne', displayName: 'Tobias Werner', role: 'fallmanagement' as const, office: 'werne' as const, passphrase: 'Solebad Werne öffnet um 6 Uhr für Schwäne' };

const PARTNER = {
  kind: 'migrationsberatung',
  rechtskreise: [],
  street: 'Marktplatz 3',
  postalCode: '44532',
  city: 'Lünen',
  openingHours: null,
  phone: null,
  email: null,
  languages: ['de'],
  services: ['migration-counselling-adults'],
  offices: ['lunen'],
  notes: null,
};
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR test image')]).toString('base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

/** Every stored value of the person the report must list (texts as the PDF shows them). */
const STORED = {
  note1: 'Erzählt von Schulden bei der Vermieterin',
  note2: 'Telefonat wegen des Sprachkurses',
  closure: 'Arbeit als Elektriker gefunden',
  goalWork: 'Anerkennung des Berufsabschlusses',
  measureWork: 'Unterlagen zur Anerkennungsstelle bringen',
  goalHealth: 'Hausarzt finden',
  measureHealth: 'Termin bei Praxis Dr. Brandt',
  assessmentHealth: 'Diabetes Typ 2, Insulin',
  docIdentity: 'reisepass-haddad.png',
  docMedical: 'befund-diabetes.pdf',
  consentMbe: 'Vermittlung in die Migrationsberatung',
  consentOffices: 'Klärung der Bleibeperspektive',
  consentAgency: 'Antrag auf Leistungen',
  referral: 'Bitte Beratung zur Anerkennung',
  results: 'Einigung auf gemeinsamen Hilfeplan',
  residence: '§ 25 Abs. 2 AufenthG',
  household: 'Amal Haddad',
};

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('the Art. 15 report', () => {
  const tmp = tempDir('kim-akte-art15-');
  let core: CoreDispatcher;
  let recoveryKey: string;
  let chromium: ChromiumPdf;
  let clientId: string;
  let otherId: string;

  const as = async (who: { login: string; passphrase: string }) => {
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: who.login, passphrase: who.passphrase });
  };
  const render = async (doc: { html: string }) => {
    const pdf = await chromium.print(doc.html);
    return { pdf, raw: pdfText(pdf), text: flat(pdfText(pdf)) };
  };

  beforeAll(async () => {
    ({ core, recoveryKey } = await setupVault(tmp.dir));
    await enrolAccounts(core, ADMIN, [FM, KO, VW, DS, FM_WERNE]);
    await as(KO);
    const mbe = (await call(core, 'partners.save', { ...PARTNER, name: 'MBE Caritas Lünen' })).id;
    const jc = (await call(core, 'partners.save', { ...PARTNER, name: 'Jobcenter Kreis Unna', kind: 'jobcenter', street: 'Bahnhofstraße 9' })).id;
    await as(FM);
    const client = await call(core, 'clients.create', {
      familyName: 'Haddad',
      givenNames: 'Rami',
      birthDate: '1990-04-01',
      street: 'Lange Straße 7',
      postalCode: '44532',
      city: 'Lünen',
      languages: [{ code: 'ar', interpreterNeeded: true }],
    });
    clientId = client.id;
    await call(core, 'residence.add', { clientId, type: 'aufenthaltserlaubnis', legalBasis: STORED.residence, validFrom: addDays(TODAY, -100), validUntil: addDays(TODAY, 300) });
    await call(core, 'household.add', { clientId, name: STORED.household, relation: 'child', birthYear: 2015 });
    await call(core, 'documents.upload', { clientId, fileName: STORED.docIdentity, mimeType: 'image/png', category: 'identity', contentBase64: PNG });
    await call(core, 'documents.upload', { clientId, fileName: STORED.docMedical, mimeType: 'application/pdf', category: 'medical', contentBase64: PDF });
    // The first case, closed: its closing year starts the retention period once the second one closes too.
    const first = await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2'] });
    const work = await call(core, 'goals.add', { caseId: first.id, area: 'work', title: STORED.goalWork });
    await call(core, 'measures.add', { goalId: work.goals[0]!.id, title: STORED.measureWork, owner: 'KIM' });
    await call(core, 'notes.add', { caseId: first.id, occurredOn: addDays(TODAY, -30), kind: 'in-person', text: STORED.note1, internal: false });
    const current = await call(core, 'cases.get', { id: first.id });
    const moved = await call(core, 'cases.setPhase', { id: first.id, version: current.version, phase: 'assessment' });
    await call(core, 'cases.close', {
      id: first.id,
      version: moved.version,
      reason: 'goals-achieved',
      summary: STORED.closure,
      goalOutcomes: [{ goalId: work.goals[0]!.id, status: 'achieved', outcomeNote: 'Bescheid liegt vor' }],
    });
    const second = await call(core, 'cases.open', { clientId, rechtskreise: ['aufenthg'] });
    const health = await call(core, 'goals.add', { caseId: second.id, area: 'health', title: STORED.goalHealth });
    await call(core, 'measures.add', { goalId: health.goals.find((g) => g.area === 'health')!.id, title: STORED.measureHealth, owner: 'Klient' });
    await call(core, 'assessment.set', { caseId: second.id, area: 'health', need: 'some', note: STORED.assessmentHealth });
    await call(core, 'notes.add', { caseId: second.id, occurredOn: TODAY, kind: 'phone', text: STORED.note2, internal: true });
    await call(core, 'consents.add', { clientId, partnerIds: [mbe], categories: ['master', 'work-education'], purpose: STORED.consentMbe, validFrom: TODAY, form: 'oral', oralRecord: 'mit Dolmetscherin erklärt' });
    const offices = await call(core, 'consents.add', { clientId, parties: ['werne', 'abh-lunen'], categories: ['master', 'residence'], purpose: STORED.consentOffices, validFrom: addDays(TODAY, -20), form: 'oral', oralRecord: 'mit Dolmetscherin erklärt' });
    await call(core, 'consents.add', { clientId, agencies: ['Sozialamt Lünen'], categories: ['finances'], purpose: STORED.consentAgency, validFrom: TODAY, form: 'oral', oralRecord: 'im Gespräch erklärt' });
    const all = await call(core, 'consents.add', { clientId, partnerIds: [jc], categories: ['master', 'health', 'conversation-notes'], purpose: 'Eingliederung in Arbeit', validFrom: TODAY, form: 'oral', oralRecord: 'mit Dolmetscherin erklärt' });
    expect(offices.consents.length).toBeGreaterThan(0);
    const r = await call(core, 'referrals.create', { caseId: second.id, partnerId: mbe, request: STORED.referral, categories: ['master', 'work-education'] });
    const sent = await call(core, 'referrals.send', { id: r.id, version: r.version });
    await call(core, 'referrals.feedback', { id: r.id, version: sent.version, state: 'accepted' });
    const conference = await call(core, 'conferences.save', {
      caseId: second.id,
      heldOn: TODAY,
      clientPresent: true,
      consentId: all.consents.find((c) => c.purpose === 'Eingliederung in Arbeit')!.id,
      participants: [{ kind: 'partner', partnerId: jc, role: 'Arbeitsvermittlung' }],
      situations: [{ area: 'health', text: STORED.assessmentHealth }],
      results: STORED.results,
    });
    await call(core, 'conferences.printMinutes', { conferenceId: conference.id, partnerId: jc });
    // Another person's file names Rami Haddad in its household (spelled with the birth year).
    const other = await call(core, 'clients.create', { familyName: 'Haddad', givenNames: 'Leila', birthDate: '1992' });
    otherId = other.id;
    await call(core, 'household.add', { clientId: otherId, name: 'Rami Haddad', relation: 'spouse', birthYear: 1990 });
    await call(core, 'household.add', { clientId: otherId, name: 'Rami Haddad', relation: 'other', birthYear: 1960 });
    // Werne's workstation joined the network: the consent naming Werne sends it the file by sync.
    const db = openRawVault(tmp.dir, recoveryKey);
    try {
      db.prepare(
        `INSERT INTO sync_device (device_id, office, sign_key, box_key, fingerprint, status, enrolled_at) VALUES ('device-werne-1', 'werne', 'k', 'k', 'f', 'member', ?)`,
      ).run(new Date(Date.now() - 10 * 86_400_000).toISOString());
      // Selm's workstation wrote the phone number (a file handed over, say): a source not collected from the person here.
      db.prepare(
        `INSERT INTO sync_device (device_id, office, sign_key, box_key, fingerprint, status, enrolled_at) VALUES ('device-selm-1', 'selm', 'k', 'k', 'f', 'member', ?)`,
      ).run(new Date().toISOString());
      db.prepare(`INSERT OR REPLACE INTO sync_clock (entity, entity_id, field, hlc, device) VALUES ('client', ?, 'phone', '001764500000000-000000', 'device-selm-1')`).run(clientId);
    } finally {
      db.close();
    }
    chromium = await startChromiumPdf();
  }, 240_000);

  afterAll(async () => {
    await chromium?.close();
    await core.close();
    tmp.cleanup();
  });

  it('previews what the report will contain', async () => {
    await as(FM);
    const p = await call(core, 'dataSubject.accessPreview', { clientId });
    expect(p.displayName).toBe('Haddad, Rami');
    expect(p.suggestedLanguage).toBe('ar');
    expect(p.counts).toEqual({ cases: 2, goals: 2, measures: 2, notes: 2, documents: 2, consents: 4, referrals: 1, conferences: 1, residence: 1, household: 1, mentions: 1 });
    expect(p.recipients).toEqual(['Stadt Werne, Kommunales Integrationsmanagement', 'Stadt Lünen, Ausländerbehörde', 'Jobcenter Kreis Unna', 'MBE Caritas Lünen', 'Sozialamt Lünen']);
    expect(p.retention).toMatchObject({ kind: 'open', years: 10 });
    expect(p.withheld).toEqual([]);
  });

  it('lists every stored record and every recipient in a tagged PDF, in German and Arabic', async () => {
    await as(FM);
    const doc = await call(core, 'dataSubject.accessReport', { clientId, language: 'ar' });
    expect(doc.fileName).toMatch(PRINT_FILE_NAME);
    expect(doc.fileName).toMatch(new RegExp(`^auskunft-art15-${TODAY}-[0-9a-f]{8}-ar\\.pdf$`));
    const { pdf, raw, text } = await render(doc);
    // KIM_ART15_PDF=<file> keeps the PDF for a look at the layout.
    if (process.env.KIM_ART15_PDF) (await import('node:fs')).writeFileSync(process.env.KIM_ART15_PDF, pdf);
    expect(pdfInfo(pdf)['Tagged']).toBe('yes');
    expect(pdfStructure(pdf).tree).toMatch(/H1/);
    for (const value of Object.values(STORED)) expect(text, value).toContain(value);
    for (const recipient of ['Stadt Werne', 'Ausländerbehörde', 'MBE Caritas Lünen', 'Jobcenter Kreis Unna', 'Sozialamt Lünen']) expect(text, recipient).toContain(recipient);
    // How each recipient got the data: referral, minutes, consent, and sync to Werne's one workstation.
    expect(text).toContain('Vermittlung gesendet am');
    expect(text).toContain('Protokoll einer Fallkonferenz ausgehändigt am');
    expect(text).toMatch(/Abgleich an 1 Arbeitsplatz/);
    // Sources: the partner's feedback, the conference, the other file's household (which is not named).
    expect(text).toContain('Rückmeldung von MBE Caritas Lünen');
    expect(text).toContain('Angaben einer anderen Person');
    expect(text).toContain('Angaben, die Stadt Selm, Kommunales Integrationsmanagement erfasst und per Abgleich übermittelt hat');
    expect(text).not.toContain('Leila');
    // Rights, retention, the supervisory authority.
    for (const phrase of ['Art. 16 DSGVO', 'Art. 17 DSGVO', 'Art. 18 DSGVO', 'Art. 21 DSGVO', 'Art. 77 DSGVO', 'Kavalleriestraße 2–4', '40213 Düsseldorf', '10 Jahre nach dem Ende des Jahres']) {
      expect(text, phrase).toContain(phrase);
    }
    // Who saw the file: the case manager, grouped.
    expect(text).toContain('Derya Yilmaz');
    expect(text).toMatch(/Derya Yilmaz Fallmanagement Stadt Lünen, Kommunales Integrationsmanagement geändert/);
    // The explanatory parts also in Arabic.
    expect(pdfContains(raw, 'حقوقك', true)).toBe(true);
  });

  it('is audited under the person’s file, and appears among its accesses', async () => {
    await as(FM);
    const doc = await call(core, 'dataSubject.accessReport', { clientId, language: 'de' });
    await as(DS);
    const page = await call(core, 'audit.list', { entityId: clientId, action: 'dataSubject.accessReport', offset: 0, limit: 10 });
    expect(page.rows.length).toBe(2);
    const entry = page.rows[0]!;
    expect(entry.entity).toBe('client');
    expect(entry.entityId).toBe(clientId);
    expect(entry.fields).toEqual(expect.arrayContaining(['print:art15-report', 'language:de']));
    expect(entry.fields.some((f) => f.startsWith(`report:${doc.fileName.slice(26, 34)}`))).toBe(true);
    // No value of the file in the entry.
    expect(JSON.stringify(page.rows)).not.toMatch(/Haddad|Rami|Schulden/);
    // The next report lists the report writing among the accesses (printed).
    await as(FM);
    const { text } = await render(await call(core, 'dataSubject.accessReport', { clientId, language: 'de' }));
    expect(text).toMatch(/Derya Yilmaz Fallmanagement Stadt Lünen, Kommunales Integrationsmanagement gedruckt oder ausgegeben/);
  });

  it('lets Datenschutz of the keeping office write it, without the texts its role holds no key for', async () => {
    await as(DS);
    const preview = await call(core, 'dataSubject.accessPreview', { clientId });
    expect(preview.withheld).toEqual(['health', 'conversation-notes']);
    const { text } = await render(await call(core, 'dataSubject.accessReport', { clientId, language: 'de' }));
    for (const value of [STORED.goalWork, STORED.measureWork, STORED.docIdentity, STORED.consentMbe, STORED.referral, 'Jobcenter Kreis Unna', 'Stadt Werne']) expect(text, value).toContain(value);
    for (const secret of [STORED.note1, STORED.note2, STORED.goalHealth, STORED.assessmentHealth, STORED.results, STORED.docMedical]) expect(text, secret).not.toContain(secret);
    expect(text).toContain('verschlüsselt – von der Fallberatung ergänzt');
  });

  it('refuses Verwaltung, Koordination and another office, and audits the refusal under the file', async () => {
    for (const who of [VW, KO]) {
      await as(who);
      const r = await core.dispatch('dataSubject.accessReport', { clientId, language: 'de' });
      expect(r.ok ? null : r.error.code, who.login).toBe('permission.denied');
      const p = await core.dispatch('dataSubject.accessPreview', { clientId });
      expect(p.ok ? null : p.error.code, who.login).toBe('permission.denied');
    }
    await as(FM_WERNE);
    const werne = await core.dispatch('dataSubject.accessReport', { clientId, language: 'de' });
    expect(werne.ok ? null : werne.error).toEqual({ code: 'permission.denied', params: { reason: 'keptElsewhere' } });
    // Werne's own file: Lünen's data protection officer is refused too (it is Werne's request to answer).
    const werneFile = await call(core, 'clients.create', { familyName: 'Petrenko', givenNames: 'Oksana', birthDate: '1987' });
    await as(DS);
    const other = await core.dispatch('dataSubject.accessPreview', { clientId: werneFile.id });
    expect(other.ok ? null : other.error).toEqual({ code: 'permission.denied', params: { reason: 'keptElsewhere' } });
    const denied = await call(core, 'audit.list', { entityId: clientId, action: 'dataSubject.accessReport', offset: 0, limit: 50 });
    expect(denied.rows.filter((r) => r.outcome === 'denied').map((r) => r.actorLogin)).toEqual(['fm.werne']);
    const deniedOther = await call(core, 'audit.list', { entityId: werneFile.id, action: 'dataSubject.accessPreview', offset: 0, limit: 50 });
    expect(deniedOther.rows.map((r) => `${r.actorLogin}:${r.outcome}`)).toEqual(['ds.brandt:denied']);
  });

  it('refuses bad input with a validation error', async () => {
    await as(FM);
    const r = await core.dispatch('dataSubject.accessReport', { clientId, language: 'xx' });
    expect(r.ok ? null : r.error.code).toBe('validation.invalid');
    const missing = await core.dispatch('dataSubject.accessPreview', { clientId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.ok ? null : missing.error.code).toBe('record.notFound');
    expect(otherId).toBeTruthy();
  });
});
