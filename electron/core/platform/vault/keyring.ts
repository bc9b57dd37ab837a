import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { OFFICES, type Office } from '../../contract/offices';
import { KEY_PROTECTED_CATEGORIES, type KeyProtectedCategory } from '../../contract/data-categories';
import { zeroCategoryKeys, type CategoryKeys, type CategoryPublicKeys } from './field-cipher';
import { writeFileAtomic } from '../files/atomic-file';
import { newKeyPair, open, publicKeyOf, seal } from './sealed-box';
import { GRANT_NAMES, zeroSecrets, type GrantName, type VaultSecrets } from './vault-secrets';

/** Failed attempts kept per entry until the next successful unlock writes them to the audit trail. */
const MAX_PENDING = 50;
import {
  deriveWrappingKey,
  keyringMac,
  macEquals,
  newKdfParams,
  unwrapKey,
  wrapKey,
  type KdfParams,
  type WrappedKey,
} from './key-crypto';

/**
 * keyring.json beside vault.db: the vault's secrets (database key, audit key) sealed once per account and once for
 * the recovery key. It holds no personal data: accounts are named by a hash of vault id and login, and the fixed
 * parts are authenticated by a MAC under the database key so a swapped office or a grafted account is detected after
 * unlock. Failed-attempt counters live here too because they
 * must work while the database is still locked.
 */
const kdfSchema = z.strictObject({
  alg: z.literal('scrypt'),
  N: z.number().int().min(2 ** 14),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  salt: z.string().min(16),
});
const wrapSchema = z.strictObject({ alg: z.literal('aes-256-gcm'), iv: z.string(), ct: z.string(), tag: z.string() });
const grantsSchema = z.partialRecord(z.enum(GRANT_NAMES), z.string().max(512));
const publicKeySchema = z.base64().length(44);
/** Category private keys (see field-cipher.ts) sealed to one holder; only roles that may read the category get one. */
const categoryGrantsSchema = z.partialRecord(z.enum(KEY_PROTECTED_CATEGORIES), z.string().max(512));
/** Format 1: the database key wrapped directly under the passphrase (upgraded at the account's next unlock). */
const legacyAccountSchema = z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/), kdf: kdfSchema, wrap: wrapSchema });
/**
 * Format 2: the account's own X25519 key pair; the private key wrapped under the passphrase, the vault's secrets
 * sealed to the public key. Anyone may then give the account a key (re-keying, category keys) without its passphrase.
 */
const keyPairAccountSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: kdfSchema,
  secret: wrapSchema,
  publicKey: publicKeySchema,
  grants: grantsSchema,
  categoryGrants: categoryGrantsSchema.optional(),
});
const accountSchema = z.union([keyPairAccountSchema, legacyAccountSchema]);
/** An account's key pair prepared while an IT change waits for approval (see prepareAccountEntry). */
const preparedEntrySchema = keyPairAccountSchema.omit({ grants: true, categoryGrants: true });
/** The recovery key in IT's safe is the private key of this record; absent in format 1 (recovery key = database key). */
const recoverySchema = z.strictObject({ publicKey: publicKeySchema, grants: grantsSchema, categoryGrants: categoryGrantsSchema.optional() });
/** A re-keying under way: every member's grants of the new secrets, kept until the database is re-encrypted. */
const pendingRekeySchema = z.strictObject({ accounts: z.record(z.string(), grantsSchema), recovery: recoverySchema });
/**
 * Per account (and one entry for all unknown logins, one for the whole workstation): `failures` in a row drive the
 * wait; `failedAt` holds the attempts not yet written to the audit trail; `lastAt` is the newest failure.
 */
