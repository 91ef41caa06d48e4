// Firefox ESR: the popover as a reader uses it (tests/e2e/popover.spec.ts in Chromium): content, lookups,
// copy, related terms, hide, glossary, keyboard and axe-core in the light scheme (dark: dark.spec.ts).
import { expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import {
  bg,
  clickPopover,
  EXT_ORIGIN,
  expectNewTab,
  type FirefoxSession,
  highlightCount,
  highlightedRanges,
  hover,
  inPopover,
  firefoxTest as test,
  forSharedFirefoxFile,
  locationOf,
  needsFirefox,
  newTab,
  openPositions,
  popoverOpen,
  popoverSettled,
  popoverTexts,
  resetSettings,
  setSettings,
  tabIdOf,
  waitForHighlights,
  waitForLocation,
  waitForTitle,
  axeViolations,
} from '../firefox-helpers.js';

needsFirefox();

let s: FirefoxSession;
let page: Page;
test.beforeAll(async ({ firefox }) => {
  s = await forSharedFirefoxFile(firefox);
});
test.beforeEach(async () => {
  await resetSettings(s);
  page = await newTab(s.browser, `${s.server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
});
test.afterEach(async () => {
  await page?.close();
});

const CARR = { selector: '.citation', hasText: 'Carr (2015)' };

test.describe('firefox popover', () => {
  test('shows label, category, definition and 2-4 attributed positions with citations', async () => {
    await hover(page, 'ICANN');
    await openPositions(page);
    expect(await popoverTexts(page, 'h2')).toEqual(['ICANN']);
    expect(await popoverTexts(page, '.category')).toEqual(['Institutions and fora']);
    expect((await popoverTexts(page, '.definition'))[0]).toContain(
      'Internet Corporation for Assigned Names and Numbers',
    );
    const positions = await page.evaluate(() =>
      [...(document.querySelector('netgov-lens-ui')?.shadowRoot?.querySelectorAll('.popover .position') ?? [])].map(
        (p) => ({
          stance: p.querySelector('.stance')?.textContent?.trim() ?? '',
          holders: p.querySelector('.holders')?.textContent?.trim() ?? '',
          citations: [...p.querySelectorAll('.citation')].filter((c) => (c as HTMLElement).checkVisibility()).length,
        }),
      ),
    );
    expect(positions.length).toBeGreaterThanOrEqual(2);
    expect(positions.length).toBeLessThanOrEqual(4);
    for (const p of positions) {
      expect(p.stance).not.toBe('');
      expect(p.holders).not.toBe('');
      expect(p.citations).toBeGreaterThan(0);
    }
  });

  test('a DOI lookup opens the exact address in a new tab next to the page; nothing reaches the network', async () => {
    await hover(page, 'multistakeholder model');
    await openPositions(page);
    const link = await inPopover(page, 'a[data-lookup="doi"]', /^Open paper/, CARR);
    const readingTab = await tabIdOf(s, page);
    const outsideBefore = s.outside.length;
    const doi = 'https://doi.org/10.1177/0305829814562655';
    const tab = await expectNewTab(s.browser, () => link.click());
    // The tab asks for exactly that address; the recording proxy refuses it (no DNS, no connection), and
    // Firefox shows its error page for that address.
    await expect.poll(() => s.outside.slice(outsideBefore)).toEqual(['CONNECT doi.org:443']);
    await expect.poll(() => tab.evaluate(() => location.href).catch(() => '')).toBe(doi);
    expect(await tab.evaluate(() => document.documentURI)).toContain(
      `e=proxyConnectFailure&u=${encodeURIComponent(doi).replace(/%2F/g, '/')}&`,
    );
    expect(await locationOf(page)).toContain('/fixtures/demo-article.html'); // the page itself did not navigate
    const tabs = await bg(s, async (b) =>
      (await b.tabs.query({ lastFocusedWindow: true })).map((t) => ({
        id: t.id,
        index: t.index,
        opener: t.openerTabId,
        active: t.active,
      })),
    );
    const created = tabs.find((t) => t.active);
    const reading = tabs.find((t) => t.id === readingTab);
    expect(created?.opener).toBe(readingTab);
    expect(created?.index).toBe((reading?.index ?? -2) + 1);
    await tab.close();
  });

  test('without a DOI or URL the lookup searches the chosen provider; every link is https', async () => {
    await setSettings(s, { lookupProvider: 'openalex' });
    await page.reload();
    await waitForHighlights(page, 10);
    await hover(page, 'multistakeholder model');
    await openPositions(page);
    await inPopover(page, '.citation a', /^Open paper/);
    const hrefs = await page.evaluate(() =>
      [...(document.querySelector('netgov-lens-ui')?.shadowRoot?.querySelectorAll('.popover .citation a') ?? [])].map(
        (a) => ({ href: (a as HTMLAnchorElement).href, kind: (a as HTMLElement).dataset.lookup }),
      ),
    );
    expect(hrefs.length).toBeGreaterThan(2);
    for (const h of hrefs) expect(h.href.startsWith('https://')).toBe(true);
    for (const h of hrefs.filter((x) => x.kind === 'search'))
      expect(h.href.startsWith('https://api.openalex.org/') || h.href.startsWith('https://openalex.org/')).toBe(true);
  });

  test('copy puts the exact BibTeX on the clipboard', async () => {
    await hover(page, 'multistakeholder model');
    await openPositions(page);
    await clickPopover(page, 'button', 'Copy BibTeX', CARR);
    await inPopover(page, 'button', 'Copied', CARR);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.startsWith('@article{carr2015powerplays,')).toBe(true);
    expect(text).toContain('doi = {10.1177/0305829814562655}');
  });

  test('APA format when chosen', async () => {
    await setSettings(s, { citationFormat: 'apa' });
    await page.reload();
    await waitForHighlights(page, 10);
    await hover(page, 'multistakeholder model');
    await openPositions(page);
    await clickPopover(page, 'button', 'Copy APA', CARR);
    await inPopover(page, 'button', 'Copied', CARR);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Carr, M. (2015). Power Plays in Global Internet Governance. Millennium: Journal of International Studies, 43(2), 640–659. https://doi.org/10.1177/0305829814562655',
    );
  });

  test('related terms open in place, with a way back', async () => {
    await hover(page, 'public core of the internet');
    await clickPopover(page, 'button', 'Cyber norms');
    await waitForTitle(page, 'Cyber norms');
    await clickPopover(page, 'button[aria-label="Back"]', '←');
    await waitForTitle(page, 'Public core of the internet');
  });

  test('"Open in glossary" opens its section; "Hide this term" removes its highlights at once', async () => {
    const before = await highlightCount(page);
    const icann = (await highlightedRanges(page)).filter((r) => r.text === 'ICANN').length;
    expect(icann).toBeGreaterThan(0);
    await hover(page, 'ICANN');
    const glossary = await expectNewTab(s.browser, () => clickPopover(page, 'button', 'Open in glossary'));
    await waitForLocation(glossary, `${EXT_ORIGIN}/glossary.html#term-icann`);
    await glossary.close();
    await page.bringToFront();
    await hover(page, 'ICANN');
    await clickPopover(page, 'button', 'Hide this term');
    await expect.poll(() => highlightCount(page)).toBe(before - icann);
    expect((await highlightedRanges(page)).some((r) => r.text === 'ICANN')).toBe(false);
    expect(await bg(s, async (b) => (await b.storage.sync.get('settings')).settings)).toEqual({
      schemaVersion: 1,
      disabledTerms: ['icann'],
    });
  });

  // The shortcuts themselves (Alt+Shift+N/P) are browser commands, which WebDriver input cannot press in
  // Firefox; the test sends the message the command handler sends to the tab.
  test('keyboard: next-term opens the popover with focus inside; Escape closes and returns focus', async () => {
    await page.evaluate(() => (document.querySelector('nav a') as HTMLElement).focus());
    const tabId = await tabIdOf(s, page);
    const navigate = (direction: 'next' | 'previous') =>
      bg(s, (b, [id, d]) => b.tabs.sendMessage(id as number, { type: 'navigate', direction: d }), [
        tabId,
        direction,
      ] as const);
    await navigate('next');
    await waitForTitle(page, 'IANA transition');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('netgov-lens-ui')?.shadowRoot?.activeElement?.tagName))
      .toBe('H2');
    await navigate('next');
    await waitForTitle(page, 'Internet Governance Forum (IGF)');
    await navigate('previous');
    await waitForTitle(page, 'IANA transition');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => popoverOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('World');
  });

  test('axe-core finds no violations in the open popover (light); screenshot', async () => {
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(false);
    await hover(page, 'public core of the internet');
    await popoverSettled(page);
    expect(await axeViolations(page, 'netgov-lens-ui')).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/firefox-popover-light.png' });
    // The check reaches inside the shadow root: a nameless button put there is reported.
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.className = 'axe-probe';
      document.querySelector('netgov-lens-ui')?.shadowRoot?.querySelector('.popover .body')?.append(b);
    });
    expect((await axeViolations(page, 'netgov-lens-ui')).map((v) => v.split(':')[0])).toContain('button-name');
    await page.evaluate(() =>
      document.querySelector('netgov-lens-ui')?.shadowRoot?.querySelector('.axe-probe')?.remove(),
    );
  });

  test('click mode opens on click, not on hover', async () => {
    await setSettings(s, { trigger: 'click', hoverDelayMs: 100 });
    await page.reload();
    await waitForHighlights(page, 10);
    const target = (await highlightedRanges(page)).find((r) => r.text === 'ICANN');
    expect(target).toBeTruthy();
    const x = (target?.x ?? 0) + 5;
    const y = (target?.y ?? 0) + (target?.height ?? 0) / 2;
    await page.mouse.move(x - 30, y - 30);
    await page.mouse.move(x, y);
    // Nothing to wait for when nothing should happen: give a hover popover five times its delay to appear.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    expect(await page.evaluate(() => document.querySelectorAll('netgov-lens-ui').length)).toBe(0);
    await page.mouse.click(x, y);
    await waitForTitle(page, 'ICANN');
  });
});
