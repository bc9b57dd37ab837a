import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentCategory } from '../../electron/core/contract/case-domain';
import { call, openRawVault, tempDir } from '../helpers/temp-vault';
import { inviteAndJoin, signIn, STAFF, syncAll, withCaseWorker, workstation, type Workstation } from '../helpers/sync-network';

/** A small valid PDF-looking file whose bytes are unique to `label` (the upload checks the magic bytes only). */
const pdf = (label: string) => Buffer.from(`%PDF-1.7\n% ${label}\n${'x'.repeat(2000)}\n%%EOF\n`, 'latin1');

async function network(root: string, names: [string, Parameters<typeof workstation>[2]][]): Promise<{ share: string; stations: Workstation[] }> {
  const share = join(root, 'share');
  mkdirSync(share);
  const stations: Workstation[] = [];
  for (const [name, office] of names) stations.push(await workstation(root, name, office));
  const [first, ...rest] = stations as [Workstation, ...Workstation[]];
  await call(first.core, 'network.create', { share });
  for (const w of rest) await inviteAndJoin(first, w, share);
  await syncAll(first, ...rest, first);
  for (const w of stations) await withCaseWorker(w);
  return { share, stations };
}

async function upload(w: Workstation, clientId: string, category: DocumentCategory, label: string, caseId?: string) {
  const bytes = pdf(label);
  const doc = await call(w.core, 'documents.upload', { clientId, caseId, fileName: `${label}.pdf`, mimeType: 'application/pdf', category, contentBase64: bytes.toString('base64') });
  return { ...doc, bytes };
}

