// From the popover to the paper and into the reader's library: "Free copy" opens Unpaywall's resolver for the
// DOI in a tab beside the reader's (nothing requested before the click); saving to Zotero, once switched on in
// the options, posts the expected connector items to a local stand-in for Zotero's server and says so when
// none answers; the reading list's CSL-JSON parses back with citation-js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import type { Page, Worker } from '@playwright/test';
import type { DictionaryData, Reference } from '../../src/core/dictionary-data.js';
import { toZoteroItem } from '../../src/core/zotero-item.js';
import { expect, highlightedRanges, popover, resetSettings, ROOT, test, waitForHighlights } from './fixtures.js';
import { type FakeZotero, startFakeZotero } from './zotero-server.js';

const data = JSON.parse(readFileSync(join(ROOT, 'build', 'generated', 'dictionary.json'), 'utf8')) as DictionaryData;
const carr = data.references.carr2015powerplays as Reference;

async function hover(page: Page, text: string): Promise<void> {
  const target = (await highlightedRanges(page)).find((r) => r.text === text);
  expect(target, `a highlight "${text}"`).toBeTruthy();
  await page.mouse.move(1, 1);
  await page.mouse.move((target?.x ?? 0) + 6, (target?.y ?? 0) + (target?.height ?? 0) / 2);
  await expect(popover(page)).toBeVisible();
}

