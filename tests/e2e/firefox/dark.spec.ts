// Firefox ESR in the dark colour scheme: the popover and our pages pass axe-core and are drawn dark. WebDriver
// BiDi has no colour-scheme emulation in Firefox (puppeteer's emulateMediaFeatures needs CDP), so this file's
// Firefox starts with content in the dark scheme (a pref) and the light checks live in the other files.
import { expect, test } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  axeViolations,
  fill,
  type FirefoxSession,
  hover,
  launchFirefox,
  needsFirefox,
  newTab,
  openExtensionPage,
  popoverSettled,
  resetSettings,
  tabIdOf,
  tabTerms,
  waitForHighlights,
} from '../firefox-helpers.js';

needsFirefox();

let s: FirefoxSession;
let page: Page;
test.beforeAll(async () => {
  s = await launchFirefox({
    prefs: { 'layout.css.prefers-color-scheme.content-override': 0, 'ui.systemUsesDarkTheme': 1 },
  });
  await resetSettings(s);
  page = await newTab(s.browser, `${s.server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
});
test.afterAll(async () => {
  await s?.close();
});

const isDark = (p: Page) => p.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
const background = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe('firefox dark scheme', () => {
  test('the popover is dark and axe-core finds no violations; screenshot', async () => {
    await page.bringToFront();
    expect(await isDark(page)).toBe(true);
    await hover(page, 'public core of the internet');
    await popoverSettled(page);
    const colours = await page.evaluate(() => {
      const pop = document.querySelector('netgov-lens-ui')?.shadowRoot?.querySelector('.popover') as Element;
      return {
        bg: getComputedStyle(pop).backgroundColor,
        fg: getComputedStyle(pop.querySelector('h2') as Element).color,
      };
    });
    expect(colours).toEqual({ bg: 'rgb(31, 33, 37)', fg: 'rgb(236, 238, 241)' });
    expect(await axeViolations(page, 'netgov-lens-ui')).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/firefox-popover-dark.png' });
    await page.keyboard.press('Escape');
  });

  test('the popup page is dark and passes axe', async () => {
    const tabId = await tabIdOf(s, page);
    await expect.poll(async () => (await tabTerms(s, tabId)).length).toBeGreaterThan(10);
    const popup = await openExtensionPage(s, `popup.html?tabId=${tabId}`);
    await popup.setViewport({ width: 420, height: 720 });
    await popup.waitForSelector('.term-row');
    expect(await isDark(popup)).toBe(true);
    expect(await background(popup)).not.toBe('rgb(255, 255, 255)');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: 'test-results/screenshots/firefox-popup-dark.png' });
    await popup.close();
  });

  test('the options page is dark and passes axe', async () => {
    const options = await openExtensionPage(s, 'options.html');
    await options.setViewport({ width: 1280, height: 900 });
    const search = (await options.waitForSelector('input[type="search"]')) as ElementHandle<HTMLInputElement>;
    await fill(options, search, 'neutral');
    await options.waitForFunction(() => document.body.innerText.includes('Terms matching “neutral”'));
    expect(await isDark(options)).toBe(true);
    expect(await background(options)).not.toBe('rgb(255, 255, 255)');
    expect(await axeViolations(options)).toEqual([]);
    await options.screenshot({ path: 'test-results/screenshots/firefox-options-dark.png' });
    await options.close();
  });

  test('the glossary is dark and passes axe', async () => {
    const glossary = await openExtensionPage(s, 'glossary.html?q=ICANN');
    await glossary.setViewport({ width: 1280, height: 900 });
    await glossary.waitForSelector('#term-icann', { visible: true });
    expect(await isDark(glossary)).toBe(true);
    expect(await background(glossary)).not.toBe('rgb(255, 255, 255)');
    expect(await axeViolations(glossary)).toEqual([]);
    await glossary.screenshot({ path: 'test-results/screenshots/firefox-glossary-dark.png' });
    await glossary.close();
  });
});
