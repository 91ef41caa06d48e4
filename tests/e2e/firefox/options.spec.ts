// Firefox ESR: the options page (tests/e2e/options.spec.ts in Chromium), opened at
// moz-extension://<uuid>/options.html: a term switched off leaves an open tab at once, search finds aliases,
// every control saves, and axe-core finds nothing in the light scheme (dark: dark.spec.ts).
import { expect } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  axeViolations,
  badgeOf,
  bg,
  bodyText,
  fill,
  EXT_ORIGIN,
  type FirefoxSession,
  highlightCount,
  highlightedRanges,
  inputByLabel,
  firefoxTest as test,
  forSharedFirefoxFile,
  needsFirefox,
  newTab,
  openExtensionPage,
  resetSettings,
  setSettings,
  storedSettings,
  tabIdOf,
  waitForHighlights,
  dictionary,
} from '../firefox-helpers.js';

needsFirefox();

let s: FirefoxSession;
test.beforeAll(async ({ firefox }) => {
  s = await forSharedFirefoxFile(firefox);
});
test.beforeEach(async () => {
  await resetSettings(s);
});

// The net-neutrality aliases that no other term shares.
const NEUTRALITY = /^(net|network|internet) neutrality$|^neutrality of the net$/i;

async function openOptions(): Promise<Page> {
  const options = await openExtensionPage(s, 'options.html');
  expect(await options.evaluate(() => location.href)).toBe(`${EXT_ORIGIN}/options.html`);
  await options.waitForSelector('h1');
  return options;
}

async function searchbox(page: Page): Promise<ElementHandle<HTMLInputElement>> {
  return (await page.waitForSelector(
    'input[type="search"][aria-label="Search terms"], input[type="search"]',
  )) as ElementHandle<HTMLInputElement>;
}

test.describe('firefox options page', () => {
  test('unchecking a term removes its highlights from an open tab and lowers the badge', async () => {
    const page = await newTab(s.browser, `${s.server.url}/fixtures/demo-article.html`);
    await waitForHighlights(page, 10);
    const tabId = await tabIdOf(s, page);
    await expect.poll(async () => Number(await badgeOf(s, tabId))).toBeGreaterThanOrEqual(10);
    const badgeBefore = Number(await badgeOf(s, tabId));
    expect((await highlightedRanges(page)).some((r) => NEUTRALITY.test(r.text))).toBe(true);

    const options = await openOptions();
    const shown = async () =>
      /Terms shown: (\d+) of (\d+)/
        .exec(await bodyText(options))
        ?.slice(1)
        .map(Number);
    await expect.poll(shown).toBeTruthy();
    const [on, total] = (await shown()) as [number, number];
    expect(on).toBe(total); // every term shown by default
    expect(total).toBe(dictionary().terms.length);
    const term = await inputByLabel(options, 'Net neutrality');
    expect(await term.evaluate((el) => el.checked)).toBe(true);
    await term.click();

    await expect
      .poll(async () => (await highlightedRanges(page)).filter((r) => NEUTRALITY.test(r.text)).length)
      .toBe(0);
    // The re-scan's answers come from the background a moment after the old highlights were cleared.
    await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);
    await expect.poll(async () => Number(await badgeOf(s, tabId))).toBe(badgeBefore - 1);
    await expect.poll(shown).toEqual([total - 1, total]);
    expect(await storedSettings(s)).toEqual({ schemaVersion: 1, disabledTerms: ['net-neutrality'] });

    await term.click();
    await expect.poll(async () => (await highlightedRanges(page)).some((r) => NEUTRALITY.test(r.text))).toBe(true);
    expect(await storedSettings(s)).toEqual({ schemaVersion: 1 });
    await options.close();
    await page.close();
  });

  test('term search matches labels and aliases', async () => {
    const options = await openOptions();
    const search = await searchbox(options);
    await fill(options, search, 'sponsored data');
    await expect
      .poll(() => options.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent)))
      .toContain('Terms matching “sponsored data”: 1');
    const zero = await inputByLabel(options, 'Zero rating');
    expect(await zero.evaluate((el) => el.checkVisibility())).toBe(true);
    expect(await bodyText(options)).toContain('as “sponsored data”');
    await fill(options, search, 'zzzz');
    await expect.poll(() => bodyText(options)).toContain('No term matches “zzzz”.');
    await fill(options, search, '');
    await expect.poll(() => bodyText(options)).not.toContain('No term matches');
    await options.close();
  });

  test('every control saves at once', async () => {
    const options = await openOptions();
    await (await inputByLabel(options, 'When I click a term', 'radio')).click();
    const slider = (await options.waitForSelector('input[type="range"]')) as ElementHandle<HTMLInputElement>;
    await expect.poll(() => slider.evaluate((el) => el.disabled)).toBe(true);
    await (await inputByLabel(options, 'When I rest the pointer on a term', 'radio')).click();
    await expect.poll(() => slider.evaluate((el) => el.disabled)).toBe(false);
    await slider.focus();
    // One step at a time, each saved before the next: two presses in quick succession sometimes ended at 350
    // in Firefox (one step lost; seen once in three full runs, cause not established).
    await options.keyboard.press('ArrowRight');
    await expect.poll(() => storedSettings(s)).toEqual({ schemaVersion: 1, hoverDelayMs: 350 });
    await options.keyboard.press('ArrowRight');
    await expect.poll(() => slider.evaluate((el) => el.value)).toBe('400');
    await expect.poll(() => storedSettings(s)).toEqual({ schemaVersion: 1, hoverDelayMs: 400 });
    // The delay belongs to this device: it is kept in storage.local, not synced.
    expect(
      await bg(
        s,
        async (b) =>
          ((await b.storage.sync.get('settings')).settings as { hoverDelayMs?: number } | undefined)?.hoverDelayMs,
      ),
    ).toBeUndefined();
    await (await inputByLabel(options, 'Only the first occurrence of each term', 'radio')).click();
    await (await inputByLabel(options, 'Soft background', 'radio')).click();
    await options.waitForSelector('.style-preview .preview-background', { visible: true });
    const select = (await options.waitForSelector('select')) as ElementHandle<HTMLSelectElement>;
    const openalex = await select.evaluate(
      (el) => [...el.options].find((o) => o.textContent?.trim() === 'OpenAlex')?.value ?? '',
    );
    await select.select(openalex);
    await (await inputByLabel(options, 'APA', 'radio')).click();
    await expect
      .poll(() => storedSettings(s))
      .toEqual({
        schemaVersion: 1,
        hoverDelayMs: 400,
        occurrences: 'first',
        highlightStyle: 'background',
        lookupProvider: 'openalex',
        citationFormat: 'apa',
      });
    await options.close();
  });

  test('the page passes axe (light) and does not scroll sideways at 640 px', async () => {
    await setSettings(s, { deniedSites: ['example.org'], disabledTerms: ['zero-rating'], trigger: 42 });
    const options = await openOptions();
    await options.setViewport({ width: 1280, height: 900 });
    await fill(options, await searchbox(options), 'neutral');
    await expect.poll(() => bodyText(options)).toContain('Terms matching “neutral”');
    expect(await axeViolations(options)).toEqual([]);
    await options.screenshot({ path: 'test-results/screenshots/firefox-options-light.png', fullPage: true });
    await options.setViewport({ width: 640, height: 900 });
    await fill(options, await searchbox(options), '');
    await expect.poll(() => options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    await options.close();
  });
});
