// Firefox ESR: the vertical slice on the demo article (tests/e2e/slice.spec.ts in Chromium): highlights without
// DOM changes, the hover popover, the badge, the global switch in options, and the stored dictionary.
import { expect } from '@playwright/test';
import {
  badgeOf,
  bg,
  EXT_ORIGIN,
  type FirefoxSession,
  highlightCount,
  highlightedRanges,
  hover,
  inputByLabel,
  firefoxTest as test,
  forSharedFirefoxFile,
  needsFirefox,
  newTab,
  openExtensionPage,
  popoverSettled,
  popoverTexts,
  popoverTitle,
  resetSettings,
  serializeDom,
  tabIdOf,
  waitForHighlights,
} from '../firefox-helpers.js';

needsFirefox();

let s: FirefoxSession;
test.beforeAll(async ({ firefox }) => {
  s = await forSharedFirefoxFile(firefox);
});
test.beforeEach(async () => {
  await resetSettings(s);
});

const demo = () => `${s.server.url}/fixtures/demo-article.html`;

test.describe('firefox slice', () => {
  test('annotates the demo article without changing its DOM', async () => {
    const page = await newTab(s.browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(demo(), { waitUntil: 'domcontentloaded' });
    const before = await serializeDom(page);
    const n = await waitForHighlights(page, 10);
    const texts = (await highlightedRanges(page)).map((r) => r.text);
    for (const expected of [
      'IANA transition',
      'Internet Governance Forum',
      'multistakeholder model',
      'multi-stakeholder',
      'internet governance',
      'cyber sovereignty',
      'ICANN',
      'public core of the internet',
      'Budapest Convention on cybercrime',
      'GDPR',
      'Net neutrality',
    ]) {
      expect(texts, `expected "${expected}" among ${texts.join(' | ')}`).toContain(expected);
    }
    expect(n).toBeGreaterThanOrEqual(15);
    expect(await serializeDom(page)).toBe(before);
    // The popover's host is created only when a popover opens, and leaves the article's own DOM alone.
    await hover(page, 'ICANN');
    expect(await serializeDom(page)).toBe(before);
    expect(await page.evaluate(() => document.querySelectorAll('[data-netgov-lens-host]').length)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('hovering a term opens a popover with its positions, inside the viewport', async () => {
    const page = await newTab(s.browser, demo());
    await waitForHighlights(page, 10);
    await hover(page, 'public core of the internet');
    expect(await popoverTitle(page)).toBe('Public core of the internet');
    expect(await popoverTexts(page, '.position')).toHaveLength(3);
    expect((await popoverTexts(page, '')).join(' ')).toContain('Broeders');
    await popoverSettled(page);
    await page.screenshot({ path: 'test-results/screenshots/firefox-popover-demo.png' });
    const box = await page.evaluate(() => {
      const r = document
        .querySelector('netgov-lens-ui')
        ?.shadowRoot?.querySelector('.popover')
        ?.getBoundingClientRect();
      return r && { x: r.x, y: r.y, right: r.right, bottom: r.bottom, w: innerWidth, h: innerHeight };
    });
    expect(box && box.x >= 0 && box.y >= 0 && box.right <= box.w && box.bottom <= box.h + 1, JSON.stringify(box)).toBe(
      true,
    );
    await page.close();
  });

  test('the badge shows the number of distinct terms', async () => {
    const page = await newTab(s.browser, demo());
    await waitForHighlights(page, 10);
    const tabId = await tabIdOf(s, page);
    await expect.poll(() => badgeOf(s, tabId), { timeout: 10_000 }).toMatch(/^[1-9]\d*$/);
    const badge = Number(await badgeOf(s, tabId));
    const distinct = new Set((await highlightedRanges(page)).map((r) => r.text.toLowerCase())).size;
    expect(badge).toBeGreaterThanOrEqual(10);
    expect(badge).toBeLessThanOrEqual(distinct);
    await page.close();
  });

  test('switching off in options removes all highlights on the open tab', async () => {
    const page = await newTab(s.browser, demo());
    await waitForHighlights(page, 10);
    const options = await openExtensionPage(s, 'options.html');
    expect(await options.evaluate(() => location.href)).toBe(`${EXT_ORIGIN}/options.html`);
    const toggle = await inputByLabel(options, 'Show governance terms on web pages');
    expect(await toggle.evaluate((el) => el.checked)).toBe(true);
    await toggle.click();
    await expect.poll(() => highlightCount(page)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('netgov-lens-ui').length)).toBe(0);
    await toggle.click();
    await expect.poll(() => highlightCount(page)).toBeGreaterThan(10);
    await options.close();
    await page.close();
  });

  // Pages are matched by the background's match service (an event page in Firefox, built on its first
  // request): no copy of the compiled dictionary in storage.local.
  test('pages are matched by the background, with no copy of the dictionary in storage', async () => {
    const stored = () => bg(s, async (b) => Object.keys(await b.storage.local.get(null)));
    expect(await stored()).not.toContain('compiledMatcher');
    const page = await newTab(s.browser, demo());
    expect(await waitForHighlights(page, 10)).toBeGreaterThanOrEqual(15);
    expect(await stored()).not.toContain('compiledMatcher');
    await page.close();
  });
});
