import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, openRawVault, tempDir } from '../helpers/temp-vault';
import { inviteAndJoin, signIn, STAFF, syncAll, withCaseWorker, workstation } from '../helpers/sync-network';

describe('rows written before sync recorded them', { timeout: 240_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('travel to a new workstation of the office all the same, once', async () => {
    tmp = tempDir('kim-akte-unrecorded-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const lunen1 = await withCaseWorker(await workstation(tmp.dir, 'lunen-1', 'lunen'));
    const client = await call(lunen1.core, 'clients.create', { familyName: 'Altbestand', givenNames: 'Vera' });
    const k = await call(lunen1.core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] });
    await call(lunen1.core, 'cases.setPhase', { id: k.id, version: k.version, phase: 'assessment' });
    await call(lunen1.core, 'goals.add', { caseId: k.id, area: 'language', title: 'B1-Kurs abschließen' });
    const pdf = Buffer.from(`%PDF-1.7\n% Altbestand\n%%EOF\n`, 'latin1');
    const doc = await call(lunen1.core, 'documents.upload', { clientId: client.id, fileName: 'Zeugnis.pdf', mimeType: 'application/pdf', category: 'certificate', contentBase64: pdf.toString('base64') });
    // As a vault that kept these rows before the change log recorded them row by row: no entries, no row clocks.
    const db = openRawVault(lunen1.dir, lunen1.recoveryKey!);
    try {
      db.exec('DELETE FROM change_entry; DELETE FROM sync_clock;');
    } finally {
      db.close();
    }

    const lunen2 = await workstation(tmp.dir, 'lunen-2', 'lunen');
    await signIn(lunen1, 'admin');
    await call(lunen1.core, 'network.create', { share });
    await inviteAndJoin(lunen1, lunen2, share);
    await signIn(lunen1, STAFF.fm.login);
    await syncAll(lunen1, lunen2, lunen1, lunen2);
    await withCaseWorker(lunen2);

    const received = await call(lunen2.core, 'cases.get', { id: k.id });
    expect(received.goals.map((g) => g.title)).toEqual(['B1-Kurs abschließen']);
    expect(received.phaseHistory?.map((p) => p.phase)).toEqual(['intake', 'assessment']);
    expect(Buffer.from((await call(lunen2.core, 'documents.content', { id: doc.id })).contentBase64, 'base64').equals(pdf)).toBe(true);
    // Entered once: a later round finds nothing more to enter.
    const entries = () => {
      const raw = openRawVault(lunen1.dir, lunen1.recoveryKey!);
      try {
        return (raw.prepare(`SELECT COUNT(*) AS n FROM change_entry WHERE entity_id = ?`).get(client.id) as { n: number }).n;
      } finally {
        raw.close();
      }
    };
    const before = entries();
    expect(before).toBe(1);
    await syncAll(lunen1, lunen1);
    expect(entries()).toBe(before);
  });

  it('are never sent from a vault the demo tool filled (its people are fictional)', async () => {
    tmp = tempDir('kim-akte-unrecorded-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const lunen1 = await withCaseWorker(await workstation(tmp.dir, 'lunen-1', 'lunen'));
    const client = await call(lunen1.core, 'clients.create', { familyName: 'Demo', givenNames: 'Person' });
    const db = openRawVault(lunen1.dir, lunen1.recoveryKey!);
    try {
      db.exec('DELETE FROM change_entry; DELETE FROM sync_clock;');
      db.prepare(`INSERT INTO setting (key, value) VALUES ('demo.vault', '{"createdBy":"demo-data"}')`).run();
    } finally {
      db.close();
    }
    const lunen2 = await workstation(tmp.dir, 'lunen-2', 'lunen');
    await signIn(lunen1, 'admin');
    await call(lunen1.core, 'network.create', { share });
    await inviteAndJoin(lunen1, lunen2, share);
    await syncAll(lunen1, lunen2, lunen1, lunen2);
    const raw = openRawVault(lunen2.dir, lunen2.recoveryKey!);
    try {
      expect(raw.prepare('SELECT id FROM client WHERE id = ?').all(client.id)).toEqual([]);
    } finally {
      raw.close();
    }
  });
});
