import { afterAll, describe, expect, it } from 'vitest';
import { openCore, tempDir } from '../helpers/temp-vault';

/** Method names come from outside (IPC, harness, CLI): whatever they are, the dispatcher answers and keeps going. */
describe('the dispatcher and hostile method names', () => {
  const tmp = tempDir();
  const core = openCore({ dataDir: tmp.dir });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  // Each with the one echo it must get: its type, never its content.
  const hostile: [string, unknown, string][] = [
    ['a throwing toString', { toString: () => { throw new Error('boom'); } }, '(object)'],
    ['a throwing Symbol.toPrimitive', { [Symbol.toPrimitive]: () => { throw new Error('boom'); } }, '(object)'],
    ['an object without a prototype', Object.create(null), '(object)'],
    ['a symbol', Symbol('method'), '(symbol)'],
    ['a function', () => 'vault.status', '(function)'],
  ];

  it.each(hostile)('answers request.unknownMethod for %s, never throws, echoes no caller data', async (_label, method, echoed) => {
    expect(await core.dispatch(method, {})).toEqual({ ok: false, error: { code: 'request.unknownMethod', params: { method: echoed } } });
  });

  it('echoes a string method name, cut to 80 characters, and still serves calls afterwards', async () => {
    const answer = await core.dispatch('x'.repeat(200), {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'request.unknownMethod', params: { method: 'x'.repeat(80) } } });
    expect(await core.dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'uninitialised' } });
  });
});
