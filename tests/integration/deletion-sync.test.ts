import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_CATEGORIES } from '../../electron/core/contract/data-categories';
import { ADMIN_PASSPHRASE, call, openRawVault, tempDir } from '../helpers/temp-vault';
import { APPROVER, enrolAccount } from '../helpers/enrol';
import { inviteAndJoin, signIn, STAFF, syncAll, withCaseWorker, workstation, type Workstation } from '../helpers/sync-network';
import { decryptedVaultBytes, tracesIn } from '../helpers/vault-scan';

/**
 * Deletion across offices: the keeping office erases a file and the tombstones reach every workstation that holds a
 * copy (its own office's second workstation, another office by consent), which remove every row, document file and
 * derived row of it. A restriction of processing reaches the office's other workstation first.
 */
const COORDINATION = { login: 'ko.kreis', displayName: 'Karin Kreis', role: 'koordination' as const, passphrase: 'Kreishaus Unna im Nebel 2026' };
const FAMILY = 'Quastenhuber';
const BIRTH = '1987-03-14';
const NOTE = 'Vertrauensgespräch am Zitronenbaum über die Wohnungssuche';
const pdf = (label: string) => Buffer.from(`%PDF-1.7\n% ${label}\n${'x'.repeat(2000)}\n%%EOF\n`, 'latin1');
const TODAY = new Date().toISOString().slice(0, 10);

/** Every document copy on the share (ciphertext under per-copy keys), by device folder. */
function copiesOnShare(share: string): string[] {
  const devices = join(share, 'kim-akte-sync', 'devices');
  return readdirSync(devices).flatMap((d) => {
    try {
      return readdirSync(join(devices, d, 'files')).map((f) => join(devices, d, 'files', f));
    } catch {
      return [];
    }
  });
}

async function network(root: string): Promise<{ share: string; stations: Workstation[] }> {
  const share = join(root, 'share');
  mkdirSync(share);
  const stations: Workstation[] = [];
  for (const [name, office] of [['lunen-1', 'lunen'], ['lunen-2', 'lunen'], ['werne-1', 'werne']] as const) stations.push(await workstation(root, name, office));
  const [first, ...rest] = stations as [Workstation, ...Workstation[]];
  await call(first.core, 'network.create', { share });
  for (const w of rest) await inviteAndJoin(first, w, share);
  await syncAll(first, ...rest, first);
  for (const w of stations) await withCaseWorker(w);
  return { share, stations };
}

async function as(w: Workstation, who: { login: string; passphrase: string }): Promise<void> {
  await call(w.core, 'session.lock');
  await call(w.core, 'session.unlock', { login: who.login, passphrase: who.passphrase });
}

/**
 * Erases a file at the person's request on `w`: Datenschutz (signed in) asks, the archive declines, Koordination
 * (enrolled now) approves; ends signed in as the case worker.
 */
async function eraseOnRequest(w: Workstation, clientId: string): Promise<void> {
  const request = await call(w.core, 'deletions.request', { clientId, ground: 'subject', reason: 'Antrag auf Löschung vom 20.11.' });
  await call(w.core, 'deletions.archiveDeclined', { id: request.id });
  await as(w, { login: 'admin', passphrase: ADMIN_PASSPHRASE });
  await enrolAccount(w.core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, COORDINATION);
  await as(w, COORDINATION);
  await call(w.core, 'deletions.approve', { id: request.id, passphrase: COORDINATION.passphrase });
  await signIn(w, STAFF.fm.login);
}

/** Every row of any table that names the client: client_id columns, the client row itself. */
function rowsNaming(w: Workstation, clientId: string): Record<string, number> {
  const db = openRawVault(w.dir, w.recoveryKey!);
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
    const out: Record<string, number> = {};
    for (const { name } of tables) {
      const columns = (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((c) => c.name);
      if (name === 'deletion_request' || name === 'audit_entry' || name === 'change_entry' || name === 'sync_clock') continue;
      const conditions = [columns.includes('client_id') ? 'client_id = ?' : null, name === 'client' ? 'id = ?' : null].filter((c): c is string => c !== null);
      if (!conditions.length) continue;
      const n = (db.prepare(`SELECT COUNT(*) AS n FROM ${name} WHERE ${conditions.join(' OR ')}`).get(...conditions.map(() => clientId)) as { n: number }).n;
      if (n) out[name] = n;
    }
    return out;
  } finally {
    db.close();
  }
}

const storedFiles = (w: Workstation) => {
  try {
    return readdirSync(join(w.dir, 'documents')).filter((n) => !n.startsWith('.'));
  } catch {
    return [];
  }
};

