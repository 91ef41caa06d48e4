// Firefox ESR: nothing leaves 127.0.0.1. Every request Firefox makes for anywhere else goes to the session's
// recording proxy (firefox-helpers.ts), which refuses it and remembers it, whoever made it: a page, the
// extension's pages or background, or Firefox itself (its phoning home is switched off by prefs). Puppeteer
// also sees each tab's requests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CORPUS, corpusHas } from '../fixtures.js';
import {
  bg,
  clickPopover,
  clickByText,
  expectNewTab,
  type FirefoxSession,
  hover,
  inPopover,
  launchFirefox,
  needsFirefox,
  newTab,
  openPositions,
  nonLocal,
  openExtensionPage,
  resetSettings,
  settledHighlights,
  tabIdOf,
  tabTerms,
  waitForHighlights,
  waitForTitle,
} from '../firefox-helpers.js';

needsFirefox();

let s: FirefoxSession;
let atStart: string[];
test.beforeAll(async () => {
  s = await launchFirefox();
  atStart = [...s.outside];
  await resetSettings(s);
});
test.afterAll(async () => {
  await s?.close();
});

test.describe('firefox privacy', () => {
  test('Firefox itself sent nothing out while starting, installing the add-on and opening the glossary', async () => {
    expect(atStart).toEqual([]);
    // The extension opened its glossary, so its background and pages have run.
    expect(await bg(s, (b) => b.runtime.getManifest().name)).toBe('Netgov Lens');
  });

  test('a tour of the demo article, popover, copy, related terms, popup, options, glossary and reading list sends nothing beyond 127.0.0.1', async () => {
    const page = await newTab(s.browser, `${s.server.url}/fixtures/demo-article.html`);
    await waitForHighlights(page, 10);
    await hover(page, 'multistakeholder model');
    await openPositions(page);
    await clickPopover(page, 'button', 'Copy BibTeX', { selector: '.citation', hasText: 'Carr (2015)' });
    await inPopover(page, 'button', 'Copied');
    await page.keyboard.press('Escape');
    await hover(page, 'public core of the internet');
    await clickPopover(page, 'button', 'Cyber norms');
    await waitForTitle(page, 'Cyber norms');
    const glossary = await expectNewTab(s.browser, () => clickPopover(page, 'button', 'Open in glossary'));
    await glossary.waitForFunction(() => document.querySelectorAll('section.term').length > 100);
    await glossary.close();

    const tabId = await tabIdOf(s, page);
    await expect.poll(async () => (await tabTerms(s, tabId)).length).toBeGreaterThan(10);
    const popup = await openExtensionPage(s, `popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.term-row');
    await popup.close();
    const options = await openExtensionPage(s, 'options.html');
    await options.waitForSelector('input[type="checkbox"]');
    await options.close();
    const list = await openExtensionPage(s, `reading-list.html?tabId=${tabId}`);
    await list.waitForSelector('h2');
    await clickByText(list, 'button', 'Copy as APA list');
    await list.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('Copied'));
    await list.close();
    await page.close();

    expect(s.outside, 'requests that tried to leave 127.0.0.1').toEqual([]);
    expect(nonLocal(s.requests), 'requests seen in tabs').toEqual([]);
    expect(s.requests.length).toBeGreaterThan(0); // the observer works: the article's own requests were seen
  });

  test("our pages cannot connect anywhere: their CSP (connect-src 'none') refuses even 127.0.0.1", async () => {
    const options = await openExtensionPage(s, 'options.html');
    const url = `${s.server.url}/fixtures/demo-article.html`;
    const result = await options.evaluate(async (u) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      let outcome = 'fetched';
      try {
        await fetch(u);
      } catch (e) {
        outcome = (e as Error).name;
      }
      // The violation event is dispatched as a task of its own, which under load can come well after the
      // fetch has failed: wait for it (up to 5 s; a page without the CSP would never get one).
      for (let waited = 0; violations.length === 0 && waited < 5000; waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
      }
      return { outcome, violations };
    }, url);
    expect(result).toEqual({ outcome: 'TypeError', violations: ['connect-src'] });
    await options.close();
  });

  test('on a real news page, what tries to leave is what the page itself names, and all of it is refused', async () => {
    const PATH = 'postlight/www.theverge.com.html';
    test.skip(!corpusHas(PATH), `not in the corpus: ${PATH}`);
    const html = readFileSync(join(CORPUS as string, PATH), 'utf8');
    const before = s.outside.length;
    const page = await newTab(s.browser, `${s.server.url}/corpus/${PATH}`);
    expect(await settledHighlights(page)).toBeGreaterThan(0);
    await hover(
      page,
      (await page.evaluate(() => {
        for (const r of CSS.highlights.get('netgov-lens-dotted') as unknown as Set<AbstractRange>) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (r.startContainer.parentElement?.checkVisibility()) return range.toString();
        }
        return '';
      })) as string,
    );
    await page.close();
    const hosts = s.outside.slice(before).map((r) =>
      r
        .replace(/^CONNECT /, '')
        .replace(/^\S+ https?:\/\//, '')
        .replace(/[:/].*$/, ''),
    );
    for (const host of hosts) expect(html, `${host} is named by the page`).toContain(host);
  });
});
