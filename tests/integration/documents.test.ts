import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/contract/errors';
import { KimCaseEntity } from '../../electron/core/domain/cases/case-entities';
import { ClientEntity } from '../../electron/core/domain/clients/client-entities';
import { DocumentEntity } from '../../electron/core/domain/documents/document-entity';
import {
  deleteDocument,
  listDocuments,
  readDocument,
  uploadDocument,
} from '../../electron/core/domain/documents/document-service';
import { documentsDir } from '../../electron/core/domain/documents/document-store';
import { runSessionCall, type CaseWorkContext, type UnlockedSession } from '../../electron/core/api/call-context';
import { readSetting, SETTING_KEYS } from '../../electron/core/platform/settings/settings-store';
import { MAX_DOCUMENT_BYTES } from '../../electron/core/contract/case-domain';
import { ChangeEntryEntity } from '../../electron/core/platform/sync/change-entity';
import { AccountEntity } from '../../electron/core/domain/users/account-entity';
import { openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { addAccount } from '../helpers/accounts';
import { CASE_MANAGER, caseWorkerVault, clientInput } from '../helpers/case-worker';
import { call, setupVault, tempDir } from '../helpers/temp-vault';
import type { SessionUser } from '../../electron/core/contract/types/workstation-types';
import { DEFAULT_MACHINE_POLICY } from '../../electron/core/contract/machine-policy';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('Bescheid Jobcenter Lünen: Weiterbewilligung bis 31.12.\n'), Buffer.from('%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The case manager's own passphrase, which deleting asks for again. */
const PASSPHRASE = CASE_MANAGER.passphrase;

/** Expects an AppError with this code (and optionally these params) from `run`. */
async function rejectsWith(run: Promise<unknown>, code: string, params?: Record<string, unknown>): Promise<void> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (params) expect((error as AppError).params).toMatchObject(params);
}

describe('encrypted documents', () => {
  const tmp = tempDir();
  let session: UnlockedSession;
  let clientId: string;
  let otherClientId: string;
  let caseId: string;
  const files = () => (existsSync(documentsDir(tmp.dir)) ? readdirSync(documentsDir(tmp.dir)) : []);

  /** Runs service code through the dispatcher's own call context (transaction, access rules, commit hooks). */
  function withCtx<T>(run: (ctx: CaseWorkContext, tx: EntityManager) => Promise<T>): Promise<T> {
    const now = new Date();
    return runSessionCall(session, { location: { dataDir: tmp.dir }, now, clock: () => new Date(), appVersion: 'test', machinePolicy: DEFAULT_MACHINE_POLICY }, (ctx) => run(ctx, ctx.tx));
  }

  const upload = (over: Partial<Parameters<typeof uploadDocument>[1]> = {}, bytes: Buffer = PDF) =>
    withCtx((ctx) =>
      uploadDocument(ctx, {
        clientId,
        fileName: 'bescheid.pdf',
        mimeType: 'application/pdf',
        category: 'notice',
        contentBase64: bytes.toString('base64'),
        ...over,
      }),
    );

  function newClient(tx: EntityManager, familyName: string): Promise<string> {
    const id = randomUUID();
    const at = new Date().toISOString();
    return tx
      .insert(ClientEntity, {
        id,
        office: 'lunen',
        familyName,
        givenNames: 'Amina',
        alternativeNames: '[]',
        birthDate: null,
        birthDatePlaceholder: false,
        gender: 'female',
        nationalities: '["SY"]',
        languages: '[]',
        arrivalDate: null,
        street: null,
        postalCode: null,
        city: null,
        phone: null,
        email: null,
        sortName: familyName.toLowerCase(),
        currentStatusType: null,
        currentStatusUntil: null,
        createdAt: at,
        updatedAt: at,
        version: 1,
      })
      .then(() => id);
  }

  beforeAll(async () => {
    const { core, recoveryKey } = await setupVault(tmp.dir);
    await call(core, 'session.lock');
    await core.close();
    const colleague = { login: 'fm.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement' as const, passphrase: PASSPHRASE };
    await addAccount(tmp.dir, recoveryKey, colleague);
    // Opened with the recovery key, as the account helper does; the session is built by hand like the dispatcher's.
    const vault = await openWithRecoveryKey({ dataDir: tmp.dir }, recoveryKey);
    const m = vault.dataSource.manager;
    const account = await m.findOneByOrFail(AccountEntity, { login: colleague.login });
    const user: SessionUser = { id: account.id, login: account.login, displayName: account.displayName, role: account.role, office: account.office };
    session = { vault, user, deviceId: (await readSetting(m, SETTING_KEYS.deviceId))! };
    await vault.dataSource.transaction(async (tx) => {
      clientId = await newClient(tx, 'Haddad');
      otherClientId = await newClient(tx, 'Kowalczyk');
      caseId = randomUUID();
      await tx.insert(KimCaseEntity, {
        id: caseId,
        clientId,
        office: 'lunen',
        caseManagerId: account.id,
        phase: 'intake',
        rechtskreise: '["sgb2"]',
        openedOn: '2026-01-05',
        closedOn: null,
        closureReason: null,
        closureSummary: null,
        updatedAt: new Date().toISOString(),
        version: 1,
      });
    });
  });
  afterAll(async () => {
    await session?.vault.dataSource.destroy();
    tmp.cleanup();
  });

  it('round-trips the bytes and shows the SHA-256 of the plaintext', async () => {
    const view = await upload({ caseId });
    expect(view).toMatchObject({ clientId, caseId, fileName: 'bescheid.pdf', mimeType: 'application/pdf', size: PDF.length });
    expect(view.sha256).toBe(sha256(PDF));

    const audit: string[] = [];
    const content = await withCtx((ctx) => {
      ctx.audit = { entityIds: audit, fields: [] };
      return readDocument(ctx, view.id);
    });
    expect(Buffer.from(content.contentBase64, 'base64').equals(PDF)).toBe(true);
    expect(content.sha256).toBe(sha256(PDF));
    expect(audit).toEqual([view.id]);

    const changes = await session.vault.dataSource.manager.findBy(ChangeEntryEntity, { entity: 'document', entityId: view.id });
    expect(changes.map((c) => c.operation)).toEqual(['upsert']);
    expect((await withCtx((ctx, tx) => listDocuments(tx, ctx.fields, { caseId }))).map((d) => d.id)).toContain(view.id);
  });

  it('keeps only ciphertext on disk, under a different key per file', async () => {
    const a = await upload();
    const b = await upload();
    const rows = await session.vault.dataSource.manager.findBy(DocumentEntity, [{ id: a.id }, { id: b.id }]);
    const [first, second] = rows;
    if (!first || !second) throw new Error('expected both rows');
    expect(first.fileKey).not.toBe(second.fileKey);
    expect(first.fileKey).toMatch(/^[0-9a-f]{64}$/);
    for (const row of rows) {
      const onDisk = readFileSync(join(documentsDir(tmp.dir), row.fileId));
      expect(onDisk.subarray(0, 7).toString('ascii')).toBe('KIMDOC1');
      expect(onDisk.includes(PDF)).toBe(false);
      expect(onDisk.includes(Buffer.from('%PDF-'))).toBe(false);
      expect(onDisk.includes(Buffer.from('Jobcenter'))).toBe(false);
    }
    // Same plaintext, different ciphertext.
    const [x, y] = [first, second].map((r) => readFileSync(join(documentsDir(tmp.dir), r.fileId)));
    expect(x?.equals(y!)).toBe(false);
  });

  it('reports a flipped byte or a missing file as document.unreadable', async () => {
    const flipped = await upload();
    const row = await session.vault.dataSource.manager.findOneByOrFail(DocumentEntity, { id: flipped.id });
    const path = join(documentsDir(tmp.dir), row.fileId);
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0x01, bytes.length - 3);
    writeFileSync(path, bytes);
    await rejectsWith(withCtx((ctx) => readDocument(ctx, flipped.id)), 'document.unreadable');

    const missing = await upload();
    const missingRow = await session.vault.dataSource.manager.findOneByOrFail(DocumentEntity, { id: missing.id });
    await withCtx((ctx) => deleteDocument(ctx, { id: missing.id, passphrase: PASSPHRASE })); // removes the file; put the row back without it
    await session.vault.dataSource.manager.insert(DocumentEntity, missingRow);
    expect(existsSync(join(documentsDir(tmp.dir), missingRow.fileId))).toBe(false);
    await rejectsWith(withCtx((ctx) => readDocument(ctx, missing.id)), 'document.unreadable');
  });

  it('refuses a file above 20 MB without writing anything', async () => {
    const before = files();
    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
    PDF.copy(big);
    await rejectsWith(upload({}, big), 'document.tooLarge', { maxMegabytes: 20 });
    expect(files()).toEqual(before);
  });

  it('refuses content that is not what it claims, is empty or is not base64', async () => {
    const before = files();
    await rejectsWith(upload({}, PNG), 'document.typeMismatch');
    await rejectsWith(upload({ mimeType: 'image/png' }, Buffer.from('MZ\x90\x00 not an image')), 'document.typeMismatch');
    await rejectsWith(upload({}, Buffer.alloc(0)), 'validation.invalid');
    for (const contentBase64 of ['JVBERi0x!', 'JVBERi0x LjcK', 'JVBERi0', 'QR==']) {
      await rejectsWith(upload({ contentBase64 }), 'validation.invalid', { issues: [{ path: 'contentBase64', code: 'invalid_format' }] });
    }
    expect(files()).toEqual(before);
    // A PNG declared as PNG is fine.
    expect((await upload({ mimeType: 'image/png', fileName: 'pass.png' }, PNG)).mimeType).toBe('image/png');
  });

  it('refuses an unknown client or a case of another client, leaving no file', async () => {
    const before = files();
    await rejectsWith(upload({ clientId: randomUUID() }), 'record.notFound', { entity: 'client' });
    await rejectsWith(upload({ clientId: otherClientId, caseId }), 'record.notFound', { entity: 'case' });
    await rejectsWith(upload({ caseId: randomUUID() }), 'record.notFound', { entity: 'case' });
    expect(files()).toEqual(before);
  });

  it('removes the file again when the row cannot be inserted', async () => {
    const before = files();
    const failing = withCtx(async (ctx, tx) => {
      // Rolled back with the transaction; makes the insert fail after the file was written.
      await tx.query('DROP TABLE document');
      return uploadDocument(ctx, { clientId, fileName: 'a.pdf', mimeType: 'application/pdf', category: 'other', contentBase64: PDF.toString('base64') });
    });
    await expect(failing).rejects.toThrow();
    expect(files()).toEqual(before);
  });

  it('deletes row and file, records the deletion, and refuses a second delete', async () => {
    const view = await upload({ fileName: 'delete-me.pdf' });
    const row = await session.vault.dataSource.manager.findOneByOrFail(DocumentEntity, { id: view.id });
    expect(await withCtx((ctx) => deleteDocument(ctx, { id: view.id, passphrase: PASSPHRASE }))).toBeNull();
    expect(await session.vault.dataSource.manager.findOneBy(DocumentEntity, { id: view.id })).toBeNull();
    expect(existsSync(join(documentsDir(tmp.dir), row.fileId))).toBe(false);
    const changes = await session.vault.dataSource.manager.find(ChangeEntryEntity, { where: { entityId: view.id }, order: { hlc: 'ASC' } });
    expect(changes.map((c) => c.operation)).toEqual(['upsert', 'delete']);
    await rejectsWith(withCtx((ctx) => deleteDocument(ctx, { id: view.id, passphrase: PASSPHRASE })), 'record.notFound', { entity: 'document' });
    await rejectsWith(withCtx((ctx) => readDocument(ctx, view.id)), 'record.notFound', { entity: 'document' });
  });

  it('lists a client\'s documents newest first', async () => {
    const other = await withCtx(async (ctx) => {
      ctx.now = new Date(Date.now() + 60_000);
      return uploadDocument(ctx, { clientId, fileName: 'neu.pdf', mimeType: 'application/pdf', category: 'other', contentBase64: PDF.toString('base64') });
    });
    const list = await withCtx((ctx, tx) => listDocuments(tx, ctx.fields, { clientId }));
    expect(list[0]?.id).toBe(other.id);
    const dates = list.map((d) => d.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(await withCtx((ctx, tx) => listDocuments(tx, ctx.fields, { clientId: otherClientId }))).toEqual([]);
  });

  it('deletes nothing when the passphrase is wrong, and deletes with the right one', async () => {
    const view = await upload({ fileName: 'wrong-passphrase.pdf' });
    const row = await session.vault.dataSource.manager.findOneByOrFail(DocumentEntity, { id: view.id });
    await rejectsWith(withCtx((ctx) => deleteDocument(ctx, { id: view.id, passphrase: 'Seseke Brücke am Abend 2026' })), 'passphrase.wrongCurrent');
    expect(await session.vault.dataSource.manager.findOneBy(DocumentEntity, { id: view.id })).not.toBeNull();
    expect(existsSync(join(documentsDir(tmp.dir), row.fileId))).toBe(true);
    const changes = await session.vault.dataSource.manager.findBy(ChangeEntryEntity, { entityId: view.id });
    expect(changes.map((c) => c.operation)).toEqual(['upsert']);
    expect(Buffer.from((await withCtx((ctx) => readDocument(ctx, view.id))).contentBase64, 'base64').equals(PDF)).toBe(true);

    expect(await withCtx((ctx) => deleteDocument(ctx, { id: view.id, passphrase: PASSPHRASE }))).toBeNull();
    expect(await session.vault.dataSource.manager.findOneBy(DocumentEntity, { id: view.id })).toBeNull();
    expect(existsSync(join(documentsDir(tmp.dir), row.fileId))).toBe(false);
  });

  // Last in this block: the failures it records stay on the account until the next unlock.
  it('throttles repeated wrong passphrases like an unlock, even before the right one', async () => {
    const view = await upload({ fileName: 'throttled.pdf' });
    // Three wrong tries (each past any earlier wait) are more than the two free ones.
    for (let i = 0; i < 3; i++) {
      const wrong = withCtx((ctx) => {
        ctx.now = new Date(Date.now() + 60_000);
        return deleteDocument(ctx, { id: view.id, passphrase: `falsch ${i}` });
      });
      await rejectsWith(wrong, 'passphrase.wrongCurrent');
    }
    // Now even the right passphrase has to wait, and nothing is deleted meanwhile.
    await rejectsWith(withCtx((ctx) => deleteDocument(ctx, { id: view.id, passphrase: PASSPHRASE })), 'unlock.throttled');
    expect(await session.vault.dataSource.manager.findOneBy(DocumentEntity, { id: view.id })).not.toBeNull();
    const later = await withCtx((ctx) => {
      ctx.now = new Date(Date.now() + 10 * 60_000);
      return deleteDocument(ctx, { id: view.id, passphrase: PASSPHRASE });
    });
    expect(later).toBeNull();
    expect(await session.vault.dataSource.manager.findOneBy(DocumentEntity, { id: view.id })).toBeNull();
  });
});

describe('documents of a case, through the dispatcher', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let clientId = '';
  let caseId = '';
  const b64 = PDF.toString('base64');

  beforeAll(async () => {
    ({ core } = await caseWorkerVault(tmp.dir));
    clientId = (await call(core, 'clients.create', clientInput('Haddad', 'Amina'))).id;
    caseId = (await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2'] })).id;
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('files a document to the case: the case lists it, the client file lists it with its case', async () => {
    const onCase = await call(core, 'documents.upload', { clientId, caseId, fileName: 'Bescheid.pdf', mimeType: 'application/pdf', category: 'notice', contentBase64: b64 });
    const onClient = await call(core, 'documents.upload', { clientId, fileName: 'Pass.pdf', mimeType: 'application/pdf', category: 'identity', contentBase64: b64 });
    expect(onCase.caseId).toBe(caseId);
    expect(onClient.caseId).toBeNull();

    const kase = await call(core, 'cases.get', { id: caseId });
    expect(kase.documents.map((d) => d.id)).toEqual([onCase.id]);
    const client = await call(core, 'clients.get', { id: clientId });
    expect(new Map(client.documents.map((d) => [d.id, d.caseId]))).toEqual(new Map([[onCase.id, caseId], [onClient.id, null]]));
  });

  it('asks for the passphrase to delete: missing or wrong deletes nothing, right deletes', async () => {
    const doc = await call(core, 'documents.upload', { clientId, caseId, fileName: 'Antrag.pdf', mimeType: 'application/pdf', category: 'application', contentBase64: b64 });
    expect(await core.dispatch('documents.delete', { id: doc.id })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    expect(await core.dispatch('documents.delete', { id: doc.id, passphrase: 'Seseke Brücke am Mittag 2026' })).toEqual({
      ok: false,
      error: { code: 'passphrase.wrongCurrent', params: {} },
    });
    expect((await call(core, 'cases.get', { id: caseId })).documents.map((d) => d.id)).toContain(doc.id);
    expect((await call(core, 'documents.content', { id: doc.id })).sha256).toBe(sha256(PDF));

    expect(await call(core, 'documents.delete', { id: doc.id, passphrase: CASE_MANAGER.passphrase })).toBeNull();
    expect((await call(core, 'cases.get', { id: caseId })).documents.map((d) => d.id)).not.toContain(doc.id);
  });

  it('refuses new documents on a closed case', async () => {
    const kase = await call(core, 'cases.get', { id: caseId });
    await call(core, 'cases.close', { id: caseId, version: kase.version, reason: 'moved-away' });
    const before = readdirSync(documentsDir(tmp.dir));
    expect(await core.dispatch('documents.upload', { clientId, caseId, fileName: 'spät.pdf', mimeType: 'application/pdf', category: 'other', contentBase64: b64 })).toEqual({
      ok: false,
      error: { code: 'case.closed', params: {} },
    });
    expect(readdirSync(documentsDir(tmp.dir))).toEqual(before);
  });
});
