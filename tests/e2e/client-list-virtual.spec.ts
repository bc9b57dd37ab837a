import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { ADMIN_PASSPHRASE } from '../helpers/temp-vault';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { unlock } from './flows';

const REPO = resolve(__dirname, '../..');
const CLIENTS = Number(process.env.KIM_E2E_DEMO_CLIENTS ?? 3000);

test.setTimeout(180_000);

/**
 * The client list renders only the rows in view, whatever the total: generated demo data (the CLI), then scrolling
 * to the end. KIM_E2E_DEMO_VAULT=<dir> uses a prepared vault instead (e.g. 50,000 clients, made once with
 * `npm run cli -- demo-data --clients 50000 --notes-per-client 0`), KIM_E2E_DEMO_CLIENTS its client count.
 */
test('the client list stays virtual: few DOM rows, pages fetched by offset, row positions announced', async ({ page, harness }) => {
  const prepared = process.env.KIM_E2E_DEMO_VAULT;
  if (prepared) cpSync(prepared, harness.dataDir, { recursive: true });
  else
    execFileSync(process.execPath, ['--import', 'tsx', 'tests/demo-data/dev-cli.ts', 'demo-data', '--data-dir', harness.dataDir, '--clients', String(CLIENTS), '--notes-per-client', '0', '--seed', '3'], {
      cwd: REPO,
      env: { ...process.env, KIM_AKTE_PASSPHRASE: ADMIN_PASSPHRASE },
      stdio: 'pipe',
    });

  const listCalls: { offset: number }[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/clients.list')) listCalls.push((JSON.parse(r.postData() ?? '{}') as { input: { offset: number } }).input);
  });
  await page.goto(harness.url);
  await unlock(page, 'fm.1', ADMIN_PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klient:innen' }).click();

  // fm.1 sees the clients of its office and those of other towns shared with it by consent (most of the demo data).
  const first = await harness.api<{ total: number }>('clients.list', { limit: 1 });
  if (!first.ok) throw new Error(JSON.stringify(first.error));
  const visible = first.value.total;
  expect(visible).toBeGreaterThan(CLIENTS * 0.8);
  expect(visible).toBeLessThan(CLIENTS);

  const table = page.getByRole('table', { name: 'Klient:innen' });
  await expect(table).toHaveAttribute('aria-rowcount', String(visible + 1), { timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: `${visible} Klient:innen` })).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toHaveAttribute('aria-rowindex', '2');
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  await expectNoA11yViolations(page, `client list with ${visible} clients`);

  // Jump to the end: the last page is fetched by its offset, and the last row says where it is.
  const started = Date.now();
  await table.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const lastRow = table.locator(`[role="row"][aria-rowindex="${visible + 1}"]`);
  await expect(lastRow.getByRole('link')).toBeVisible({ timeout: 10_000 });
  const elapsed = Date.now() - started;
  expect(elapsed, 'last rows shown within 2 s').toBeLessThan(2_000);
  expect(listCalls.some((c) => c.offset === Math.floor((visible - 1) / 100) * 100)).toBe(true);
  expect(listCalls.length).toBeLessThan(10);
  expect(await table.getByRole('row').count()).toBeLessThan(60);

  // Sorting by date of birth asks the core for a sorted first page; the header says how it is sorted.
  await table.evaluate((el) => {
    el.scrollTop = 0;
  });
  await table.getByRole('button', { name: 'Geburtsdatum' }).click();
  await expect(table.getByRole('columnheader', { name: 'Geburtsdatum' })).toHaveAttribute('aria-sort', 'ascending');
  await table.getByRole('button', { name: 'Geburtsdatum' }).click();
  await expect(table.getByRole('columnheader', { name: 'Geburtsdatum' })).toHaveAttribute('aria-sort', 'descending');

  // A filter narrows the list (fewer rows than all).
  await page.getByRole('checkbox', { name: 'nur ablaufende Aufenthaltstitel' }).check();
  await expect.poll(async () => Number(await table.getAttribute('aria-rowcount'))).toBeLessThan(visible + 1);
});
