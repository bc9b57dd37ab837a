import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { addDays, berlinDate } from '../../electron/core/contract/dates';
import { DATA_CATEGORIES, type DataCategory } from '../../electron/core/contract/data-categories';
import type { ReferralView } from '../../electron/core/contract/types/referral-types';
import { checkConsentGate, type GateConsent } from '../../electron/core/domain/referrals/consent-gate';
import { referralPrintData } from '../../electron/core/domain/referrals/referral-print';
import { enrolAccounts } from '../helpers/enrol';
import { runSessionCall, type UnlockedSession } from '../../electron/core/api/call-context';
import { DEFAULT_MACHINE_POLICY } from '../../electron/core/contract/machine-policy';
import { ADMIN_PASSPHRASE, call, openRawVault, setupVault, tempDir } from '../helpers/temp-vault';

/**
 * Referrals on a real vault: the consent gate per partner and category, every state transition (and the refused
 * ones), the feedback deadline as a Wiedervorlage, deletion with reason and passphrase, who may read and write,
 * response fields per caller, audit entries and the change log; the print seam's categories.
 */

const TODAY = berlinDate(new Date());
const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const PEOPLE = {
  ko: { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination' as const, passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' },
  fm: { login: 'fm.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement' as const, passphrase: 'Seseke Brücke am Morgen 2026' },
  vw: { login: 'vw.peters', displayName: 'Jonas Peters', role: 'verwaltung' as const, passphrase: 'Aktenwagen quietschen leise im dritten Stock 88' },
  abh: { login: 'abh.kaya', displayName: 'Selin Kaya', role: 'abh' as const, passphrase: 'Stempelkissen duften nach 44 Lavendelfeldern' },
  ds: { login: 'ds.brandt', displayName: 'Dirk Brandt', role: 'datenschutz' as const, passphrase: 'Graue Möwen kreisen 31 Mal über dem Hafen' },
};
type Who = keyof typeof PEOPLE;

const PARTNER = {
  kind: 'migrationsberatung',
  rechtskreise: [],
  street: 'Marktplatz 3',
  postalCode: '44532',
  city: 'Lünen',
  openingHours: null,
  phone: null,
  email: null,
  languages: ['de', 'ar'],
  services: ['migration-counselling-adults'],
  offices: ['lunen'],
  notes: null,
};

