import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newKeyPair, open, publicKeyOf, seal } from '../../electron/core/platform/vault/sealed-box';

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((a) => Buffer.from(a));

describe('sealed boxes (X25519 + HKDF + AES-256-GCM)', () => {
  it('open only with the recipient’s private key and the same purpose; any flipped bit is refused', () => {
    fc.assert(
      fc.property(bytes(0, 96), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.nat(), (secret, purpose, other, pos) => {
        const me = newKeyPair();
        const stranger = newKeyPair();
        const box = seal(secret, me.publicKey, purpose);
        expect(open(box, me.privateKey, purpose)?.equals(secret)).toBe(true);
        expect(open(box, stranger.privateKey, purpose)).toBeNull();
        if (other !== purpose) expect(open(box, me.privateKey, other)).toBeNull();
        const raw = Buffer.from(box, 'base64');
        raw[pos % raw.length] = raw[pos % raw.length]! ^ 0x01;
        expect(open(raw.toString('base64'), me.privateKey, purpose)).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('seals the same secret differently each time (fresh ephemeral key), and refuses truncated input', () => {
    fc.assert(
      fc.property(bytes(1, 64), fc.nat(), (secret, cut) => {
        const me = newKeyPair();
        const a = seal(secret, me.publicKey, 'p');
        expect(a).not.toBe(seal(secret, me.publicKey, 'p'));
        const raw = Buffer.from(a, 'base64');
        expect(open(raw.subarray(0, cut % raw.length).toString('base64'), me.privateKey, 'p')).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it('any 32 bytes (a printed recovery key) are a private key with a stable public key', () => {
    fc.assert(
      fc.property(bytes(32, 32), (privateKey) => {
        const pub = publicKeyOf(privateKey);
        expect(pub).toHaveLength(32);
        expect(publicKeyOf(Buffer.from(privateKey)).equals(pub)).toBe(true);
        expect(open(seal(Buffer.from('k'), pub, 'r'), privateKey, 'r')?.toString()).toBe('k');
      }),
      { numRuns: 40 },
    );
  });
});
