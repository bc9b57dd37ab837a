import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { FINDING_ROLES } from '../../electron/core/contract/finding-domain';
import { contract, type MethodName } from '../../electron/core/contract/methods';
import { ROLES, type Role } from '../../electron/core/contract/offices';
import type { FindingView } from '../../electron/core/contract/types/finding-types';
import { enrolAccounts } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, call, openRawVault, setupVault, tempDir } from '../helpers/temp-vault';

/**
 * Structural findings on a real vault: case managers record barriers without personal data (a text that names the
 * case's client, a date, an e-mail address or a number is refused), see their own; Koordination sees every one,
 * counted and grouped; withdrawing takes one out of the counts; every write is in the change log for sync.
 */

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const PEOPLE = {
  ko: { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination' as const, passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' },
  fm: { login: 'fm.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement' as const, passphrase: 'Seseke Brücke am Morgen 2026' },
  fm2: { login: 'fm.berg', displayName: 'Tim Berg', role: 'fallmanagement' as const, passphrase: 'Zwölf Boote treiben leise auf der Lippe 19' },
  vw: { login: 'vw.peters', displayName: 'Jonas Peters', role: 'verwaltung' as const, passphrase: 'Aktenwagen quietschen leise im dritten Stock 88' },
  abh: { login: 'abh.kaya', displayName: 'Selin Kaya', role: 'abh' as const, passphrase: 'Stempelkissen duften nach 44 Lavendelfeldern' },
  ds: { login: 'ds.brandt', displayName: 'Dirk Brandt', role: 'datenschutz' as const, passphrase: 'Graue Möwen kreisen 31 Mal über dem Hafen' },
};
type Who = keyof typeof PEOPLE | 'admin';
const WHO_BY_ROLE: Record<Role, Who> = { 'it-admin': 'admin', fallmanagement: 'fm', koordination: 'ko', verwaltung: 'vw', abh: 'abh', datenschutz: 'ds' };

const NO_COURSE = 'Kein Integrationskurs mit Kinderbetreuung erreichbar; Wartezeit über sechs Monate.';

