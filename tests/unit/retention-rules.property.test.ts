import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueFrom } from '../../electron/core/contract/retention-domain';
import { openArchive, sealArchive } from '../../electron/core/domain/retention/archive-crypto';

/** Small scrypt parameters: the property is the envelope's, not the KDF's cost (the app uses OWASP's). */
const FAST_KDF = { N: 2 ** 10, r: 8, p: 1 };
const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((a) => Buffer.from(a));
const isoDay = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('retention periods', () => {
  it('a file becomes due on 1 January after `years` full calendar years following the year of its last date, never earlier', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 30 }), (last, years) => {
        const from = dueFrom(last, years);
        const year = Number(last.slice(0, 4));
        expect(from).toBe(`${year + years + 1}-01-01`);
        // The whole year of the last date and `years` full years after it are kept.
        expect(from > `${year + years}-12-31`).toBe(true);
        expect(from > last).toBe(true);
        // A longer period never makes a file due earlier.
        expect(dueFrom(last, years + 1) > from).toBe(true);
      }),
    );
  });
});

describe('the archive package (scrypt + AES-256-GCM)', () => {
  it('opens to the sealed content with its passphrase only; any flipped byte or a cut is refused', async () => {
    await fc.assert(
      fc.asyncProperty(bytes(0, 200), fc.string({ minLength: 16, maxLength: 40 }), fc.string({ minLength: 16, maxLength: 40 }), fc.nat(), async (content, passphrase, other, pos) => {
        const pkg = await sealArchive(content, passphrase, FAST_KDF);
        expect((await openArchive(pkg, passphrase))?.equals(content)).toBe(true);
        if (other.normalize('NFC') !== passphrase.normalize('NFC')) expect(await openArchive(pkg, other)).toBeNull();
        const flipped = Buffer.from(pkg);
        flipped[pos % flipped.length] = flipped[pos % flipped.length]! ^ 0x01;
        expect(await openArchive(flipped, passphrase)).toBeNull();
        expect(await openArchive(pkg.subarray(0, pos % pkg.length), passphrase)).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a header naming KDF parameters it would never write (not a power of two, or costly enough to stall) without deriving', async () => {
    const pkg = await sealArchive(Buffer.from('Inhalt'), 'Archiv Westfalen Schlüssel 2026', FAST_KDF);
    const length = pkg.readUInt32BE(8);
    const header = JSON.parse(pkg.subarray(12, 12 + length).toString('utf8')) as { kdf: { N: number; r: number } };
    for (const kdf of [{ N: 1025 }, { N: 2 ** 30 }, { r: 4096 }, { N: 'x' }]) {
      const bytesOf = Buffer.from(JSON.stringify({ ...header, kdf: { ...header.kdf, ...kdf } }), 'utf8');
      const size = Buffer.alloc(4);
      size.writeUInt32BE(bytesOf.length);
      const altered = Buffer.concat([pkg.subarray(0, 8), size, bytesOf, pkg.subarray(12 + length)]);
      expect(await openArchive(altered, 'Archiv Westfalen Schlüssel 2026'), JSON.stringify(kdf)).toBeNull();
    }
  });

  it('seals the same content differently each time (fresh salt and IV), and never holds it in clear', async () => {
    const content = Buffer.from('Quastenhuber, Zitronella, 1987-03-14', 'utf8');
    const a = await sealArchive(content, 'Archiv Westfalen Schlüssel 2026', FAST_KDF);
    const b = await sealArchive(content, 'Archiv Westfalen Schlüssel 2026', FAST_KDF);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('Quastenhuber'))).toBe(false);
  });
});
