import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { berlinDate } from '../../electron/core/contract/dates';
import { documentsDir } from '../../electron/core/domain/documents/document-store';
import { openArchive } from '../../electron/core/domain/retention/archive-crypto';
import type { ArchiveContent } from '../../electron/core/domain/retention/archive-package';
import { ERASED_HOUSEHOLD_NAME } from '../../electron/core/domain/retention/person-erasure';
import { CASE_MANAGER, caseWorkerVault, clientInput } from '../helpers/case-worker';
import { APPROVER, enrolAccount } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, call, openCore, openRawVault, switchUser, tempDir } from '../helpers/temp-vault';
import { DEFAULT_MACHINE_POLICY } from '../../electron/core/contract/machine-policy';
import { decryptedVaultBytes, filesBelow, tracesIn } from '../helpers/vault-scan';

/**
 * Retention and deletion end to end on a real vault: which files are due and why, the four-eyes approval, the
 * archive package, and an erasure that leaves no trace of the person in the decrypted pages of the vault file, its
 * WAL or the documents folder, while the audit chain still verifies.
 */
const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const SECOND_DS = { login: 'ds.zweit', displayName: 'Jonas Zweitprüfer', role: 'datenschutz' as const, passphrase: 'Zweite Prüfung am Kanal 2026!' };
const COORDINATION = { login: 'ko.kreis', displayName: 'Karin Kreis', role: 'koordination' as const, passphrase: 'Kreishaus Unna im Nebel 2026' };
const FAMILY = 'Quastenhuber';
const GIVEN = 'Zitronella';
const BIRTH = '1987-03-14';
const NOTE = 'Vertrauensgespräch am Zitronenbaum über die Wohnungssuche';
const GOAL = 'Sprachkurs Zitronenfalter B1 abschließen';
const REFERRAL = 'Beratung zur Anerkennung, Stichwort Zitronenpresse';
const SITUATION = 'Lage im Zitronenhain: Arbeitssuche seit März';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(`Bescheid für ${GIVEN} ${FAMILY}\n`), Buffer.from('%%EOF\n')]);
const PACKAGE_PASSPHRASE = 'Archiv Westfalen Schlüssel 2026';

const asUser = (core: CoreDispatcher, who: { login: string; passphrase: string }) => switchUser(core, who.login, who.passphrase);

