import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_PROTECTED_CATEGORIES } from '../../electron/core/contract/data-categories';
import { FieldCipher } from '../../electron/core/platform/vault/field-cipher';
import { newKeyPair } from '../../electron/core/platform/vault/sealed-box';

const VAULT = '6f1c2a7e-3b1d-4c55-9a8e-0d2f4b6a8c10';
const category = fc.constantFrom(...KEY_PROTECTED_CATEGORIES);
const place = fc.stringMatching(/^[a-z]{1,10}:[0-9a-f-]{1,36}:[a-zA-Z]{1,12}$/);

/** A holder (private keys) and a writer without them (public keys only, as sync receiving data while Verwaltung works). */
function ciphers() {
  const health = newKeyPair();
  const notes = newKeyPair();
  const publicKeys = { health: health.publicKey, 'conversation-notes': notes.publicKey };
  return {
    holder: new FieldCipher(VAULT, publicKeys, { health: health.privateKey, 'conversation-notes': notes.privateKey }),
    writer: new FieldCipher(VAULT, publicKeys),
    stranger: new FieldCipher(VAULT, publicKeys, { health: newKeyPair().privateKey, 'conversation-notes': newKeyPair().privateKey }),
  };
}

const unreadable = (fn: () => unknown) => {
  try {
    fn();
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'vault.fieldUnreadable';
  }
};

describe('field encryption under category keys', () => {
  it('gives the holder back every value, written by itself or by a writer without the key', () => {
    const { holder, writer } = ciphers();
    fc.assert(
      fc.property(category, fc.string({ maxLength: 300 }), place, (c, value, where) => {
        expect(holder.decrypt(c, holder.encrypt(c, value, where), where)).toBe(value);
        expect(holder.decrypt(c, writer.encrypt(c, value, where), where)).toBe(value);
      }),
      { numRuns: 80 },
    );
  });

  it('refuses another place, another category, another key, a flipped bit, plain text and a reader without the key', () => {
    const { holder, writer, stranger } = ciphers();
    fc.assert(
      fc.property(category, fc.string({ minLength: 1, maxLength: 100 }), place, place, fc.nat(), fc.boolean(), (c, value, where, elsewhere, pos, sealed) => {
        const stored = (sealed ? writer : holder).encrypt(c, value, where);
        const other = KEY_PROTECTED_CATEGORIES.find((x) => x !== c)!;
        if (elsewhere !== where) expect(unreadable(() => holder.decrypt(c, stored, elsewhere))).toBe(true);
        expect(unreadable(() => holder.decrypt(other, stored, where))).toBe(true);
        expect(unreadable(() => stranger.decrypt(c, stored, where))).toBe(true);
        expect(unreadable(() => writer.decrypt(c, stored, where))).toBe(true);
        expect(unreadable(() => holder.decrypt(c, value, where))).toBe(true);
        const prefix = stored.indexOf(':') + 1;
        const raw = Buffer.from(stored.slice(prefix), 'base64');
        raw[pos % raw.length] = raw[pos % raw.length]! ^ 0x01;
        expect(unreadable(() => holder.decrypt(c, stored.slice(0, prefix) + raw.toString('base64'), where))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('writes the same value differently each time, and reads nothing after the keys are forgotten (lock)', () => {
    const { holder } = ciphers();
    const a = holder.encrypt('health', 'Befund', 'goal:1:title');
    expect(holder.encrypt('health', 'Befund', 'goal:1:title')).not.toBe(a);
    holder.forget();
    expect(holder.holds('health')).toBe(false);
    expect(unreadable(() => holder.decrypt('health', a, 'goal:1:title'))).toBe(true);
  });
});
