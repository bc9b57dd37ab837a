import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_PAYLOAD, parseDataPayload } from '../../electron/core/domain/sync/data-payload';
import { SYNC_ENTITIES } from '../../electron/core/domain/sync/sync-registry';

/**
 * parseDataPayload takes rows in the common form without the schema (speed); for any input it must give exactly
 * the schema's answer: the same payload, or null where the schema refuses.
 */
const bySchema = (bytes: Buffer) => {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const parsed = DATA_PAYLOAD.safeParse(json);
  return parsed.success ? parsed.data : null;
};

/** Mostly valid, now and then not: `bad` one time in `odds`. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>, odds = 25) => fc.oneof({ arbitrary: good, weight: odds - 1 }, { arbitrary: bad, weight: 1 });

const hlc = mostly(
  fc.tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 })).map(([a, b]) => `${String(a).padStart(15, '0')}-${String(b).padStart(6, '0')}`),
  fc.constantFrom('123', '000000000000001-00000x', '', '000000000000001_000001'),
);
const id = mostly(fc.uuid(), fc.constantFrom('', 'x'.repeat(201), 'office:lunen', '__proto__', 'constructor'));
const clock = mostly(fc.tuple(hlc, id, mostly(id, fc.constant(null), 2)), fc.constantFrom<unknown>([], ['a'], null, 'x', [1, 2, 3]));
const value = mostly(fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)), fc.constantFrom<unknown>({}, [1], 'x'.repeat(1_000_001)));
const vector = mostly(fc.dictionary(id, hlc, { maxKeys: 3 }), fc.constantFrom<unknown>(null, [], 'vv', { a: 1 }));
const field = mostly(
  fc.oneof(fc.tuple(value), fc.tuple(value, clock, vector), fc.tuple(value, clock, vector, fc.array(fc.tuple(value, clock, vector), { maxLength: 2 }))),
  fc.constantFrom<unknown>([], 'x', null, [1, 2]),
);
const fieldName = mostly(fc.constantFrom('familyName', 'phone', 'note', 'office'), fc.oneof(fc.constantFrom('__proto__', 'x'.repeat(65), 'toString'), fc.string({ minLength: 1, maxLength: 8 })), 6);
const entity = mostly(fc.constantFrom(...SYNC_ENTITIES.map((e) => e.entity)), fc.constantFrom('account', ''));
const row = fc.record(
  {
    e: entity,
    id,
    r: clock,
    d: mostly(fc.constant(1), fc.constantFrom<unknown>(0, null, true), 4),
    f: mostly(fc.dictionary(fieldName, field, { maxKeys: 4 }), fc.constantFrom<unknown>(null, [], 'f')),
    extra: fc.constant('unknown key'),
  },
  { requiredKeys: ['e', 'id', 'r'] },
).map((r) => {
  // Unknown keys now and then only (each makes the whole file take the schema's way).
  const { extra, ...rest } = r as Record<string, unknown>;
  return extra !== undefined && (String(r.id).charCodeAt(0) || 0) % 5 === 0 ? { ...rest, extra } : rest;
});
const file = fc.record({ id: fc.uuid(), name: mostly(fc.constant('0'.repeat(32)), fc.constant('not-hex')), key: mostly(fc.constant('a'.repeat(64)), fc.constant('short')) });
const payload = fc.record(
  {
    v: mostly(fc.constant(1), fc.constant(2)),
    audience: mostly(fc.constantFrom('lunen', 'werne', 'selm', 'abh-lunen'), fc.constant('berlin')),
    accounts: fc.array(fc.record({ id, displayName: fc.string({ maxLength: 10 }), role: mostly(fc.constant('fallmanagement'), fc.constant('root')), office: mostly(fc.constant('lunen'), fc.constant('x')) }), { maxLength: 2 }),
    rows: fc.array(row, { minLength: 1, maxLength: 4 }),
    files: fc.array(file, { maxLength: 2 }),
  },
  { requiredKeys: ['v', 'audience', 'rows'] },
);

describe('data payload parsing', () => {
  it('gives exactly the schema’s result for any payload, valid or not', () => {
    let accepted = 0;
    fc.assert(
      fc.property(payload, (p) => {
        const bytes = Buffer.from(JSON.stringify(p), 'utf8');
        const parsed = parseDataPayload(bytes);
        expect(parsed).toEqual(bySchema(bytes));
        if (parsed?.rows.length) accepted++;
      }),
      { numRuns: 3000 },
    );
    // Enough of the runs are files with rows the schema accepts, so the fast path is exercised, not only refusals.
    expect(accepted).toBeGreaterThan(100);
  });

  it('accepts the common form it is built for', () => {
    const ok = { v: 1, audience: 'lunen', rows: [{ e: 'client', id: 'c1', r: ['000000000000001-000001', 'dev', null], f: { familyName: ['Haddad'], phone: ['1', ['000000000000002-000000', 'dev', 'u1'], { dev: '000000000000002-000000' }] } }] };
    const parsed = parseDataPayload(Buffer.from(JSON.stringify(ok)));
    expect(parsed).not.toBeNull();
    expect(parsed).toEqual(bySchema(Buffer.from(JSON.stringify(ok))));
    expect(parseDataPayload(Buffer.from('{not json'))).toBeNull();
  });
});
