// Firefox ESR: the toolbar popup's page, opened as a tab with ?tabId= naming the page it describes, as
// tests/e2e/popup.spec.ts does in Chromium. The toolbar button itself cannot be clicked from WebDriver BiDi
// (browser chrome is out of its reach), so the popup is tested as the page it is.
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { corpusHas } from '../fixtures.js';
import {
  axeViolations,
  clickByText,
  type FirefoxSession,
  highlightCount,
  launchFirefox,
  needsFirefox,
  newTab,
  openExtensionPage,
  popoverTitle,
  resetSettings,
  setSettings,
  storedSettings,
  tabIdOf,
  tabTerms,
  textOf,
  waitForHighlights,
  dictionary,
} from '../firefox-helpers.js';

const data = dictionary();
const labels = new Map(data.terms.map((t) => [t.id, t.label]));

needsFirefox();

let s: FirefoxSession;
test.beforeAll(async () => {
  s = await launchFirefox();
});
test.afterAll(async () => {
  await s?.close();
});
test.beforeEach(async () => {
  await resetSettings(s);
});

async function openDemo(): Promise<{ page: Page; tabId: number }> {
  const page = await newTab(s.browser, `${s.server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  const tabId = await tabIdOf(s, page);
  await expect.poll(async () => (await tabTerms(s, tabId)).length).toBeGreaterThan(10);
  return { page, tabId };
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await openExtensionPage(s, `popup.html?tabId=${tabId}`);
  await popup.setViewport({ width: 420, height: 720 });
  return popup;
}

const switchState = (popup: Page) =>
  popup.evaluate(() => {
    const sw = document.querySelector('[role="switch"]');
    return sw ? `${sw.getAttribute('aria-label') ?? sw.textContent?.trim()}=${sw.getAttribute('aria-checked')}` : null;
  });

test.describe('firefox popup page', () => {
  test('lists the page terms by category with counts; axe finds nothing (light)', async () => {
    const { page, tabId } = await openDemo();
    const expected = await tabTerms(s, tabId);
    const popup = await openPopup(tabId);
    await popup.waitForFunction((n) => document.querySelectorAll('.term-row').length === n, {}, expected.length);
    expect(await textOf(popup, 'h2')).toBe('127.0.0.1');
    expect(await switchState(popup)).toMatch(/127\.0\.0\.1.*=true$/);
    const rows = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.term-row')].map((row) => ({
        id: row.dataset.term,
        label: row.querySelector('.term-label')?.textContent,
        count: row.querySelector('.term-count')?.textContent,
        name: row.getAttribute('aria-label'),
        group: row.closest('.group')?.querySelector('h3 > span')?.textContent,
      })),
    );
    for (const { id, count } of expected) {
      const row = rows.find((r) => r.id === id);
      const category = data.categories.find((c) => c.id === data.terms.find((t) => t.id === id)?.category);
      expect(row, id).toEqual({
        id,
        label: labels.get(id),
        count: String(count),
        // One name, with no stray space before its comma (the Chromium popup spec checks the same).
        name: `${labels.get(id)}, ${count} ${count === 1 ? 'mention' : 'mentions'}`,
        group: category?.label,
      });
    }
    const groups = new Set(expected.map((e) => data.terms.find((t) => t.id === e.id)?.category));
    expect(await popup.evaluate(() => document.querySelectorAll('.group').length)).toBe(groups.size);
    const mentions = expected.reduce((n, e) => n + e.count, 0);
    expect(await textOf(popup, '.terms-summary')).toBe(`${expected.length} terms · ${mentions} mentions`);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: 'test-results/screenshots/firefox-popup-light.png' });
    await popup.close();
    await page.close();
  });

  test('choosing a term shows its popover on the page and asks to close the popup', async () => {
    const { page, tabId } = await openDemo();
    const popup = await openPopup(tabId);
    await popup.waitForSelector('.term-row[data-term="budapest-convention"]');
    // window.close() in an extension tab ends this whole headless Firefox under WebDriver BiDi (seen with
    // Firefox ESR 153): the call is recorded instead and the tab closed by the driver.
    await popup.evaluate(() => {
      window.close = () => void (document.documentElement.dataset.closeRequested = 'yes');
    });
    await (await popup.$('.term-row[data-term="budapest-convention"]'))?.click();
    await expect.poll(() => popoverTitle(page)).toBe(labels.get('budapest-convention'));
    await expect.poll(() => popup.evaluate(() => document.documentElement.dataset.closeRequested)).toBe('yes');
    await popup.close();
    await page.close();
  });

  test('the site switch turns annotation off and back on for the site', async () => {
    const { page, tabId } = await openDemo();
    const before = await highlightCount(page);
    const popup = await openPopup(tabId);
    await popup.waitForSelector('.term-row');
    await (await popup.$('[role="switch"]'))?.click();
    await expect.poll(() => highlightCount(page)).toBe(0);
    await expect.poll(() => switchState(popup)).toMatch(/=false$/);
    await expect.poll(() => textOf(popup, '.site-state')).toBe('Off for this site');
    expect(await popup.evaluate(() => document.querySelectorAll('.term-row').length)).toBe(0);
    expect(((await storedSettings(s)) as { deniedSites: string[] }).deniedSites).toEqual(['127.0.0.1']);
    await (await popup.$('[role="switch"]'))?.click();
    await expect.poll(() => highlightCount(page)).toBe(before);
    await expect.poll(() => switchState(popup)).toMatch(/=true$/);
    await popup.waitForSelector('.term-row');
    await popup.close();
    await page.close();
  });

  test('says so plainly when there is nothing to list, and when switched off everywhere', async () => {
    const NONE = 'readability/mathjax.html';
    test.skip(!corpusHas(NONE), `not in the corpus: ${NONE}`);
    const page = await newTab(s.browser, `${s.server.url}/corpus/${NONE}`);
    await page.waitForFunction(() => document.readyState === 'complete');
    const tabId = await tabIdOf(s, page);
    let popup = await openPopup(tabId);
    await popup.waitForFunction(() => document.body.textContent?.includes('No governance terms found on this page.'));
    expect(await popup.evaluate(() => document.querySelectorAll('.term-row').length)).toBe(0);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();

    await page.goto(`${s.server.url}/fixtures/demo-article.html`);
    await waitForHighlights(page, 10);
    await setSettings(s, { enabled: false });
    await expect.poll(() => highlightCount(page)).toBe(0);
    popup = await openPopup(tabId);
    await popup.waitForFunction(() =>
      document.body.textContent?.includes('Netgov Lens is switched off on every site.'),
    );
    expect(await axeViolations(popup)).toEqual([]);
    await clickByText(popup, 'button', 'Turn on');
    await expect.poll(() => highlightCount(page)).toBeGreaterThan(10);
    await expect.poll(() => switchState(popup)).toMatch(/=true$/);
    await popup.close();
    await page.close();
  });
});
