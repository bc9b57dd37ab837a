import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/contract/errors';
import { unwrapKey, wrapKey } from '../../electron/core/platform/vault/key-crypto';
import { formatRecoveryKey, parseRecoveryKey } from '../../electron/core/platform/vault/recovery-key';

const key32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((a) => Buffer.from(a));

describe('recovery key', () => {
  it('round-trips through its printed form, however IT types it back (case, spaces, dashes)', () => {
    fc.assert(
      fc.property(key32, fc.constantFrom('', ' ', '-', '  '), fc.boolean(), (key, sep, lower) => {
        const printed = formatRecoveryKey(key);
        expect(printed).toMatch(/^[0-9A-F]{8}(-[0-9A-F]{8}){7}$/);
        let typed = printed.replace(/-/g, sep);
        if (lower) typed = typed.toLowerCase();
        expect(parseRecoveryKey(typed).equals(key)).toBe(true);
      }),
    );
  });

  it('rejects anything that is not exactly 64 hex digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const hex = text.replace(/[\s-]/g, '');
        fc.pre(!(hex.length === 64 && /^[0-9a-fA-F]+$/.test(hex)));
        expect(() => parseRecoveryKey(text)).toThrow(AppError);
      }),
    );
  });
});

describe('key wrapping (AES-256-GCM)', () => {
  it('unwraps with the right wrapping key and context only; any flipped bit is detected', () => {
    fc.assert(
      fc.property(key32, key32, fc.string(), fc.nat(), fc.constantFrom('iv', 'ct', 'tag'), (key, kek, aad, pos, part) => {
        const wrapped = wrapKey(key, kek, aad);
        expect(unwrapKey(wrapped, kek, aad)?.equals(key)).toBe(true);
        expect(unwrapKey(wrapped, randomBytes(32), aad)).toBeNull();
        expect(unwrapKey(wrapped, kek, `${aad}x`)).toBeNull();
        const bytes = Buffer.from(wrapped[part], 'base64');
        bytes[pos % bytes.length] = bytes[pos % bytes.length]! ^ 0x80;
        expect(unwrapKey({ ...wrapped, [part]: bytes.toString('base64') }, kek, aad)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
