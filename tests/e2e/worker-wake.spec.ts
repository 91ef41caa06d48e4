// The background is a service worker that Chrome stops when it is idle (30 s in real use), and the match
// service, the entries and the tab results live there. A page must not notice: its next request wakes the
// worker, which builds the matcher again on the first match request. Its own browser, because stopping the
// worker ends the shared context's service-worker handle.
import type { BrowserContext, Page } from '@playwright/test';
import {
  expect,
  highlightCount,
  highlightedRanges,
  hoverHighlight,
  launchWithExtension,
  popover,
  test,
  waitForHighlights,
} from './fixtures.js';

const DEMO = '/fixtures/demo-article.html';

let context: BrowserContext;
let cleanup: () => void;

test.beforeAll(async () => {
  ({ context, cleanup } = await launchWithExtension());
});

test.afterAll(async () => {
  await context.close();
  cleanup();
});

/**
 * Watches the extension's service worker through CDP: `stop()` stops it as Chrome does when it is idle and
 * waits until it has stopped; `running()` says whether it runs (again).
 */
async function watchBackground(page: Page): Promise<{ stop: () => Promise<void>; running: () => boolean }> {
  const cdp = await context.newCDPSession(page);
  let status = '';
  let stops = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (!v.scriptURL.endsWith('/background.js') || v.runningStatus === status) continue;
      status = v.runningStatus;
      // Counted as it happens: the next request may start the worker again before a poll would see it.
      if (status === 'stopped') stops++;
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => status).toBe('running');
  return {
    stop: async () => {
      const before = stops;
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(() => stops).toBe(before + 1);
    },
    running: () => status === 'running',
  };
}

test('after the background worker was stopped, a new page, new text and a hover wake it and get their answers', async ({
  server,
}) => {
  const first = await context.newPage();
  await first.goto(`${server.url}${DEMO}`);
  await waitForHighlights(first, 3);
  // The whole article's count, once it stays the same for 300 ms: not that of the first slice painted.
  let before = -1;
  await expect
    .poll(
      async () => {
        const n = await highlightCount(first);
        const same = n === before;
        before = n;
        return same;
      },
      { intervals: [300] },
    )
    .toBe(true);
  const background = await watchBackground(first);

  await background.stop();

  // A page loaded while the worker is stopped: its match requests start the worker, which builds its matcher.
  const second = await context.newPage();
  await second.goto(`${server.url}${DEMO}`);
  expect(await waitForHighlights(second, before)).toBe(before);
  expect(background.running()).toBe(true);

  await background.stop();

  // Text added to a page scanned before the stop: the live updater's request wakes the worker again.
  await first.bringToFront();
  await first.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Added later: a paragraph on net neutrality.';
    document.body.append(p);
  });
  await expect.poll(() => highlightCount(first), { timeout: 15_000 }).toBe(before + 1);
  expect((await highlightedRanges(first)).map((r) => r.text)).toContain('net neutrality');

  await background.stop();

  // The popover's entry comes from the background too.
  await hoverHighlight(first, 'ICANN');
  await expect(popover(first).locator('h2, [role="heading"]').first()).toContainText('ICANN');
  await first.close();
  await second.close();
});
