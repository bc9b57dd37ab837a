import { createCipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_LIMITS,
  BUNDLE_MAGIC,
  bundleHash,
  encodeBundle,
  MAX_BODY_BYTES,
  MAX_HEADER_BYTES,
  MAX_PLAIN_BYTES,
  MAX_RECIPIENTS,
  openBundle,
  readBundleHeader,
  verifyBundle,
  type BundleInput,
} from '../../electron/core/platform/sync/bundle-codec';
import { newDeviceKeys, signBytes, type DeviceKeys } from '../../electron/core/platform/sync/device-keys';
import { WireError, type WireErrorReason } from '../../electron/core/platform/sync/wire-error';
import { seal } from '../../electron/core/platform/vault/sealed-box';

const NETWORK = 'net-1';
const HLC = '000001700000000-000000';
const author = newDeviceKeys();
const mallory = newDeviceKeys();
const pool: { device: string; keys: DeviceKeys }[] = ['dev-b', 'dev-c', 'dev-d', 'dev-e', 'dev-f'].map((device) => ({ device, keys: newDeviceKeys() }));

const bytesArb = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((a) => Buffer.from(a));
const controlArb = fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 });
const chainArb = fc.oneof(
  fc.constant({ seq: 1, prev: null as string | null }),
  fc.record({ seq: fc.integer({ min: 2, max: 10 ** 9 }), prev: bytesArb(32, 32).map((b) => b.toString('hex') as string | null) }),
);

function input(recipients: { device: string; keys: DeviceKeys }[], payload: Buffer, extra: Partial<BundleInput> = {}): BundleInput {
  return {
    network: NETWORK,
    device: 'dev-a',
    seq: 1,
    prev: null,
    hlc: HLC,
    control: [{ op: 'hello' }],
    recipients: recipients.map((r) => ({ device: r.device, boxPublic: r.keys.boxPublic })),
    payload,
    ...extra,
  };
}

function expectWireError(fn: () => unknown, reason?: WireErrorReason): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WireError);
    if (reason) expect((error as WireError).reason).toBe(reason);
    return;
  }
  throw new Error(`expected WireError ${reason ?? ''}`);
}

/** The device's view of a possibly damaged bundle: its payload, null, or the WireError it raised. */
function tryOpen(bytes: Buffer, r: { device: string; keys: DeviceKeys }): Buffer | null | WireError {
  try {
    return openBundle(bytes, { device: r.device, boxPrivate: r.keys.boxPrivate });
  } catch (error) {
    if (error instanceof WireError) return error;
    throw error;
  }
}