const throttleSchema = z.strictObject({
  failures: z.number().int().min(0),
  failedAt: z.array(z.string()).max(MAX_PENDING),
  lastAt: z.string().optional(),
});
const keyringSchema = z.strictObject({
  format: z.literal('kim-akte-keyring'),
  version: z.union([z.literal(1), z.literal(2)]),
  vaultId: z.uuid(),
  office: z.enum(OFFICES),
  createdAt: z.string(),
  accounts: z.array(accountSchema).min(1),
  recovery: recoverySchema.optional(),
  /** The category public keys: anyone may encrypt to them; absent until the first unlock that creates them. */
  categories: z.partialRecord(z.enum(KEY_PROTECTED_CATEGORIES), publicKeySchema).optional(),
  pendingRekey: pendingRekeySchema.optional(),
  mac: z.string(),
  /** During a re-keying: the same MAC under the new database key, so either key proves the keyring. */
  nextMac: z.string().optional(),
  throttle: z.record(z.string(), throttleSchema),
});

export type KeyringData = z.infer<typeof keyringSchema>;
export type ThrottleState = z.infer<typeof throttleSchema>;

export const KEYRING_FILE = 'keyring.json';

/** Delay before the next attempt after `failures` consecutive failures: free twice, then 2 s doubling to 5 min. */
export function throttleDelayMs(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(2000 * 2 ** (failures - 3), 5 * 60_000);
}

/**
 * The workstation-wide wait: many failures across logins (guessing names) slow every attempt down, until some
 * account unlocks. Free for 20 failures, then 2 s doubling to 5 min.
 */
export function globalDelayMs(failures: number): number {
  return throttleDelayMs(failures - GLOBAL_FREE_FAILURES + 2);
}

/** The throttle entry shared by every login that has no account here, and the workstation-wide one. */
export const UNKNOWN_LOGINS = 'unknown-logins';
export const ALL_LOGINS = 'all-logins';
const GLOBAL_FREE_FAILURES = 20;

export function accountIdFor(vaultId: string, login: string): string {
  return createHash('sha256').update(`${vaultId}\u0000${login}`).digest('hex');
}

type CategoryGrants = z.infer<typeof categoryGrantsSchema>;

const sortedEntries = (r: CategoryGrants | undefined) => Object.entries(r ?? {}).sort(([a], [b]) => a.localeCompare(b));

function canonicalFixedPart(k: Omit<KeyringData, 'mac' | 'nextMac' | 'throttle'>): string {
  const withoutCategories = (o: object): object => {
    const { categoryGrants: _c, ...rest } = o as { categoryGrants?: unknown };
    return rest;
  };
  const accounts = [...k.accounts].sort((a, b) => a.id.localeCompare(b.id));
  const fixed: unknown[] = [k.format, k.version, k.vaultId, k.office, k.createdAt, accounts.map(withoutCategories)];
  // Format 1 keyrings had neither; leaving them out keeps their MAC valid.
  if (k.recovery || k.pendingRekey) {
    const pending = k.pendingRekey && { ...k.pendingRekey, recovery: withoutCategories(k.pendingRekey.recovery) };
    fixed.push(k.recovery ? withoutCategories(k.recovery) : null, pending ?? null);
  }
  // Category keys came later: in key order of their own, so the MAC does not depend on how objects were built.
  if (k.categories) {
    fixed.push({
      categories: sortedEntries(k.categories),
      accounts: accounts.map((a) => [a.id, sortedEntries('categoryGrants' in a ? a.categoryGrants : undefined)]),
      recovery: sortedEntries(k.recovery?.categoryGrants),
      pendingRecovery: sortedEntries(k.pendingRekey?.recovery.categoryGrants),
    });
  }
  return JSON.stringify(fixed);
}

type KeyPairAccount = z.infer<typeof keyPairAccountSchema>;
type Grants = z.infer<typeof grantsSchema>;

const isKeyPairAccount = (a: KeyringData['accounts'][number]): a is KeyPairAccount => 'secret' in a;

/** What an unlock yields: the secrets in force, and during an interrupted re-keying also the new ones. */
export interface UnlockedSecrets {
  current: VaultSecrets;
  next?: VaultSecrets;
  /** The category private keys this holder was given (none for roles that may not read them). */
  categories: CategoryKeys;
}

