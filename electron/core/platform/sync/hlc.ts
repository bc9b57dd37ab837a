/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so timestamps stay monotonic when
 * the PC clock jumps back, and merge order stays consistent across offices. Encoded as a fixed-width string so that
 * string order equals clock order.
 */
export interface Hlc {
  wall: number;
  counter: number;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
/** How many counter values one millisecond holds. */
export const HLC_COUNTER_SPAN = 10 ** COUNTER_DIGITS;
const MAX_COUNTER = HLC_COUNTER_SPAN - 1;

export const HLC_ZERO: Hlc = { wall: 0, counter: 0 };

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.counter - b.counter;
}

export function encodeHlc(t: Hlc): string {
  return `${String(t.wall).padStart(WALL_DIGITS, '0')}-${String(t.counter).padStart(COUNTER_DIGITS, '0')}`;
}

export function decodeHlc(text: string): Hlc {
  const m = /^(\d{15})-(\d{6})$/.exec(text);
  if (!m) throw new Error(`Malformed HLC timestamp`);
  return { wall: Number(m[1]), counter: Number(m[2]) };
}

/** Keeps the counter inside its digits: on overflow the logical time moves to the next millisecond. */
function normalise(t: Hlc): Hlc {
  return t.counter > MAX_COUNTER ? { wall: t.wall + 1, counter: 0 } : t;
}

/** The next local timestamp: strictly after `last`, and never behind the physical clock. */
export function tickHlc(last: Hlc, physicalMs: number): Hlc {
  if (physicalMs > last.wall) return { wall: physicalMs, counter: 0 };
  return normalise({ wall: last.wall, counter: last.counter + 1 });
}

/** The local timestamp after receiving `remote`: strictly after both `last` and `remote`. */
export function receiveHlc(last: Hlc, remote: Hlc, physicalMs: number): Hlc {
  const wall = Math.max(last.wall, remote.wall, physicalMs);
  if (wall === last.wall && wall === remote.wall) return normalise({ wall, counter: Math.max(last.counter, remote.counter) + 1 });
  if (wall === last.wall) return normalise({ wall, counter: last.counter + 1 });
  if (wall === remote.wall) return normalise({ wall, counter: remote.counter + 1 });
  return { wall, counter: 0 };
}