describe('referrals', () => {
  const tmp = tempDir('kim-akte-referrals-');
  let core: CoreDispatcher;
  let recoveryKey: string;
  let mbe: string;
  let jc: string;
  let contact: string;
  let fmId: string;

  const signIn = async (who: Who | 'admin') => {
    await call(core, 'session.lock');
    await call(core, 'session.unlock', who === 'admin' ? ADMIN : { login: PEOPLE[who].login, passphrase: PEOPLE[who].passphrase });
  };
  const raw = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = openRawVault(tmp.dir, recoveryKey);
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  const consent = (clientId: string, over: Record<string, unknown>) =>
    call(core, 'consents.add', {
      clientId,
      categories: ['master', 'work-education'],
      purpose: 'Vermittlung in die Migrationsberatung',
      validFrom: TODAY,
      form: 'oral',
      oralRecord: 'Im Beratungsgespräch mit Dolmetscherin erklärt',
      ...over,
    });
  /** A client of Lünen with an open case, as the case manager. */
  const newCase = async (name: string) => {
    await signIn('fm');
    const client = await call(core, 'clients.create', { familyName: name, givenNames: 'Test', birthDate: '1990-04-01' });
    const k = await call(core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] });
    return { clientId: client.id, caseId: k.id };
  };
  const draft = (caseId: string, over: Record<string, unknown> = {}) =>
    call(core, 'referrals.create', { caseId, partnerId: mbe, request: 'Bitte Beratung zur Anerkennung des Abschlusses', categories: ['master', 'work-education'], ...over });
  const send = (r: ReferralView, over: Record<string, unknown> = {}) =>
    core.dispatch('referrals.send', { id: r.id, version: r.version, followUpTitle: 'Rückmeldung der Migrationsberatung', ...over });

  beforeAll(async () => {
    ({ core, recoveryKey } = await setupVault(tmp.dir));
    const accounts = await enrolAccounts(core, ADMIN, Object.values(PEOPLE));
    fmId = accounts.find((a) => a.login === PEOPLE.fm.login)!.id;
    await signIn('ko');
    mbe = (await call(core, 'partners.save', { ...PARTNER, name: 'MBE Caritas Lünen' })).id;
    jc = (await call(core, 'partners.save', { ...PARTNER, name: 'Jobcenter Kreis Unna', kind: 'jobcenter' })).id;
    contact = (await call(core, 'partnerContacts.save', { partnerId: mbe, name: 'Hanna Vogt', function: 'Beraterin', phone: '02306 555', email: '' })).id;
  }, 240_000);
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('links consents to directory partners and keeps free-text agencies', async () => {
    const { clientId } = await newCase('Partnerlink');
    const detail = await consent(clientId, { partnerIds: [mbe], agencies: ['Sozialamt Lünen'] });
    expect(detail.consents[0]).toMatchObject({ partners: [{ id: mbe, name: 'MBE Caritas Lünen' }], agencies: ['Sozialamt Lünen'] });
    expect(await core.dispatch('consents.add', { clientId, categories: ['master'], purpose: 'Test', validFrom: TODAY, form: 'oral', oralRecord: 'mündlich', partnerIds: ['00000000-0000-4000-8000-000000000000'] })).toMatchObject({
      ok: false,
      error: { code: 'record.notFound', params: { entity: 'partner' } },
    });
    expect(raw<{ partner_ids: string }>('SELECT partner_ids FROM consent WHERE client_id = ?', clientId)).toEqual([{ partner_ids: JSON.stringify([mbe]) }]);
  });

  it('sends only when consents in force name the partner for every category, and says precisely what is missing', async () => {
    const { clientId, caseId } = await newCase('Schranke');
    const r = await draft(caseId, { contactId: contact });
    expect(r).toMatchObject({ state: 'draft', partnerName: 'MBE Caritas Lünen', contactName: 'Hanna Vogt', categories: ['master', 'work-education'], consentIds: [] });
    const refused = async (reason: string, missing: DataCategory[], inactive: string[] = []) =>
      expect(await send(r)).toEqual({ ok: false, error: { code: 'referral.consentMissing', params: { reason, missing, inactive } } });

    await refused('noConsent', ['master', 'work-education']);
    // A consent that names another partner, or only agencies by name, does not count.
    await consent(clientId, { partnerIds: [jc] });
    await consent(clientId, { agencies: ['MBE Caritas Lünen'] });
    await refused('noConsent', ['master', 'work-education']);
    // Revoked, expired and not yet valid consents naming the partner: still no consent, and the UI can say why.
    const revoked = (await consent(clientId, { partnerIds: [mbe] })).consents.find((c) => c.partners.some((p) => p.id === mbe))!;
    await call(core, 'consents.revoke', { id: revoked.id, version: revoked.version, revokedOn: TODAY, form: 'oral', note: null });
    await consent(clientId, { partnerIds: [mbe], validFrom: addDays(TODAY, -90), validUntil: addDays(TODAY, -1) });
    await consent(clientId, { partnerIds: [mbe], validFrom: addDays(TODAY, 1) });
    await refused('noConsent', ['master', 'work-education'], ['expired', 'pending', 'revoked']);
    // One category short.
    await consent(clientId, { partnerIds: [mbe], categories: ['master'] });
    await refused('categories', ['work-education'], ['expired', 'pending', 'revoked']);
    // Two consents in force together cover both categories.
    await consent(clientId, { partnerIds: [mbe, jc], categories: ['work-education', 'finances'] });
    const sent = await call(core, 'referrals.send', { id: r.id, version: r.version, followUpTitle: null });
    expect(sent).toMatchObject({ state: 'sent', sentOn: TODAY, version: r.version + 1 });
    expect(sent.consentIds).toHaveLength(2);
  });

  it('turns the feedback deadline into a Wiedervorlage of the case manager and closes it with the feedback', async () => {
    const { clientId, caseId } = await newCase('Frist');
    await consent(clientId, { partnerIds: [mbe] });
    const r = await draft(caseId, { feedbackDue: addDays(TODAY, -2) });
    // A deadline needs the Wiedervorlage's title (the UI words it).
    expect(await send(r, { followUpTitle: null })).toMatchObject({ ok: false, error: { code: 'validation.invalid', params: { issues: [{ path: 'followUpTitle', code: 'required' }] } } });
    const sent = (await send(r)) as { ok: true; value: ReferralView };
    expect(sent.value.overdue).toBe(true);
    const followUpId = sent.value.details.followUpId!;
    const k = await call(core, 'cases.get', { id: caseId });
    expect(k.followUps).toEqual([expect.objectContaining({ id: followUpId, title: 'Rückmeldung der Migrationsberatung', dueDate: addDays(TODAY, -2), assigneeId: fmId, doneAt: null })]);
    const overview = await call(core, 'work.overview');
    expect(overview.overdueReferrals).toEqual([
      { id: r.id, caseId, clientId, clientName: 'Test Frist', partnerName: 'MBE Caritas Lünen', sentOn: TODAY, feedbackDue: addDays(TODAY, -2) },
    ]);
    const accepted = await call(core, 'referrals.feedback', { id: r.id, version: sent.value.version, state: 'accepted' });
    expect(accepted).toMatchObject({ state: 'accepted', overdue: false });
    expect((await call(core, 'cases.get', { id: caseId })).followUps![0]!.doneAt).not.toBeNull();
    expect((await call(core, 'work.overview')).overdueReferrals).toEqual([]);
  });

  it('walks every state, refuses invalid transitions with a code, and reopens with a note', async () => {
    const { clientId, caseId } = await newCase('Zustand');
    await consent(clientId, { partnerIds: [mbe] });
    let r = await draft(caseId);
    const fb = (input: Record<string, unknown>) => core.dispatch('referrals.feedback', { id: r.id, version: r.version, ...input });
    const ok = async (p: Promise<unknown>) => {
      const res = (await p) as { ok: boolean; value: ReferralView; error?: unknown };
      expect(res.error).toBeUndefined();
      r = res.value;
      return r;
    };
    expect(await fb({ state: 'accepted' })).toMatchObject({ ok: false, error: { code: 'referral.invalidTransition', params: { from: 'draft', to: 'accepted' } } });
    expect(await core.dispatch('referrals.reopen', { id: r.id, version: r.version, note: 'Neu' })).toMatchObject({ error: { code: 'referral.invalidTransition', params: { from: 'draft', to: 'reopened' } } });
    r = await call(core, 'referrals.update', { id: r.id, version: r.version, partnerId: mbe, request: 'Geänderte Anfrage', categories: ['master'], urgency: 'urgent' });
    expect(r).toMatchObject({ urgency: 'urgent', categories: ['master'], details: { request: 'Geänderte Anfrage' } });
    await ok(send(r));
    expect(await send(r)).toMatchObject({ ok: false, error: { code: 'referral.notDraft' } });
    expect(await core.dispatch('referrals.update', { id: r.id, version: r.version, partnerId: mbe, request: 'Nochmal', categories: ['master'] })).toMatchObject({ error: { code: 'referral.notDraft' } });
    // Declined by the provider, then reopened: back to sent.
    await ok(fb({ state: 'declined', declinedBy: 'provider', reason: 'Keine freien Termine vor März' }));
    expect(r.details).toMatchObject({ declinedBy: 'provider', declineReason: 'Keine freien Termine vor März' });
    expect(await fb({ state: 'done', result: 'successful' })).toMatchObject({ error: { code: 'referral.invalidTransition', params: { from: 'declined', to: 'done' } } });
    await ok(core.dispatch('referrals.reopen', { id: r.id, version: r.version, note: 'Termin im März doch möglich' }));
    expect(r).toMatchObject({ state: 'sent', details: { declinedBy: null, declineReason: null } });
    // A stale version is refused.
    expect(await core.dispatch('referrals.feedback', { id: r.id, version: r.version - 1, state: 'accepted' })).toMatchObject({ error: { code: 'record.staleVersion' } });
    await ok(fb({ state: 'accepted' }));
    expect(await fb({ state: 'declined', declinedBy: 'client', reason: 'zu spät' })).toMatchObject({ error: { code: 'referral.invalidTransition', params: { from: 'accepted', to: 'declined' } } });
    // Unsuccessful needs its reason; "other" also a note.
    expect(await fb({ state: 'done', result: 'unsuccessful' })).toMatchObject({ error: { code: 'validation.invalid' } });
    expect(await fb({ state: 'done', result: 'unsuccessful', failureReason: 'other' })).toMatchObject({ error: { code: 'validation.invalid' } });
    await ok(fb({ state: 'done', result: 'unsuccessful', failureReason: 'no-capacity' }));
    expect(r).toMatchObject({ state: 'done', details: { result: 'unsuccessful', failureReason: 'no-capacity' } });
    // A done referral that had been accepted reopens to accepted.
    await ok(core.dispatch('referrals.reopen', { id: r.id, version: r.version, note: 'Platz wurde frei' }));
    expect(r).toMatchObject({ state: 'accepted', details: { result: null, failureReason: null } });
    await ok(fb({ state: 'done', result: 'successful' }));
    expect(r.details.history.map((e) => `${e.state}:${e.note ?? ''}`)).toEqual([
      'draft:',
      'sent:',
      'declined:Keine freien Termine vor März',
      'reopened:Termin im März doch möglich',
      'accepted:',
      'done:',
      'reopened:Platz wurde frei',
      'done:',
    ]);
    // Sent straight to done (no longer needed), then reopened: back to sent.
    let second = await draft(caseId);
    second = ((await send(second)) as { value: ReferralView }).value;
    second = await call(core, 'referrals.feedback', { id: second.id, version: second.version, state: 'done', result: 'unsuccessful', failureReason: 'no-longer-needed' });
    second = await call(core, 'referrals.reopen', { id: second.id, version: second.version, note: 'Bedarf besteht wieder', feedbackDue: addDays(TODAY, 7), followUpTitle: 'Rückmeldung erneut' });
    expect(second).toMatchObject({ state: 'sent', feedbackDue: addDays(TODAY, 7) });
    // Several referrals of one case run at once, newest first.
    expect((await call(core, 'referrals.list', { caseId })).map((x) => x.id)).toEqual([second.id, r.id]);
    const changes = raw<{ fields: string }>("SELECT fields FROM change_entry WHERE entity = 'referral' AND entity_id = ? ORDER BY hlc", r.id);
    expect(changes.length).toBeGreaterThanOrEqual(9);
    expect(JSON.parse(changes.at(-1)!.fields)).toEqual(['failureReason', 'outcomeNote', 'result', 'state']);
  });

  it('deletes only with a reason and the caller’s own passphrase, audited', async () => {
    const { clientId, caseId } = await newCase('Loeschen');
    await consent(clientId, { partnerIds: [mbe] });
    const r = await draft(caseId, { feedbackDue: addDays(TODAY, 5) });
    const sent = ((await send(r)) as { value: ReferralView }).value;
    expect(await core.dispatch('referrals.delete', { id: r.id, reason: 'Doppelt angelegt', passphrase: 'falsch geraten 123' })).toMatchObject({ ok: false, error: { code: 'passphrase.wrongCurrent' } });
    expect(await core.dispatch('referrals.delete', { id: r.id, reason: '', passphrase: PEOPLE.fm.passphrase })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    expect((await call(core, 'referrals.list', { caseId })).map((x) => x.id)).toEqual([r.id]);
    expect(await call(core, 'referrals.delete', { id: r.id, reason: 'Doppelt angelegt', passphrase: PEOPLE.fm.passphrase })).toBeNull();
    expect(await call(core, 'referrals.list', { caseId })).toEqual([]);
    expect(await core.dispatch('referrals.feedback', { id: r.id, version: sent.version + 1, state: 'accepted' })).toMatchObject({ error: { code: 'record.notFound' } });
    expect(raw('SELECT request, delete_reason, deleted_by FROM referral WHERE id = ?', r.id)).toEqual([{ request: '', delete_reason: 'Doppelt angelegt', deleted_by: fmId }]);
    expect((await call(core, 'cases.get', { id: caseId })).followUps![0]!.doneAt).not.toBeNull();
    const trail = raw<{ outcome: string; fields: string }>("SELECT outcome, fields FROM audit_entry WHERE action = 'referrals.delete' AND entity_id = ? ORDER BY id", r.id);
    expect(trail.map((t) => t.outcome)).toEqual(['ok']);
    expect(JSON.parse(trail[0]!.fields)).toContain('deleted');
  });

  it('lets only the keeping office write; others read referrals only of categories they see, without the free text', async () => {
    const { clientId, caseId } = await newCase('Rollen');
    await consent(clientId, { partnerIds: [mbe], categories: ['master', 'work-education', 'health'] });
    await consent(clientId, { parties: ['abh-lunen'], categories: ['master', 'work-education'] });
    const visible = await draft(caseId);
    const health = await draft(caseId, { categories: ['health'], request: 'Psychosoziale Beratung' });

    await signIn('vw');
    // Verwaltung keeps the file but sees no health data: the health referral is neither listed nor writable.
    const vwList = await call(core, 'referrals.list', { caseId });
    expect(vwList.map((x) => x.id)).toEqual([visible.id]);
    expect(vwList[0]!.details.request).toBe('Bitte Beratung zur Anerkennung des Abschlusses');
    expect(await core.dispatch('referrals.create', { caseId, partnerId: mbe, request: 'Gesundheit', categories: ['health'] })).toMatchObject({ error: { code: 'permission.denied', params: { reason: 'roleCategory' } } });
    expect(await core.dispatch('referrals.feedback', { id: health.id, version: 1, state: 'accepted' })).toMatchObject({ error: { code: 'permission.denied', params: { reason: 'roleCategory' } } });

    await signIn('abh');
    const abhList = await call(core, 'referrals.list', { caseId });
    expect(abhList.map((x) => x.id)).toEqual([visible.id]);
    expect(abhList[0]).not.toHaveProperty('details');
    expect(abhList[0]).toMatchObject({ partnerName: 'MBE Caritas Lünen', categories: ['master', 'work-education'], state: 'draft' });
    expect(await core.dispatch('referrals.send', { id: visible.id, version: 1 })).toMatchObject({ error: { code: 'permission.denied', params: { reason: 'readOnly' } } });
    expect(await core.dispatch('referrals.dataHolders', { clientId })).toMatchObject({ error: { code: 'permission.denied' } });

    for (const who of ['ko', 'ds'] as const) {
      await signIn(who);
      expect(await core.dispatch('referrals.list', { caseId })).toMatchObject({ error: { code: 'permission.denied', params: { reason: 'role' } } });
    }
    const reads = raw<{ role: string; entity: string; entity_id: string; fields: string | null }>(
      "SELECT actor_role AS role, entity, entity_id, fields FROM audit_entry WHERE action = 'referrals.list' AND outcome = 'ok' AND entity_id = ? ORDER BY id",
      caseId,
    );
    expect(reads.map((x) => x.role)).toEqual(['verwaltung', 'abh']);
    expect(JSON.parse(reads[1]!.fields!)).toEqual(['category:master', 'category:work-education']);
    expect(raw("SELECT 1 FROM audit_entry WHERE action = 'referrals.list' AND outcome = 'ok' AND entity_id = ?", visible.id)).toHaveLength(2);
  });

  it('shows which partners hold which data of the person, and prints only consented categories', async () => {
    const { clientId, caseId } = await newCase('Halter');
    await consent(clientId, { partnerIds: [jc], categories: ['finances'] });
    await consent(clientId, { partnerIds: [mbe], categories: ['master', 'work-education'] });
    const r = await draft(caseId);
    await send(r);
    const holders = await call(core, 'referrals.dataHolders', { clientId });
    expect(holders.map((h) => [h.partnerName, h.categories, h.sources.map((s) => s.kind).sort()])).toEqual([
      ['Jobcenter Kreis Unna', ['finances'], ['consent']],
      ['MBE Caritas Lünen', ['master', 'work-education'], ['consent', 'referral']],
    ]);
    const print = await printAs(core, r.id);
    expect(print.categories).toEqual(['master', 'work-education']);
    expect(Object.keys(print.sections)).toEqual(['master', 'work-education']);
    expect(print.client).toEqual({ familyName: 'Halter', givenNames: 'Test', birthDate: '1990-04-01' });
    expect(JSON.stringify(print)).not.toContain('finances');

    // A category whose consent was revoked after sending is no longer printed; the others still are.
    const split = await newCase('Widerruf');
    await consent(split.clientId, { partnerIds: [mbe], categories: ['master'] });
    const workConsent = (await consent(split.clientId, { partnerIds: [mbe], categories: ['work-education'] })).consents.find((c) => c.categories.includes('work-education'))!;
    await call(core, 'assessment.set', { caseId: split.caseId, area: 'work', need: 'urgent', note: 'Abschluss aus Syrien' });
    const both = await draft(split.caseId);
    await send(both);
    expect(Object.keys((await printAs(core, both.id)).sections)).toEqual(['master', 'work-education']);
    expect((await printAs(core, both.id)).sections['work-education']).toMatchObject({ assessment: [{ area: 'work', need: 'urgent', note: 'Abschluss aus Syrien' }] });
    await call(core, 'consents.revoke', { id: workConsent.id, version: workConsent.version, revokedOn: TODAY, form: 'written', note: null });
    const after = await printAs(core, both.id);
    expect(after.categories).toEqual(['master']);
    expect(JSON.stringify(after)).not.toContain('Syrien');
  });

  it('writes referrals and their history to the change log, with no personal values in audit or change log', () => {
    const dump = JSON.stringify([raw('SELECT * FROM audit_entry'), raw('SELECT * FROM change_entry')]);
    expect(dump).not.toContain('Anerkennung');
    expect(dump).not.toContain('Keine freien Termine');
    expect(raw("SELECT count(*) AS n FROM change_entry WHERE entity = 'referral_event'")).toEqual([{ n: expect.any(Number) }]);
  });
});

