import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { databaseKeyForRecoveryKey, openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { berlinDate } from '../../electron/core/contract/dates';
import type { Result } from '../../electron/core/contract/methods';
import { loadCaseDetail } from '../../electron/core/domain/cases/case-queries';
import { readEncryptedDocument } from '../../electron/core/domain/documents/document-store';
import { accountIdFor } from '../../electron/core/platform/vault/keyring';
import { openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { loadKeyring } from '../../electron/core/platform/vault/vault';
import { clientInput } from '../helpers/case-worker';
import { enrolAccount } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, OTHER_PASSPHRASE, call, openCore, openRawVault, setupVault, switchUser, tempDir } from '../helpers/temp-vault';
import { downgradeToPlainCategories } from '../helpers/pre-category-vault';

/**
 * Issue 10, item 4: role limits that hold offline. Every account of a workstation unwraps the database key, so a
 * Verwaltung or IT account holder who copies the vault folder opens the database with any SQLCipher tool. Health
 * and conversation notes are encrypted once more, under category keys only reading roles (and the recovery key)
 * hold. These tests play that colleague with the real keyring and the real database file.
 */
const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const TODAY = berlinDate(new Date());
const PDF = Buffer.from('%PDF-1.7\nBefund Psychiatrie: mittelgradige depressive Episode\n%%EOF\n');
/** Values that must never be readable without the category key. */
const SECRETS = {
  note: 'Termin Psychiatrie bei Dr. Wagner vereinbart',
  participants: 'Dolmetscherin Frau Nasser',
  assessment: 'Depression seit der Flucht, Behandlung nötig',
  goal: 'Psychotherapie beginnen',
  measure: 'Liste traumasensibler Therapeuten durchgehen',
  outcome: 'Therapie läuft seit März',
  summary: 'Abschlussgespräch: Familie stabil, Therapie fortgesetzt',
  fileName: 'Befund-Psychiatrie-Wagner.pdf',
  draft: 'Entwurf: Schlafstörungen und Albträume angesprochen',
};
const VISIBLE = 'Sprachkurs B1 anmelden';

async function failureOf(core: CoreDispatcher, method: string, input: unknown): Promise<string> {
  const r = (await core.dispatch(method as never, input)) as Result<unknown>;
  if (r.ok) throw new Error(`${method}: expected a failure`);
  return r.error.code;
}

/** Every text value of every table, as a colleague with the database key reads the copied file. */
function dumpDatabase(dataDir: string, databaseKey: Buffer): string {
  const db = openRawEncrypted(join(dataDir, 'vault.db'), databaseKey);
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
    return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n');
  } finally {
    db.close();
  }
}