/** Frames a header (object or raw text) and body and signs them, bypassing the encoder's own checks. */
function frame(header: object | string, body: Buffer, signPrivate = author.signPrivate, lengthField?: number): Buffer {
  const headerBytes = Buffer.from(typeof header === 'string' ? header : JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(lengthField ?? headerBytes.length);
  const signed = Buffer.concat([BUNDLE_MAGIC, length, headerBytes, body]);
  return Buffer.concat([signed, signBytes(signPrivate, signed)]);
}

/** An independent writer following the documented format, so tests can make headers the encoder would not. */
function craft(fields: Record<string, unknown>, compressed: Buffer, plainBytes: number, recipients = pool.slice(0, 1)): Buffer {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const base = { v: 1, network: NETWORK, device: 'dev-a', seq: 1, prev: null, hlc: HLC, control: [] };
  const header = {
    ...base,
    recipients: recipients.map((r) => ({ device: r.device, box: seal(key, r.keys.boxPublic, `kim-akte bundle v1 ${NETWORK} dev-a 1 -> ${r.device}`) })),
    iv: iv.toString('base64'),
    plainBytes,
    ...fields,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const prefix = Buffer.concat([BUNDLE_MAGIC, length, headerBytes]);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(prefix);
  const body = Buffer.concat([cipher.update(compressed), cipher.final(), cipher.getAuthTag()]);
  const signed = Buffer.concat([prefix, body]);
  return Buffer.concat([signed, signBytes(author.signPrivate, signed)]);
}

const controlOnlyHeader = { v: 1, network: NETWORK, device: 'dev-a', seq: 1, prev: null, hlc: HLC, control: [], recipients: [], iv: null, plainBytes: 0 };

describe('bundle codec', () => {
  it('round trip: recipients get the payload, everyone else null, the header says what was written', () => {
    fc.assert(
      fc.property(
        bytesArb(0, 3000),
        controlArb,
        fc.subarray(pool, { minLength: 1 }),
        chainArb,
        (payload, control, recipients, chain) => {
          const bytes = encodeBundle(input(recipients, payload, { control, ...chain }), author.signPrivate);
          expect(verifyBundle(bytes, author.signPublic)).toBe(true);
          expect(verifyBundle(bytes, mallory.signPublic)).toBe(false);
          const { header, signed, signature } = readBundleHeader(bytes);
          expect(header).toMatchObject({ v: 1, network: NETWORK, device: 'dev-a', seq: chain.seq, prev: chain.prev, hlc: HLC, plainBytes: payload.length });
          expect(header.control).toEqual(JSON.parse(JSON.stringify(control)));
          expect(header.recipients.map((r) => r.device)).toEqual(recipients.map((r) => r.device));
          expect(Buffer.concat([signed, signature]).equals(bytes)).toBe(true);
          expect(signature).toHaveLength(64);
          for (const r of pool) {
            const opened = openBundle(bytes, { device: r.device, boxPrivate: r.keys.boxPrivate });
            if (recipients.includes(r)) expect(opened?.equals(payload)).toBe(true);
            else expect(opened).toBeNull();
          }
          expect(openBundle(bytes, { device: 'dev-a', boxPrivate: author.boxPrivate })).toBeNull();
          expect(bundleHash(bytes)).toMatch(/^[0-9a-f]{64}$/);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('encrypts: the payload is not visible in the file, and equal inputs give different files', () => {
    const payload = Buffer.from('Frau Mustermann, geboren 1980, wohnt in Lünen. '.repeat(3));
    const a = encodeBundle(input(pool.slice(0, 2), payload), author.signPrivate);
    const b = encodeBundle(input(pool.slice(0, 2), payload), author.signPrivate);
    expect(a.includes(Buffer.from('Mustermann'))).toBe(false);
    expect(a.equals(b)).toBe(false);
    expect(bundleHash(a)).not.toBe(bundleHash(b));
  });

  it('control-only bundles: no recipients, empty body, nobody gets a payload', () => {
    const bytes = encodeBundle(input([], Buffer.alloc(0), { control: [{ op: 'rotate' }] }), author.signPrivate);
    expect(verifyBundle(bytes, author.signPublic)).toBe(true);
    const { header, signed } = readBundleHeader(bytes);
    expect(header.iv).toBeNull();
    expect(header.control).toEqual([{ op: 'rotate' }]);
    expect(signed.length).toBe(BUNDLE_MAGIC.length + 4 + signed.readUInt32BE(8));
    for (const r of pool) expect(openBundle(bytes, { device: r.device, boxPrivate: r.keys.boxPrivate })).toBeNull();
    expect(() => encodeBundle(input([], Buffer.from('x')), author.signPrivate)).toThrow(/without recipients/);
  });

  it('any single changed byte: the signature fails and no device gets a different payload (every position)', () => {
    const payload = Buffer.from('{"changes":[1,2,3]}');
    const withPayload = encodeBundle(input(pool.slice(0, 2), payload, { seq: 2, prev: 'ab'.repeat(32) }), author.signPrivate);
    const controlOnly = encodeBundle(input([], Buffer.alloc(0)), author.signPrivate);
    for (const bytes of [withPayload, controlOnly]) {
      const signedLength = bytes.length - 64;
      for (let pos = 0; pos < bytes.length; pos++) {
        for (const mask of [0x01, 0x80, 0xff]) {
          const damaged = Buffer.from(bytes);
          damaged[pos]! ^= mask;
          expect(verifyBundle(damaged, author.signPublic)).toBe(false);
          for (const r of pool.slice(0, 3)) {
            const opened = tryOpen(damaged, r);
            // A changed signature leaves the content intact; anything else must not decrypt at all.
            if (Buffer.isBuffer(opened)) {
              expect(pos).toBeGreaterThanOrEqual(signedLength);
              expect(opened.equals(payload)).toBe(true);
            }
          }
        }
      }
    }
  });

  it('random bundles, random flips: never a silently different payload', () => {
    fc.assert(
      fc.property(bytesArb(0, 500), fc.subarray(pool, { minLength: 1, maxLength: 3 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (payload, recipients, at, mask) => {
        const bytes = encodeBundle(input(recipients, payload), author.signPrivate);
        const pos = at % bytes.length;
        const damaged = Buffer.from(bytes);
        damaged[pos]! ^= mask;
        expect(verifyBundle(damaged, author.signPublic)).toBe(false);
        for (const r of recipients) {
          const opened = tryOpen(damaged, r);
          if (Buffer.isBuffer(opened)) expect(pos >= bytes.length - 64 && opened.equals(payload)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('truncation at any point is refused', () => {
    const bytes = encodeBundle(input(pool.slice(0, 1), Buffer.from('payload')), author.signPrivate);
    for (let cut = 0; cut < bytes.length; cut++) {
      const short = bytes.subarray(0, cut);
      expect(verifyBundle(short, author.signPublic)).toBe(false);
      expectWireError(() => openBundle(short, { device: pool[0]!.device, boxPrivate: pool[0]!.keys.boxPrivate }));
    }
    const controlOnly = encodeBundle(input([], Buffer.alloc(0)), author.signPrivate);
    for (let cut = 0; cut < controlOnly.length; cut++) {
      expect(verifyBundle(controlOnly.subarray(0, cut), author.signPublic)).toBe(false);
      expectWireError(() => readBundleHeader(controlOnly.subarray(0, cut)), 'malformed');
    }
  });

  it('a bundle re-signed by another key does not verify as the author’s', () => {
    const bytes = encodeBundle(input(pool.slice(0, 1), Buffer.from('p')), author.signPrivate);
    const signed = bytes.subarray(0, bytes.length - 64);
    const forged = Buffer.concat([signed, signBytes(mallory.signPrivate, signed)]);
    expect(verifyBundle(forged, author.signPublic)).toBe(false);
    expect(verifyBundle(forged, mallory.signPublic)).toBe(true);
    expect(verifyBundle(encodeBundle(input(pool.slice(0, 1), Buffer.from('p')), mallory.signPrivate), author.signPublic)).toBe(false);
  });

  it('a recipient entry that does not open with the device’s key is tampering', () => {
    const bytes = encodeBundle(input(pool.slice(0, 1), Buffer.from('p')), author.signPrivate);
    expectWireError(() => openBundle(bytes, { device: pool[0]!.device, boxPrivate: pool[1]!.keys.boxPrivate }), 'tampered');
  });

  it('ignores header keys it does not know (a later release may add some)', () => {
    const payload = Buffer.from('hello');
    const bytes = craft({ future: { x: 1 }, zz: 'later' }, deflateRawSync(payload), payload.length);
    expect(verifyBundle(bytes, author.signPublic)).toBe(true);
    const { header } = readBundleHeader(bytes);
    expect(header.seq).toBe(1);
    expect('future' in header).toBe(false);
    expect(openBundle(bytes, { device: pool[0]!.device, boxPrivate: pool[0]!.keys.boxPrivate })?.equals(payload)).toBe(true);
  });

  it('another format version is unsupported, not malformed', () => {
    for (const v of [2, 0, '1', null]) {
      const bytes = frame({ ...controlOnlyHeader, v }, Buffer.alloc(0));
      expectWireError(() => readBundleHeader(bytes), 'unsupportedVersion');
      expectWireError(() => openBundle(bytes, { device: 'dev-b', boxPrivate: pool[0]!.keys.boxPrivate }), 'unsupportedVersion');
      expect(verifyBundle(bytes, author.signPublic)).toBe(false);
    }
    expectWireError(() => readBundleHeader(frame({ v: 2, whatever: true }, Buffer.from('future body'))), 'unsupportedVersion');
  });

  it('refuses malformed structure and headers', () => {
    expect(readBundleHeader(frame(controlOnlyHeader, Buffer.alloc(0))).header.recipients).toEqual([]);
    const { v: _v, ...noVersion } = controlOnlyHeader;
    const malformed: Buffer[] = [
      Buffer.alloc(0),
      Buffer.concat([Buffer.from('KIMSYNX\0'), frame(controlOnlyHeader, Buffer.alloc(0)).subarray(8)]),
      frame('{not json', Buffer.alloc(0)),
      frame(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]).toString('latin1'), Buffer.alloc(0)),
      frame('[]', Buffer.alloc(0)),
      frame(noVersion, Buffer.alloc(0)),
      frame(controlOnlyHeader, Buffer.from('body without recipients')),
      frame({ ...controlOnlyHeader, seq: 1, prev: 'ab'.repeat(32) }, Buffer.alloc(0)),
      frame({ ...controlOnlyHeader, seq: 2, prev: null }, Buffer.alloc(0)),
      frame({ ...controlOnlyHeader, seq: 2, prev: 'AB'.repeat(32) }, Buffer.alloc(0)),
      frame({ ...controlOnlyHeader, seq: 0 }, Buffer.alloc(0)),
      frame({ ...controlOnlyHeader, seq: 1.5 }, Buffer.alloc(0)),
      frame({ ...controlOnlyHeader, device: 'has space' }, Buffer.alloc(0)),
      frame({ ...controlOnlyHeader, control: {} }, Buffer.alloc(0)),
      frame({ ...controlOnlyHeader, plainBytes: 3 }, Buffer.alloc(0)),
      frame({ ...controlOnlyHeader, iv: randomBytes(12).toString('base64') }, Buffer.alloc(0)),
      craft({ iv: randomBytes(11).toString('base64') }, deflateRawSync(Buffer.from('p')), 1),
      craft({ iv: null }, deflateRawSync(Buffer.from('p')), 1),
      craft({ recipients: [{ device: 'dev-b', box: 'AAAA' }, { device: 'dev-b', box: 'AAAA' }] }, deflateRawSync(Buffer.from('p')), 1),
      craft({ recipients: [{ device: 'dev-b', box: 'not base64' }] }, deflateRawSync(Buffer.from('p')), 1),
      frame({ ...controlOnlyHeader, recipients: [{ device: 'dev-b', box: 'AAAA' }], iv: randomBytes(12).toString('base64') }, Buffer.alloc(15)),
      frame(controlOnlyHeader, Buffer.alloc(0), author.signPrivate, 0xffff),
    ];
    for (const bytes of malformed) expectWireError(() => readBundleHeader(bytes), 'malformed');
  });

  it('a payload that inflates to other than its declared size is refused (no deflate bomb)', () => {
    const zeros = deflateRawSync(Buffer.alloc(200_000));
    expectWireError(() => openBundle(craft({}, zeros, 1000), { device: pool[0]!.device, boxPrivate: pool[0]!.keys.boxPrivate }), 'malformed');
    expectWireError(() => openBundle(craft({}, zeros, 300_000), { device: pool[0]!.device, boxPrivate: pool[0]!.keys.boxPrivate }), 'malformed');
    expectWireError(() => openBundle(craft({}, Buffer.from('not deflate at all'), 10), { device: pool[0]!.device, boxPrivate: pool[0]!.keys.boxPrivate }), 'malformed');
    expect(openBundle(craft({}, zeros, 200_000), { device: pool[0]!.device, boxPrivate: pool[0]!.keys.boxPrivate })?.length).toBe(200_000);
  });

  it('enforces the size limits', () => {
    expect([MAX_HEADER_BYTES, MAX_BODY_BYTES, MAX_PLAIN_BYTES, MAX_RECIPIENTS]).toEqual([1024 * 1024, 64 * 1024 * 1024, 256 * 1024 * 1024, 512]);
    // A length field above 1 MiB is refused before the header is looked at.
    expectWireError(() => readBundleHeader(frame(controlOnlyHeader, Buffer.alloc(0), author.signPrivate, MAX_HEADER_BYTES + 1)), 'tooLarge');
    expectWireError(() => readBundleHeader(craft({ plainBytes: MAX_PLAIN_BYTES + 1 }, Buffer.from('x'), 1)), 'tooLarge');
    const many = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => ({ device: `d${i}`, box: 'AAAA' }));
    expectWireError(() => readBundleHeader(craft({ recipients: many }, Buffer.from('x'), 1)), 'tooLarge');
    const manyKeys = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => ({ device: `d${i}`, keys: pool[0]!.keys }));
    expectWireError(() => encodeBundle(input(manyKeys, Buffer.from('x')), author.signPrivate), 'tooLarge');
    expectWireError(() => encodeBundle(input([], Buffer.alloc(0), { control: ['x'.repeat(MAX_HEADER_BYTES)] }), author.signPrivate), 'tooLarge');
    // The body limit, scaled down so the test needs no 64 MiB buffer.
    const bytes = encodeBundle(input(pool.slice(0, 1), randomBytes(2000)), author.signPrivate);
    const bodyLength = bytes.length - 64 - 12 - bytes.readUInt32BE(8);
    expect(readBundleHeader(bytes, { ...BUNDLE_LIMITS, bodyBytes: bodyLength }).header.plainBytes).toBe(2000);
    expectWireError(() => readBundleHeader(bytes, { ...BUNDLE_LIMITS, bodyBytes: bodyLength - 1 }), 'tooLarge');
    expectWireError(() => openBundle(bytes, { device: pool[0]!.device, boxPrivate: pool[0]!.keys.boxPrivate }, { ...BUNDLE_LIMITS, bodyBytes: 100 }), 'tooLarge');
    expectWireError(() => readBundleHeader(bytes, { ...BUNDLE_LIMITS, plainBytes: 1999 }), 'tooLarge');
    expectWireError(() => readBundleHeader(bytes, { ...BUNDLE_LIMITS, headerBytes: 50 }), 'tooLarge');
    expect(verifyBundle(bytes, author.signPublic, { ...BUNDLE_LIMITS, bodyBytes: 100 })).toBe(false);
  });

  it('fuzz: arbitrary bytes after the magic are read or refused with a WireError, never anything else', () => {
    fc.assert(
      fc.property(bytesArb(0, 300), fc.option(fc.json(), { nil: undefined }), (tail, json) => {
        const bytes = json === undefined ? Buffer.concat([BUNDLE_MAGIC, tail]) : frame(json, tail.subarray(0, 40));
        try {
          readBundleHeader(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(WireError);
        }
        expect(verifyBundle(bytes, author.signPublic)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