describe('deletion travels as tombstones', { timeout: 240_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('removes every copy of an erased file in every office, and a restriction reaches the office\'s other workstation', async () => {
    tmp = tempDir('kim-akte-deletion-sync-');
    const { share, stations } = await network(tmp.dir);
    const [lunen1, lunen2, werne] = stations as [Workstation, Workstation, Workstation];
    const client = await call(lunen1.core, 'clients.create', { familyName: FAMILY, givenNames: 'Zitronella', birthDate: BIRTH });
    await call(lunen1.core, 'household.add', { clientId: client.id, name: 'Kalle Quastenhuber', relation: 'child', birthYear: 2012 });
    const opened = await call(lunen1.core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] });
    await call(lunen1.core, 'notes.add', { caseId: opened.id, occurredOn: TODAY, kind: 'in-person', text: NOTE, internal: false });
    await call(lunen1.core, 'goals.add', { caseId: opened.id, area: 'language', title: 'Sprachkurs B1' });
    await call(lunen1.core, 'documents.upload', { clientId: client.id, fileName: 'Pass.pdf', mimeType: 'application/pdf', category: 'identity', contentBase64: pdf('Pass').toString('base64') });
    await call(lunen1.core, 'consents.add', { clientId: client.id, parties: ['werne'], categories: ['master'], purpose: 'Abstimmung', validFrom: TODAY, form: 'oral', oralRecord: 'Im Gespräch' });
    await syncAll(lunen1, lunen2, werne);
    expect(Object.keys(rowsNaming(lunen2, client.id)).length).toBeGreaterThan(4);
    expect(rowsNaming(werne, client.id)).toMatchObject({ client: 1 });
    expect(storedFiles(lunen2)).toHaveLength(1);
    expect(storedFiles(werne)).toHaveLength(1);
    expect(copiesOnShare(share).length).toBeGreaterThan(0);

    // Restriction: marked on the first workstation, refused on the second after one round.
    await as(lunen1, APPROVER);
    await call(lunen1.core, 'restrictions.set', { clientId: client.id, reason: 'Richtigkeit bestritten' });
    await syncAll(lunen1, lunen2);
    expect(await lunen2.core.dispatch('notes.add', { caseId: opened.id, occurredOn: TODAY, kind: 'phone', text: 'Rückruf', internal: false })).toMatchObject({
      ok: false,
      error: { code: 'permission.denied', params: { reason: 'restricted' } },
    });
    expect((await call(lunen2.core, 'clients.get', { id: client.id })).access).toMatchObject({ restricted: true, canWrite: false });

    // Erasure on request of the person, approved by Koordination.
    await eraseOnRequest(lunen1, client.id);
    await syncAll(lunen1, lunen2, werne, lunen1);

    for (const w of [lunen1, lunen2, werne]) {
      expect(rowsNaming(w, client.id), w.name).toEqual({});
      expect(storedFiles(w), w.name).toEqual([]);
      expect(await w.core.dispatch('clients.get', { id: client.id }), w.name).toMatchObject({ ok: false, error: { code: 'record.notFound' } });
    }
    // The copies of the document on the share went with it (their keys were in the erased rows).
    expect(copiesOnShare(share)).toEqual([]);
    // The receivers' vault files, decrypted page by page, hold nothing of the person once their WAL is folded in.
    for (const w of [lunen2, werne]) {
      await call(w.core, 'session.lock');
      expect(tracesIn(decryptedVaultBytes(w.dir, w.recoveryKey!), [FAMILY, BIRTH, NOTE, 'Kalle Quastenhuber']), w.name).toEqual([]);
    }
  });

  it('erasing a handed file at its new office also removes the record of the hand-over at the office that handed it', async () => {
    tmp = tempDir('kim-akte-deletion-handed-');
    const { stations } = await network(tmp.dir);
    const [lunen1, lunen2, werne] = stations as [Workstation, Workstation, Workstation];
    const client = await call(lunen1.core, 'clients.create', { familyName: FAMILY, givenNames: 'Zitronella', birthDate: BIRTH });
    const opened = await call(lunen1.core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] });
    await call(lunen1.core, 'notes.add', { caseId: opened.id, occurredOn: TODAY, kind: 'in-person', text: NOTE, internal: false });
    await call(lunen1.core, 'consents.add', {
      clientId: client.id,
      parties: ['werne'],
      categories: DATA_CATEGORIES,
      purpose: 'Übergabe nach Umzug',
      validFrom: TODAY,
      form: 'oral',
      oralRecord: 'Im Gespräch',
    });
    await syncAll(lunen1, lunen2);
    const prep = await call(lunen1.core, 'handovers.prepare', { clientId: client.id });
    const consentId = prep.offices.find((o) => o.office === 'werne')!.consents[0]!.id;
    await call(lunen1.core, 'handovers.send', { clientId: client.id, toOffice: 'werne', consentId, reason: 'moved', passphrase: STAFF.fm.passphrase });
    await syncAll(lunen1, werne, lunen2, lunen1, lunen2, lunen1, lunen2);
    // Lünen keeps nothing of the file but the record that it was handed over.
    for (const w of [lunen1, lunen2]) expect(rowsNaming(w, client.id), w.name).toEqual({ file_handover: 1 });

    await as(werne, APPROVER);
    await eraseOnRequest(werne, client.id);
    await syncAll(werne, lunen1, lunen2);
    for (const w of [werne, lunen1, lunen2]) expect(rowsNaming(w, client.id), w.name).toEqual({});
  });
});