describe('category keys', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let recoveryKey: string;
  let caseId: string;
  let documentId: string;

  beforeAll(async () => {
    ({ core, recoveryKey } = await setupVault(tmp.dir));
    for (const [login, role] of [['fm', 'fallmanagement'], ['vw', 'verwaltung']] as const) {
      await enrolAccount(core, ADMIN, { login, displayName: `Konto ${login}`, role, passphrase: OTHER_PASSPHRASE });
    }
    await switchUser(core, 'fm');
    const clientId = (await call(core, 'clients.create', clientInput('Haddad', 'Amina', { birthDate: '1991-04-12' }))).id;
    caseId = (await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2'] })).id;
    await call(core, 'notes.add', { caseId, occurredOn: TODAY, kind: 'in-person', participants: SECRETS.participants, text: SECRETS.note, internal: false });
    await call(core, 'assessment.set', { caseId, area: 'health', need: 'urgent', note: SECRETS.assessment });
    const withGoals = await call(core, 'goals.add', { caseId, area: 'health', title: SECRETS.goal });
    const healthGoal = withGoals.goals.find((g) => g.area === 'health')!.id;
    await call(core, 'measures.add', { goalId: healthGoal, title: SECRETS.measure, owner: 'Frau Haddad' });
    const both = await call(core, 'goals.add', { caseId, area: 'language', title: VISIBLE });
    const languageGoal = both.goals.find((g) => g.area === 'language')!.id;
    documentId = (
      await call(core, 'documents.upload', { clientId, caseId, fileName: SECRETS.fileName, mimeType: 'application/pdf', category: 'medical', contentBase64: PDF.toString('base64') })
    ).id;
    await call(core, 'drafts.save', { formId: `note:${caseId}`, data: { text: SECRETS.draft } });
    const current = await call(core, 'cases.get', { id: caseId });
    await call(core, 'cases.close', {
      id: caseId,
      version: current.version,
      reason: 'goals-achieved',
      summary: SECRETS.summary,
      goalOutcomes: [
        { goalId: healthGoal, status: 'achieved', outcomeNote: SECRETS.outcome },
        { goalId: languageGoal, status: 'achieved', outcomeNote: null },
      ],
    });
  });

  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('shows the case manager every protected field through the app', async () => {
    await switchUser(core, 'fm');
    const k = await call(core, 'cases.get', { id: caseId });
    expect(k.notes![0]).toMatchObject({ text: SECRETS.note, participants: SECRETS.participants });
    expect(k.assessment.find((a) => a.area === 'health')?.note).toBe(SECRETS.assessment);
    const goal = k.goals.find((g) => g.area === 'health')!;
    expect(goal).toMatchObject({ title: SECRETS.goal, outcomeNote: SECRETS.outcome });
    expect(goal.measures[0]!.title).toBe(SECRETS.measure);
    expect(k.closure?.summary).toBe(SECRETS.summary);
    expect(k.documents.find((d) => d.id === documentId)?.fileName).toBe(SECRETS.fileName);
    const content = await call(core, 'documents.content', { id: documentId });
    expect(Buffer.from(content.contentBase64, 'base64').equals(PDF)).toBe(true);
    expect((await call(core, 'drafts.get', { formId: `note:${caseId}` }))?.data).toEqual({ text: SECRETS.draft });
  });

  it.each([
    ['Verwaltung', 'vw', OTHER_PASSPHRASE],
    ['IT-Administration', 'admin', ADMIN_PASSPHRASE],
  ])('leaves a %s account holder who copies the vault folder no protected value and no key to one', async (_role, login, passphrase) => {
    const keyring = loadKeyring(tmp.dir);
    const unlocked = (await keyring.unlockAccount(login, passphrase))!;
    expect(unlocked).not.toBeNull();
    expect(Object.keys(unlocked.categories)).toEqual([]);
    const dump = dumpDatabase(tmp.dir, unlocked.current.database);
    // The control: the same dump shows what the role may read, so the search below is not blind.
    expect(dump).toContain(VISIBLE);
    expect(dump).toContain('Haddad');
    for (const [what, secret] of Object.entries(SECRETS)) expect(dump.includes(secret), `${what} readable offline`).toBe(false);
    expect(dump).not.toContain('vault.categoryKey.unclaimed');
    // The medical document's file key is ciphertext too: the file beside the database does not open.
    const db = openRawEncrypted(join(tmp.dir, 'vault.db'), unlocked.current.database);
    const row = db.prepare('SELECT file_id, file_key, sha256 FROM document WHERE id = ?').get(documentId) as { file_id: string; file_key: string; sha256: string };
    db.close();
    expect(row.file_key.startsWith('k1:')).toBe(true);
    expect(() => readEncryptedDocument(tmp.dir, row.file_id, row.file_key, row.sha256)).toThrow(expect.objectContaining({ code: 'document.unreadable' }));
  });

  it('recovers every protected field with the recovery key from IT safe', async () => {
    const vault = await openWithRecoveryKey({ dataDir: tmp.dir }, recoveryKey);
    try {
      expect(vault.fields.held()).toEqual(['health', 'conversation-notes']);
      const k = await loadCaseDetail(vault.dataSource.manager, vault.fields, caseId);
      expect(k.notes![0]!.text).toBe(SECRETS.note);
      expect(k.goals.find((g) => g.area === 'health')!.measures[0]!.title).toBe(SECRETS.measure);
      expect(k.closure?.summary).toBe(SECRETS.summary);
    } finally {
      vault.forgetKey();
      await vault.dataSource.destroy();
    }
  });

  it('refuses a protected value moved to another row, and changes nothing', async () => {
    await switchUser(core, 'fm');
    const before = await call(core, 'cases.get', { id: caseId });
    const raw = openRawVault(tmp.dir, recoveryKey);
    const goals = raw.prepare(`SELECT id, title FROM goal WHERE case_id = ? ORDER BY area`).all(caseId) as { id: string; title: string }[];
    const health = goals.find((g) => g.title.startsWith('k1:'))!;
    const outcome = raw.prepare('SELECT outcome_note FROM goal WHERE id = ?').get(health.id) as { outcome_note: string };
    // The outcome's ciphertext in the title column of the same row: valid under the key, wrong place.
    raw.prepare('UPDATE goal SET title = ? WHERE id = ?').run(outcome.outcome_note, health.id);
    try {
      expect(await failureOf(core, 'cases.get', { id: caseId })).toBe('vault.fieldUnreadable');
    } finally {
      raw.prepare('UPDATE goal SET title = ? WHERE id = ?').run(health.title, health.id);
      raw.close();
    }
    expect(await call(core, 'cases.get', { id: caseId })).toEqual(before);
  });
});