describe('retention and deletion of a person', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let recoveryKey = '';
  let personId = '';
  let otherId = '';
  let openId = '';
  let contactId = '';
  let requestId = '';

  beforeAll(async () => {
    ({ core, recoveryKey } = await caseWorkerVault(tmp.dir));
    await call(core, 'session.lock');
    await call(core, 'session.unlock', ADMIN);
    await enrolAccount(core, ADMIN, SECOND_DS);
    await enrolAccount(core, ADMIN, COORDINATION);
    await asUser(core, COORDINATION);
    const partnerId = (
      await call(core, 'partners.save', {
        name: 'MBE Caritas Lünen',
        kind: 'migrationsberatung',
        rechtskreise: [],
        street: 'Marktplatz 3',
        postalCode: '44532',
        city: 'Lünen',
        openingHours: null,
        phone: null,
        email: null,
        languages: ['de'],
        services: ['migration-counselling-adults'],
        offices: ['lunen'],
        notes: null,
      })
    ).id;
    await asUser(core, CASE_MANAGER);
    const person = await call(core, 'clients.create', clientInput(FAMILY, GIVEN, { birthDate: BIRTH }));
    personId = person.id;
    await call(core, 'household.add', { clientId: personId, name: 'Kalle Quastenhuber', relation: 'child', birthYear: 2012 });
    const opened = await call(core, 'cases.open', { clientId: personId, rechtskreise: ['sgb2'], openedOn: '2014-02-03' });
    await call(core, 'cases.setPhase', { id: opened.id, version: opened.version, phase: 'assessment', on: '2014-03-01' });
    const goalId = (await call(core, 'goals.add', { caseId: opened.id, area: 'language', title: GOAL })).goals[0]!.id;
    await call(core, 'notes.add', { caseId: opened.id, occurredOn: '2014-03-10', kind: 'in-person', text: NOTE, internal: false });
    await call(core, 'documents.upload', {
      clientId: personId,
      caseId: opened.id,
      fileName: 'Bescheid.pdf',
      mimeType: 'application/pdf',
      category: 'notice',
      contentBase64: PDF.toString('base64'),
    });
    await call(core, 'consents.add', { clientId: personId, parties: ['werne'], categories: ['master'], purpose: 'Abstimmung mit Werne', validFrom: '2014-03-01', form: 'oral', oralRecord: 'Im Gespräch erklärt' });
    await call(core, 'referrals.create', { caseId: opened.id, partnerId, request: REFERRAL, categories: ['master'] });
    await call(core, 'conferences.save', { caseId: opened.id, heldOn: '2014-05-05', clientPresent: true, situations: [{ area: 'work', text: SITUATION }] });
    const withFollowUp = await call(core, 'followUps.add', { caseId: opened.id, title: 'Rückruf Jobcenter', dueDate: '2014-04-01' });
    await call(core, 'cases.close', {
      id: opened.id,
      version: withFollowUp.version,
      reason: 'goals-achieved',
      closedOn: '2014-11-20',
      summary: 'Arbeit gefunden',
      goalOutcomes: [{ goalId, status: 'achieved', outcomeNote: null }],
    });
    await call(core, 'drafts.save', { formId: `clients.master.${personId}`, data: { familyName: FAMILY } });
    // Another family names the person in its household; an open case is never due; a first contact is not yet.
    otherId = (await call(core, 'clients.create', clientInput('Brandt', 'Elke', { birthDate: '1960-01-01' }))).id;
    await call(core, 'household.add', { clientId: otherId, name: `${GIVEN} ${FAMILY}`, relation: 'other', birthYear: 1987 });
    openId = (await call(core, 'clients.create', clientInput('Offen', 'Olga', { birthDate: '1970-05-05' }))).id;
    await call(core, 'cases.open', { clientId: openId, rechtskreise: [], openedOn: '2013-01-01' });
    contactId = (await call(core, 'clients.create', clientInput('Kontakt', 'Karl', { birthDate: '1975-07-07' }))).id;
  }, 240_000);
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('lists the files due for Datenschutz, with the rule, the date it runs from and the first day it is due', async () => {
    await asUser(core, APPROVER);
    const { rules, files: due, truncated } = await call(core, 'retention.files', { dueOnly: true });
    expect(rules).toEqual({ clientYears: 10, contactYears: 3 });
    expect(truncated).toBe(false);
    expect(due.map((f) => f.clientId)).toEqual([personId]);
    expect(due[0]).toMatchObject({ kind: 'client', lastDate: '2014-11-20', dueFrom: '2025-01-01', years: 10, due: true, name: `${FAMILY}, ${GIVEN}`, birthDate: BIRTH });
    const all = (await call(core, 'retention.files', { query: '', dueOnly: false })).files;
    const byId = new Map(all.map((f) => [f.clientId, f]));
    expect(byId.get(openId)).toMatchObject({ kind: 'client', openCases: 1, dueFrom: null, due: false });
    const today = berlinDate(new Date());
    expect(byId.get(contactId)).toMatchObject({ kind: 'contact', lastDate: today, years: 3, due: false, dueFrom: `${Number(today.slice(0, 4)) + 4}-01-01` });
    expect((await call(core, 'retention.files', { query: 'quasten', dueOnly: false })).files.map((f) => f.clientId)).toEqual([personId]);
  });

  it('refuses to ask for deletion of a file that is not due, except on the person\'s request with a reason', async () => {
    expect(await core.dispatch('deletions.request', { clientId: openId, ground: 'retention' })).toMatchObject({ ok: false, error: { code: 'deletion.notDue' } });
    expect(await core.dispatch('deletions.request', { clientId: contactId, ground: 'subject' })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    const bySubject = await call(core, 'deletions.request', { clientId: contactId, ground: 'subject', reason: 'Schreiben vom 12.11., Löschung verlangt' });
    expect(bySubject).toMatchObject({ status: 'pending', ground: 'subject' });
    expect(await core.dispatch('deletions.request', { clientId: contactId, ground: 'subject', reason: 'noch einmal' })).toMatchObject({
      ok: false,
      error: { code: 'deletion.alreadyRequested' },
    });
    await asUser(core, SECOND_DS);
    expect(await call(core, 'deletions.reject', { id: bySubject.id })).toMatchObject({ status: 'rejected' });
  });

  it('needs a second person, the archive offer settled, and the approver\'s own passphrase', async () => {
    await asUser(core, APPROVER);
    const request = await call(core, 'deletions.request', { clientId: personId, ground: 'retention' });
    requestId = request.id;
    expect(request).toMatchObject({ name: `${FAMILY}, ${GIVEN}`, counts: { cases: 1, notes: 1, documents: 1 }, archive: null });
    expect(await core.dispatch('deletions.approve', { id: requestId, passphrase: APPROVER.passphrase })).toMatchObject({
      ok: false,
      error: { code: 'deletion.sameApprover' },
    });
    // Case work may not ask, Koordination sees the facts without the person.
    await asUser(core, CASE_MANAGER);
    expect(await core.dispatch('deletions.request', { clientId: personId, ground: 'retention' })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    await asUser(core, COORDINATION);
    const seen = (await call(core, 'deletions.list')).find((r) => r.id === requestId)!;
    expect(seen).toMatchObject({ name: null, birthDate: null, kind: 'client', dueFrom: '2025-01-01', counts: { cases: 1, notes: 1, documents: 1 } });
    expect(await core.dispatch('deletions.approve', { id: requestId, passphrase: COORDINATION.passphrase })).toMatchObject({
      ok: false,
      error: { code: 'deletion.archivePending' },
    });
  });

  it('hands the archive an encrypted package that opens with its passphrase only, to the file\'s content', async () => {
    await asUser(core, APPROVER);
    const pkg = await call(core, 'deletions.exportArchive', { id: requestId, packagePassphrase: PACKAGE_PASSPHRASE });
    const bytes = Buffer.from(pkg.packageBase64, 'base64');
    expect(tracesIn(bytes, [FAMILY, BIRTH, NOTE])).toEqual([]);
    expect(await openArchive(bytes, 'Falsche Passphrase des Archivs 1')).toBeNull();
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 1]! ^= 1;
    expect(await openArchive(tampered, PACKAGE_PASSPHRASE)).toBeNull();
    const content = JSON.parse((await openArchive(bytes, PACKAGE_PASSPHRASE))!.toString('utf8')) as ArchiveContent;
    expect(content.clientId).toBe(personId);
    expect(content.records['client']![0]).toMatchObject({ familyName: FAMILY, givenNames: GIVEN, birthDate: BIRTH });
    expect(content.records['goal']![0]).toMatchObject({ title: GOAL });
    expect(content.records['household_member']![0]).toMatchObject({ name: 'Kalle Quastenhuber' });
    expect(content.documents).toHaveLength(1);
    expect(Buffer.from(content.documents[0]!.contentBase64, 'base64').equals(PDF)).toBe(true);
    // Conversation notes are under a key Datenschutz does not hold: named as withheld, never silently missing.
    const noteText = content.records['note']![0]!['text'];
    expect(noteText === NOTE || content.withheld.some((w) => w.startsWith('note:'))).toBe(true);
  });

  it('erases every trace of the person: rows, documents, WAL, free pages; others\' household entries anonymised', async () => {
    // Positive control: the scan sees the person while the file exists.
    const before = decryptedVaultBytes(tmp.dir, recoveryKey);
    expect(tracesIn(before, [FAMILY, BIRTH, GOAL, REFERRAL])).toEqual([FAMILY, BIRTH, GOAL, REFERRAL]);
    const raw = openRawVault(tmp.dir, recoveryKey);
    const stored = raw.prepare('SELECT n.text AS note, d.file_key AS fileKey, d.file_id AS fileId FROM note n, document d WHERE n.client_id = ? AND d.client_id = ?').get(personId, personId) as {
      note: string;
      fileKey: string;
      fileId: string;
    };
    raw.close();
    expect(existsSync(join(documentsDir(tmp.dir), stored.fileId)) || filesBelow(documentsDir(tmp.dir)).some((f) => f.path.includes(stored.fileId))).toBe(true);

    await asUser(core, COORDINATION);
    expect(await core.dispatch('deletions.approve', { id: requestId, passphrase: 'Falsche Passphrase am Kanal 1' })).toMatchObject({
      ok: false,
      error: { code: 'passphrase.wrongCurrent' },
    });
    const done = await call(core, 'deletions.approve', { id: requestId, passphrase: COORDINATION.passphrase });
    expect(done).toMatchObject({ removedFiles: 1, request: { status: 'done', reason: null, counts: { cases: 0, notes: 0, documents: 0 } } });
    expect(done.removedRows).toBeGreaterThanOrEqual(8);
    // At once, with the session still open: the freed pages were overwritten and the WAL truncated by the call.
    expect(tracesIn(decryptedVaultBytes(tmp.dir, recoveryKey), [FAMILY, BIRTH, NOTE, GOAL, stored.note, stored.fileKey])).toEqual([]);

    await asUser(core, CASE_MANAGER);
    expect(await core.dispatch('clients.get', { id: personId })).toMatchObject({ ok: false, error: { code: 'record.notFound' } });
    const other = await call(core, 'clients.get', { id: otherId });
    expect(other.household?.map((h) => h.name)).toEqual([ERASED_HOUSEHOLD_NAME]);
    expect(await call(core, 'drafts.get', { formId: `clients.master.${personId}` })).toBeNull();

    await asUser(core, APPROVER);
    expect(await call(core, 'audit.verify')).toMatchObject({ ok: true, firstBreak: null });
    await call(core, 'session.lock');

    const after = decryptedVaultBytes(tmp.dir, recoveryKey);
    expect(tracesIn(after, [FAMILY, GIVEN, BIRTH, NOTE, GOAL, REFERRAL, SITUATION, 'Abstimmung mit Werne', 'Kalle Quastenhuber', stored.note, stored.fileKey, 'Bescheid.pdf'])).toEqual([]);
    // Every table: no row names the file any more (ids in the change log, clocks and audit trail are no personal values).
    const rawAfter = openRawVault(tmp.dir, recoveryKey);
    for (const { name } of rawAfter.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]) {
      const columns = (rawAfter.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((c) => c.name);
      if (!columns.includes('client_id') || name === 'deletion_request') continue;
      expect((rawAfter.prepare(`SELECT COUNT(*) AS n FROM ${name} WHERE client_id = ?`).get(personId) as { n: number }).n, name).toBe(0);
    }
    rawAfter.close();
    // The other files are still there: the scan reads real pages.
    expect(tracesIn(after, ['Brandt', 'Offen'])).toEqual(['Brandt', 'Offen']);
    const wal = join(tmp.dir, 'vault.db-wal');
    expect(filesBelow(documentsDir(tmp.dir)).filter((f) => f.path.includes(stored.fileId))).toEqual([]);
    for (const f of filesBelow(tmp.dir)) expect(tracesIn(f.bytes, [FAMILY, BIRTH, NOTE]), f.path).toEqual([]);
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
  });

  it('keeps in the audit trail only that a deletion happened, with no personal value', async () => {
    await call(core, 'session.unlock', { login: APPROVER.login, passphrase: APPROVER.passphrase });
    const raw = openRawVault(tmp.dir, recoveryKey);
    const entries = raw.prepare(`SELECT action, entity, entity_id AS entityId, fields FROM audit_entry WHERE action = 'deletions.approve' AND outcome = 'ok'`).all() as {
      fields: string;
    }[];
    const text = JSON.stringify(raw.prepare('SELECT * FROM audit_entry').all());
    raw.close();
    expect(entries).toEqual([
      { action: 'deletions.approve', entity: 'deletion-request', entityId: requestId, fields: expect.stringContaining(`client:${personId}`) as unknown as string },
    ]);
    expect(tracesIn(Buffer.from(text), [FAMILY, GIVEN, BIRTH, NOTE])).toEqual([]);
  });
});

