import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { OFFICES, type Office } from '../../contract/offices';
import { writeFileAtomic } from '../files/atomic-file';
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
const throttleSchema = z.strictObject({ failures: z.number().int().min(0), failedAt: z.array(z.string()).max(50) });
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
const MAX_THROTTLE_ENTRIES = 200;

/** Delay before the next attempt after `failures` consecutive failures: free twice, then 2 s doubling to 5 min. */
export function throttleDelayMs(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(2000 * 2 ** (failures - 3), 5 * 60_000);
}

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

  /** Removes an account's wrap (disabled account: its old passphrase no longer opens anything). */
  removeAccount(login: string, databaseKey: Buffer): void {
    const id = accountIdFor(this.data.vaultId, login);
    if (this.data.accounts.length <= 1) throw new Error('keyring must keep one account');
    this.data.accounts = this.data.accounts.filter((a) => a.id !== id);
    delete this.data.throttle[id];
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

  throttleFor(login: string): ThrottleState {
    return this.data.throttle[accountIdFor(this.data.vaultId, login)] ?? { failures: 0, failedAt: [] };
  }

  /** Milliseconds until the next attempt is allowed for this login (0 when allowed now). */
  retryAfterMs(login: string, now: Date): number {
    const t = this.throttleFor(login);
    const last = t.failedAt.at(-1);
    if (!last) return 0;
    const until = Date.parse(last) + throttleDelayMs(t.failures);
    return Math.max(0, until - now.getTime());
  }

  recordFailure(login: string, now: Date): ThrottleState {
    const id = accountIdFor(this.data.vaultId, login);
    const t = this.throttleFor(login);
    const next = { failures: t.failures + 1, failedAt: [...t.failedAt, now.toISOString()].slice(-50) };
    this.data.throttle[id] = next;
    const ids = Object.keys(this.data.throttle);
    if (ids.length > MAX_THROTTLE_ENTRIES) {
      const oldest = ids.sort((a, b) => (this.data.throttle[a]!.failedAt.at(-1) ?? '').localeCompare(this.data.throttle[b]!.failedAt.at(-1) ?? ''));
      for (const old of oldest.slice(0, ids.length - MAX_THROTTLE_ENTRIES)) delete this.data.throttle[old];
    }
    return next;
  }

  /** Clears the counter on success and returns the failures it held, for the audit trail. */
  clearFailures(login: string): string[] {
    const id = accountIdFor(this.data.vaultId, login);
    const failed = this.data.throttle[id]?.failedAt ?? [];
    delete this.data.throttle[id];
    return failed;
  }
}
