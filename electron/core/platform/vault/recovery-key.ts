import { AppError } from '../../contract/errors';
import { DATABASE_KEY_BYTES } from './key-crypto';

/** Formats the database key for IT's safe: 64 hex digits in 8 groups of 8, upper case for legibility. */
export function formatRecoveryKey(key: Buffer): string {
  const hex = key.toString('hex').toUpperCase();
  return hex.match(/.{8}/g)!.join('-');
}

/** Accepts the key as printed, with any spaces or dashes; throws recoveryKey.invalid otherwise. */
export function parseRecoveryKey(text: string): Buffer {
  const hex = text.replace(/[\s-]/g, '');
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== DATABASE_KEY_BYTES * 2) throw new AppError('recoveryKey.invalid');
  return Buffer.from(hex, 'hex');
}