/** The print seam, run through the dispatcher's own call context as the signed-in user (what the print pipeline will do). */
function printAs(core: CoreDispatcher, referralId: string) {
  const session = (core as unknown as { session: UnlockedSession }).session;
  const now = new Date();
  return runSessionCall(session, { location: { dataDir: (core as unknown as { location: { dataDir: string } }).location?.dataDir ?? '' }, now, clock: () => new Date(), appVersion: 'test', machinePolicy: DEFAULT_MACHINE_POLICY }, (ctx) =>
    referralPrintData(ctx, referralId),
  );
}

describe('consent gate (property)', () => {
  const partner = 'p1';
  const day = (n: number) => addDays('2026-06-15', n);
  const consentArb = fc.record({
    id: fc.uuid(),
    partnerIds: fc.subarray(['p1', 'p2']),
    categories: fc.subarray([...DATA_CATEGORIES], { minLength: 1 }),
    from: fc.integer({ min: -30, max: 30 }),
    length: fc.option(fc.integer({ min: 0, max: 60 })),
    revoked: fc.boolean(),
  });
  it('passes exactly when every category is named for the partner by a consent in force, and names the rest as missing', () => {
    fc.assert(
      fc.property(fc.array(consentArb, { maxLength: 6 }), fc.subarray([...DATA_CATEGORIES], { minLength: 1 }), (raw, wanted) => {
        const consents: GateConsent[] = raw.map((c) => ({
          id: c.id,
          partnerIds: c.partnerIds,
          categories: c.categories,
          validFrom: day(c.from),
          validUntil: c.length === null ? null : day(c.from + c.length),
          revokedOn: c.revoked ? day(-40) : null,
        }));
        const today = day(0);
        const inForce = consents.filter((c) => c.partnerIds.includes(partner) && !c.revokedOn && c.validFrom <= today && (c.validUntil === null || c.validUntil >= today));
        const missing = DATA_CATEGORIES.filter((k) => wanted.includes(k) && !inForce.some((c) => c.categories.includes(k)));
        const result = checkConsentGate(consents, partner, wanted, today);
        if (missing.length === 0) {
          expect(result.ok).toBe(true);
          if (result.ok) for (const id of result.consentIds) expect(inForce.some((c) => c.id === id)).toBe(true);
        } else {
          expect(result).toEqual({ ok: false, gap: expect.objectContaining({ missing, reason: inForce.length ? 'categories' : 'noConsent' }) });
        }
      }),
    );
  });
});