/** The citation of Carr (2015) in the open popover, its position opened when positions fold. */
async function carrCitation(page: Page) {
  // The entry has arrived (the popover shows "Loading…" first).
  await expect(popover(page).locator('.position').first()).toBeVisible();
  const citation = popover(page).locator('.citation', { hasText: 'Carr (2015)' });
  const toggle = popover(page).locator('.position', { hasText: 'Carr (2015)' }).locator('.stance-toggle');
  if ((await toggle.count()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(citation).toBeVisible();
  return citation;
}

async function demoPage(extContext: import('@playwright/test').BrowserContext, url: string): Promise<Page> {
  const page = await extContext.newPage();
  await page.goto(`${url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  return page;
}

async function setFeatures(sw: Worker, features: Record<string, unknown>): Promise<void> {
  await sw.evaluate((f) => chrome.storage.local.set({ localFeatures: f }), features);
}

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
  await setFeatures(serviceWorker, { zotero: false, researchLog: false, researchLogExcluded: [] });
});

test('"Free copy" opens Unpaywall’s resolver for the DOI in a new tab beside the reader’s, only on click', async ({
  extContext,
  server,
  serviceWorker,
}) => {
  await extContext.route('https://unpaywall.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>unpaywall</title>ok' }),
  );
  const seen: string[] = [];
  const record = (r: import('@playwright/test').Request) => seen.push(r.url());
  extContext.on('request', record);
  const page = await demoPage(extContext, server.url);
  await hover(page, 'multistakeholder model');
  const citation = await carrCitation(page);
  const free = citation.getByRole('link', { name: 'Free copy' });
  await expect(free).toHaveAttribute('data-free-copy', 'resolver');
  expect(
    seen.filter((u) => u.includes('unpaywall')),
    'nothing asked before the click',
  ).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/popover-free-copy.png' });

  const request = extContext.waitForEvent('request', (r) => r.url().startsWith('https://unpaywall.org/'));
  const opened = extContext.waitForEvent('page');
  await free.click();
  expect((await request).url()).toBe(`https://unpaywall.org/${carr.doi}`);
  const tab = await opened;
  expect(page.url()).toContain('/fixtures/demo-article.html');
  const tabs = await serviceWorker.evaluate(async () =>
    (await chrome.tabs.query({ lastFocusedWindow: true })).map((t) => ({
      id: t.id,
      index: t.index,
      opener: t.openerTabId,
      active: t.active,
    })),
  );
  const created = tabs.find((t) => t.active);
  const reading = tabs.find((t) => t.id === created?.opener);
  expect(reading && created && created.index === reading.index + 1).toBeTruthy();
  extContext.off('request', record);
  await tab.close();
  await extContext.unroute('https://unpaywall.org/**');
  await page.close();
});

test.describe('Zotero', () => {
  let zotero: FakeZotero | undefined;
  test.afterEach(async () => {
    await zotero?.close();
    zotero = undefined;
  });

  test('off by default: no button; switched on in the options (permission asked), items reach Zotero', async ({
    extContext,
    server,
    extensionId,
    serviceWorker,
  }) => {
    zotero = await startFakeZotero();
    // Off: the popover offers no "Save to Zotero".
    let page = await demoPage(extContext, server.url);
    await hover(page, 'multistakeholder model');
    await expect((await carrCitation(page)).getByRole('button', { name: 'Save to Zotero' })).toHaveCount(0);
    await page.close();

    // The options page asks for the optional host permission when the switch is turned on. Automated Chromium
    // cannot click the browser's permission prompt, so the request is answered here (granted), and recorded.
    const options = await extContext.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html#zotero`);
    await options.evaluate(() => {
      const w = window as unknown as { asked: unknown[] };
      w.asked = [];
      chrome.permissions.request = ((p: chrome.permissions.Permissions) => {
        w.asked.push(p);
        return Promise.resolve(true);
      }) as typeof chrome.permissions.request;
    });
    await options.getByLabel('Offer “Save to Zotero” on citations and reading lists').check();
    await expect
      .poll(() => options.evaluate(() => (window as unknown as { asked: unknown[] }).asked))
      .toEqual([{ origins: ['http://127.0.0.1:23119/*'] }]);
    await expect
      .poll(() => serviceWorker.evaluate(async () => (await chrome.storage.local.get('localFeatures')).localFeatures))
      .toMatchObject({ zotero: true });
    expect(zotero.requests, 'switching on sends nothing').toEqual([]);
    await options.getByRole('button', { name: 'Check the connection' }).click();
    await expect(options.locator('#zotero [role=status]')).toHaveText('Zotero is running and answers.');
    await options.locator('#zotero').screenshot({ path: 'test-results/screenshots/options-zotero.png' });
    const ping = zotero.requests.find((r) => r.method === 'POST' && r.path === '/connector/ping');
    expect(ping?.headers['x-zotero-connector-api-version']).toBe('3');

    // From the popover: one item, as the connector format has it, with the page it was saved from.
    page = await demoPage(extContext, server.url);
    const tabId = await serviceWorker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
    );
    await hover(page, 'multistakeholder model');
    const save = (await carrCitation(page)).getByRole('button', { name: 'Save to Zotero' });
    await save.click();
    await expect((await carrCitation(page)).locator('[data-zotero]')).toHaveText('Saved to Zotero (1)');
    const saves = zotero.requests.filter((r) => r.method === 'POST' && r.path === '/connector/saveItems');
    expect(saves).toHaveLength(1);
    const body = saves[0]?.body as { sessionID: string; uri: string; items: unknown[] };
    expect(saves[0]?.headers['content-type']).toContain('application/json');
    expect(saves[0]?.headers['x-zotero-connector-api-version']).toBe('3');
    expect(body.sessionID).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.uri).toBe(`${server.url}/fixtures/demo-article.html`);
    expect(body.items).toEqual([toZoteroItem(carr, ['Netgov Lens'])]);
    expect(body.items[0]).toMatchObject({ itemType: 'journalArticle', DOI: carr.doi });
    await page.screenshot({ path: 'test-results/screenshots/popover-zotero-saved.png' });

    // From the page's reading list: every work at once, and the CSL-JSON export parses back.
    const list = await extContext.newPage();
    await list.goto(`chrome-extension://${extensionId}/reading-list.html?tabId=${tabId}`);
    await list.getByRole('button', { name: 'Save all to Zotero' }).click();
    const csl = list.waitForEvent('download');
    await list.getByRole('button', { name: 'Download CSL-JSON' }).click();
    const cslText = readFileSync((await (await csl).path()) as string, 'utf8');
    const parsed = new Cite(JSON.parse(cslText)).data as { id: string; title: string }[];
    expect(parsed.length).toBeGreaterThan(3);
    for (const item of parsed) expect(item.title).toBe(data.references[item.id]?.title);
    await expect(list.getByRole('status')).toHaveText(`Saved to Zotero (${parsed.length})`);
    const all = zotero.requests.filter((r) => r.path === '/connector/saveItems').at(-1)?.body as {
      items: { id: string }[];
    };
    expect(all.items.map((i) => i.id).sort()).toEqual(parsed.map((i) => i.id).sort());
    await list.screenshot({ path: 'test-results/screenshots/reading-list-zotero.png' });
    // The Chicago list comes from the CSL engine in the background: one entry per work, author-date.
    await list.evaluate(() => {
      navigator.clipboard.writeText = (text: string) => {
        (window as unknown as { copied: string }).copied = text;
        return Promise.resolve();
      };
    });
    await list.getByRole('button', { name: 'Copy as Chicago list' }).click();
    await expect(list.getByRole('status')).toHaveText(`Copied the reading list as Chicago (${parsed.length}).`);
    const chicago = (await list.evaluate(() => (window as unknown as { copied?: string }).copied)) ?? '';
    expect(chicago.trim().split('\n')).toHaveLength(parsed.length);
    expect(chicago).toContain('Carr, Madeline. 2015. “Power Plays in Global Internet Governance.”');

    // Zotero quits: the reader is told.
    await zotero.close();
    zotero = undefined;
    await list.getByRole('button', { name: 'Save all to Zotero' }).click();
    await expect(list.getByRole('status')).toHaveText('Zotero is not running: start it and try again');
    await save.click();
    await expect((await carrCitation(page)).locator('[data-zotero]')).toHaveText(
      'Zotero is not running: start it and try again',
    );
    await list.close();
    await page.close();
    await options.close();
  });
});
