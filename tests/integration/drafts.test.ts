import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { addAccount } from '../helpers/accounts';
import { ADMIN_PASSPHRASE, call, setupVault, tempDir } from '../helpers/temp-vault';

describe('drafts across a lock', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  const colleague = { login: 'fm.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement' as const, passphrase: 'Seseke Brücke am Morgen 2026' };

  beforeAll(async () => {
    let recoveryKey: string;
    ({ core, recoveryKey } = await setupVault(tmp.dir));
    await call(core, 'session.lock');
    await addAccount(tmp.dir, recoveryKey, colleague);
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('keeps unsaved input through lock and unlock, for the same account only', async () => {
    const saved = await call(core, 'drafts.save', { formId: 'home.note', data: { text: 'Rückruf Jobcenter Lünen', urgent: true } });
    expect(saved.formId).toBe('home.note');
    await call(core, 'session.lock');
    expect(await core.dispatch('drafts.get', { formId: 'home.note' })).toMatchObject({ ok: false, error: { code: 'session.locked' } });

    await call(core, 'session.unlock', { login: colleague.login, passphrase: colleague.passphrase });
    expect(await call(core, 'drafts.get', { formId: 'home.note' })).toBeNull();
    expect((await call(core, 'home.summary')).openDrafts).toEqual([]);
    await call(core, 'session.lock');

    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect(await call(core, 'drafts.get', { formId: 'home.note' })).toMatchObject({ data: { text: 'Rückruf Jobcenter Lünen', urgent: true } });
    expect((await call(core, 'home.summary')).openDrafts).toEqual(['home.note']);
  });

  it('replaces a draft on save and removes it on discard', async () => {
    await call(core, 'drafts.save', { formId: 'home.note', data: { text: 'neu' } });
    expect((await call(core, 'drafts.get', { formId: 'home.note' }))?.data).toEqual({ text: 'neu' });
    await call(core, 'drafts.discard', { formId: 'home.note' });
    expect(await call(core, 'drafts.get', { formId: 'home.note' })).toBeNull();
    expect(await call(core, 'drafts.discard', { formId: 'home.note' })).toBeNull();
  });

  it('refuses oversized drafts at the boundary', async () => {
    const big = await core.dispatch('drafts.save', { formId: 'home.note', data: { text: 'x'.repeat(20_001) } });
    expect(big).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, 'x']));
    expect(await core.dispatch('drafts.save', { formId: 'home.note', data: many })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
  });

  it('runs calls one at a time: a lock issued between writes never interleaves with them', async () => {
    const results = await Promise.all([
      core.dispatch('drafts.save', { formId: 'a', data: { v: 1 } }),
      core.dispatch('session.lock', {}),
      core.dispatch('drafts.save', { formId: 'b', data: { v: 2 } }),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'session.locked']);
  });
});
