import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { addDays, berlinDate } from '../../electron/core/contract/dates';
import { PRINT_FILE_NAME } from '../../electron/core/contract/types/print-types';
import { startChromiumPdf, type ChromiumPdf } from '../helpers/chromium-pdf';
import { enrolAccounts } from '../helpers/enrol';
import { pdfInfo, pdfStructure, pdfText } from '../helpers/pdf-text';
import { ADMIN_PASSPHRASE, call, setupVault, tempDir } from '../helpers/temp-vault';

/**
 * The Überleitungsbogen (referrals.print) and the conference minutes (conferences.printMinutes) rendered to tagged
 * PDFs through Chromium and read back with pdftotext: they hold the data of the categories a consent releases to
 * the recipient and none of the others; the audit trail records each print without values; other offices, drafts
 * and partners that were not there are refused.
 */

const TODAY = berlinDate(new Date());
const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const FM = { login: 'fm.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement' as const, passphrase: 'Seseke Brücke am Morgen 2026' };
const KO = { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination' as const, passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };
const VW = { login: 'vw.peters', displayName: 'Jonas Peters', role: 'verwaltung' as const, passphrase: 'Aktenwagen quietschen leise im dritten Stock 88' };
const ABH = { login: 'abh.kaya', displayName: 'Selin Kaya', role: 'abh' as const, passphrase: 'Stempelkissen duften nach 44 Lavendelfeldern' };

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

const HEALTH = 'Diabetes Typ 2, Insulin';
const RESIDENCE_BASIS = '§ 25 Abs. 2 AufenthG';
const NOTE = 'Erzählt von Schulden bei der Vermieterin';
const WORK = 'Abschluss als Elektriker aus Syrien';
const RESULTS = 'Einigung auf gemeinsamen Hilfeplan';

/** pdftotext breaks lines and may hyphenate nothing; compare on single-spaced text. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('Überleitungsbogen and conference minutes as tagged PDFs', () => {
  const tmp = tempDir('kim-akte-print-');
  let core: CoreDispatcher;
  let chromium: ChromiumPdf;
  let mbe: string;
  let jc: string;
  let clientId: string;
  let caseId: string;
  let narrow: { id: string; version: number };
  let wide: { id: string; version: number };
  let draftId: string;
  let conferenceId: string;
  let secondId: string;

  const as = async (who: { login: string; passphrase: string }) => {
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: who.login, passphrase: who.passphrase });
  };
  const text = async (doc: { html: string }) => {
    const pdf = await chromium.print(doc.html);
    return { pdf, text: flat(pdfText(pdf)) };
  };

  beforeAll(async () => {
    ({ core } = await setupVault(tmp.dir));
    await enrolAccounts(core, ADMIN, [FM, KO, VW, ABH]);
    await as(KO);
    mbe = (await call(core, 'partners.save', { ...PARTNER, name: 'MBE Caritas Lünen' })).id;
    jc = (await call(core, 'partners.save', { ...PARTNER, name: 'Jobcenter Kreis Unna', kind: 'jobcenter', street: 'Bahnhofstraße 9' })).id;
    const contact = (await call(core, 'partnerContacts.save', { partnerId: mbe, name: 'Hanna Vogt', function: 'Beraterin', phone: '02306 555', email: '' })).id;
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
    await call(core, 'residence.add', { clientId, type: 'aufenthaltserlaubnis', legalBasis: RESIDENCE_BASIS, validFrom: addDays(TODAY, -100), validUntil: addDays(TODAY, 300) });
    caseId = (await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2'] })).id;
    await call(core, 'assessment.set', { caseId, area: 'work', need: 'urgent', note: WORK });
    await call(core, 'assessment.set', { caseId, area: 'health', need: 'some', note: HEALTH });
    await call(core, 'notes.add', { caseId, occurredOn: TODAY, kind: 'in-person', text: NOTE, internal: false });
    // The MBE may receive master data and work; the Jobcenter also residence, health and the notes.
    await call(core, 'consents.add', { clientId, partnerIds: [mbe], categories: ['master', 'work-education'], purpose: 'Vermittlung in die Migrationsberatung', validFrom: TODAY, validUntil: addDays(TODAY, 365), form: 'oral', oralRecord: 'mit Dolmetscherin erklärt' });
    const all = await call(core, 'consents.add', { clientId, partnerIds: [jc], categories: ['master', 'residence', 'health', 'work-education', 'conversation-notes'], purpose: 'Eingliederung in Arbeit', validFrom: TODAY, form: 'oral', oralRecord: 'mit Dolmetscherin erklärt' });
    const jcConsent = all.consents.find((c) => c.categories.includes('health'))!.id;
    const n = await call(core, 'referrals.create', { caseId, partnerId: mbe, contactId: contact, request: 'Bitte Beratung zur Anerkennung', urgency: 'soon', categories: ['master', 'work-education'], feedbackDue: addDays(TODAY, 14) });
    narrow = await call(core, 'referrals.send', { id: n.id, version: n.version, followUpTitle: 'Rückmeldung MBE' });
    const w = await call(core, 'referrals.create', { caseId, partnerId: jc, request: 'Bitte Vermittlung in Arbeit', categories: ['master', 'residence', 'health', 'work-education', 'conversation-notes'] });
    wide = await call(core, 'referrals.send', { id: w.id, version: w.version, followUpTitle: 'Rückmeldung Jobcenter' });
    draftId = (await call(core, 'referrals.create', { caseId, partnerId: mbe, request: 'Noch ein Entwurf', categories: ['master'] })).id;
    conferenceId = (
      await call(core, 'conferences.save', {
        caseId,
        heldOn: TODAY,
        heldAt: '10:30',
        clientPresent: true,
        interpreter: { language: 'ar', name: null },
        consentId: jcConsent,
        participants: [
          { kind: 'partner', partnerId: jc, role: 'Arbeitsvermittlung' },
          { kind: 'partner', partnerId: mbe, role: 'Migrationsberatung' },
        ],
        situations: [
          { area: 'work', text: 'Sucht Arbeit als Elektriker' },
          { area: 'health', text: HEALTH },
        ],
        results: RESULTS,
        actions: [{ who: { kind: 'partner', partnerId: jc }, what: 'Bewerbungstraining anbieten', dueDate: addDays(TODAY, 14) }],
        nextOn: addDays(TODAY, 42),
      })
    ).id;
    chromium = await startChromiumPdf();
  }, 240_000);
  afterAll(async () => {
    await chromium?.close();
    await core.close();
    tmp.cleanup();
  });

  it('prints the sheet with the consented categories only, as a tagged PDF', async () => {
    const doc = await call(core, 'referrals.print', { id: narrow.id });
    expect(doc.fileName).toMatch(PRINT_FILE_NAME);
    expect(doc.fileName).toBe(`ueberleitungsbogen-${TODAY}-${narrow.id.slice(0, 8)}.pdf`);
    const { pdf, text: t } = await text(doc);
    expect(pdfInfo(pdf)['Tagged']).toBe('yes');
    expect(pdfStructure(pdf).tree).toMatch(/H1/);
    for (const expected of ['Überleitungsbogen', 'Stadt Lünen', 'Willy-Brandt-Platz 1', 'MBE Caritas Lünen', 'Marktplatz 3', 'Hanna Vogt', 'Beraterin', 'zeitnah', 'Bitte Beratung zur Anerkennung']) {
      expect(t).toContain(expected);
    }
    expect(t).toContain('Haddad, Rami');
    expect(t).toContain('01.04.1990');
    expect(t).toContain('Lange Straße 7');
    expect(t).toContain('Arabisch');
    expect(t).toContain(WORK);
    expect(t).toContain(addDays(TODAY, 14).split('-').reverse().join('.'));
    expect(t).toContain('Unterschrift');
    // Not consented for the MBE: health, residence, conversation notes.
    for (const absent of ['Diabetes', '25 Abs. 2', 'Aufenthaltserlaubnis', 'Schulden', 'Gesundheit', 'Gesprächsnotizen']) expect(t).not.toContain(absent);
  });

  it('prints residence, health and notes when the consent names them for the partner', async () => {
    const { text: t } = await text(await call(core, 'referrals.print', { id: wide.id }));
    expect(t).toContain('Jobcenter Kreis Unna');
    expect(t).toContain('Aufenthaltserlaubnis');
    expect(t).toContain(RESIDENCE_BASIS);
    expect(t).toContain(HEALTH);
    expect(t).toContain(NOTE);
    expect(t).toContain('keine bestimmte Ansprechperson');
  });

  it('records each print in the audit trail with ids and categories, no values', async () => {
    await as(ADMIN);
    const trail = await call(core, 'audit.list', { action: 'referrals.print' });
    await as(FM);
    // Printed twice: each print is a row for the referral and one for the client file it read (found per person).
    const printed = trail.rows.filter((r) => r.fields.includes('print:referral-sheet'));
    expect(printed.map((r) => r.entityId).sort()).toEqual([narrow.id, wide.id, clientId, clientId].sort());
    const mbeRow = printed.find((r) => r.fields.includes(`partner:${mbe}`))!;
    expect(mbeRow).toMatchObject({ entity: 'referral', entityId: narrow.id });
    expect(mbeRow.fields).toEqual(expect.arrayContaining(['print:referral-sheet', 'category:master', 'category:work-education']));
    expect(mbeRow.fields).not.toContain('category:health');
    expect(JSON.stringify(trail.rows)).not.toMatch(/Haddad|Rami|Diabetes|Elektriker|Anerkennung/);
  });

  it('refuses a draft, an unknown referral, a role that does not read every category sent, and every office but the keeping one', async () => {
    expect(await core.dispatch('referrals.print', { id: draftId })).toMatchObject({ ok: false, error: { code: 'referral.notSent' } });
    expect(await core.dispatch('referrals.print', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'record.notFound' } });
    expect(await core.dispatch('referrals.print', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    // Verwaltung keeps the file but reads neither health nor notes: it prints the narrow sheet, not the wide one.
    await as(VW);
    expect(await core.dispatch('referrals.print', { id: wide.id })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    expect(await core.dispatch('referrals.print', { id: narrow.id })).toMatchObject({ ok: true });
    await as(ABH);
    expect(await core.dispatch('referrals.print', { id: narrow.id })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    expect(await core.dispatch('conferences.printMinutes', { conferenceId, partnerId: jc })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    await as(FM);
  });

  it('prints minutes per recipient: the MBE gets no health situation and no results, the Jobcenter both', async () => {
    const forMbe = await call(core, 'conferences.printMinutes', { conferenceId, partnerId: mbe });
    expect(forMbe.fileName).toMatch(PRINT_FILE_NAME);
    const { pdf, text: m } = await text(forMbe);
    expect(pdfInfo(pdf)['Tagged']).toBe('yes');
    // The consent of the conference names only the Jobcenter: the MBE gets no personal content at all.
    expect(m).toContain('Protokoll der Fallkonferenz');
    expect(m).toContain('Für: MBE Caritas Lünen');
    expect(m).toContain('keinen Datenbereich frei');
    for (const absent of ['Diabetes', 'Elektriker', RESULTS, 'Haddad', 'Bewerbungstraining']) expect(m).not.toContain(absent);

    const { text: j } = await text(await call(core, 'conferences.printMinutes', { conferenceId, partnerId: jc }));
    for (const expected of ['Für: Jobcenter Kreis Unna', 'Rami Haddad', 'Sucht Arbeit als Elektriker', HEALTH, RESULTS, 'Bewerbungstraining anbieten', '10:30', 'Arabisch', 'Arbeitsvermittlung']) {
      expect(j).toContain(expected);
    }
  });

  it('leaves out health and results for a recipient whose consent lacks them', async () => {
    // A second conference relying on the MBE's consent (master, work): no health situation, no results.
    const mbeConsent = (await call(core, 'clients.get', { id: clientId })).consents.find((c) => c.categories.length === 2)!.id;
    const second = await call(core, 'conferences.save', {
      caseId,
      heldOn: addDays(TODAY, -1),
      clientPresent: false,
      consentId: mbeConsent,
      participants: [{ kind: 'partner', partnerId: mbe, role: null }],
      situations: [
        { area: 'work', text: 'Sucht Arbeit als Elektriker' },
        { area: 'health', text: HEALTH },
      ],
      results: RESULTS,
    });
    secondId = second.id;
    const { text: m } = await text(await call(core, 'conferences.printMinutes', { conferenceId: second.id, partnerId: mbe }));
    expect(m).toContain('Sucht Arbeit als Elektriker');
    expect(m).toContain('Rami Haddad');
    expect(m).not.toContain('Diabetes');
    expect(m).not.toContain(RESULTS);
    expect(m).not.toContain('Ergebnisse');
    // The keeping office's own copy holds everything.
    const own = await call(core, 'conferences.printMinutes', { conferenceId: second.id, partnerId: null });
    expect(own.fileName).toBe(`protokoll-fallkonferenz-${TODAY}-${second.id.slice(0, 8)}-akte.pdf`);
    const { text: o } = await text(own);
    expect(o).toContain('Für die eigene Akte');
    expect(o).toContain(HEALTH);
    expect(o).toContain(RESULTS);
  });

  it('refuses a partner that did not take part, and audits minutes without values', async () => {
    await as(KO);
    const other = (await call(core, 'partners.save', { ...PARTNER, name: 'Sozialamt Lünen', kind: 'sozialamt' })).id;
    await as(FM);
    expect(await core.dispatch('conferences.printMinutes', { conferenceId, partnerId: other })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    await as(ADMIN);
    const trail = await call(core, 'audit.list', { action: 'conferences.printMinutes' });
    await as(FM);
    const printed = trail.rows.filter((r) => r.fields.includes('print:conference-minutes'));
    expect(printed.filter((r) => r.entityId !== clientId)).toHaveLength(4);
    expect(printed.every((r) => r.entity === 'case-conference')).toBe(true);
    expect(printed.some((r) => r.fields.includes('recipient:own-file'))).toBe(true);
    expect(printed.some((r) => r.fields.includes(`recipient:${mbe}`))).toBe(true);
    expect(JSON.stringify(trail.rows)).not.toMatch(/Haddad|Rami|Diabetes|Elektriker|Hilfeplan/);
    // The client file's "who holds which data" names the partners minutes were printed for, with what they got.
    const holders = await call(core, 'referrals.dataHolders', { clientId });
    const minutesOf = (partnerId: string) => holders.find((h) => h.partnerId === partnerId)?.sources.filter((src) => src.kind === 'minutes') ?? [];
    expect(minutesOf(mbe).map((src) => src.id).sort()).toEqual([conferenceId, secondId].sort());
    expect(minutesOf(jc).map((src) => src.id)).toEqual([conferenceId]);
    const printedForJc = printed.find((r) => r.fields.includes(`recipient:${jc}`))!;
    expect(minutesOf(jc)[0]!.categories.map((c) => `category:${c}`).sort()).toEqual(printedForJc.fields.filter((f) => f.startsWith('category:')).sort());
    expect(holders.every((h) => !h.sources.some((src) => src.kind === 'minutes' && src.id === clientId))).toBe(true);
  });
});
