import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, decodeHlc, encodeHlc, HLC_ZERO, receiveHlc, tickHlc, type Hlc } from '../../electron/core/platform/sync/hlc';

const wall = fc.integer({ min: 0, max: 10 ** 14 });
const hlc: fc.Arbitrary<Hlc> = fc.record({ wall, counter: fc.integer({ min: 0, max: 999_999 }) });

describe('hybrid logical clock', () => {
  it('ticks strictly forward whatever the wall clock does (jumps back, stands still)', () => {
    fc.assert(
      fc.property(fc.array(wall, { minLength: 1, maxLength: 200 }), (readings) => {
        let last = HLC_ZERO;
        for (const physical of readings) {
          const next = tickHlc(last, physical);
          expect(compareHlc(next, last)).toBeGreaterThan(0);
          expect(next.wall).toBeGreaterThanOrEqual(physical);
          last = next;
        }
      }),
    );
  });

  it('after receiving a remote stamp, is later than both the local and the remote one', () => {
    fc.assert(
      fc.property(hlc, hlc, wall, (local, remote, physical) => {
        const next = receiveHlc(local, remote, physical);
        expect(compareHlc(next, local)).toBeGreaterThan(0);
        expect(compareHlc(next, remote)).toBeGreaterThan(0);
      }),
    );
  });

  it('encodes so that string order equals clock order, and decodes losslessly', () => {
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        expect(decodeHlc(encodeHlc(a))).toEqual(a);
        const byString = encodeHlc(a) < encodeHlc(b) ? -1 : encodeHlc(a) > encodeHlc(b) ? 1 : 0;
        expect(byString).toBe(Math.sign(compareHlc(a, b)));
      }),
    );
  });

  it('rolls a full counter over into the next millisecond instead of widening the encoding', () => {
    const next = tickHlc({ wall: 5, counter: 999_999 }, 0);
    expect(next).toEqual({ wall: 6, counter: 0 });
    expect(() => decodeHlc('12-3')).toThrow();
  });
});
