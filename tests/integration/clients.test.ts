import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { addDays, berlinDate } from '../../electron/core/contract/dates';
import { EXPIRY_WARNING_DAYS } from '../../electron/core/contract/case-domain';
import { runDemoData } from '../demo-data/demo-data-command';
import { CASE_MANAGER, caseWorkerVault, clientInput } from '../helpers/case-worker';
import { ADMIN_PASSPHRASE, call, openCore, openRawVault, tempDir } from '../helpers/temp-vault';

describe('client files', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  const now = () => new Date('2026-11-25T10:00:00Z');
  let mohammedId = '';

  beforeAll(async () => {
    ({ core } = await caseWorkerVault(tmp.dir, now));
    const people: [string, string, Record<string, unknown>][] = [
      ['Al-Hassan', 'Mohammed', { birthDate: '1990' }],
      ['Hussein', 'Amina', { birthDate: '1985-03-12' }],
      ['Kovalenko', 'Oleksandr', { birthDate: '1979-01-01', birthDatePlaceholder: true }],
      ['Müller', 'Yusuf', {}],
      ['Şahin', 'Elif', { birthDate: '2001-07' }],
      ['Nguyen Van', 'Minh', {}],
      ['Rahimi', 'Fatima', { alternativeNames: ['Rahimy'] }],
    ];
    for (const [family, given, extra] of people) {
      const c = await call(core, 'clients.create', clientInput(family, given, extra));
      if (given === 'Mohammed') mohammedId = c.id;
    }
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  const search = async (query: string) => (await call(core, 'clients.search', { query })).map((h) => `${h.givenNames} ${h.familyName}`);

  it.each([
    ['Muhammad', 'Mohammed Al-Hassan'],
    ['mohamed alhassan', 'Mohammed Al-Hassan'],
    ['Husain', 'Amina Hussein'],
    ['Jusuf Mueller', 'Yusuf Müller'],
    ['Youssef muller', 'Yusuf Müller'],
    ['Aleksandr', 'Oleksandr Kovalenko'],
    ['Alexander Kowalenko', 'Oleksandr Kovalenko'],
    ['Sahin', 'Elif Şahin'],
    ['Van Nguyen', 'Minh Nguyen Van'],
    ['Rahimy', 'Fatima Rahimi'],
    ['Kova', 'Oleksandr Kovalenko'],
    ['12.03.1985', 'Amina Hussein'],
    ['Hussein 1985', 'Amina Hussein'],
    ['Mohammed 03.05.1990', 'Mohammed Al-Hassan'],
  ])('finds %j → %s', async (query, expected) => {
    expect((await search(query))[0]).toBe(expected);
  });

  it('finds nobody for a contradicting date or an unknown name', async () => {
    expect(await search('Hussein 1990')).toEqual([]);
    expect(await search('Schmidt')).toEqual([]);
  });

  it('ranks an exact spelling above a variant', async () => {
    await call(core, 'clients.create', clientInput('Al-Hasan', 'Muhammad', { birthDate: '1962' }));
    const hits = await call(core, 'clients.search', { query: 'Muhammad' });
    expect(hits.map((h) => h.givenNames)).toEqual(['Muhammad', 'Mohammed']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('flags a likely duplicate for a variant spelling with a compatible birth date, not for a contradicting one', async () => {
    const dup = await call(core, 'clients.checkDuplicates', { familyName: 'Alhasan', givenNames: 'Mohamed', birthDate: '1990-05-03' });
    expect(dup.map((d) => d.id)).toContain(mohammedId);
    const other = await call(core, 'clients.checkDuplicates', { familyName: 'Alhasan', givenNames: 'Mohamed', birthDate: '1975' });
    expect(other.map((d) => d.id)).not.toContain(mohammedId);
  });

  it('refuses a stale version: the second editor gets an error and the first save is kept', async () => {
    const first = await call(core, 'clients.get', { id: mohammedId });
    const { household: _h, residenceHistory: _r, documents: _d, cases: _c, currentResidence: _cr, openCase: _o, office: _of, updatedAt: _u, createdAt: _ca, nationalities, ...rest } = first;
    const base = { ...rest, nationalities };
    const saved = await call(core, 'clients.update', { ...pick(base), phone: '+49 2306 1234' });
    expect(saved.version).toBe(first.version + 1);
    const stale = await core.dispatch('clients.update', { ...pick(base), phone: '+49 2306 9999' });
    expect(stale).toEqual({ ok: false, error: { code: 'record.staleVersion', params: { entity: 'client' } } });
    expect((await call(core, 'clients.get', { id: mohammedId })).phone).toBe('+49 2306 1234');
  });

  it('shows the current residence status and its expiry, and keeps the history', async () => {
    await call(core, 'residence.add', { clientId: mohammedId, type: 'gestattung', validFrom: '2023-02-01', validUntil: '2024-01-31' });
    const detail = await call(core, 'residence.add', {
      clientId: mohammedId,
      type: 'aufenthaltserlaubnis',
      legalBasis: '§ 25 Abs. 2 AufenthG',
      validFrom: '2024-02-01',
      validUntil: '2027-01-10',
    });
    expect(detail.currentResidence).toEqual({
      type: 'aufenthaltserlaubnis',
      legalBasis: '§ 25 Abs. 2 AufenthG',
      validUntil: '2027-01-10',
      daysLeft: 46,
      expiringSoon: true,
    });
    expect(detail.residenceHistory!.map((r) => r.type)).toEqual(['aufenthaltserlaubnis', 'gestattung']);
    const expiring = await call(core, 'clients.list', { expiringOnly: true });
    expect(expiring.rows.map((r) => r.id)).toEqual([mohammedId]);
    expect((await call(core, 'work.overview')).expiringResidence.map((r) => r.id)).toEqual([mohammedId]);
  });

  it('refuses bad input with field-level issues and stores nothing', async () => {
    const before = (await call(core, 'clients.list', {})).total;
    for (const bad of [
      clientInput('', 'X'),
      clientInput('Doe', 'Jane', { email: 'not-an-email' }),
      clientInput('Doe', 'Jane', { postalCode: '4453' }),
      clientInput('Doe', 'Jane', { birthDate: '31.02.1990' }),
      clientInput('Doe', 'Jane', { birthDate: '1990-02-31' }),
      clientInput('Doe', 'Jane', { nationalities: ['Syria'] }),
    ]) {
      expect(await core.dispatch('clients.create', bad)).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    }
    expect(await core.dispatch('residence.add', { clientId: mohammedId, type: 'duldung', validFrom: '2026-05-01', validUntil: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'validation.invalid', params: { issues: [{ path: 'validUntil' }] } },
    });
    expect((await call(core, 'clients.list', {})).total).toBe(before);
  });

  it('keeps client data from the IT administrator (separation of duties)', async () => {
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect(await core.dispatch('clients.search', { query: 'Mohammed' })).toEqual({ ok: false, error: { code: 'permission.denied', params: { reason: 'role' } } });
    expect(await core.dispatch('clients.get', { id: mohammedId })).toEqual({ ok: false, error: { code: 'permission.denied', params: { reason: 'role' } } });
  });
});

/** The update input: the editable fields plus id and version. */
function pick(d: Record<string, unknown>) {
  const keys = ['id', 'version', 'familyName', 'givenNames', 'alternativeNames', 'birthDate', 'birthDatePlaceholder', 'gender', 'nationalities', 'languages', 'arrivalDate', 'street', 'postalCode', 'city', 'phone', 'email'];
  return Object.fromEntries(keys.map((k) => [k, d[k]]));
}

describe('duplicate check with names split differently', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  it('matches "Al Hassan", "Al-Hasan" and "Alhassan" with each other', async () => {
    const { core } = await caseWorkerVault(tmp.dir);
    const stored = await call(core, 'clients.create', clientInput('Alhassan', 'Mohamad'));
    for (const family of ['Al Hassan', 'Al-Hasan', 'alhasan']) {
      const dup = await call(core, 'clients.checkDuplicates', { familyName: family, givenNames: 'Muhammad' });
      expect(dup.map((d) => d.id), family).toEqual([stored.id]);
    }
    expect(await call(core, 'clients.checkDuplicates', { familyName: 'Alhassan', givenNames: 'Fatima' })).toEqual([]);
    await core.close();
  });
});

describe('removing household members and residence entries asks for the passphrase again', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let clientId = '';

  beforeAll(async () => {
    ({ core } = await caseWorkerVault(tmp.dir));
    clientId = (await call(core, 'clients.create', clientInput('Haddad', 'Amina'))).id;
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('a wrong passphrase removes no household member; the right one does', async () => {
    const withMember = await call(core, 'household.add', { clientId, name: 'Yusuf Haddad', relation: 'child', birthYear: 2015 });
    const member = withMember.household![0]!;
    expect(await core.dispatch('household.remove', { id: member.id })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    expect(await core.dispatch('household.remove', { id: member.id, passphrase: 'Seseke Brücke am Abend 2026' })).toEqual({
      ok: false,
      error: { code: 'passphrase.wrongCurrent', params: {} },
    });
    const unchanged = await call(core, 'clients.get', { id: clientId });
    expect(unchanged.household!.map((m) => m.id)).toEqual([member.id]);
    expect(unchanged.version).toBe(withMember.version);

    const removed = await call(core, 'household.remove', { id: member.id, passphrase: CASE_MANAGER.passphrase });
    expect(removed.household).toEqual([]);
    expect(removed.version).toBe(withMember.version + 1);
  });

  it('a wrong passphrase removes no residence entry; the right one does', async () => {
    const withStatus = await call(core, 'residence.add', { clientId, type: 'duldung', validFrom: '2025-01-01', validUntil: '2025-06-30' });
    const status = withStatus.residenceHistory![0]!;
    expect(await core.dispatch('residence.remove', { id: status.id, passphrase: 'falsch' })).toEqual({
      ok: false,
      error: { code: 'passphrase.wrongCurrent', params: {} },
    });
    const unchanged = await call(core, 'clients.get', { id: clientId });
    expect(unchanged.residenceHistory!.map((r) => r.id)).toEqual([status.id]);
    expect(unchanged.currentResidence?.type).toBe('duldung');

    const removed = await call(core, 'residence.remove', { id: status.id, passphrase: CASE_MANAGER.passphrase });
    expect(removed.residenceHistory).toEqual([]);
    expect(removed.currentResidence).toBeNull();
  });
});

describe('client list pages', () => {
  const tmp = tempDir();
  const NOW = new Date('2026-03-11T09:30:00Z');
  const LIMIT = 9;
  let core: CoreDispatcher;
  let managerId = '';
  interface Row {
    id: string;
    office: string;
    case_phase: string | null;
    case_manager_id: string | null;
    sort_name: string;
    updated_at: string;
    birth_date: string | null;
    current_status_until: string | null;
  }
  let rows: Row[] = [];

  beforeAll(async () => {
    const dataDir = join(tmp.dir, 'vault');
    const run = await runDemoData({ dataDir, office: 'lunen', clients: '160', notesPerClient: '0', seed: '11' }, ADMIN_PASSPHRASE, { out: () => undefined, progress: () => undefined }, NOW);
    core = openCore({ dataDir, now: () => NOW });
    await call(core, 'session.unlock', { login: 'fm.1', passphrase: ADMIN_PASSPHRASE });
    // Unknown birth dates over several pages (the generator makes few).
    for (let i = 0; i < 24; i++) await call(core, 'clients.create', clientInput(`Ohne-Datum ${String.fromCharCode(65 + (i % 5))}`, `Testperson ${i}`));
    const db = openRawVault(dataDir, run.recoveryKey!);
    // fm.1 of Lünen sees Lünen's files and those shared with Lünen by a consent in force (every demo consent
    // includes the residence category, so the expiry filter and sort see the same set).
    const today = NOW.toISOString().slice(0, 10);
    rows = db
      .prepare(
        `SELECT id, office, case_phase, case_manager_id, sort_name, updated_at, birth_date, current_status_until FROM client
         WHERE office = 'lunen' OR id IN (SELECT g.client_id FROM consent_grant g JOIN consent k ON k.id = g.consent_id
           WHERE g.party = 'lunen' AND k.revoked_on IS NULL AND k.valid_from <= ? AND (k.valid_until IS NULL OR k.valid_until >= ?))`,
      )
      .all(today, today) as Row[];
    managerId = (db.prepare(`SELECT id FROM account WHERE login = 'fm.1'`).get() as { id: string }).id;
    db.close();
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  type Sort = 'name' | 'updated' | 'birthDate' | 'statusExpiry';
  type Query = { office?: string; phase?: string; caseManagerId?: string; expiringOnly?: boolean };
  const COLUMN = { name: 'sort_name', updated: 'updated_at', birthDate: 'birth_date', statusExpiry: 'current_status_until' } as const;
  // SQLite compares text by its bytes.
  const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

  /**
   * The whole list as the product defines it, computed here from the clients fm.1 may see (`rows`), unknown dates
   * last in both directions.
   */
  function expected(q: Query, sort: Sort, direction: 'asc' | 'desc'): string[] {
    const horizon = addDays(berlinDate(NOW), EXPIRY_WARNING_DAYS);
    const sign = direction === 'asc' ? 1 : -1;
    const col = COLUMN[sort];
    return rows
      .filter(
        (r) =>
          (!q.office || r.office === q.office) &&
          (!q.phase || r.case_phase === q.phase) &&
          // Who works a case is the keeping office's: the filter finds only fm.1's own office's files.
          (!q.caseManagerId || (r.case_manager_id === q.caseManagerId && r.office === 'lunen')) &&
          (!q.expiringOnly || (r.current_status_until !== null && r.current_status_until <= horizon)),
      )
      .sort((a, b) => {
        const [x, y] = [a[col], b[col]];
        if ((x === null) !== (y === null)) return x === null ? 1 : -1;
        const tie = sort === 'updated' ? bytes(a.id, b.id) : bytes(a.sort_name, b.sort_name) || bytes(a.id, b.id);
        return sign * ((x !== null && y !== null ? bytes(x, y) : 0) || tie);
      })
      .map((r) => r.id);
  }

  const queries = (): Query[] => [
    {},
    { office: 'lunen' },
    { office: 'werne' },
    { phase: 'implementation' },
    { caseManagerId: managerId },
    { expiringOnly: true },
    { office: 'lunen', phase: 'planning' },
    { caseManagerId: managerId, expiringOnly: true },
  ];

  it('pages through every filter, sort and direction in order, unknown dates and expiries last, total on the first page', async () => {
    expect(expected({}, 'birthDate', 'asc').filter((id) => rows.find((r) => r.id === id)!.birth_date === null).length).toBeGreaterThan(2 * LIMIT);
    expect(expected({}, 'statusExpiry', 'asc').filter((id) => rows.find((r) => r.id === id)!.current_status_until === null).length).toBeGreaterThan(2 * LIMIT);
    for (const q of queries()) {
      for (const sort of ['name', 'updated', 'birthDate', 'statusExpiry'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const want = expected(q, sort, direction);
          const label = JSON.stringify({ ...q, sort, direction });
          const got: string[] = [];
          for (let offset = 0; ; offset += LIMIT) {
            const page = await call(core, 'clients.list', { ...q, sort, direction, offset, limit: LIMIT });
            expect(page.total, `${label} @${offset}`).toBe(offset === 0 ? want.length : null);
            got.push(...page.rows.map((r) => r.id));
            if (page.rows.length < LIMIT) break;
          }
          expect(got, label).toEqual(want);
        }
      }
    }
  });

  it('answers a page deep among the unknown birth dates directly, and an empty page past the end', async () => {
    const want = expected({}, 'birthDate', 'desc');
    const offset = want.length - 5;
    const page = await call(core, 'clients.list', { sort: 'birthDate', direction: 'desc', offset, limit: LIMIT });
    expect(page.rows.map((r) => r.id)).toEqual(want.slice(offset));
    expect(page.rows.every((r) => r.birthDate === null)).toBe(true);
    expect(page.total).toBeNull();
    const past = await call(core, 'clients.list', { sort: 'birthDate', offset: want.length + 3 * LIMIT, limit: LIMIT });
    expect(past).toEqual({ rows: [], total: null });
  });

  it('counts a new client in the whole list at once, though the total of the whole list is remembered between calls', async () => {
    const totals = async () =>
      Promise.all(
        [{}, { office: 'lunen' }].flatMap((q) =>
          (['name', 'statusExpiry'] as const).map(async (sort) => (await call(core, 'clients.list', { ...q, sort, offset: 0, limit: LIMIT })).total),
        ),
      );
    const before = await totals();
    expect(before).toEqual([expected({}, 'name', 'asc').length, expected({}, 'statusExpiry', 'asc').length, expected({ office: 'lunen' }, 'name', 'asc').length, expected({ office: 'lunen' }, 'name', 'asc').length]);
    expect(await totals()).toEqual(before);
    await call(core, 'clients.create', clientInput('Nachzügler', 'Testperson'));
    expect(await totals()).toEqual(before.map((n) => n! + 1));
  });
});
