// Firefox ESR with touch events on (dom.w3c_touch_events.enabled): a finger's tap on a term opens the popover
// with the default settings (trigger hover), a tap elsewhere closes it, and a term inside a link takes the
// first tap without the page navigating (tests/e2e/touch.spec.ts covers the rest in Chromium's phone
// emulation). The taps are WebDriver BiDi touch actions (puppeteer's page.touchscreen).
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { buildDir } from '../../../scripts/lib/shadow-variant.js';
import { startServer, type StaticServer } from '../../../scripts/lib/static-server.js';
import { DIST, ROOT } from '../fixtures.js';
import {
  FIREFOX,
  highlightedRanges,
  locationOf,
  needsFirefox,
  newTab,
  popoverOpen,
  popoverTitle,
  waitForHighlights,
  waitForTitle,
} from '../firefox-helpers.js';

needsFirefox();

// Its own Firefox, not launchFirefox(): that one also opens our glossary from a popover, by mouse, to get an
// extension page for browser.* calls, which these tests do not need (a fresh profile has the defaults).
let browser: Browser;
let server: StaticServer;
let page: Page;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer({ '/fixtures/': join(ROOT, 'tests', 'fixtures', 'pages') });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'dom.w3c_touch_events.enabled': 1 },
  });
  // The e2e variant (the popover's shadow root open, for the helpers), as launchFirefox() installs.
  await browser.installExtension(buildDir(DIST, 'firefox', 'e2e'));
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});
test.beforeEach(async () => {
  page = await newTab(browser, `${server.url}/fixtures/touch.html`);
  await page.setViewport({ width: 390, height: 844 });
  await waitForHighlights(page, 4);
});
test.afterEach(async () => {
  await page?.close();
});

async function tapTerm(text: string): Promise<void> {
  const r = (await highlightedRanges(page)).find((h) => h.text === text);
  expect(r, `a highlight "${text}"`).toBeTruthy();
  await page.touchscreen.tap((r?.x ?? 0) + (r?.width ?? 0) / 2, (r?.y ?? 0) + (r?.height ?? 0) / 2);
}

/** Taps the heading's text, where there is no term and no popover. */
async function tapElsewhere(): Promise<void> {
  const at = await page.evaluate(() => {
    const rect = (document.querySelector('h1') as HTMLElement).getBoundingClientRect();
    return { x: rect.left + 20, y: rect.top + rect.height / 2 };
  });
  await page.touchscreen.tap(at.x, at.y);
}

test.describe('firefox touch', () => {
  test('a BiDi touch tap reaches the page as a touch pointer (what the content script tells taps by)', async () => {
    const seen = page.evaluate(
      () => new Promise<string>((done) => addEventListener('pointerdown', (e) => done(e.pointerType), { once: true })),
    );
    await tapElsewhere();
    expect(await seen).toBe('touch');
  });

  test('a tap on a term opens its popover with the default settings; a tap elsewhere closes it', async () => {
    await tapTerm('ICANN');
    await waitForTitle(page, 'ICANN');
    await tapElsewhere();
    await expect.poll(() => popoverOpen(page)).toBe(false);
  });

  test('a term inside a link: the first tap opens it and the page does not navigate', async () => {
    const here = await locationOf(page);
    await tapTerm('net neutrality');
    await waitForTitle(page, 'Net neutrality');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { linkClicks: unknown[] }).linkClicks))
      .toEqual([{ id: 'story', defaultPrevented: true }]);
    expect(await locationOf(page)).toBe(here);
    expect(await popoverTitle(page)).toBe('Net neutrality');
  });
});
