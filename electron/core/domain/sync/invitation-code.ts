import { randomBytes } from 'node:crypto';

/**
 * The invitation code: 80 random bits as 16 base32 characters (RFC 4648 alphabet: no 0/1/8/9, so nothing reads as
 * O, I, B or g), shown as XXXX-XXXX-XXXX-XXXX. Too long to guess; short enough to read out on the phone.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const CODE_BYTES = 10;

export function newInvitationCode(): Buffer {
  return randomBytes(CODE_BYTES);
}

export function formatCode(code: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of code) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The code's bytes from its normalised text (16 characters of the alphabet, as the input schema leaves it). */
export function parseCode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error('Invalid invitation code character');
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}
