// The content script's loader (src/content/loader.ts): in a switched-off page only the loader runs, answers
// the popup and imports the main script once the site is switched on; the page can neither see nor fetch it.
import type { CDPSession, Page } from '@playwright/test';
import { expect, openTab, resetSettings, setSettings, test, waitForHighlights } from './fixtures.js';

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
