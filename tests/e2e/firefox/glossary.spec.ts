// Firefox ESR: the glossary page (tests/e2e/glossary.spec.ts in Chromium): every term, search and the category
// filter in the URL, ?q=, deep links that focus their heading, copy, and axe-core (light; dark: dark.spec.ts).
import { expect } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  axeViolations,
  bodyText,
  EXT_ORIGIN,
  fill,
  type FirefoxSession,
  firefoxTest as test,
  forSharedFirefoxFile,
  needsFirefox,
  openExtensionPage,
  resetSettings,
  textOf,
  dictionary,
} from '../firefox-helpers.js';

const data = dictionary();

needsFirefox();

let s: FirefoxSession;
test.beforeAll(async ({ firefox }) => {
  s = await forSharedFirefoxFile(firefox);
});
test.beforeEach(async () => {
  await resetSettings(s);
});

const sections = (page: Page) => page.evaluate(() => document.querySelectorAll('section.term').length);
const search = async (page: Page) =>
  (await page.waitForSelector('#glossary-search')) as ElementHandle<HTMLInputElement>;
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const inViewport = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return !!r && r.bottom > 0 && r.top < innerHeight;
  }, selector);

test.describe('firefox glossary', () => {
  test('renders every term with its details and counts; axe finds nothing (light)', async () => {
    const page = await openExtensionPage(s, 'glossary.html');
    await expect.poll(() => sections(page)).toBe(data.terms.length);
    expect(await page.evaluate(() => document.querySelectorAll('.glossary-category').length)).toBe(
      data.categories.length,
    );
    const positions = data.terms.reduce((n, t) => n + t.positions.length, 0);
    const stats = (await textOf(page, '.glossary-stats')) ?? '';
    expect(stats).toContain(`${data.terms.length} terms`);
    expect(stats).toContain(`${positions} positions`);
    const icann = data.terms.find((t) => t.id === 'icann');
    const section = await page.evaluate(() => {
      const el = document.querySelector('#term-icann');
      return {
        title: el?.querySelector('h3')?.textContent,
        category: el?.querySelector('.term-category')?.textContent,
        aliases: el?.querySelector('.term-aliases')?.textContent,
        definition: el?.querySelector('.definition')?.textContent,
        positions: el?.querySelectorAll('.position').length,
        citation: el?.querySelector('.citation')?.textContent,
      };
    });
    expect(section.title).toBe('ICANN');
    expect(section.category).toBe('Institutions and fora');
    expect(section.aliases).toContain('Internet Corporation for Assigned Names and Numbers');
    expect(section.definition).toBe(icann?.definition);
    expect(section.positions).toBe(icann?.positions.length);
    expect(section.citation).toContain('Froomkin');
    // axe over all terms takes minutes on two cores: it runs on a search's results (as in Chromium).
    await fill(page, await search(page), 'ICANN');
    await expect.poll(() => sections(page)).toBeLessThan(data.terms.length);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/firefox-glossary-light.png' });
    await page.close();
  });

  test('search and the category filter narrow the list and stay in the URL', async () => {
    const page = await openExtensionPage(s, 'glossary.html');
    await expect.poll(() => sections(page)).toBe(data.terms.length);
    const box = await search(page);
    await fill(page, box, 'budapest convention');
    await page.waitForSelector('#term-budapest-convention', { visible: true });
    const found = await sections(page);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(10);
    expect(await textOf(page, '.glossary-status')).toBe(`Showing ${found} of ${data.terms.length} terms`);
    await expect
      .poll(async () => new URL(await page.evaluate(() => location.href)).searchParams.get('q'))
      .toBe('budapest convention');
    await fill(page, box, 'multi stakeholder');
    await page.waitForSelector('#term-multistakeholder-model', { visible: true });

    await fill(page, box, '');
    await expect.poll(() => sections(page)).toBe(data.terms.length);
    const security = data.terms.filter((t) => t.category === 'security').length;
    const radio = await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) =>
        r.labels?.[0]?.textContent?.includes('Security and conflict'),
      ),
    );
    await (radio as ElementHandle<HTMLInputElement>).click();
    await expect.poll(() => sections(page)).toBe(security);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('section.term')].every((e) => e.dataset.category === 'security'),
      ),
    ).toBe(true);
    await expect
      .poll(async () => new URL(await page.evaluate(() => location.href)).searchParams.get('category'))
      .toBe('security');

    await fill(page, box, 'zzqx nothing like this');
    await expect.poll(() => sections(page)).toBe(0);
    expect(await bodyText(page)).toContain('No term matches “zzqx nothing like this”.');
    const scholar = await page.evaluate(
      () => [...document.querySelectorAll('a')].find((a) => a.textContent?.includes('Google Scholar'))?.href,
    );
    expect(scholar).toMatch(/^https:\/\/scholar\.google\.com\/scholar\?q=zzqx/);
    await (await page.waitForSelector('::-p-text(Show all terms)'))?.click();
    await expect.poll(() => sections(page)).toBe(data.terms.length);
    await page.close();
  });

  test('?q= pre-fills the search; #term-icann focuses its heading; related links move focus', async () => {
    let page = await openExtensionPage(s, 'glossary.html?q=ICANN');
    expect(await (await search(page)).evaluate((el) => el.value)).toBe('ICANN');
    await page.waitForSelector('#term-icann', { visible: true });
    expect(await sections(page)).toBeLessThan(data.terms.length);
    await page.close();

    page = await openExtensionPage(s, 'glossary.html#term-icann');
    expect(await page.evaluate(() => location.href)).toBe(`${EXT_ORIGIN}/glossary.html#term-icann`);
    await expect.poll(() => focusedId(page)).toBe('term-icann-title');
    expect(await inViewport(page, '#term-icann-title')).toBe(true);

    const related = data.terms.find((t) => t.id === 'icann')?.related[0] as string;
    // Even when the category filter hides the related term, its link shows it.
    const institutions = await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) =>
        r.labels?.[0]?.textContent?.includes('Institutions and fora'),
      ),
    );
    await (institutions as ElementHandle<HTMLInputElement>).click();
    await expect.poll(() => sections(page)).toBeLessThan(data.terms.length);
    await (await page.waitForSelector('#term-icann .term-related a'))?.click();
    await expect.poll(() => focusedId(page)).toBe(`term-${related}-title`);
    expect(await inViewport(page, `#term-${related}-title`)).toBe(true);
    // A hash naming a term outside the current search clears the search to show it.
    await fill(page, await search(page), 'ICANN');
    await page.evaluate(() => (location.hash = '#term-cyber-sovereignty'));
    await expect.poll(() => focusedId(page)).toBe('term-cyber-sovereignty-title');
    expect(await (await search(page)).evaluate((el) => el.value)).toBe('');
    await page.close();
  });

  test('copy puts the exact BibTeX of a cited work on the clipboard', async () => {
    const page = await openExtensionPage(s, 'glossary.html#term-icann');
    // Positions may fold their works behind a disclosure button (the stance): open the first.
    const toggle = await page.$('#term-icann .position .stance-toggle[aria-expanded="false"]');
    if (toggle) await toggle.click();
    const button = await page.waitForSelector('#term-icann .citation button[data-copy]', { visible: true });
    await button?.click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#term-icann .citation button')].some((b) => b.textContent?.trim() === 'Copied'),
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(data.references.froomkin2000wrong?.bibtex);
    await page.close();
  });
});
