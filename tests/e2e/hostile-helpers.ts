// Shared by the hostile-page specs (hostile-*.spec.ts, pages in tests/fixtures/pages/hostile/): for each
// page, no uncaught error on either side, the page's own behaviour unchanged, and the extension still
// annotating what it can reach.
import type { BrowserContext, Page } from '@playwright/test';
import {
  ErrorWatch,
  hoverRange,
  PageProbe,
  trapWorkerErrors,
  until,
  workerUncaught,
} from '../fixtures/pages/hostile/harness.js';
import { expect, extensionContext, popover, resetSettings, test as extensionTest } from './fixtures.js';

/** The error watch of the running test (set up for each test by the `errorWatch` fixture). */
export let watch: ErrorWatch;

// The hostile specs get a browser of their own. The worker-scoped extension context is otherwise shared
// with the spec files run before them in the same worker, and what they leave on the context reaches these
// pages: page.clock belongs to the context, so corpus.spec.ts's page.clock.setFixedTime injects Playwright's
// fake clock into the page world of every later page of the context, and that clock's real-time timer calls
// .catch (hence the page's Promise.prototype.then) on overrides.html. Overriding the worker fixture gives
// the tests of this `test` a worker hash of their own, hence a fresh worker and browser; the hostile-*
// files share it with each other (they run one after the other in that browser, as one file did).
export const test = extensionTest.extend<{ errorWatch: ErrorWatch }, { extContext: BrowserContext }>({
  extContext: [extensionContext, { scope: 'worker' }],
  // Before each test: default settings and a watch on both sides; after it, no service worker error.
  errorWatch: [
    async ({ serviceWorker }, use) => {
      await resetSettings(serviceWorker);
      await trapWorkerErrors(serviceWorker);
      watch = new ErrorWatch(serviceWorker);
      await use(watch);
      watch.stop();
      expect([...watch.workerErrors, ...(await workerUncaught(serviceWorker))], 'service worker errors').toEqual([]);
    },
    { auto: true },
  ],
});

export interface Opened {
  page: Page;
  probe: PageProbe;
}

export async function open(
  context: import('@playwright/test').BrowserContext,
  url: string,
  extensionId: string,
  setup?: (page: Page) => Promise<void>,
): Promise<Opened> {
  const page = await context.newPage();
  watch.watch(page);
  await setup?.(page);
  await page.goto(url);
  return { page, probe: await PageProbe.attach(page, extensionId) };
}

export async function close({ page, probe }: Opened): Promise<void> {
  await probe.detach();
  await page.close();
}

/** Texts of the highlighted ranges, sorted (order across shadow trees and frames is not defined). */
export async function texts(probe: PageProbe): Promise<string[]> {
  return (await probe.highlights()).map((h) => h.text).sort();
}

/**
 * Waits until exactly `expected` (sorted) is painted and every painted range lies in the live document:
 * right after a page swaps content, ranges on the thrown-away nodes linger until the next live update.
 */
export function settleTo(probe: PageProbe, expected: string[]) {
  return until(
    () => probe.highlights(),
    (h) => h.every((x) => x.connected) && JSON.stringify(h.map((x) => x.text).sort()) === JSON.stringify(expected),
  );
}

/** Hovers the first highlight whose text is `text` and waits for its popover. */
export async function hoverTerm(page: Page, probe: PageProbe, text: string): Promise<void> {
  const target = (await probe.highlights()).find((h) => h.text === text && h.width > 0);
  expect(target, `a visible highlight "${text}"`).toBeTruthy();
  if (!target) return;
  await hoverRange(page, target);
  await expect(popover(page)).toBeVisible();
}