describe('structural findings', () => {
  const tmp = tempDir('kim-akte-findings-');
  let core: CoreDispatcher;
  let recoveryKey: string;
  let caseId: string;

  const signIn = async (who: Who) => {
    await call(core, 'session.lock');
    await call(core, 'session.unlock', who === 'admin' ? ADMIN : { login: PEOPLE[who].login, passphrase: PEOPLE[who].passphrase });
  };
  const record = (input: Record<string, unknown>) => call(core, 'findings.record', { area: 'language', barrier: 'no-place', observedIn: '2026-10', description: NO_COURSE, ...input });

  beforeAll(async () => {
    ({ core, recoveryKey } = await setupVault(tmp.dir));
    await enrolAccounts(core, ADMIN, Object.values(PEOPLE));
    await signIn('fm');
    const client = await call(core, 'clients.create', { familyName: 'Al-Hassan', givenNames: 'Amira Nour', birthDate: '1991-03-14' });
    caseId = (await call(core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] })).id;
  }, 240_000);
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('refuses a text that points to a person, saying what, and stores nothing', async () => {
    await signIn('fm');
    const refused = async (description: string) => core.dispatch('findings.record', { area: 'work', barrier: 'waiting-time', observedIn: '2026-10', description, caseId });
    expect(await refused('Frau Hassan wartet seit Monaten auf einen Termin beim Jobcenter.')).toEqual({
      ok: false,
      error: { code: 'finding.personalData', params: { kinds: 'clientName' } },
    });
    expect(await refused('Amira bekommt keinen Termin; Ansprechperson fehlt.')).toMatchObject({ error: { params: { kinds: 'clientName' } } });
    expect(await refused('Termin erst am 14.03. möglich, Rückruf unter 0231 123456.')).toMatchObject({ error: { params: { kinds: 'date,number' } } });
    expect(await refused('Antwort nur per Mail an jemand@example.org, sonst nichts.')).toMatchObject({ error: { params: { kinds: 'email' } } });
    // Another office's case is not one to record from.
    expect(await core.dispatch('findings.record', { area: 'work', barrier: 'other', observedIn: '2026-10', description: NO_COURSE, caseId: '00000000-0000-4000-8000-000000000001' })).toMatchObject({
      error: { code: 'record.notFound' },
    });
    expect(await call(core, 'findings.list', {})).toEqual([]);
  });

  it('records barriers for the case manager, tags the partner kind from the directory, and writes them to the change log', async () => {
    await signIn('ko');
    const jc = await call(core, 'partners.save', { name: 'Jobcenter Kreis Unna – Standort Lünen', kind: 'jobcenter', offices: ['lunen'] });
    await signIn('fm');
    const mine = await record({ caseId, partnerId: null, partnerKind: 'sprachkurstraeger' });
    expect(mine).toMatchObject({ office: 'lunen', area: 'language', barrier: 'no-place', partnerKind: 'sprachkurstraeger', mine: true, version: 1 });
    const atJc = await record({ area: 'work', barrier: 'no-contact-person', partnerId: jc.id, observedIn: '2026-11', description: 'Für Tigrinya gibt es beim Jobcenter keine Ansprechperson.' });
    expect(atJc).toMatchObject({ partnerId: jc.id, partnerName: jc.name, partnerKind: 'jobcenter' });
    await signIn('fm2');
    await record({ area: 'residence', barrier: 'waiting-time', observedIn: '2026-08', description: 'Termine bei der Ausländerbehörde erst nach vier Monaten.' });
    // A case manager sees their own findings only.
    expect((await call(core, 'findings.list', {})).map((f) => f.barrier)).toEqual(['waiting-time']);

    const db = openRawVault(tmp.dir, recoveryKey);
    try {
      const entries = db.prepare(`SELECT entity_id FROM change_entry WHERE entity = 'structural_finding'`).all() as { entity_id: string }[];
      expect(entries.map((e) => e.entity_id)).toEqual(expect.arrayContaining([mine.id, atJc.id]));
      // Nothing of the case it was met in is stored with it.
      expect(JSON.stringify(db.prepare('SELECT * FROM structural_finding').all())).not.toContain(caseId);
    } finally {
      db.close();
    }
  });

  it('gives Koordination every finding, counted by area, barrier, kind, partner, office and quarter, within a period', async () => {
    await signIn('fm');
    await record({ area: 'language', barrier: 'no-place', observedIn: '2026-11', description: 'Wieder kein Kursplatz mit Kinderbetreuung in Selm.' });
    await signIn('ko');
    const all = await call(core, 'findings.list', {});
    expect(all).toHaveLength(4);
    expect(all.every((f) => !f.mine)).toBe(true);
    const summary = await call(core, 'findings.summary', {});
    // Counted independently from the list.
    const count = (key: (f: FindingView) => string | null) => {
      const m = new Map<string, number>();
      for (const f of all) {
        const k = key(f);
        if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
      }
      return Object.fromEntries(m);
    };
    const asRecord = (list: { key: string; n: number }[]) => Object.fromEntries(list.map((c) => [c.key, c.n]));
    expect(summary.total).toBe(4);
    expect(asRecord(summary.byArea)).toEqual(count((f) => f.area));
    expect(asRecord(summary.byBarrier)).toEqual(count((f) => f.barrier));
    expect(asRecord(summary.byPartnerKind)).toEqual(count((f) => f.partnerKind));
    expect(asRecord(summary.byOffice)).toEqual({ lunen: 4 });
    expect(asRecord(summary.byQuarter)).toEqual({ '2026-Q3': 1, '2026-Q4': 3 });
    expect(summary.byPartner).toEqual([{ partnerId: all.find((f) => f.partnerId)!.partnerId, partnerName: 'Jobcenter Kreis Unna – Standort Lünen', n: 1 }]);
    expect(summary.areaByBarrier).toContainEqual({ area: 'language', barrier: 'no-place', n: 2 });
    expect(summary.byBarrier[0]).toEqual({ key: 'no-place', n: 2 });

    const autumn = await call(core, 'findings.summary', { from: '2026-10', to: '2026-10' });
    expect(autumn.total).toBe(1);
    expect(await core.dispatch('findings.summary', { from: '2026-11', to: '2026-10' })).toMatchObject({ error: { code: 'validation.invalid' } });
    expect(await core.dispatch('findings.summary', { from: '2026-13' })).toMatchObject({ error: { code: 'validation.invalid' } });
  });

  it('lets the author or Koordination withdraw a finding, which leaves the counts', async () => {
    await signIn('fm2');
    const [own] = await call(core, 'findings.list', {});
    await signIn('fm');
    // Someone else's finding is not there for a case manager.
    expect(await core.dispatch('findings.withdraw', { id: own!.id, version: own!.version })).toMatchObject({ error: { code: 'record.notFound' } });
    const [mine] = await call(core, 'findings.list', { area: 'work' });
    expect(await call(core, 'findings.withdraw', { id: mine!.id, version: mine!.version })).toBeNull();
    expect(await core.dispatch('findings.withdraw', { id: mine!.id, version: mine!.version + 1 })).toMatchObject({ error: { code: 'record.notFound' } });
    await signIn('ko');
    expect(await core.dispatch('findings.withdraw', { id: own!.id, version: own!.version + 5 })).toMatchObject({ error: { code: 'record.staleVersion' } });
    await call(core, 'findings.withdraw', { id: own!.id, version: own!.version });
    expect((await call(core, 'findings.summary', {})).total).toBe(2);
  });

  it('allows each method exactly to the roles of the findings table', async () => {
    const methods = (Object.keys(contract) as MethodName[]).filter((m) => m.startsWith('findings.'));
    const permission = { findingsRecord: 'record', findings: 'list', findingsOverview: 'overview' } as const;
    for (const role of ROLES) {
      await signIn(WHO_BY_ROLE[role]);
      for (const method of methods) {
        const allowed = (FINDING_ROLES[permission[contract[method].access as keyof typeof permission]] as readonly Role[]).includes(role);
        const r = await core.dispatch(method, { id: '00000000-0000-4000-8000-000000000009', version: 1 });
        const denied = !r.ok && r.error.code === 'permission.denied';
        expect(denied, `${role} ${method}`).toBe(!allowed);
      }
    }
  });
});