export class Keyring {
  private constructor(
    private readonly path: string,
    private data: KeyringData,
  ) {}

  get vaultId(): string {
    return this.data.vaultId;
  }

  get office(): Office {
    return this.data.office;
  }

  /** False for format 1 vaults, whose recovery key is the database key itself (until re-keyed). */
  get hasRecoveryKeyPair(): boolean {
    return this.data.recovery !== undefined;
  }

  get rekeyPending(): boolean {
    return this.data.pendingRekey !== undefined;
  }

  static exists(path: string): boolean {
    return existsSync(path);
  }

  /** Reads and validates the file; any damage is keyringCorrupt, never a crash. */
  static load(path: string): Keyring {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new AppError('vault.keyringCorrupt');
    }
    const parsed = keyringSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('vault.keyringCorrupt');
    return new Keyring(path, parsed.data);
  }

  /** Creates the keyring of a new vault: the recovery record and the first account. Not written until `save`. */
  static async create(
    path: string,
    office: Office,
    login: string,
    passphrase: string,
    secrets: VaultSecrets,
    recoveryPublic: Buffer,
    now: Date,
  ): Promise<Keyring> {
    const vaultId = randomUUID();
    const k = new Keyring(path, {
      format: 'kim-akte-keyring',
      version: 2,
      vaultId,
      office,
      createdAt: now.toISOString(),
      accounts: [],
      mac: '',
      throttle: {},
    });
    k.data.recovery = { publicKey: recoveryPublic.toString('base64'), grants: k.sealGrants(secrets, recoveryPublic, 'recovery') };
    await k.setAccountPassphrase(login, passphrase, secrets);
    return k;
  }

  save(): void {
    // Parsed again for a stable key order, so an unchanged keyring is written byte for byte the same.
    writeFileAtomic(this.path, `${JSON.stringify(keyringSchema.parse(this.data), null, 2)}\n`);
  }

  hasAccount(login: string): boolean {
    const id = accountIdFor(this.data.vaultId, login);
    return this.data.accounts.some((a) => a.id === id);
  }

  /** Accounts still in format 1: they cannot receive new keys until they unlock once (re-keying drops them). */
  legacyAccountIds(): string[] {
    return this.data.accounts.filter((a) => !isKeyPairAccount(a)).map((a) => a.id);
  }

  private purpose(holder: string, name: GrantName): string {
    return `${this.data.vaultId}:${holder}:${name}`;
  }

  private sealGrants(secrets: VaultSecrets, publicKey: Buffer, holder: string): Grants {
    const grants: Grants = {};
    for (const name of GRANT_NAMES) {
      const secret = secrets[name];
      if (secret) grants[name] = seal(secret, publicKey, this.purpose(holder, name));
    }
    return grants;
  }

  /** Opens every grant; null when a required one (database, audit) is missing or does not open. */
  private openGrants(grants: Grants, privateKey: Buffer, holder: string): VaultSecrets | null {
    const opened: Partial<Record<GrantName, Buffer>> = {};
    for (const name of GRANT_NAMES) {
      const box = grants[name];
      if (!box) continue;
      const secret = open(box, privateKey, this.purpose(holder, name));
      if (!secret) {
        for (const s of Object.values(opened)) s.fill(0);
        return null;
      }
      opened[name] = secret;
    }
    if (!opened.database || !opened.audit) {
      for (const s of Object.values(opened)) s.fill(0);
      return null;
    }
    return opened as VaultSecrets;
  }

  private unlockWithPrivateKey(
    privateKey: Buffer,
    holder: string,
    grants: Grants,
    pendingGrants: Grants | undefined,
    categoryGrants: CategoryGrants | undefined,
  ): UnlockedSecrets | null {
    const current = this.openGrants(grants, privateKey, holder);
    if (!current) return null;
    const next = pendingGrants ? this.openGrants(pendingGrants, privateKey, holder) : null;
    const categories = this.openCategoryGrants(categoryGrants, privateKey, holder);
    return next ? { current, next, categories } : { current, categories };
  }

  private categoryPurpose(holder: string, category: KeyProtectedCategory): string {
    return `${this.data.vaultId}:${holder}:category:${category}`;
  }

  /** A box that does not open (altered) counts as not held: the unlock goes on, the category stays closed. */
  private openCategoryGrants(grants: CategoryGrants | undefined, privateKey: Buffer, holder: string): CategoryKeys {
    const keys: CategoryKeys = {};
    for (const c of KEY_PROTECTED_CATEGORIES) {
      const box = grants?.[c];
      const key = box ? open(box, privateKey, this.categoryPurpose(holder, c)) : null;
      if (key) keys[c] = key;
    }
    return keys;
  }

  private sealCategoryGrants(keys: CategoryKeys | undefined, publicKey: Buffer, holder: string): CategoryGrants | undefined {
    const grants: CategoryGrants = {};
    for (const c of KEY_PROTECTED_CATEGORIES) {
      const key = keys?.[c];
      if (key) grants[c] = seal(key, publicKey, this.categoryPurpose(holder, c));
    }
    return Object.keys(grants).length ? grants : undefined;
  }

  /** The category public keys, or null before the first unlock that creates them. */
  categoryPublicKeys(): CategoryPublicKeys | null {
    const c = this.data.categories;
    if (!c) return null;
    const keys: CategoryPublicKeys = {};
    for (const name of KEY_PROTECTED_CATEGORIES) if (c[name]) keys[name] = Buffer.from(c[name], 'base64');
    return keys;
  }

  /** Records the category public keys of this vault (once; see domain/users/category-grants.ts). */
  setCategoryPublicKeys(keys: CategoryPublicKeys, databaseKey: Buffer): void {
    this.assertNoRekeyPending();
    const categories: Partial<Record<KeyProtectedCategory, string>> = {};
    for (const c of KEY_PROTECTED_CATEGORIES) if (keys[c]) categories[c] = keys[c].toString('base64');
    this.data.categories = categories;
    this.data.mac = keyringMac(databaseKey, canonicalFixedPart(this.data));
  }

  /** Which categories each account with a key pair holds ('recovery' for the recovery key), by account id. */
  categoryHolders(): Map<string, KeyProtectedCategory[]> {
    const held = (g: CategoryGrants | undefined) => KEY_PROTECTED_CATEGORIES.filter((c) => g?.[c] !== undefined);
    const out = new Map<string, KeyProtectedCategory[]>();
    for (const a of this.data.accounts) if (isKeyPairAccount(a)) out.set(a.id, held(a.categoryGrants));
    if (this.data.recovery) out.set('recovery', held(this.data.recovery.categoryGrants));
    return out;
  }

  /** The category keys sealed to the account with this login (none for an account without a key pair). */
  categoriesHeldBy(login: string): KeyProtectedCategory[] {
    return this.categoryHolders().get(accountIdFor(this.vaultId, login)) ?? [];
  }

  /**
   * Gives the accounts (by id, or 'recovery') the category keys they lack, and takes from them those not in
   * `allowed`. Returns whether anything changed; the MAC is renewed under `databaseKey`.
   */
  setCategoryGrants(allowed: Map<string, readonly KeyProtectedCategory[]>, keys: CategoryKeys, databaseKey: Buffer): boolean {
    this.assertNoRekeyPending();
    let changed = false;
    const settle = (holder: string, publicKey: string, grants: CategoryGrants | undefined): CategoryGrants | undefined => {
      const want = allowed.get(holder) ?? [];
      const next: CategoryGrants = {};
      for (const c of KEY_PROTECTED_CATEGORIES) {
        const have = grants?.[c];
        const key = keys[c];
        if (!want.includes(c)) changed ||= have !== undefined;
        else if (have !== undefined) next[c] = have;
        else if (key) {
          next[c] = seal(key, Buffer.from(publicKey, 'base64'), this.categoryPurpose(holder, c));
          changed = true;
        }
      }
      return Object.keys(next).length ? next : undefined;
    };
    this.data.accounts = this.data.accounts.map((a) => {
      if (!isKeyPairAccount(a)) return a;
      const { categoryGrants, ...rest } = a;
      const next = settle(a.id, a.publicKey, categoryGrants);
      return next ? { ...rest, categoryGrants: next } : rest;
    });
    if (this.data.recovery) {
      const { categoryGrants, ...rest } = this.data.recovery;
      const next = settle('recovery', rest.publicKey, categoryGrants);
      this.data.recovery = next ? { ...rest, categoryGrants: next } : rest;
    }
    if (changed) this.data.mac = keyringMac(databaseKey, canonicalFixedPart(this.data));
    return changed;
  }

  /**
   * Adds an account, or gives it a new key pair under a new passphrase (passphrase change, reset, recovery), with
   * the given secrets sealed to it. Keys it held before and `secrets` lacks are gone from its entry.
   */
  async setAccountPassphrase(
    login: string,
    passphrase: string,
    secrets: VaultSecrets,
    categoryKeys?: CategoryKeys,
    kdf: KdfParams = newKdfParams(),
  ): Promise<void> {
    this.assertNoRekeyPending();
    const id = accountIdFor(this.data.vaultId, login);
    const pair = newKeyPair();
    const wrappingKey = await deriveWrappingKey(passphrase, kdf);
    const secret: WrappedKey = wrapKey(pair.privateKey, wrappingKey, `${this.data.vaultId}:${id}:secret`);
    wrappingKey.fill(0);
    pair.privateKey.fill(0);
    const account: KeyPairAccount = { id, kdf, secret, publicKey: pair.publicKey.toString('base64'), grants: this.sealGrants(secrets, pair.publicKey, id) };
    const categoryGrants = this.sealCategoryGrants(categoryKeys, pair.publicKey, id);
    if (categoryGrants) account.categoryGrants = categoryGrants;
    this.data.accounts = [...this.data.accounts.filter((a) => a.id !== id), account];
    this.data.version = 2;
    this.data.mac = keyringMac(secrets.database, canonicalFixedPart(this.data));
  }


  /**
   * A key pair for `login` under `passphrase` that is not (yet) part of the keyring: an IT change waiting for
   * approval keeps it elsewhere (inside the encrypted database), so it opens nothing until installed. It holds no
   * secret of the vault: those are sealed to it when it is installed, so a re-keying in between does not matter.
   */
  async prepareAccountEntry(login: string, passphrase: string): Promise<string> {
    const id = accountIdFor(this.data.vaultId, login);
    const kdf = newKdfParams();
    const pair = newKeyPair();
    const wrappingKey = await deriveWrappingKey(passphrase, kdf);
    const secret: WrappedKey = wrapKey(pair.privateKey, wrappingKey, `${this.data.vaultId}:${id}:secret`);
    wrappingKey.fill(0);
    pair.privateKey.fill(0);
    return JSON.stringify({ id, kdf, secret, publicKey: pair.publicKey.toString('base64') });
  }

  /** Puts an entry from prepareAccountEntry in place of the account's current one, with `secrets` sealed to it. */
  installAccountEntry(login: string, prepared: string, secrets: VaultSecrets, categoryKeys?: CategoryKeys): void {
    this.assertNoRekeyPending();
    const entry = preparedEntrySchema.parse(JSON.parse(prepared));
    if (entry.id !== accountIdFor(this.data.vaultId, login)) throw new Error('prepared entry belongs to another account');
    const publicKey = Buffer.from(entry.publicKey, 'base64');
    const grants = this.sealGrants(secrets, publicKey, entry.id);
    const categoryGrants = this.sealCategoryGrants(categoryKeys, publicKey, entry.id);
    this.data.accounts = [...this.data.accounts.filter((a) => a.id !== entry.id), { ...entry, grants, ...(categoryGrants ? { categoryGrants } : {}) }];
    this.data.version = 2;
    this.data.mac = keyringMac(secrets.database, canonicalFixedPart(this.data));
  }

  /** Takes from an account the category keys its (new) role may not hold. */
  dropCategoryGrants(login: string, keep: readonly KeyProtectedCategory[], databaseKey: Buffer): void {
    const id = accountIdFor(this.data.vaultId, login);
    this.assertNoRekeyPending();
    this.data.accounts = this.data.accounts.map((a) => {
      if (a.id !== id || !isKeyPairAccount(a) || !a.categoryGrants) return a;
      const { categoryGrants, ...rest } = a;
      const kept: CategoryGrants = {};
      for (const c of keep) if (categoryGrants[c]) kept[c] = categoryGrants[c];
      return Object.keys(kept).length ? { ...rest, categoryGrants: kept } : rest;
    });
    this.data.mac = keyringMac(databaseKey, canonicalFixedPart(this.data));
  }

  /** Removes an account's entry (disabled account: its old passphrase no longer opens anything). */
  removeAccount(login: string, databaseKey: Buffer): void {
    const id = accountIdFor(this.data.vaultId, login);
    this.assertNoRekeyPending();
    if (this.data.accounts.length <= 1) throw new Error('keyring must keep one account');
    this.data.accounts = this.data.accounts.filter((a) => a.id !== id);
    // Its unreported failed attempts fold into the entry of unknown logins (see pruneForeignEntries).
    this.pruneForeignEntries();
    this.data.mac = keyringMac(databaseKey, canonicalFixedPart(this.data));
  }

  /**
   * The vault's secrets for login + passphrase, or null when they do not match. Unknown logins cost the same KDF
   * work as known ones, so timing does not reveal which accounts exist. A format 1 account yields its database key
   * as both database and audit secret (its audit keys always derived from the database key).
   */
  async unlockAccount(login: string, passphrase: string): Promise<UnlockedSecrets | null> {
    const id = accountIdFor(this.data.vaultId, login);
    const account = this.data.accounts.find((a) => a.id === id);
    const kdf = account?.kdf ?? this.data.accounts[0]!.kdf;
    const wrappingKey = await deriveWrappingKey(passphrase, kdf);
    try {
      if (!account) return null;
      if (!isKeyPairAccount(account)) {
        const key = unwrapKey(account.wrap, wrappingKey, `${this.data.vaultId}:${id}`);
        return key ? { current: { database: key, audit: Buffer.from(key) }, categories: {} } : null;
      }
      const privateKey = unwrapKey(account.secret, wrappingKey, `${this.data.vaultId}:${id}:secret`);
      if (!privateKey) return null;
      try {
        return this.unlockWithPrivateKey(privateKey, id, account.grants, this.data.pendingRekey?.accounts[id], account.categoryGrants);
      } finally {
        privateKey.fill(0);
      }
    } finally {
      wrappingKey.fill(0);
    }
  }

  /** The database key for login + passphrase (re-authentication), or null. */
  async unwrapFor(login: string, passphrase: string): Promise<Buffer | null> {
    const unlocked = await this.unlockAccount(login, passphrase);
    if (!unlocked) return null;
    zeroSecrets(unlocked.next);
    zeroCategoryKeys(unlocked.categories);
    unlocked.current.audit.fill(0);
    return unlocked.current.database;
  }

  /**
   * The vault's secrets for the recovery key from IT's safe, or null when it is not this vault's. In format 1 the
   * recovery key is the database key (checked by the MAC when the vault is opened).
   */
  openWithRecoveryKey(recoveryKey: Buffer): UnlockedSecrets | null {
    const recovery = this.data.recovery;
    if (!recovery) return { current: { database: Buffer.from(recoveryKey), audit: Buffer.from(recoveryKey) }, categories: {} };
    const publicKey = publicKeyOf(recoveryKey).toString('base64');
    if (publicKey === recovery.publicKey) return this.unlockWithPrivateKey(recoveryKey, 'recovery', recovery.grants, undefined, recovery.categoryGrants);
    // Re-keying shows the new recovery key before it completes: it opens the new secrets only.
    const pending = this.data.pendingRekey?.recovery;
    if (pending && publicKey === pending.publicKey) {
      const next = this.openGrants(pending.grants, recoveryKey, 'recovery');
      return next ? { current: next, categories: this.openCategoryGrants(pending.categoryGrants, recoveryKey, 'recovery') } : null;
    }
    return null;
  }

  /** After unlocking: the fixed parts must carry a valid MAC under the database key (old or new while re-keying). */
  verifyMac(databaseKey: Buffer): void {
    const expected = keyringMac(databaseKey, canonicalFixedPart(this.data));
    if (macEquals(expected, this.data.mac)) return;
    if (this.data.pendingRekey && this.data.nextMac && macEquals(expected, this.data.nextMac)) return;
    throw new AppError('vault.keyringTampered');
  }

  /** Every unlock settles an interrupted re-keying first (finishRekey or abortRekey); nothing changes in between. */
  private assertNoRekeyPending(): void {
    if (this.data.pendingRekey) throw new Error('re-keying pending: settle it before changing accounts');
  }

  /**
   * Step 1 of re-keying: the new secrets sealed to every account with a key pair and to the new recovery key,
   * stored beside the current ones (MAC'd under the current database key). Format 1 accounts cannot be reached and
   * are returned; they lose access when re-keying completes.
   */
  beginRekey(current: VaultSecrets, next: VaultSecrets, recoveryPublic: Buffer, categoryKeys?: CategoryKeys): string[] {
    this.assertNoRekeyPending();
    const accounts: Record<string, Grants> = {};
    for (const a of this.data.accounts) {
      if (isKeyPairAccount(a)) accounts[a.id] = this.sealGrants(next, Buffer.from(a.publicKey, 'base64'), a.id);
    }
    // The new recovery key gets the category keys the caller holds; the rest at the next unlock of a holder.
    const recoveryCategories = this.sealCategoryGrants(categoryKeys, recoveryPublic, 'recovery');
    this.data.pendingRekey = {
      accounts,
      recovery: {
        publicKey: recoveryPublic.toString('base64'),
        grants: this.sealGrants(next, recoveryPublic, 'recovery'),
        ...(recoveryCategories ? { categoryGrants: recoveryCategories } : {}),
      },
    };
    this.data.version = 2;
    const canonical = canonicalFixedPart(this.data);
    this.data.mac = keyringMac(current.database, canonical);
    this.data.nextMac = keyringMac(next.database, canonical);
    return this.legacyAccountIds();
  }

  /** Step 3: the database is under the new key; the new grants replace the old ones, unreachable accounts go. */
  finishRekey(nextDatabaseKey: Buffer): void {
    const pending = this.data.pendingRekey;
    if (!pending) return;
    const accounts: KeyPairAccount[] = [];
    for (const a of this.data.accounts) {
      const grants = isKeyPairAccount(a) ? pending.accounts[a.id] : undefined;
      if (isKeyPairAccount(a) && grants) accounts.push({ ...a, grants });
    }
    if (accounts.length === 0) throw new Error('re-keying would leave no account');
    this.data.accounts = accounts;
    this.data.recovery = pending.recovery;
    delete this.data.pendingRekey;
    delete this.data.nextMac;
    this.pruneForeignEntries();
    this.data.mac = keyringMac(nextDatabaseKey, canonicalFixedPart(this.data));
  }

  /** An interrupted re-keying whose database still opens with the current key: forget the new secrets. */
  abortRekey(currentDatabaseKey: Buffer): void {
    if (!this.data.pendingRekey) return;
    delete this.data.pendingRekey;
    delete this.data.nextMac;
    this.data.mac = keyringMac(currentDatabaseKey, canonicalFixedPart(this.data));
  }

  /** The throttle entry of a login: its account's own, or the one shared by all logins without an account. */
  private throttleKey(login: string): string {
    const id = accountIdFor(this.data.vaultId, login);
    return this.data.accounts.some((a) => a.id === id) ? id : UNKNOWN_LOGINS;
  }

  throttleFor(login: string): ThrottleState {
    return this.data.throttle[this.throttleKey(login)] ?? { failures: 0, failedAt: [] };
  }

  /**
   * Milliseconds until the next attempt is allowed for this login (0 when allowed now): the longer of the login's
   * own wait and the workstation-wide one. Never longer than the computed delay, so a clock set back (or a
   * failure stamped in the future) cannot lock an account for hours.
   */
  retryAfterMs(login: string, now: Date): number {
    const wait = (t: ThrottleState | undefined, delay: (failures: number) => number): number => {
      const last = t?.lastAt ?? t?.failedAt.at(-1);
      if (!t || !last) return 0;
      const ms = delay(t.failures);
      return Math.min(ms, Math.max(0, Date.parse(last) + ms - now.getTime()));
    };
    return Math.max(wait(this.data.throttle[this.throttleKey(login)], throttleDelayMs), wait(this.data.throttle[ALL_LOGINS], globalDelayMs));
  }

  recordFailure(login: string, now: Date): ThrottleState {
    this.pruneForeignEntries();
    const at = now.toISOString();
    const bump = (key: string): ThrottleState => {
      const t = this.data.throttle[key] ?? { failures: 0, failedAt: [] };
      const next = { failures: t.failures + 1, failedAt: key === ALL_LOGINS ? [] : [...t.failedAt, at].slice(-MAX_PENDING), lastAt: at };
      this.data.throttle[key] = next;
      return next;
    };
    bump(ALL_LOGINS);
    return bump(this.throttleKey(login));
  }

  /**
   * A correct passphrase for `login`: its wait ends, and so does the workstation-wide one. The failed attempts stay
   * pending until an unlock writes them to the audit trail (takeUnreportedFailures).
   */
  clearFailures(login: string): boolean {
    let changed = false;
    for (const key of [this.throttleKey(login), ALL_LOGINS]) {
      const t = this.data.throttle[key];
      if (!t || t.failures === 0) continue;
      changed = true;
      if (t.failedAt.length === 0) delete this.data.throttle[key];
      else this.data.throttle[key] = { failures: 0, failedAt: t.failedAt };
    }
    return changed;
  }

  /**
   * The failed attempts not yet in the audit trail, by throttle entry (an account id hash, or UNKNOWN_LOGINS);
   * they count as reported from now on, while waits still running keep running.
   */
  takeUnreportedFailures(): { key: string; failedAt: string[] }[] {
    this.pruneForeignEntries();
    const taken: { key: string; failedAt: string[] }[] = [];
    for (const [key, t] of Object.entries(this.data.throttle)) {
      if (t.failedAt.length) taken.push({ key, failedAt: t.failedAt });
      if (t.failures === 0) delete this.data.throttle[key];
      else this.data.throttle[key] = { ...t, failedAt: [] };
    }
    return taken;
  }

  /** The throttle key of an account's login, to attribute its reported failures. */
  accountKey(login: string): string {
    return accountIdFor(this.data.vaultId, login);
  }

  /**
   * Entries of logins without an account (older keyrings kept one per made-up name, 200 of which could push a
   * real account's entry out) fold into the shared one, keeping their unreported attempts.
   */
  private pruneForeignEntries(): void {
    const known = new Set([...this.data.accounts.map((a) => a.id), UNKNOWN_LOGINS, ALL_LOGINS]);
    for (const [key, t] of Object.entries(this.data.throttle)) {
      if (known.has(key)) continue;
      const shared = this.data.throttle[UNKNOWN_LOGINS] ?? { failures: 0, failedAt: [] };
      const failedAt = [...shared.failedAt, ...t.failedAt].sort().slice(-MAX_PENDING);
      this.data.throttle[UNKNOWN_LOGINS] = { failures: Math.max(shared.failures, t.failures), failedAt, lastAt: failedAt.at(-1) };
      delete this.data.throttle[key];
    }
  }
}
