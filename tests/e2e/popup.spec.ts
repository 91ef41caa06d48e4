// The toolbar popup, opened as a tab with ?tabId= naming the page it describes: the page's terms grouped
// by category with counts, a term shown on the page, the site switch, and the plain-words states.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import type { DictionaryData } from '../../src/core/dictionary-data.js';
import {
  expect,
  highlightCount,
  needsCorpus,
  resetSettings,
  ROOT,
  setSettings,
  test,
  waitForHighlights,
  openTab,
  tabTerms,
} from './fixtures.js';

const data = JSON.parse(readFileSync(join(ROOT, 'build', 'generated', 'dictionary.json'), 'utf8')) as DictionaryData;
const labels = new Map(data.terms.map((t) => [t.id, t.label]));
const VERGE = '/corpus/postlight/www.theverge.com.html';

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 720 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

test('lists the page terms by category and shows the chosen one on the page', async ({
  extContext: context,
  server,
  serviceWorker,
  extensionId,
}) => {
  needsCorpus(VERGE.slice('/corpus/'.length));
  const { page, tabId } = await openTab(context, serviceWorker, `${server.url}${VERGE}`);
  await waitForHighlights(page, 3);
  await expect.poll(async () => (await tabTerms(serviceWorker, tabId)).length).toBeGreaterThan(0);
  const expected = await tabTerms(serviceWorker, tabId);

  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByRole('heading', { level: 2, name: '127.0.0.1' })).toBeVisible();
  await expect(popup.getByRole('switch', { name: /127\.0\.0\.1/ })).toHaveAttribute('aria-checked', 'true');
  const rows = popup.locator('.term-row');
  await expect(rows).toHaveCount(expected.length);
  // Every term once, with its label and its count, under its category's heading.
  for (const { id, count } of expected) {
    const row = popup.locator(`.term-row[data-term="${id}"]`);
    await expect(row.locator('.term-label')).toHaveText(labels.get(id) as string);
    // Named as one phrase, the comma right after the term (not "ICANN , 2 mentions").
    await expect(row).toHaveAccessibleName(`${labels.get(id)}, ${count === 1 ? '1 mention' : `${count} mentions`}`);
    await expect(row.locator('.term-count')).toHaveText(String(count));
    const category = data.categories.find((c) => c.id === data.terms.find((t) => t.id === id)?.category);
    await expect(popup.locator('.group', { has: row }).locator('h3 > span').first()).toHaveText(category?.label ?? '');
  }
  const groups = new Set(expected.map((e) => data.terms.find((t) => t.id === e.id)?.category));
  await expect(popup.locator('.group')).toHaveCount(groups.size);
  const mentions = expected.reduce((n, e) => n + e.count, 0);
  await expect(popup.locator('.terms-summary')).toHaveText(
    `${expected.length === 1 ? '1 term' : `${expected.length} terms`} · ${mentions === 1 ? '1 mention' : `${mentions.toLocaleString('en')} mentions`}`,
  );

  expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);
  await popup.locator('body').screenshot({ path: 'test-results/screenshots/popup-light.png' });
  await popup.emulateMedia({ colorScheme: 'dark' });
  expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);
  await popup.locator('body').screenshot({ path: 'test-results/screenshots/popup-dark.png' });
  await popup.emulateMedia({ colorScheme: 'light' });

  // Choosing a term opens its popover on the page (the popup then closes itself).
  const chosen = expected[expected.length - 1] as { id: string };
  await rows.and(popup.locator(`[data-term="${chosen.id}"]`)).click();
  await expect(page.locator('netgov-lens-ui .popover h2')).toHaveText(labels.get(chosen.id) as string);
  await expect.poll(() => popup.isClosed()).toBe(true);
  await page.close();
});

test('the site switch turns annotation off and back on for the site', async ({
  extContext: context,
  server,
  serviceWorker,
  extensionId,
}) => {
  needsCorpus(VERGE.slice('/corpus/'.length));
  const { page, tabId } = await openTab(context, serviceWorker, `${server.url}${VERGE}`);
  const before = await waitForHighlights(page, 3);
  const popup = await openPopup(context, extensionId, tabId);
  const toggle = popup.getByRole('switch', { name: /127\.0\.0\.1/ });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(popup.locator('.term-row').first()).toBeVisible();

  await toggle.click();
  await expect.poll(() => highlightCount(page)).toBe(0);
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(popup.locator('.site-state')).toHaveText('Off for this site');
  await expect(popup.locator('.term-row')).toHaveCount(0);
  const stored = await serviceWorker.evaluate(() => chrome.storage.sync.get('settings'));
  expect((stored.settings as { deniedSites: string[] }).deniedSites).toEqual(['127.0.0.1']);
  await popup.locator('body').screenshot({ path: 'test-results/screenshots/popup-site-off.png' });

  await toggle.click();
  await expect.poll(() => highlightCount(page)).toBe(before);
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  // The list comes back once the page has been scanned again.
  await expect(popup.locator('.term-row').first()).toBeVisible();
  await popup.close();
  await page.close();
});

