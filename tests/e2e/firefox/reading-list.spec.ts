// Firefox ESR: the reading list of a page (tests/e2e/reading-list.spec.ts in Chromium): the works cited by the
// terms found on the demo article, grouped by term, downloaded as BibTeX and RIS (into a folder of this run,
// read back and parsed) and copied as an APA list.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse } from '@retorquere/bibtex-parser';
import { expect, test } from '@playwright/test';
import {
  axeViolations,
  clickByText,
  type FirefoxSession,
  launchFirefox,
  needsFirefox,
  newTab,
  openExtensionPage,
  resetSettings,
  tabIdOf,
  tabTerms,
  waitForHighlights,
  dictionary,
} from '../firefox-helpers.js';

const data = dictionary();

needsFirefox();

let s: FirefoxSession;
let downloads: string;
test.beforeAll(async () => {
  downloads = mkdtempSync(join(tmpdir(), 'netgov-lens-firefox-downloads-'));
  s = await launchFirefox({
    prefs: {
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.panel.shown': true,
    },
  });
});
test.afterAll(async () => {
  await s?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

/** Waits for a finished download whose name ends with `ext` and returns its text. */
async function downloaded(ext: string): Promise<string> {
  await expect
    .poll(() => readdirSync(downloads).filter((f) => f.endsWith(ext) && !f.endsWith('.part')).length, {
      timeout: 15_000,
    })
    .toBe(1);
  const name = readdirSync(downloads).find((f) => f.endsWith(ext)) as string;
  let text = '';
  await expect.poll(() => (text = readFileSync(join(downloads, name), 'utf8')).length).toBeGreaterThan(0);
  return text;
}

test.describe('firefox reading list', () => {
  test('the demo article: grouped by term, BibTeX and RIS parse back, APA copy, axe (light)', async () => {
    await resetSettings(s);
    const page = await newTab(s.browser, `${s.server.url}/fixtures/demo-article.html`);
    await waitForHighlights(page, 10);
    const tabId = await tabIdOf(s, page);
    await expect.poll(async () => (await tabTerms(s, tabId)).length).toBeGreaterThan(10);
    const found = (await tabTerms(s, tabId)).map((t) => t.id);
    // Reference entries without positions (e.g. the United Nations) cite nothing and get no section.
    const terms = data.terms.filter((t) => found.includes(t.id) && t.positions.some((p) => p.cites.length > 0));
    const expectedKeys = new Set(terms.flatMap((t) => t.positions.flatMap((p) => p.cites)));

    const list = await openExtensionPage(s, `reading-list.html?tabId=${tabId}`);
    await list.waitForSelector('h2');
    expect((await list.evaluate(() => [...document.querySelectorAll('h2')].map((h) => h.textContent))).sort()).toEqual(
      terms.map((t) => t.label).sort(),
    );

    await clickByText(list, 'button', 'Download BibTeX');
    const parsed = parse(await downloaded('.bib'), { sentenceCase: false, english: false });
    expect(parsed.errors).toEqual([]);
    expect(new Set(parsed.entries.map((e) => e.key))).toEqual(expectedKeys);

    await clickByText(list, 'button', 'Download RIS');
    const items = new Cite(plugins.input.chain(await downloaded('.ris'), { generateGraph: false })).data as {
      title?: string;
    }[];
    expect(items.map((i) => i.title).sort()).toEqual([...expectedKeys].map((k) => data.references[k]?.title).sort());

    await clickByText(list, 'button', 'Copy as APA list');
    await list.waitForFunction(
      (n) => document.querySelector('[role="status"]')?.textContent?.includes(`Copied the reading list as APA (${n})`),
      {},
      expectedKeys.size,
    );
    const apa = await list.evaluate(() => navigator.clipboard.readText());
    expect(apa.trim().split('\n')).toHaveLength(expectedKeys.size);
    expect(apa).toContain('Carr, M. (2015). Power Plays in Global Internet Governance.');
    expect(await axeViolations(list)).toEqual([]);
    await list.close();
    await page.close();
  });
});