describe('handing the category keys on', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let recoveryKey: string;

  beforeAll(async () => {
    ({ core, recoveryKey } = await setupVault(tmp.dir));
  });

  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  const waitingKeys = () => {
    const raw = openRawVault(tmp.dir, recoveryKey);
    try {
      return (raw.prepare(`SELECT key FROM setting WHERE key LIKE 'vault.categoryKey.unclaimed.%' ORDER BY key`).all() as { key: string }[]).map((r) => r.key);
    } finally {
      raw.close();
    }
  };
  const grantsOf = (login: string) => {
    const keyring = loadKeyring(tmp.dir);
    return keyring.categoryHolders().get(accountIdFor(keyring.vaultId, login));
  };

  it('keeps the keys in the database only until the first reading account holds them; IT never holds them', async () => {
    // A new workstation has only its administrator: the keys wait, under the database key, and only the recovery key holds them.
    expect(waitingKeys()).toEqual(['vault.categoryKey.unclaimed.conversation-notes', 'vault.categoryKey.unclaimed.health']);
    expect(grantsOf('admin')).toEqual([]);
    expect(loadKeyring(tmp.dir).categoryHolders().get('recovery')).toEqual(['health', 'conversation-notes']);
    await enrolAccount(core, ADMIN, { login: 'fm', displayName: 'Konto fm', role: 'fallmanagement', passphrase: OTHER_PASSPHRASE });
    expect(grantsOf('fm')).toEqual(['health', 'conversation-notes']);
    expect(waitingKeys()).toEqual([]);
    expect(grantsOf('admin')).toEqual([]);
  });

  it('gives a case manager created later the keys at the next unlock of a colleague who holds them', async () => {
    await switchUser(core, 'fm');
    const clientId = (await call(core, 'clients.create', clientInput('Nasser', 'Layla'))).id;
    const caseId = (await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2'] })).id;
    await call(core, 'notes.add', { caseId, occurredOn: TODAY, kind: 'phone', text: SECRETS.note, internal: false });
    await switchUser(core, 'admin', ADMIN_PASSPHRASE);
    await enrolAccount(core, ADMIN, { login: 'fm2', displayName: 'Konto fm2', role: 'fallmanagement', passphrase: OTHER_PASSPHRASE }, undefined, { handOnKeys: false });
    expect(grantsOf('fm2')).toEqual([]);
    // IT's account list says who still waits for which key (IT's own role reads neither).
    const awaited = async () => Object.fromEntries((await call(core, 'accounts.list')).map((a) => [a.login, a.awaitingCategoryKeys]));
    expect(await awaited()).toEqual({ admin: [], 'ds.freigabe': [], fm: [], fm2: ['health', 'conversation-notes'] });
    const unlockFm2 = async () => {
      await call(core, 'session.lock');
      return call(core, 'session.unlock', { login: 'fm2', passphrase: OTHER_PASSPHRASE });
    };
    // IT held no key to hand on: fm2 is told, and sees the file without its protected parts.
    expect((await unlockFm2()).awaitingCategoryKeys).toEqual(['health', 'conversation-notes']);
    const hidden = await call(core, 'cases.get', { id: caseId });
    expect(hidden.access.categories).not.toContain('conversation-notes');
    expect(hidden.access.categories).not.toContain('health');
    expect(hidden.notes).toBeUndefined();
    expect(await failureOf(core, 'notes.add', { caseId, occurredOn: TODAY, kind: 'phone', text: 'ohne Schlüssel', internal: false })).toBe('permission.denied');
    // fm signs in once: the keys go to fm2.
    await switchUser(core, 'fm');
    expect(grantsOf('fm2')).toEqual(['health', 'conversation-notes']);
    expect((await unlockFm2()).awaitingCategoryKeys).toBeUndefined();
    expect((await call(core, 'cases.get', { id: caseId })).notes?.[0]?.text).toBe(SECRETS.note);
  });

  it('takes the keys from an account whose role no longer reads the categories', async () => {
    await switchUser(core, 'admin', ADMIN_PASSPHRASE);
    const fm2 = (await call(core, 'accounts.list')).find((a) => a.login === 'fm2')!;
    expect(grantsOf('fm2')).toEqual(['health', 'conversation-notes']);
    expect(fm2.awaitingCategoryKeys).toEqual([]);
    const updated = await call(core, 'accounts.update', { id: fm2.id, version: fm2.version, displayName: fm2.displayName, role: 'verwaltung', active: true, confirmPassphrase: ADMIN_PASSPHRASE });
    expect(grantsOf('fm2')).toEqual([]);
    // Verwaltung reads neither category: nothing is awaited.
    expect(updated.awaitingCategoryKeys).toEqual([]);
    expect(grantsOf('fm')).toEqual(['health', 'conversation-notes']);
  });

  it('keeps every account key through re-keying; the new recovery key receives the category keys at a holder unlock', async () => {
    await switchUser(core, 'admin', ADMIN_PASSPHRASE);
    const { recoveryKey: next } = await call(core, 'vault.rekey', { confirmPassphrase: ADMIN_PASSPHRASE });
    // IT holds no category key to give the new recovery key; the accounts keep theirs.
    expect(loadKeyring(tmp.dir).categoryHolders().get('recovery')).toEqual([]);
    expect(grantsOf('fm')).toEqual(['health', 'conversation-notes']);
    await switchUser(core, 'fm');
    expect(loadKeyring(tmp.dir).categoryHolders().get('recovery')).toEqual(['health', 'conversation-notes']);
    const vault = await openWithRecoveryKey({ dataDir: tmp.dir }, next);
    try {
      expect(vault.fields.held()).toEqual(['health', 'conversation-notes']);
    } finally {
      vault.forgetKey();
      await vault.dataSource.destroy();
    }
    recoveryKey = next;
  });
});

