import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppLogger } from '../../electron/main/app-log';
import { parseSince, readLogLines } from '../../electron/logs/log-reader';
import { tempDir } from '../helpers/temp-vault';

describe('application log', () => {
  it('writes one JSON line per event with version, machine and office, and redacts fields that could carry secrets or personal data', async () => {
    const tmp = tempDir();
    const log = createAppLogger(tmp.dir, { keepDays: 30, version: '9.8.7', office: 'werne' });
    log.info('session.unlock refused', { code: 'unlock.failed', passphrase: 'Lippe-Ufer', displayName: 'Amina Haddad' });
    log.info('core worker crashed', { errorName: 'RangeError', input: { familyName: 'Haddad' }, nested: { deeper: { note: 'Amina sagt' }, fileName: 'Haddad.pdf' } });
    log.error('sync round failed', { code: 'network.shareUnreachable', value: 'Amina' });
    await log.close();
    const lines = readFileSync(join(tmp.dir, 'kim-akte.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    tmp.cleanup();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 'info', version: '9.8.7', office: 'werne', msg: 'session.unlock refused', code: 'unlock.failed', passphrase: '[redacted]' });
    expect(typeof lines[0]!.machine).toBe('string');
    expect(Date.parse(lines[0]!.time as string)).not.toBeNaN();
    expect(lines[1]).toMatchObject({ errorName: 'RangeError' });
    expect(lines[2]).toMatchObject({ level: 'error', code: 'network.shareUnreachable' });
    for (const secret of ['Lippe-Ufer', 'Amina', 'Haddad']) expect(JSON.stringify(lines)).not.toContain(secret);
  });

  it('rotates by size into dated files and reads every line back in order', async () => {
    const tmp = tempDir();
    const log = createAppLogger(tmp.dir, { keepDays: 30, version: '1.0.0', maxSize: '2K' });
    for (let i = 0; i < 120; i++) {
      log.info('sync round', { event: 'sync', round: i });
      // Rotation happens between writes: give the stream its turn.
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 20));
    }
    await log.close();
    const files = readdirSync(tmp.dir);
    expect(files.length).toBeGreaterThan(2);
    expect(files).toContain('kim-akte.log');
    for (const f of files) expect(f).toMatch(/^kim-akte(-\d{8}-\d+)?\.log$/);
    const rounds = readLogLines(tmp.dir, new Date(0)).map((l) => (JSON.parse(l) as { round: number }).round);
    expect(rounds).toHaveLength(120);
    expect(new Set(rounds).size).toBe(120);
    tmp.cleanup();
  });

  it('deletes rotated files older than keepDays at start, and keeps the current file and newer ones', async () => {
    const tmp = tempDir();
    const old = Date.now() / 1000 - 31 * 86400;
    const recent = Date.now() / 1000 - 29 * 86400;
    writeFileSync(join(tmp.dir, 'kim-akte-20200101-1.log'), 'old\n');
    utimesSync(join(tmp.dir, 'kim-akte-20200101-1.log'), old, old);
    writeFileSync(join(tmp.dir, 'kim-akte-20200102-1.log'), 'recent\n');
    utimesSync(join(tmp.dir, 'kim-akte-20200102-1.log'), recent, recent);
    writeFileSync(join(tmp.dir, 'notes.txt'), 'not ours\n');
    utimesSync(join(tmp.dir, 'notes.txt'), old, old);
    const log = createAppLogger(tmp.dir, { keepDays: 30, version: '1.0.0' });
    log.info('app started', { event: 'start' });
    await log.close();
    expect(readdirSync(tmp.dir).sort()).toEqual(['kim-akte-20200102-1.log', 'kim-akte.log', 'notes.txt']);
    tmp.cleanup();
  });
  it('falls back to the app folder when the policy folder cannot be created, and says so in the first line', async () => {
    const tmp = tempDir();
    writeFileSync(join(tmp.dir, 'a-file'), 'not a folder');
    const own = join(tmp.dir, 'own');
    const log = createAppLogger(join(tmp.dir, 'a-file', 'logs'), { keepDays: 30, version: '1.0.0', fallbackDir: own });
    log.info('app started', { event: 'start' });
    await log.close();
    const lines = readFileSync(join(own, 'kim-akte.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ level: 'error', code: 'logs.folderUnavailable', reason: 'ENOTDIR' });
    expect(lines[1]).toMatchObject({ event: 'start' });
    tmp.cleanup();
  });
});

describe('logs --since', () => {
  const now = new Date('2026-12-01T16:00:00.000Z');

  it('takes spans back from now and ISO dates or date-times', () => {
    expect(parseSince('2h', now)).toEqual(new Date('2026-12-01T14:00:00.000Z'));
    expect(parseSince('30m', now)).toEqual(new Date('2026-12-01T15:30:00.000Z'));
    expect(parseSince('7d', now)).toEqual(new Date('2026-11-24T16:00:00.000Z'));
    expect(parseSince('2026-11-30', now)).toEqual(new Date('2026-11-30T00:00:00.000Z'));
    expect(parseSince('2026-11-30T08:15:00+01:00', now)).toEqual(new Date('2026-11-30T07:15:00.000Z'));
    for (const bad of ['', 'yesterday', '2h ago', '-2h', '2026-13-45', '2026-11-30T08:15', '1e3h']) expect(parseSince(bad, now), bad).toBeNull();
  });

  it('never throws, and a span is never in the future (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const d = parseSince(s, now);
        return d === null || !Number.isNaN(d.getTime());
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999 }), fc.constantFrom('m', 'h', 'd', 'min', 'H'), (n, unit) => {
        const d = parseSince(`${n}${unit}`, now)!;
        return d.getTime() <= now.getTime();
      }),
    );
  });

  it('prints only lines at or after the time, oldest first across files, older plain lines included', () => {
    const tmp = tempDir();
    writeFileSync(join(tmp.dir, 'kim-akte-20261130-1.log'), '2026-11-30T10:00:00.000Z INFO old plain line\n{"time":"2026-12-01T09:00:00.000Z","msg":"b"}\n');
    writeFileSync(join(tmp.dir, 'kim-akte.log'), '{"time":"2026-12-01T08:00:00.000Z","msg":"a"}\n{"time":"2026-12-01T10:00:00.000Z","msg":"c"}\nnot a line\n');
    expect(readLogLines(tmp.dir, new Date('2026-12-01T08:30:00Z'))).toEqual(['{"time":"2026-12-01T09:00:00.000Z","msg":"b"}', '{"time":"2026-12-01T10:00:00.000Z","msg":"c"}']);
    expect(readLogLines(tmp.dir, new Date('2026-11-30T00:00:00Z'))[0]).toBe('2026-11-30T10:00:00.000Z INFO old plain line');
    tmp.cleanup();
  });
});
