/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHarness, type Harness } from '../harness/server';
import { tempDir } from '../helpers/temp-vault';

export { expect };

// Playwright compiles tests as CommonJS here (no "type": "module"), so __dirname, not import.meta.
// KIM_WEB_OUT lets parallel work build and test separate bundles; CI uses the default.
const WEB_ROOT = resolve(__dirname, '../..', process.env.KIM_WEB_OUT ?? 'out/web');

export interface HarnessFixture extends Harness {
  dataDir: string;
  /** Calls the API the way the page does (same token, same transport), for arranging and checking state. */
  api<T = unknown>(method: string, input?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; params: Record<string, unknown> } }>;
  /** Simulates the OS asking to lock (suspend, screen lock) through the harness event stream. */
  requestLock(reason: 'idle' | 'suspend' | 'screen-lock' | 'user'): Promise<number>;
}

/** A harness over `dataDir` with the fixture's helpers; `close` also stops the core. */
export async function openHarness(dataDir: string): Promise<HarnessFixture> {
  if (!existsSync(resolve(WEB_ROOT, 'index.html'))) throw new Error('out/web is missing: run `npm run build:web` first');
  const harness = await startHarness({ dataDir, webRoot: WEB_ROOT, appVersion: 'e2e' });
  const post = (path: string, body: unknown): Promise<Response> =>
    fetch(`${harness.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kim-Token': harness.token },
      body: JSON.stringify(body),
    });
  return {
    url: harness.url,
    token: harness.token,
    get listenerCount() {
      return harness.listenerCount;
    },
    close: () => harness.close(),
    dataDir,
    api: async (method, input = {}) => (await post(`api/${method}`, { input })).json(),
    requestLock: async (reason) => ((await (await post('__test/lock-request', { reason })).json()) as { delivered: number }).delivered,
  };
}

/** Each test gets its own core on a fresh temp data dir, and a page opened on it. */
export const test = base.extend<{ harness: HarnessFixture }>({
  harness: async ({}, use) => {
    const { dir, cleanup } = tempDir('kim-akte-e2e-');
    const fixture = await openHarness(dir).catch((error: unknown) => {
      cleanup();
      throw error;
    });
    await use(fixture);
    await fixture.close();
    cleanup();
  },
});

/**
 * WCAG 2.1 A/AA via axe; the screen name makes a failure say where. One exclusion: Fluent's focus manager (tabster)
 * inserts `<i data-tabster-dummy tabindex=0 aria-hidden>` focus guards that only redirect focus; axe reports them
 * as aria-hidden-focus, a known false positive (microsoft/tabster#288; Accessibility Insights suppresses it too,
 * microsoft/accessibility-insights-web#7605). Everything else on the page is checked. Finite animations (a dialog
 * fading in) are awaited first: mid-fade, axe measures the contrast of half-transparent text; so is the app root's
 * return from behind a dialog that just closed.
 */
export async function expectNoA11yViolations(page: Page, screen: string): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  // A closed dialog's focus manager gives the app back a moment after the dialog is gone: until then the app root
  // is still aria-hidden around focusable controls. The page counts as settled once the root is hidden only while
  // a dialog is open.
  await page.waitForFunction(
    () => !document.querySelector('#root[aria-hidden="true"]') || !!document.querySelector('[role="dialog"], [role="alertdialog"]'),
    undefined,
    { timeout: 5_000 },
  );
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-tabster-dummy]')
    .analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}