describe('retention periods from the machine policy, and VACUUM after each deletion when IT asks for it', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let recoveryKey = '';

  beforeAll(async () => {
    core = openCore({ dataDir: tmp.dir, policy: { ...DEFAULT_MACHINE_POLICY, retention: { clientYears: 6, contactYears: 1, vacuumAfterDeletion: true } } });
    ({ recoveryKey } = await call(core, 'vault.setup', { office: 'lunen', adminLogin: 'admin', adminName: 'Petra Schulte', passphrase: ADMIN_PASSPHRASE }));
    await enrolAccount(core, ADMIN, { ...CASE_MANAGER });
    await enrolAccount(core, ADMIN, COORDINATION);
  }, 240_000);
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('makes a file closed in 2019 due under a 6-year rule, and the vacuumed vault holds no trace either', async () => {
    await asUser(core, CASE_MANAGER);
    const client = await call(core, 'clients.create', clientInput(FAMILY, GIVEN, { birthDate: BIRTH }));
    const opened = await call(core, 'cases.open', { clientId: client.id, rechtskreise: [], openedOn: '2018-01-10' });
    await call(core, 'notes.add', { caseId: opened.id, occurredOn: '2018-02-01', kind: 'phone', text: NOTE, internal: false });
    const withNote = await call(core, 'cases.get', { id: opened.id });
    await call(core, 'cases.close', { id: opened.id, version: withNote.version, reason: 'no-contact', closedOn: '2019-12-31' });
    await asUser(core, APPROVER);
    const { rules, files } = await call(core, 'retention.files', { dueOnly: true });
    expect(rules).toEqual({ clientYears: 6, contactYears: 1 });
    expect(files).toMatchObject([{ clientId: client.id, kind: 'client', years: 6, dueFrom: '2026-01-01', due: true }]);
    const request = await call(core, 'deletions.request', { clientId: client.id, ground: 'retention' });
    await call(core, 'deletions.archiveDeclined', { id: request.id });
    await asUser(core, COORDINATION);
    expect(await call(core, 'deletions.approve', { id: request.id, passphrase: COORDINATION.passphrase })).toMatchObject({ vacuumed: true, removedFiles: 0 });
    await call(core, 'session.lock');
    expect(tracesIn(decryptedVaultBytes(tmp.dir, recoveryKey), [FAMILY, BIRTH, NOTE])).toEqual([]);
  });
});
