import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint, newDeviceKeys, signBytes, signPublicOf, verifyBytes } from '../../electron/core/platform/sync/device-keys';
import { open, seal } from '../../electron/core/platform/vault/sealed-box';

/** Base32 of the first 80 bits, computed another way (as one big number) than the module does. */
function expectedFingerprint(...parts: Buffer[]): string {
  const hash = createHash('sha256');
  for (const p of parts) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(p.length);
    hash.update(length).update(p);
  }
  let n = BigInt(`0x${hash.digest().subarray(0, 10).toString('hex')}`);
  let code = '';
  for (let i = 0; i < 16; i++) {
    code = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Number(n & 31n)] + code;
    n >>= 5n;
  }
  return code.match(/.{4}/g)!.join('-');
}

describe('device keys', () => {
  it('makes 32-byte Ed25519 and X25519 pairs that fit together', () => {
    const keys = newDeviceKeys();
    for (const k of [keys.signPrivate, keys.signPublic, keys.boxPrivate, keys.boxPublic]) expect(k).toHaveLength(32);
    expect(signPublicOf(keys.signPrivate).equals(keys.signPublic)).toBe(true);
    expect(open(seal(Buffer.from('k'), keys.boxPublic, 'p'), keys.boxPrivate, 'p')?.toString()).toBe('k');
    expect(newDeviceKeys().signPublic.equals(keys.signPublic)).toBe(false);
  });

  it('signs with 64 bytes that verify only for the same key and data', () => {
    const keys = newDeviceKeys();
    const other = newDeviceKeys();
    const data = Buffer.from('bundle bytes');
    const sig = signBytes(keys.signPrivate, data);
    expect(sig).toHaveLength(64);
    expect(verifyBytes(keys.signPublic, data, sig)).toBe(true);
    expect(verifyBytes(other.signPublic, data, sig)).toBe(false);
    expect(verifyBytes(keys.signPublic, Buffer.from('bundle bytez'), sig)).toBe(false);
    const flipped = Buffer.from(sig);
    flipped[10]! ^= 0x01;
    expect(verifyBytes(keys.signPublic, data, flipped)).toBe(false);
  });

  it('answers false, never throws, for malformed keys and signatures', () => {
    const keys = newDeviceKeys();
    const data = Buffer.from('x');
    const sig = signBytes(keys.signPrivate, data);
    expect(verifyBytes(keys.signPublic.subarray(0, 31), data, sig)).toBe(false);
    expect(verifyBytes(Buffer.alloc(0), data, sig)).toBe(false);
    expect(verifyBytes(keys.signPublic, data, sig.subarray(0, 63))).toBe(false);
    expect(verifyBytes(keys.signPublic, data, Buffer.concat([sig, Buffer.from([0])]))).toBe(false);
    // Not a point on the curve (y = 2 has no x): OpenSSL must refuse it, the function must not throw.
    const notAPoint = Buffer.alloc(32);
    notAPoint[0] = 2;
    expect(verifyBytes(notAPoint, data, sig)).toBe(false);
    expect(verifyBytes(Buffer.alloc(32, 0xff), data, sig)).toBe(false);
  });

  it('fingerprints as four groups of base32, deterministically, over length-prefixed parts', () => {
    const keys = newDeviceKeys();
    const fp = fingerprint(keys.signPublic, keys.boxPublic);
    expect(fp).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    expect(fingerprint(Buffer.from(keys.signPublic), Buffer.from(keys.boxPublic))).toBe(fp);
    expect(fp).toBe(expectedFingerprint(keys.signPublic, keys.boxPublic));
    expect(fingerprint(keys.boxPublic, keys.signPublic)).not.toBe(fp);
    expect(fingerprint(Buffer.from('ab'), Buffer.from('c'))).not.toBe(fingerprint(Buffer.from('a'), Buffer.from('bc')));
    expect(fingerprint(Buffer.from('abc'))).toBe(expectedFingerprint(Buffer.from('abc')));
    expect(fingerprint()).toBe(expectedFingerprint());
  });
});