function raw<T>(w: Workstation, sql: string, ...params: unknown[]): T[] {
  const db = openRawVault(w.dir, w.recoveryKey!);
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The files in a workstation's documents folder (ciphertext, one per document row). */
const storedFiles = (w: Workstation) => {
  try {
    return readdirSync(join(w.dir, 'documents')).filter((n) => !n.startsWith('.'));
  } catch {
    return [];
  }
};

/** Every document copy on the share, by device folder. */
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

const contentOf = async (w: Workstation, id: string) => Buffer.from((await call(w.core, 'documents.content', { id })).contentBase64, 'base64');

describe('documents travel with their files', { timeout: 240_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('to the whole office, to another office and the ABH only by category of a consent, and leave with deletion and revocation', async () => {
    tmp = tempDir('kim-akte-docs-');
    const { share, stations } = await network(tmp.dir, [
      ['lunen-1', 'lunen'],
      ['lunen-2', 'lunen'],
      ['werne-1', 'werne'],
      ['abh-1', 'abh-lunen'],
    ]);
    const [lunen1, lunen2, werne, abh] = stations as [Workstation, Workstation, Workstation, Workstation];
    const client = await call(lunen1.core, 'clients.create', { familyName: 'Haddad', givenNames: 'Amal', birthDate: '1990-04-12' });
    const k = await call(lunen1.core, 'cases.open', { clientId: client.id, rechtskreise: ['aufenthg'] });
    const passport = await upload(lunen1, client.id, 'identity', 'Reisepass-Haddad');
    const permit = await upload(lunen1, client.id, 'residence', 'Aufenthaltstitel-Haddad', k.id);
    const report = await upload(lunen1, client.id, 'medical', 'Arztbrief-Haddad', k.id);
    const other = await upload(lunen1, client.id, 'other', 'Notizzettel-Haddad');

    await syncAll(lunen1, lunen2, werne, abh);
    // The office's second workstation holds every document, byte for byte, each under a key of its own.
    const second = await call(lunen2.core, 'clients.get', { id: client.id });
    expect(second.documents.map((d) => d.fileName).sort()).toEqual(['Arztbrief-Haddad.pdf', 'Aufenthaltstitel-Haddad.pdf', 'Notizzettel-Haddad.pdf', 'Reisepass-Haddad.pdf']);
    for (const d of [passport, permit, report, other]) expect((await contentOf(lunen2, d.id)).equals(d.bytes), d.fileName).toBe(true);
    const keys = (w: Workstation) => raw<{ file_key: string }>(w, 'SELECT file_key FROM document ORDER BY id').map((r) => r.file_key);
    expect(keys(lunen2).some((key) => keys(lunen1).includes(key))).toBe(false);
    expect(storedFiles(lunen2)).toHaveLength(4);
    // The medical letter's key and name are stored under the health key there too.
    const [medical] = raw<{ file_key: string; file_name: string }>(lunen2, 'SELECT file_key, file_name FROM document WHERE id = ?', report.id);
    expect(medical!.file_name).not.toContain('Arztbrief');
    expect(medical!.file_key).not.toMatch(/^[0-9a-f]{64}$/);
    // Nothing of the file shows on the share: copies have random names and are ciphertext.
    const copies = copiesOnShare(share);
    expect(copies.length).toBeGreaterThan(0);
    for (const path of copies) {
      expect(path).toMatch(/[0-9a-f]{32}\.kimdoc$/);
      const bytes = readFileSync(path);
      for (const d of [passport, permit, report, other]) expect(bytes.includes(d.bytes.subarray(0, 40))).toBe(false);
      expect(bytes.includes(Buffer.from('Haddad'))).toBe(false);
    }
    // Without a consent, nothing reaches Werne or the ABH.
    for (const w of [werne, abh]) expect(raw(w, 'SELECT id FROM document')).toHaveLength(0);

    // A master-data consent for Werne brings the passport; a residence consent for the ABH the permit.
    const consent = (parties: string[], categories: string[]) =>
      call(lunen1.core, 'consents.add', { clientId: client.id, parties, categories, purpose: 'Abstimmung', validFrom: '2026-11-01', form: 'oral', oralRecord: 'Im Gespräch am 20.11.' });
    await consent(['werne'], ['master']);
    await consent(['abh-lunen'], ['residence']);
    await syncAll(lunen1, werne, abh);
    expect(raw<{ id: string }>(werne, 'SELECT id FROM document').map((r) => r.id)).toEqual([passport.id]);
    expect(raw<{ id: string }>(abh, 'SELECT id FROM document').map((r) => r.id)).toEqual([permit.id]);
    expect(storedFiles(werne)).toHaveLength(1);
    expect((await contentOf(werne, passport.id)).equals(passport.bytes)).toBe(true);
    expect((await contentOf(abh, permit.id)).equals(permit.bytes)).toBe(true);

    // Deleting the passport removes it from every workstation, file and all, and its copies from the share.
    const before = copiesOnShare(share).length;
    await call(lunen1.core, 'documents.delete', { id: passport.id, passphrase: STAFF.fm.passphrase });
    await syncAll(lunen1, lunen2, werne, abh);
    for (const w of [lunen2, werne]) expect(raw(w, 'SELECT id FROM document WHERE id = ?', passport.id), w.name).toHaveLength(0);
    expect(storedFiles(werne)).toHaveLength(0);
    expect(storedFiles(lunen2)).toHaveLength(3);
    expect(copiesOnShare(share).length).toBeLessThan(before);

    // Revoking the ABH's consent removes its copy of the permit, and the permit's copy for the ABH leaves the share.
    const forAbh = (await call(lunen1.core, 'clients.get', { id: client.id })).consents.find((c) => c.parties.includes('abh-lunen'))!;
    const withAbh = copiesOnShare(share).length;
    await call(lunen1.core, 'consents.revoke', { id: forAbh.id, version: forAbh.version, revokedOn: '2026-11-30', form: 'written', note: null });
    await syncAll(lunen1, abh);
    expect(raw(abh, 'SELECT id FROM document')).toHaveLength(0);
    expect(storedFiles(abh)).toHaveLength(0);
    await syncAll(lunen1);
    expect(copiesOnShare(share).length).toBe(withAbh - 1);
    await signIn(werne, 'admin');
  });

  it('a copy that is missing or altered on the share is refused; the document waits and arrives once the copy is back', async () => {
    tmp = tempDir('kim-akte-docs-');
    const { share, stations } = await network(tmp.dir, [
      ['lunen-1', 'lunen'],
      ['lunen-2', 'lunen'],
    ]);
    const [lunen1, lunen2] = stations as [Workstation, Workstation];
    const client = await call(lunen1.core, 'clients.create', { familyName: 'Kowalenko', givenNames: 'Iryna', birthDate: '1985-02-03' });
    const scan = await upload(lunen1, client.id, 'certificate', 'Zeugnis-Kowalenko');
    await syncAll(lunen1);
    const [copy] = copiesOnShare(share);
    const original = readFileSync(copy!);

    // Missing: the client arrives, the document waits without a row or a file.
    renameSync(copy!, `${copy}.away`);
    const missing = await call(lunen2.core, 'sync.run');
    expect(missing.rejected).toBe(0);
    expect((await call(lunen2.core, 'clients.get', { id: client.id })).documents).toEqual([]);
    expect(storedFiles(lunen2)).toHaveLength(0);

    // Altered (one byte of the ciphertext): refused and counted, still nothing stored.
    const altered = Buffer.from(original);
    altered.writeUInt8(altered.readUInt8(altered.length - 5) ^ 0x01, altered.length - 5);
    writeFileSync(copy!, altered);
    const refused = await call(lunen2.core, 'sync.run');
    expect(refused.rejected).toBe(1);
    expect(raw(lunen2, 'SELECT id FROM document')).toHaveLength(0);
    expect(storedFiles(lunen2)).toHaveLength(0);

    // Back as it was: the next round brings the document.
    writeFileSync(copy!, original);
    await call(lunen2.core, 'sync.run');
    expect((await contentOf(lunen2, scan.id)).equals(scan.bytes)).toBe(true);
    expect(raw(lunen2, 'SELECT entity FROM sync_parked')).toHaveLength(0);
  });
});
