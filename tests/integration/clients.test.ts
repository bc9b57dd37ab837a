import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { caseWorkerVault, clientInput } from '../helpers/case-worker';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';

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
    expect(detail.residenceHistory.map((r) => r.type)).toEqual(['aufenthaltserlaubnis', 'gestattung']);
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
    expect(await core.dispatch('clients.search', { query: 'Mohammed' })).toEqual({ ok: false, error: { code: 'permission.denied', params: {} } });
    expect(await core.dispatch('clients.get', { id: mohammedId })).toEqual({ ok: false, error: { code: 'permission.denied', params: {} } });
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
