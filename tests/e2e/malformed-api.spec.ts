import { expect, test } from './fixtures';
import { setupToDashboard } from './flows';

test('malformed API payloads from the page are refused with validation.invalid and change nothing', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  const before = await harness.api('settings.get');
  expect(before).toEqual({ ok: true, value: { idleLockMinutes: 10, maxIdleLockMinutes: 60, idleLockFixed: false } });

  const answers = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="kim-harness-token"]')!.content;
    const post = async (method: string, body: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kim-Token': token, ...headers }, body });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    return {
      wrongType: await post('settings.update', JSON.stringify({ input: { idleLockMinutes: 'eine Stunde' } })),
      outOfRange: await post('settings.update', JSON.stringify({ input: { idleLockMinutes: 100000 } })),
      extraField: await post('session.changePassphrase', JSON.stringify({ input: { currentPassphrase: 'x', newPassphrase: 'y', role: 'it-admin' } })),
      hugeDraft: await post('drafts.save', JSON.stringify({ input: { formId: '../../etc/passwd', data: {} } })),
      notJson: await post('settings.update', '{idleLockMinutes: 5'),
      unknownMethod: await post('vault.destroy', JSON.stringify({ input: {} })),
      viaKim: await window.kim.settings.update({ idleLockMinutes: -1 }),
      noToken: (await fetch('/api/settings.get', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status,
    };
  });

  expect(answers.wrongType).toMatchObject({ status: 200, body: { ok: false, error: { code: 'validation.invalid', params: { issues: [{ path: 'idleLockMinutes', code: 'invalid_type' }] } } } });
  expect(answers.outOfRange).toMatchObject({ body: { ok: false, error: { code: 'validation.invalid', params: { issues: [{ path: 'idleLockMinutes', code: 'too_big', maximum: 120 }] } } } });
  expect(answers.extraField).toMatchObject({ body: { ok: false, error: { code: 'validation.invalid' } } });
  expect(answers.hugeDraft).toMatchObject({ body: { ok: false, error: { code: 'validation.invalid', params: { issues: [{ path: 'formId' }] } } } });
  expect(answers.notJson).toEqual({ status: 400, body: { ok: false, error: { code: 'request.malformed', params: {} } } });
  expect(answers.unknownMethod).toMatchObject({ body: { ok: false, error: { code: 'request.unknownMethod' } } });
  expect(answers.viaKim).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
  expect(answers.noToken).toBe(403);

  // Nothing changed, and the UI carries on.
  expect(await harness.api('settings.get')).toEqual(before);
  expect(await harness.api('vault.status')).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Sperren nach Inaktivität (Minuten)' })).toHaveValue('10');

  // The settings form itself validates with the same schema before calling the core.
  const minutes = page.getByRole('spinbutton', { name: 'Sperren nach Inaktivität (Minuten)' });
  await minutes.fill('500');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Bitte eine ganze Zahl von 1 bis 60 eingeben.')).toBeVisible();
  await minutes.fill('15');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Gespeichert: Sperre nach 15 Minuten ohne Eingabe.')).toBeVisible();
  expect(await harness.api('settings.get')).toEqual({ ok: true, value: { idleLockMinutes: 15, maxIdleLockMinutes: 60, idleLockFixed: false } });
});
