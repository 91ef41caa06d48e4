// Turning the extension off and on 100 times on an open tab (the global switch and the site list, waited
// for and in bursts) leaves exactly one set of highlights and nothing behind: the content script's
// listeners, observers and highlight objects are counted through CDP in its own world.
import type { Page, Worker } from '@playwright/test';
import { ErrorWatch, hoverRange, NO_ERRORS, PageProbe, until } from '../fixtures/pages/hostile/harness.js';
import { expect, popover, resetSettings, test } from './fixtures.js';

interface Footprint {
  highlights: string[];
  registry: Record<string, number>;
  listeners: Record<string, number>;
  mutationObservers: number;
  resizeObservers: number;
  intersectionObservers: number;
  highlightObjects: number;
  abortControllers: number;
  hosts: number;
}

async function footprint(page: Page, probe: PageProbe): Promise<Footprint> {
  return {
    highlights: (await probe.highlights()).map((h) => h.text).sort(),
    registry: await probe.registryEntries(),
    listeners: await probe.contentScriptListeners(),
    mutationObservers: await probe.contentScriptObjects('MutationObserver.prototype'),
    // Floating UI's autoUpdate observes the anchor while a popover is open.
    resizeObservers: await probe.contentScriptObjects('ResizeObserver.prototype'),
    intersectionObservers: await probe.contentScriptObjects('IntersectionObserver.prototype'),
    highlightObjects: await probe.contentScriptObjects('Highlight.prototype'),
    abortControllers: await probe.contentScriptObjects('AbortController.prototype'),
    hosts: await page.locator('netgov-lens-ui').count(),
  };
}

// storage.sync allows 120 writes a minute per extension: writes are paced just under that (the 200 writes of
// the cycles take about two minutes), and a write refused for the quota waits and is tried again.
const WRITE_GAP_MS = 520;
let lastWrite = 0;
async function write(sw: Worker, fn: () => Promise<unknown>, paced = true): Promise<void> {
  if (paced) {
    const wait = lastWrite + WRITE_GAP_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  for (let attempt = 0; ; attempt++) {
    try {
      lastWrite = Date.now();
      await fn();
      return;
    } catch (e) {
      if (!/MAX_WRITE_OPERATIONS/.test(String(e)) || attempt > 12) throw e;
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
}
const off = (sw: Worker, how: 'switch' | 'site', paced = true) =>
  write(
    sw,
    () =>
      sw.evaluate(
        (h) =>
          chrome.storage.sync.set({
            settings:
              h === 'switch' ? { schemaVersion: 1, enabled: false } : { schemaVersion: 1, deniedSites: ['127.0.0.1'] },
          }),
        how,
      ),
    paced,
  );
const on = (sw: Worker, paced = true) => write(sw, () => sw.evaluate(() => chrome.storage.sync.clear()), paced);

test('100 off/on cycles leave one set of highlights and no leaked listeners or observers', async ({
  extContext,
  server,
  serviceWorker,
  extensionId,
}, testInfo) => {
  test.setTimeout(360_000);
  await resetSettings(serviceWorker);
  const watch = new ErrorWatch(serviceWorker);
  const page = await extContext.newPage();
  watch.watch(page);
  await page.goto(`${server.url}/fixtures/demo-article.html`);
  const probe = await PageProbe.attach(page, extensionId);
  const count = () => probe.highlightCount();
  // Wait for a stable first scan, then record the footprint of a freshly enabled page.
  let total = await until(count, (n) => n >= 15);
  await page.waitForTimeout(600);
  total = await count();
  const fresh = await footprint(page, probe);
  expect(fresh.hosts).toBe(0);
  expect(Object.keys(fresh.registry).sort()).toEqual(['netgov-lens-dotted', 'netgov-lens-focus']);
  // The counts see the content script's world (so that "none" below means none).
  expect(fresh.listeners).toMatchObject({ 'window:pointermove': 1, 'window:click': 1, 'window:keydown': 1 });
  expect(fresh.mutationObservers).toBe(1);
  expect(fresh.highlightObjects).toBe(2);

  // Open and close a popover once, to know what an idle page with a host looks like.
  const hoverFirst = async () => {
    const first = (await probe.highlights()).find((h) => h.width > 0 && h.y > 0 && h.y < 850);
    if (!first) throw new Error('no visible term');
    await hoverRange(page, first);
    await expect(popover(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(popover(page)).toBeHidden();
    await page.mouse.move(1, 1);
  };
  await hoverFirst();
  const withHost = await footprint(page, probe);
  expect(withHost.hosts).toBe(1);
  expect(withHost.resizeObservers).toBe(fresh.resizeObservers);
  testInfo.annotations.push({
    type: 'footprint (on, after one popover)',
    description: JSON.stringify({ ...withHost, highlights: withHost.highlights.length }),
  });

  let offFootprint: Footprint | null = null;
  for (let i = 1; i <= 100; i++) {
    await off(serviceWorker, i % 2 ? 'switch' : 'site');
    await until(count, (n) => n === 0, 10_000, 20);
    if (i === 1 || i === 100) offFootprint = await footprint(page, probe);
    if (offFootprint && (i === 1 || i === 100)) {
      // Off means nothing of ours is left in the page: no highlights, host, listener or observer.
      expect(offFootprint.registry, `cycle ${i}: registry when off`).toEqual({});
      expect(offFootprint.hosts).toBe(0);
      expect(offFootprint.listeners, `cycle ${i}: listeners when off`).toEqual({});
      expect(offFootprint.mutationObservers).toBe(0);
      expect(offFootprint.highlightObjects).toBe(0);
    }
    await on(serviceWorker);
    await until(count, (n) => n === total, 10_000, 20);
    // Every tenth cycle opens a popover, so that the host is created and destroyed again and again.
    if (i % 10 === 0) await hoverFirst();
  }
  // After the last cycle (which opened a popover), the page looks exactly as it did after the first one.
  await page.waitForTimeout(400);
  expect(await footprint(page, probe)).toEqual(withHost);

  // A burst: 12 switches at once, without waiting for the page between them, ending on "on".
  await new Promise((r) => setTimeout(r, 15_000)); // room in the write quota for the burst
  const burst = [];
  for (let i = 0; i < 12; i++)
    burst.push(i % 2 ? on(serviceWorker, false) : off(serviceWorker, i % 4 ? 'site' : 'switch', false));
  await Promise.all(burst);
  await on(serviceWorker, false);
  await until(count, (n) => n === total, 10_000, 20);
  await page.waitForTimeout(800);
  expect(await footprint(page, probe)).toEqual(fresh);
  await hoverFirst();
  expect(await footprint(page, probe)).toEqual(withHost);

  expect(watch.report()).toEqual(NO_ERRORS);
  watch.stop();
  await probe.detach();
  await page.close();
});
