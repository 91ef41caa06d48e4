// The content script's loader (src/content/loader.ts): in a switched-off page only the loader runs, answers
// the popup and imports the main script once the site is switched on; the page can neither see nor fetch it.
// The main script imports the popover's UI (content-popover.js) only when a popover is first about to show.
import type { CDPSession, Page } from '@playwright/test';
import {
  expect,
  highlightedRanges,
  openTab,
  popover,
  resetSettings,
  setSettings,
  test,
  waitForHighlights,
} from './fixtures.js';

const DEMO = '/fixtures/demo-article.html';

/** The URLs of every script parsed in `page`'s frames, the content scripts' worlds included (CDP). */
async function parsedScripts(page: Page): Promise<{ urls: string[]; cdp: CDPSession }> {
  const urls: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Debugger.scriptParsed', (e) => urls.push(e.url));
  await cdp.send('Debugger.enable');
  return { urls, cdp };
}

test.afterEach(async ({ serviceWorker }) => resetSettings(serviceWorker));

test('a switched-off page runs only the loader, which answers the popup and loads the main script when switched on', async ({
  extContext: context,
  server,
  serviceWorker,
}) => {
  await setSettings(serviceWorker, { deniedSites: ['127.0.0.1'] });
  const page = await context.newPage();
  const { urls } = await parsedScripts(page);
  await page.goto(`${server.url}${DEMO}`);
  await page.bringToFront();
  const tabId = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id as number,
  );
  const ping = () =>
    serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'ping' }, { frameId: 0 }), tabId);
  await expect.poll(ping).toEqual({ annotating: false, matches: 0, hostname: '127.0.0.1' });
  expect(urls.some((u) => u.endsWith('/content.js'))).toBe(true);
  expect(urls.filter((u) => u.endsWith('/content-main.js'))).toEqual([]);

  await resetSettings(serviceWorker);
  await waitForHighlights(page, 3);
  await expect.poll(ping).toMatchObject({ annotating: true, hostname: '127.0.0.1' });
  expect(urls.filter((u) => u.endsWith('/content-main.js'))).toHaveLength(1);
  await page.close();
});

test('the page can neither see nor fetch the main script', async ({
  extContext: context,
  server,
  serviceWorker,
  extensionId,
}) => {
  const { page } = await openTab(context, serviceWorker, `${server.url}${DEMO}`);
  await waitForHighlights(page, 3);
  const seen = await page.evaluate(async (id) => {
    const fetched = await fetch(`chrome-extension://${id}/content-main.js`).then(
      () => 'fetched',
      () => 'refused',
    );
    return {
      resources: performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => !u.startsWith('http')),
      scripts: [...document.scripts].map((s) => s.src).filter((u) => u && !u.startsWith('http')),
      fetched,
    };
  }, extensionId);
  // The fixed URL (the extension's id) is refused: the file is reachable only at the session's dynamic URL.
  expect(seen).toEqual({ resources: [], scripts: [], fetched: 'refused' });
  await page.close();
});

test("an annotated page imports the popover's UI only when a term is hovered, and the page cannot fetch it", async ({
  extContext: context,
  server,
  extensionId,
}) => {
  const page = await context.newPage();
  const { urls } = await parsedScripts(page);
  await page.goto(`${server.url}${DEMO}`);
  await page.bringToFront();
  await waitForHighlights(page, 3);
  expect(urls.filter((u) => u.endsWith('/content-main.js'))).toHaveLength(1);
  expect(urls.filter((u) => u.endsWith('/content-popover.js'))).toEqual([]);
  const term = (await highlightedRanges(page))[0];
  expect(term).toBeTruthy();
  await page.mouse.move(1, 1);
  await page.mouse.move((term?.x ?? 0) + Math.min(6, (term?.width ?? 0) / 2), (term?.y ?? 0) + (term?.height ?? 0) / 2);
  await expect(popover(page)).toBeVisible();
  expect(urls.filter((u) => u.endsWith('/content-popover.js'))).toHaveLength(1);
  const fetched = await page.evaluate(
    (id) =>
      fetch(`chrome-extension://${id}/content-popover.js`).then(
        () => 'fetched',
        () => 'refused',
      ),
    extensionId,
  );
  expect(fetched).toBe('refused');
  await page.close();
});
