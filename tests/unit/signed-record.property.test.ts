import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newDeviceKeys, signBytes } from '../../electron/core/platform/sync/device-keys';
import { readRecord, signRecord, verifyRecord } from '../../electron/core/platform/sync/signed-record';
import { WireError, type WireErrorReason } from '../../electron/core/platform/sync/wire-error';

const author = newDeviceKeys();
const stranger = newDeviceKeys();
const payloadArb = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
const kindArb = fc.stringMatching(/^[a-z][a-z-]{0,20}$/);

function expectWireError(fn: () => unknown, reason: WireErrorReason): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WireError);
    expect((error as WireError).reason).toBe(reason);
    return;
  }
  throw new Error(`expected WireError ${reason}`);
}

function envelope(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}

describe('signed records', () => {
  it('round trip: the payload comes back as JSON would carry it, and verifies only with the author’s key', () => {
    fc.assert(
      fc.property(kindArb, payloadArb, (kind, payload) => {
        const text = signRecord(kind, payload, author.signPrivate);
        const rec = readRecord(text, kind);
        expect(rec.payload).toEqual(JSON.parse(JSON.stringify(payload)));
        expect(rec.body.toString('utf8')).toBe(JSON.stringify(payload));
        expect(verifyRecord(rec, kind, author.signPublic)).toBe(true);
        expect(verifyRecord(rec, kind, stranger.signPublic)).toBe(false);
      }),
      { numRuns: 80 },
    );
  });

  it('refuses a changed body, a flipped signature bit, or the record relabelled as another kind', () => {
    fc.assert(
      fc.property(kindArb, kindArb, payloadArb, payloadArb, fc.nat(), (kind, otherKind, payload, otherPayload, pos) => {
        const text = signRecord(kind, payload, author.signPrivate);
        const bodyChanged = { ...envelope(text), body: Buffer.from(JSON.stringify(otherPayload)).toString('base64') };
        if (JSON.stringify(otherPayload) !== JSON.stringify(payload)) {
          expect(verifyRecord(readRecord(JSON.stringify(bodyChanged), kind), kind, author.signPublic)).toBe(false);
        }
        const sig = Buffer.from(envelope(text).sig as string, 'base64');
        sig[pos % 64]! ^= 1 << (pos % 8);
        const sigChanged = { ...envelope(text), sig: sig.toString('base64') };
        expect(verifyRecord(readRecord(JSON.stringify(sigChanged), kind), kind, author.signPublic)).toBe(false);
        if (otherKind !== kind) {
          expectWireError(() => readRecord(text, otherKind), 'malformed');
          const relabelled = JSON.stringify({ ...envelope(text), kind: otherKind });
          expect(verifyRecord(readRecord(relabelled, otherKind), otherKind, author.signPublic)).toBe(false);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('a record re-signed by another key verifies only with that key', () => {
    const text = signRecord('device-card', { device: 'a' }, author.signPrivate);
    const rec = readRecord(text, 'device-card');
    const forged = { ...envelope(text), sig: signBytes(stranger.signPrivate, Buffer.concat([Buffer.from('kim-akte record v1\ndevice-card\n'), rec.body])).toString('base64') };
    const forgedRec = readRecord(JSON.stringify(forged), 'device-card');
    expect(verifyRecord(forgedRec, 'device-card', author.signPublic)).toBe(false);
    expect(verifyRecord(forgedRec, 'device-card', stranger.signPublic)).toBe(true);
  });

  it('throws WireError for malformed envelopes, never anything else', () => {
    const good = envelope(signRecord('genesis', { network: 'n' }, author.signPrivate));
    const cases: [string, WireErrorReason][] = [
      ['', 'malformed'],
      ['{', 'malformed'],
      ['null', 'malformed'],
      ['[]', 'malformed'],
      ['"text"', 'malformed'],
      [JSON.stringify({ ...good, format: 'other' }), 'malformed'],
      [JSON.stringify({ ...good, v: 2 }), 'unsupportedVersion'],
      [JSON.stringify({ ...good, v: undefined }), 'malformed'],
      [JSON.stringify({ ...good, body: 42 }), 'malformed'],
      [JSON.stringify({ ...good, body: 'not base64!' }), 'malformed'],
      [JSON.stringify({ ...good, body: `${good.body as string}\n` }), 'malformed'],
      [JSON.stringify({ ...good, body: Buffer.from('{not json').toString('base64') }), 'malformed'],
      [JSON.stringify({ ...good, body: Buffer.from([0x7b, 0xff, 0x7d]).toString('base64') }), 'malformed'],
      [JSON.stringify({ ...good, sig: Buffer.alloc(63).toString('base64') }), 'malformed'],
      [JSON.stringify({ ...good, sig: undefined }), 'malformed'],
      [JSON.stringify({ ...good, kind: 'device-card' }), 'malformed'],
    ];
    for (const [text, reason] of cases) expectWireError(() => readRecord(text, 'genesis'), reason);
  });

  it('refuses records above the size limit before parsing them', () => {
    const text = signRecord('genesis', { pad: 'x'.repeat(2000) }, author.signPrivate);
    expect(readRecord(text, 'genesis', text.length).payload).toEqual({ pad: 'x'.repeat(2000) });
    expectWireError(() => readRecord(text, 'genesis', text.length - 1), 'tooLarge');
    expectWireError(() => readRecord(`"${'ü'.repeat(40 * 1024)}"`, 'genesis'), 'tooLarge');
  });

  it('fuzz: arbitrary text is either read or refused with a WireError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        try {
          readRecord(text, 'genesis');
        } catch (error) {
          expect(error).toBeInstanceOf(WireError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
