import { mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import fsPromises from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppLogger } from '../../electron/main/app-log';
import { berlinDate } from '../../electron/core/contract/dates';
import { ADMIN_PASSPHRASE, call, openCore, tempDir } from '../helpers/temp-vault';
import { enrolAccount } from '../helpers/enrol';
import { STAFF } from '../helpers/sync-network';
import { kimAkte } from '../helpers/cli';

/**
 * Logs for IT without personal data (issue 13 item 6): the real core, logging through the app's logger, runs a
 * workday with a sync round between two workstations and a row of errors; the files on disk are then scanned for
 * every personal value the day used.
 */
const PERSON = { familyName: 'Brightwater-Okonkwo', givenNames: 'Adaeze Chiamaka' };
const NOTE = 'Kopfschmerzen seit dem Umzug nach Selm, Termin beim Hausarzt Dr. Lindqvist';
const SECRETS = ['Brightwater', 'Okonkwo', 'Adaeze', 'Chiamaka', 'Kopfschmerzen', 'Lindqvist', 'Umzug nach Selm', ADMIN_PASSPHRASE, STAFF.fm.passphrase, 'Derya', 'Yilmaz'];

describe('application log through a sync round and errors', () => {
  const tmp = tempDir('kim-akte-log-');
  afterAll(() => tmp.cleanup());
  const logs = { a: join(tmp.dir, 'logs-a'), b: join(tmp.dir, 'logs-b') };

  it('records start, unlock, lock, sync rounds and errors by code, and no client name, note text or passphrase', async () => {
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const logA = createAppLogger(logs.a, { keepDays: 30, version: '0.1.0', office: 'lunen' });
    const logB = createAppLogger(logs.b, { keepDays: 30, version: '0.1.0', office: 'lunen' });
    logA.info('app started', { event: 'start' });
    const open = (name: string, logger: typeof logA) => openCore({ dataDir: join(tmp.dir, name), logger, syncIo: { fs: fsPromises, sleep: () => Promise.resolve() } });
    const a = open('a', logA);
    const b = open('b', logB);
    for (const core of [a, b]) await call(core, 'vault.setup', { office: 'lunen', adminLogin: 'admin', adminName: 'Petra Schulte', passphrase: ADMIN_PASSPHRASE });
    await call(a, 'network.create', { share });
    const invitation = await call(a, 'network.invite', { office: 'lunen' });
    await call(b, 'network.join', { share, invitation: invitation.file, code: invitation.code });
    await call(a, 'sync.run');
    await call(b, 'sync.run');
    await enrolAccount(a, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, STAFF.fm);
    await call(a, 'session.lock');
    await call(a, 'session.unlock', { login: STAFF.fm.login, passphrase: STAFF.fm.passphrase });
    const client = await call(a, 'clients.create', PERSON);
    const kase = await call(a, 'cases.open', { clientId: client.id });
    await call(a, 'notes.add', { caseId: kase.id, occurredOn: berlinDate(new Date()), kind: 'in-person', text: NOTE });

    // Errors whose input carries the person's data: each must reach the log as a code only.
    expect(await a.dispatch(`clients.${PERSON.familyName}`, {})).toMatchObject({ ok: false, error: { code: 'request.unknownMethod' } });
    expect(await a.dispatch('clients.create', { ...PERSON, birthDate: `${NOTE}` })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    expect(await a.dispatch('notes.add', { caseId: '00000000-0000-4000-8000-000000000001', occurredOn: berlinDate(new Date()), kind: 'phone', text: NOTE })).toMatchObject({ ok: false });
    expect(await a.dispatch('session.unlock', { login: PERSON.familyName, passphrase: NOTE })).toMatchObject({ ok: false, error: { code: 'unlock.failed' } });
    await call(a, 'session.unlock', { login: STAFF.fm.login, passphrase: STAFF.fm.passphrase });

    await call(a, 'sync.run');
    await call(b, 'sync.run');
    // The share goes away: the round fails with a code.
    renameSync(share, `${share}-offline`);
    expect(await b.dispatch('sync.run', {})).toMatchObject({ ok: false, error: { code: 'network.shareUnreachable' } });
    renameSync(`${share}-offline`, share);
    await a.close();
    await b.close();
    await logA.close();
    await logB.close();

    const text = [logs.a, logs.b].flatMap((d) => readdirSync(d).map((f) => readFileSync(join(d, f), 'utf8'))).join('\n');
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const l of lines) expect(l).toMatchObject({ version: '0.1.0', office: 'lunen', machine: expect.any(String), time: expect.any(String) });
    const events = lines.map((l) => l.event).filter(Boolean);
    expect(events).toEqual(expect.arrayContaining(['start', 'unlock', 'lock', 'sync']));
    expect(lines.filter((l) => l.event === 'sync' && typeof l.sent === 'number').length).toBeGreaterThanOrEqual(4);
    const codes = new Set(lines.map((l) => l.code));
    for (const code of ['request.unknownMethod', 'validation.invalid', 'unlock.failed', 'network.shareUnreachable']) expect(codes, code).toContain(code);
  }, 180_000);

  it('kim-akte logs --since prints the matching lines for support and refuses a time it cannot read', () => {
    const r = kimAkte(['logs', '--since', '1h', '--log-dir', logs.a]);
    expect(r.code).toBe(0);
    const printed = r.stdout.trim().split('\n');
    expect(printed.length).toBeGreaterThan(5);
    expect(JSON.parse(printed[0]!)).toMatchObject({ event: 'start' });
    expect(r.stderr).toMatch(/^\d+ line\(s\) since .* from /);
    expect(kimAkte(['logs', '--since', '2030-01-01', '--log-dir', logs.a]).stdout).toBe('');
    const bad = kimAkte(['logs', '--since', 'gestern', '--log-dir', logs.a]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Error: --since must be an ISO date/);
  });
});
