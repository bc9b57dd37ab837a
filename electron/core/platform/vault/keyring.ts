import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { OFFICES, type Office } from '../../contract/offices';
import { writeFileAtomic } from '../files/atomic-file';

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
 * keyring.json beside vault.db: the database key wrapped once per account. It holds no personal data: accounts are
 * named by a hash of vault id and login, and the fixed parts are authenticated by a MAC under the database key so a
 * swapped office or a grafted account is detected after unlock. Failed-attempt counters live here too because they
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
const accountSchema = z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/), kdf: kdfSchema, wrap: wrapSchema });
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
  version: z.literal(1),
  vaultId: z.uuid(),
  office: z.enum(OFFICES),
  createdAt: z.string(),
  accounts: z.array(accountSchema).min(1),
  mac: z.string(),
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

function canonicalFixedPart(k: Pick<KeyringData, 'format' | 'version' | 'vaultId' | 'office' | 'createdAt' | 'accounts'>): string {
  const accounts = [...k.accounts].sort((a, b) => a.id.localeCompare(b.id));
  return JSON.stringify([k.format, k.version, k.vaultId, k.office, k.createdAt, accounts]);
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

  /** Creates a new keyring for a new vault with its first account. Not written until `save`. */
  static async create(path: string, office: Office, login: string, passphrase: string, databaseKey: Buffer, now: Date): Promise<Keyring> {
    const vaultId = randomUUID();
    const k = new Keyring(path, {
      format: 'kim-akte-keyring',
      version: 1,
      vaultId,
      office,
      createdAt: now.toISOString(),
      accounts: [],
      mac: '',
      throttle: {},
    });
    await k.setAccountPassphrase(login, passphrase, databaseKey);
    return k;
  }

  save(): void {
    writeFileAtomic(this.path, `${JSON.stringify(this.data, null, 2)}\n`);
  }

  hasAccount(login: string): boolean {
    const id = accountIdFor(this.data.vaultId, login);
    return this.data.accounts.some((a) => a.id === id);
  }

  /** Adds or re-wraps an account's copy of the database key (passphrase change re-wraps only). */
  async setAccountPassphrase(login: string, passphrase: string, databaseKey: Buffer, kdf: KdfParams = newKdfParams()): Promise<void> {
    const id = accountIdFor(this.data.vaultId, login);
    const wrappingKey = await deriveWrappingKey(passphrase, kdf);
    const wrap: WrappedKey = wrapKey(databaseKey, wrappingKey, `${this.data.vaultId}:${id}`);
    wrappingKey.fill(0);
    this.data.accounts = [...this.data.accounts.filter((a) => a.id !== id), { id, kdf, wrap }];
    this.data.mac = keyringMac(databaseKey, canonicalFixedPart(this.data));
  }

  /**
   * A wrap of the database key for `login` under `passphrase` that is not (yet) part of the keyring: an IT change
   * waiting for approval keeps it elsewhere (inside the encrypted database), so it opens nothing until installed.
   */
  async prepareAccountWrap(login: string, passphrase: string, databaseKey: Buffer): Promise<string> {
    const id = accountIdFor(this.data.vaultId, login);
    const kdf = newKdfParams();
    const wrappingKey = await deriveWrappingKey(passphrase, kdf);
    const wrap: WrappedKey = wrapKey(databaseKey, wrappingKey, `${this.data.vaultId}:${id}`);
    wrappingKey.fill(0);
    return JSON.stringify({ id, kdf, wrap });
  }

  /** Puts a wrap from prepareAccountWrap in place of the account's current one (the change was approved). */
  installAccountWrap(login: string, prepared: string, databaseKey: Buffer): void {
    const entry = accountSchema.parse(JSON.parse(prepared));
    if (entry.id !== accountIdFor(this.data.vaultId, login)) throw new Error('prepared wrap belongs to another account');
    this.data.accounts = [...this.data.accounts.filter((a) => a.id !== entry.id), entry];
    this.data.mac = keyringMac(databaseKey, canonicalFixedPart(this.data));
  }

  /** Removes an account's wrap (disabled account: its old passphrase no longer opens anything). */
  removeAccount(login: string, databaseKey: Buffer): void {
    const id = accountIdFor(this.data.vaultId, login);
    if (this.data.accounts.length <= 1) throw new Error('keyring must keep one account');
    this.data.accounts = this.data.accounts.filter((a) => a.id !== id);
    // Its unreported failed attempts fold into the entry of unknown logins (see pruneForeignEntries).
    this.pruneForeignEntries();
    this.data.mac = keyringMac(databaseKey, canonicalFixedPart(this.data));
  }

  /**
   * Returns the database key for login + passphrase, or null when they do not match. Unknown logins cost the same
   * KDF work as known ones, so timing does not reveal which accounts exist.
   */
  async unwrapFor(login: string, passphrase: string): Promise<Buffer | null> {
    const id = accountIdFor(this.data.vaultId, login);
    const account = this.data.accounts.find((a) => a.id === id);
    const kdf = account?.kdf ?? this.data.accounts[0]!.kdf;
    const wrappingKey = await deriveWrappingKey(passphrase, kdf);
    try {
      return account ? unwrapKey(account.wrap, wrappingKey, `${this.data.vaultId}:${id}`) : null;
    } finally {
      wrappingKey.fill(0);
    }
  }

  /** After unlocking: the fixed parts must carry a valid MAC under the database key. */
  verifyMac(databaseKey: Buffer): void {
    const expected = keyringMac(databaseKey, canonicalFixedPart(this.data));
    if (!macEquals(expected, this.data.mac)) throw new AppError('vault.keyringTampered');
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
