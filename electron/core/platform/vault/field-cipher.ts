import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../../contract/errors';
import { KEY_PROTECTED_CATEGORIES, roleHoldsCategoryKey, type KeyProtectedCategory } from '../../contract/data-categories';
import type { Role } from '../../contract/offices';
import { open, seal } from './sealed-box';

/**
 * Field encryption under category keys (issue 10, item 4). Every protected category (health, conversation notes)
 * has an X25519 key pair: the public key lies open in the keyring, the private key is sealed only to the accounts
 * whose role may read the category (and to the recovery key). So an account of another role that copies the
 * vault folder opens the database, but these fields stay ciphertext.
 *
 * Two stored forms, told apart by their prefix:
 * - `k1:` AES-256-GCM under a key derived from the category's private key (HKDF): what holders write; cheap to read.
 * - `s1:` a sealed box to the category's public key: what a writer without the key stores (sync receiving data
 *   while a Verwaltung account is logged in). Holders open both.
 * The additional data names vault, category and the field's place (`note:<id>:text`), so a value moved to another
 * row, column or vault does not open.
 */
const SYMMETRIC = 'k1:';
const SEALED = 's1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Fresh random IVs, drawn from the CSPRNG a block at a time: one randomBytes call per value cost more than encrypting
 * the value (sync encrypts every received note; profile of the sync bench: about 15 µs per call, a seventh of
 * applying a file). Each IV is handed out once; a used block is dropped, never refilled in place. IVs are not secret
 * (they are stored beside the ciphertext), so keeping the rest of a block in memory exposes nothing.
 */
const IV_BLOCK_BYTES = IV_BYTES * 256;
let ivBlock = Buffer.alloc(0);
let ivOffset = 0;

function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > ivBlock.length) {
    ivBlock = randomBytes(IV_BLOCK_BYTES);
    ivOffset = 0;
  }
  const iv = ivBlock.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

export type CategoryKeys = Partial<Record<KeyProtectedCategory, Buffer>>;
export type CategoryPublicKeys = Partial<Record<KeyProtectedCategory, Buffer>>;

export function zeroCategoryKeys(keys: CategoryKeys | undefined): void {
  for (const k of Object.values(keys ?? {})) k.fill(0);
}

export function copyCategoryKeys(keys: CategoryKeys): CategoryKeys {
  const out: CategoryKeys = {};
  for (const c of KEY_PROTECTED_CATEGORIES) if (keys[c]) out[c] = Buffer.from(keys[c]);
  return out;
}

/** The place of a field, bound into its ciphertext: entity, row id, column. */
export function fieldPlace(entity: string, id: string, column: string): string {
  return `${entity}:${id}:${column}`;
}

export function isProtectedValue(stored: string): boolean {
  return stored.startsWith(SYMMETRIC) || stored.startsWith(SEALED);
}

export class FieldCipher {
  private readonly fieldKeys = new Map<KeyProtectedCategory, Buffer>();
  private readonly privateKeys: CategoryKeys;

  /** Keeps copies of the keys; `forget` zeroes them (on lock). */
  constructor(
    private readonly vaultId: string,
    private readonly publicKeys: CategoryPublicKeys,
    privateKeys: CategoryKeys = {},
  ) {
    this.privateKeys = {};
    this.add({}, privateKeys);
  }

  /** Adds keys that became available after unlocking (created, or left unclaimed in the database). */
  add(publicKeys: CategoryPublicKeys, privateKeys: CategoryKeys): void {
    for (const c of KEY_PROTECTED_CATEGORIES) {
      if (publicKeys[c]) this.publicKeys[c] = Buffer.from(publicKeys[c]);
      const p = privateKeys[c];
      if (p && !this.fieldKeys.has(c)) {
        this.privateKeys[c] = Buffer.from(p);
        this.fieldKeys.set(c, Buffer.from(hkdfSync('sha256', p, Buffer.from(this.vaultId, 'utf8'), `kim-akte field key v1 ${c}`, 32)));
      }
    }
  }

  /** Whether this session can read the category's fields. */
  holds(category: KeyProtectedCategory): boolean {
    return this.fieldKeys.has(category);
  }

  held(): KeyProtectedCategory[] {
    return KEY_PROTECTED_CATEGORIES.filter((c) => this.holds(c));
  }

  /**
   * Copies of the held private keys an account of `role` may hold (every held one without a role), to seal them to
   * an account or the recovery key; the caller zeroes them.
   */
  keysFor(role?: Role): CategoryKeys {
    const keys: CategoryKeys = {};
    for (const c of this.held()) if (!role || roleHoldsCategoryKey(role, c)) keys[c] = Buffer.from(this.privateKeys[c]!);
    return keys;
  }

  /** A copy of a category's private key, to seal it to an account; the caller zeroes it. */
  privateKey(category: KeyProtectedCategory): Buffer | undefined {
    const k = this.privateKeys[category];
    return k ? Buffer.from(k) : undefined;
  }

  private aad(category: KeyProtectedCategory, where: string): string {
    return `${this.vaultId}|${category}|${where}`;
  }

  /** Encrypts a field value; `where` names its place (entity, row id, column), e.g. `note:<id>:text`. */
  encrypt(category: KeyProtectedCategory, value: string, where: string): string {
    const key = this.fieldKeys.get(category);
    if (!key) {
      const publicKey = this.publicKeys[category];
      if (!publicKey) throw new Error(`no public key for category ${category}`);
      return SEALED + seal(Buffer.from(value, 'utf8'), publicKey, this.aad(category, where));
    }
    const iv = freshIv();
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(this.aad(category, where), 'utf8'));
    const ct = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return SYMMETRIC + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
  }

  encryptNullable(category: KeyProtectedCategory, value: string | null, where: string): string | null {
    return value === null ? null : this.encrypt(category, value, where);
  }

  /**
   * The plain value. A value in neither form, altered, moved, or of a category this session holds no key for is
   * `vault.fieldUnreadable`: callers decrypt only what the caller's access lets them show.
   */
  decrypt(category: KeyProtectedCategory, stored: string, where: string): string {
    const fieldKey = this.fieldKeys.get(category);
    if (!fieldKey) throw new AppError('vault.fieldUnreadable');
    if (stored.startsWith(SYMMETRIC)) {
      const raw = Buffer.from(stored.slice(SYMMETRIC.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new AppError('vault.fieldUnreadable');
      try {
        const decipher = createDecipheriv('aes-256-gcm', fieldKey, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(this.aad(category, where), 'utf8'));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new AppError('vault.fieldUnreadable');
      }
    }
    if (stored.startsWith(SEALED)) {
      const opened = open(stored.slice(SEALED.length), this.privateKeys[category]!, this.aad(category, where));
      if (!opened) throw new AppError('vault.fieldUnreadable');
      return opened.toString('utf8');
    }
    throw new AppError('vault.fieldUnreadable');
  }

  decryptNullable(category: KeyProtectedCategory, stored: string | null, where: string): string | null {
    return stored === null ? null : this.decrypt(category, stored, where);
  }

  /** Zeroes every key (lock). */
  forget(): void {
    for (const k of this.fieldKeys.values()) k.fill(0);
    this.fieldKeys.clear();
    zeroCategoryKeys(this.privateKeys);
  }
}
