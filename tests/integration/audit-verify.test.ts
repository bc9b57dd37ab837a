import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { caseWorkerVault, clientInput } from '../helpers/case-worker';
import { kimAkte } from '../helpers/cli';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';


const verify = (dataDir: string) => kimAkte(['audit', 'verify', '--data-dir', dataDir, '--user', 'admin'], ADMIN_PASSPHRASE);

/**
 * The audit trail detects changed, removed and reordered entries and a cut-off tail. Each case edits a copy of a
 * real vault directly with the database key, as someone with the recovery key could.
 */
describe('audit verify', () => {
  const tmp = tempDir();
  const pristine = join(tmp.dir, 'pristine');
  let key: Buffer;
  let count = 0;

  beforeAll(async () => {
    const { core, recoveryKey } = await caseWorkerVault(pristine);
    key = databaseKeyForRecoveryKey({ dataDir: pristine }, recoveryKey);
    const c = await call(core, 'clients.create', clientInput('Diallo', 'Aliou', { birthDate: '1999' }));
    await call(core, 'clients.get', { id: c.id });
    await call(core, 'clients.search', { query: 'Diallo' });
    await call(core, 'session.lock');
    const db = openRawEncrypted(join(pristine, 'vault.db'), key);
    count = (db.prepare('SELECT count(*) AS n FROM audit_entry').get() as { n: number }).n;
    db.close();
  });
  afterAll(() => tmp.cleanup());

  /** A copy of the pristine vault with `edit` applied to its database. */
  function tampered(name: string, edit: (db: ReturnType<typeof openRawEncrypted>) => void): string {
    const dir = join(tmp.dir, name);
    mkdirSync(dir);
    cpSync(pristine, dir, { recursive: true });
    const db = openRawEncrypted(join(dir, 'vault.db'), key);
    edit(db);
    db.close();
    return dir;
  }

  it('passes on an intact trail, including after further use', () => {
    const dir = tampered('intact', () => undefined);
    const r = verify(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Audit trail intact: ${count + 1} entries verified\\.`));
    expect(verify(dir).code).toBe(0);
  });

  it('names a changed entry', () => {
    const dir = tampered('changed', (db) => db.prepare(`UPDATE audit_entry SET actor_id = 'someone-else' WHERE id = 5`).run());
    const r = verify(dir);
    expect(r.code).toBe(7);
    expect(r.stderr).toBe('Error: Audit trail broken at entry #5: its content was changed (4 entries before it verified).\n');
  });

  it('names the entry after a removed one', () => {
    const dir = tampered('removed', (db) => db.prepare('DELETE FROM audit_entry WHERE id = 4').run());
    const r = verify(dir);
    expect(r.code).toBe(7);
    expect(r.stderr).toBe('Error: Audit trail broken at entry #5: an entry before it was removed, or entries were reordered (3 entries before it verified).\n');
  });

  it('names the first of two swapped entries', () => {
    const dir = tampered('reordered', (db) => {
      const cols = 'at, actor_id, actor_role, office, action, entity, entity_id, fields, outcome, prev_hash, hash';
      const a = db.prepare(`SELECT ${cols} FROM audit_entry WHERE id = 3`).get() as Record<string, unknown>;
      const b = db.prepare(`SELECT ${cols} FROM audit_entry WHERE id = 4`).get() as Record<string, unknown>;
      const set = db.prepare(`UPDATE audit_entry SET ${cols.split(', ').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
      set.run({ ...b, id: 3 });
      set.run({ ...a, id: 4 });
    });
    const r = verify(dir);
    expect(r.code).toBe(7);
    expect(r.stderr).toBe('Error: Audit trail broken at entry #3: an entry before it was removed, or entries were reordered (2 entries before it verified).\n');
  });

  it('detects a cut-off tail through the head kept outside the database', () => {
    const dir = tampered('cut', (db) => db.prepare('DELETE FROM audit_entry WHERE id > ?').run(count - 2));
    const r = verify(dir);
    expect(r.code).toBe(7);
    // Entries from count - 1 on are gone; verifying through the CLI unlocks first, which writes an entry of its own.
    expect(r.stderr).toBe(`Error: Audit trail broken at entry #${count}: entries from here on were cut off the end (${count - 1} entries before it verified).\n`);
    // The evidence is kept: verifying again still fails.
    expect(verify(dir).code).toBe(7);
  });

  it('detects an altered or missing head file', () => {
    const dir = tampered('head', () => undefined);
    const head = JSON.parse(readFileSync(join(dir, 'audit-head.json'), 'utf8')) as { lastId: number };
    writeFileSync(join(dir, 'audit-head.json'), JSON.stringify({ ...head, lastId: head.lastId - 1 }));
    expect(verify(dir).stderr).toBe(
      `Error: Audit trail broken at entry #${count + 1}: the head file outside the database (audit-head.json) is damaged or was altered (${count + 1} entries before it verified).\n`,
    );
  });

  it('reports a deleted head file, though unlocking writes new entries before the check', () => {
    const dir = tampered('no-head', () => undefined);
    rmSync(join(dir, 'audit-head.json'));
    const r = verify(dir);
    expect(r.code).toBe(7);
    // The chain verifies, the CLI's own unlock entry (count + 1) included; then the head is found missing.
    expect(r.stderr).toBe(`Error: Audit trail broken at entry #${count + 1}: the head file outside the database (audit-head.json) is missing (${count + 1} entries before it verified).\n`);
    // No new head replaces the missing one: the break stays reported.
    expect(existsSync(join(dir, 'audit-head.json'))).toBe(false);
    expect(verify(dir).code).toBe(7);
  });
});