describe('a vault from before category keys', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('encrypts its plain health and conversation-note values at the first unlock, by any account, and loses none', async () => {
    const { core, recoveryKey } = await setupVault(tmp.dir);
    for (const [login, role] of [['fm', 'fallmanagement'], ['vw', 'verwaltung']] as const) {
      await enrolAccount(core, ADMIN, { login, displayName: `Konto ${login}`, role, passphrase: OTHER_PASSPHRASE });
    }
    await switchUser(core, 'fm');
    const clientId = (await call(core, 'clients.create', clientInput('Rahimi', 'Sara'))).id;
    const caseId = (await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2'] })).id;
    await call(core, 'notes.add', { caseId, occurredOn: TODAY, kind: 'in-person', participants: SECRETS.participants, text: SECRETS.note, internal: false });
    const goalId = (await call(core, 'goals.add', { caseId, area: 'health', title: SECRETS.goal })).goals[0]!.id;
    await call(core, 'measures.add', { goalId, title: SECRETS.measure, owner: 'KIM' });
    const documentId = (
      await call(core, 'documents.upload', { clientId, fileName: SECRETS.fileName, mimeType: 'application/pdf', category: 'medical', contentBase64: PDF.toString('base64') })
    ).id;
    const before = await call(core, 'cases.get', { id: caseId });
    await core.close();

    await downgradeToPlainCategories(tmp.dir, recoveryKey);
    const plainDump = () => {
      const key = databaseKeyForRecoveryKey({ dataDir: tmp.dir }, recoveryKey);
      try {
        return dumpDatabase(tmp.dir, key);
      } finally {
        key.fill(0);
      }
    };
    // The precondition: the old vault holds them in plain text.
    expect(plainDump()).toContain(SECRETS.note);

    // Verwaltung unlocks first: keys are made, old values encrypted, and handed to the case manager at once.
    const upgraded = openCore({ dataDir: tmp.dir });
    try {
      await call(upgraded, 'session.unlock', { login: 'vw', passphrase: OTHER_PASSPHRASE });
      const dump = plainDump();
      for (const secret of [SECRETS.note, SECRETS.participants, SECRETS.goal, SECRETS.measure, SECRETS.fileName]) expect(dump).not.toContain(secret);
      expect(dump).not.toContain('vault.categoryKey.unclaimed');
      await switchUser(upgraded, 'fm');
      expect(await call(upgraded, 'cases.get', { id: caseId })).toEqual(before);
      const content = await call(upgraded, 'documents.content', { id: documentId });
      expect(Buffer.from(content.contentBase64, 'base64').equals(PDF)).toBe(true);
    } finally {
      await upgraded.close();
    }
  });
});