test('says so plainly when there is nothing to list', async ({
  extContext: context,
  server,
  serviceWorker,
  extensionId,
}) => {
  needsCorpus('readability/mathjax.html', VERGE.slice('/corpus/'.length));
  // A page without governance terms.
  const { page, tabId } = await openTab(context, serviceWorker, `${server.url}/corpus/readability/mathjax.html`);
  await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
  let popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByText('No governance terms found on this page.')).toBeVisible();
  await expect(popup.locator('.term-row')).toHaveCount(0);
  expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);
  await popup.locator('body').screenshot({ path: 'test-results/screenshots/popup-none.png' });
  await popup.close();

  // A browser page: no content script can run there.
  await page.goto('chrome://version/');
  popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByText('Netgov Lens cannot read this page.')).toBeVisible();
  await expect(popup.getByRole('switch')).toHaveCount(0);
  await popup.locator('body').screenshot({ path: 'test-results/screenshots/popup-restricted.png' });
  await popup.close();

  // Switched off everywhere: the popup says so and can switch it back on.
  await page.goto(`${server.url}${VERGE}`);
  await waitForHighlights(page, 3);
  await setSettings(serviceWorker, { enabled: false });
  await expect.poll(() => highlightCount(page)).toBe(0);
  popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByText('Netgov Lens is switched off on every site.')).toBeVisible();
  expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);
  await popup.getByRole('button', { name: 'Turn on' }).click();
  await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);
  await expect(popup.getByRole('switch')).toHaveAttribute('aria-checked', 'true');
  await popup.close();
  await page.close();
});

test('at 200 % zoom with the largest text, in Chrome’s largest popup (800 × 600), nothing is cut off', async ({
  extContext: context,
  server,
  serviceWorker,
  extensionId,
}) => {
  const { page, tabId } = await openTab(context, serviceWorker, `${server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  await expect.poll(async () => (await tabTerms(serviceWorker, tabId)).length).toBeGreaterThan(10);
  await setSettings(serviceWorker, { textSize: 'larger' });
  const popup = await context.newPage();
  // Chrome caps a popup at 800 × 600 px; zoomed 200 %, that is 400 × 300 CSS px.
  await popup.setViewportSize({ width: 800, height: 600 });
  const url = `chrome-extension://${extensionId}/popup.html?tabId=${tabId}`;
  await popup.goto(url);
  await expect(popup.locator('.term-row').first()).toBeVisible();
  const popupTab = await serviceWorker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
  expect(popupTab).toBeTruthy();
  const zoom = (factor: number) =>
    serviceWorker.evaluate(([id, f]) => chrome.tabs.setZoom(id, f), [popupTab as number, factor] as const);
  // Zoom is kept per origin: the extension's other pages would stay zoomed, so it is always undone.
  await zoom(2);
  try {
    await expect.poll(() => popup.evaluate(() => innerWidth)).toBe(400);
    await expect(popup.locator('html')).toHaveAttribute('data-text-size', 'larger');
    // No sideways scrolling: the content is as wide as the popup at most, and every control is inside it.
    const fit = await popup.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      width: innerWidth,
      outside: [...document.querySelectorAll('button, a[href], input, [role="switch"]')]
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5))
        .map(
          ({ el, r }) => `${(el.textContent ?? '').trim().slice(0, 30)}: ${r.left.toFixed(0)}–${r.right.toFixed(0)}`,
        ),
    }));
    expect(fit.outside).toEqual([]);
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.width);
    // Taller than 300 px: it scrolls, and Tab reaches the last term, scrolled into view.
    const last = popup.locator('.term-row').last();
    await last.focus();
    await expect(last).toBeInViewport();
    expect(await last.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await popup.evaluate(() => scrollTo(0, 0));
    await popup.screenshot({ path: 'test-results/screenshots/popup-zoom-200-larger-light.png' });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: 'test-results/screenshots/popup-zoom-200-larger-dark.png' });
  } finally {
    await zoom(0);
  }
  await popup.close();
  await page.close();
});
