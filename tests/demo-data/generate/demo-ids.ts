import { mixSeed } from './prng';

/**
 * Ids of demo rows: valid RFC 9562 UUIDs (version 4 layout, so the API's z.uuid() accepts them) made of a run prefix
 * and a counter. Deterministic (same seed into an empty vault ⇒ same ids) and ascending, so the bulk import appends
 * to the primary-key B-trees instead of splitting pages all over them, as random UUIDs would.
 */
export class DemoIds {
  private counter = 0;
  private readonly prefix: string;

  /** `salt` separates runs into the same vault (e.g. the number of clients already there). */
  constructor(seed: number, salt: number) {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const a = hex(mixSeed(seed, salt, 1));
    const b = hex(mixSeed(seed, salt, 2)).slice(0, 4);
    this.prefix = `${a}-${b}-4de0-8`;
  }

  next(): string {
    this.counter++;
    const n = this.counter.toString(16).padStart(15, '0');
    return `${this.prefix}${n.slice(0, 3)}-${n.slice(3)}`;
  }
}
