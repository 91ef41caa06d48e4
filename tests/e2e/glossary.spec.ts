// The glossary page: every term, search, category filter, deep links, ?q=, lookups, print and accessibility.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { DictionaryData } from '../../src/core/dictionary-data.js';
import { expect, resetSettings, ROOT, test } from './fixtures.js';

const data = JSON.parse(readFileSync(join(ROOT, 'build', 'generated', 'dictionary.json'), 'utf8')) as DictionaryData;

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

function glossaryUrl(extensionId: string, rest = ''): string {
  return `chrome-extension://${extensionId}/glossary.html${rest}`;
}

async function axeClean(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('renders every term with its details, counts and the language note', async ({ extContext, extensionId }) => {
  const page = await extContext.newPage();
  await page.goto(glossaryUrl(extensionId));
  await expect(page.locator('section.term')).toHaveCount(data.terms.length);
  await expect(page.locator('.glossary-category')).toHaveCount(data.categories.length);
  const positions = data.terms.reduce((n, t) => n + t.positions.length, 0);
  const works = new Set(data.terms.flatMap((t) => t.positions.flatMap((p) => p.cites))).size;
  await expect(page.locator('.glossary-stats')).toContainText(`${data.terms.length} terms`);
  await expect(page.locator('.glossary-stats')).toContainText(`${positions} positions`);
  await expect(page.locator('.glossary-stats')).toContainText(`${works} works cited`);
  await expect(page.getByText('The dictionary is in English for now.')).toBeVisible();

  // One term in full: label, category, other spellings, definition, positions with holders and citations.
  const icann = data.terms.find((t) => t.id === 'icann');
  expect(icann).toBeTruthy();
  const section = page.locator('#term-icann');
  await expect(section.locator('h3')).toHaveText('ICANN');
  await expect(section.locator('.term-category')).toHaveText('Institutions and fora');
  await expect(section.locator('.term-aliases')).toContainText('Internet Corporation for Assigned Names and Numbers');
  await expect(section.locator('.definition')).toHaveText(icann?.definition ?? '');
  await expect(section.locator('.position')).toHaveCount(icann?.positions.length ?? 0);
  await expect(section.locator('.holders').first()).toHaveText(icann?.positions[0]?.holders.join('; ') ?? '');
  // The spread first, as in the popover: each stance opens in place to its summary and works.
  await expect(section.locator('.stance')).toHaveText(icann?.positions.map((p) => p.stance) ?? []);
  await expect(section.locator('.citation').first()).toBeHidden();
  await section.locator('.stance-toggle').first().click();
  await expect(section.locator('.stance-toggle').first()).toHaveAttribute('aria-expanded', 'true');
  await expect(section.locator('.citation').first()).toContainText('Froomkin');
  await expect(section.locator('.citation').first().getByRole('button', { name: 'Copy BibTeX' })).toBeVisible();

  await page.screenshot({ path: 'test-results/screenshots/glossary-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/glossary-dark.png' });
  // axe takes minutes over all 154 terms on a busy two-core machine; every term is the same component, so
  // the check runs on a search's results (header, filters, status and several full terms), dark and light.
  await page.getByRole('searchbox').fill('ICANN');
  await expect(page.locator('#term-icann')).toBeVisible();
  await axeClean(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await axeClean(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('searchbox').fill('');
  await expect(page.locator('section.term')).toHaveCount(data.terms.length);
  await page.locator('#term-icann').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -80));
  await page.screenshot({ path: 'test-results/screenshots/glossary-term-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: 'test-results/screenshots/glossary-term-light.png' });
  await page.close();
});

test('search and the category filter narrow the list and stay in the URL', async ({ extContext, extensionId }) => {
  const page = await extContext.newPage();
  await page.goto(glossaryUrl(extensionId));
  const sections = page.locator('section.term');
  await expect(sections).toHaveCount(data.terms.length);

  const search = page.getByRole('searchbox', { name: 'Search the glossary' });
  await search.fill('budapest convention');
  await expect(page.locator('#term-budapest-convention')).toBeVisible();
  const found = await sections.count();
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(10);
  await expect(page.locator('.glossary-status')).toHaveText(`Showing ${found} of ${data.terms.length} terms`);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('budapest convention');
  // Hyphens and spacing do not matter.
  await search.fill('multi stakeholder');
  await expect(page.locator('#term-multistakeholder-model')).toBeVisible();

  await search.fill('');
  await expect(sections).toHaveCount(data.terms.length);
  const security = data.terms.filter((t) => t.category === 'security').length;
  await page.getByRole('radio', { name: /Security and conflict/ }).check();
  await expect(sections).toHaveCount(security);
  expect(
    await sections.evaluateAll((els) => els.every((e) => (e as HTMLElement).dataset.category === 'security')),
  ).toBe(true);
  await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('security');

  // Nothing found: say so, offer a paper search, and a way back.
  await search.fill('zzqx nothing like this');
  await expect(sections).toHaveCount(0);
  await expect(page.getByText('No term matches “zzqx nothing like this”.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Look up “zzqx nothing like this” on Google Scholar/ })).toHaveAttribute(
    'href',
    /^https:\/\/scholar\.google\.com\/scholar\?q=zzqx/,
  );
  await axeClean(page);
  await page.screenshot({ path: 'test-results/screenshots/glossary-no-match.png' });
  await page.getByRole('button', { name: 'Show all terms' }).click();
  await expect(sections).toHaveCount(data.terms.length);
  await page.close();
});

test('?q= pre-fills the search, #term-<id> focuses the heading, related terms link to their sections', async ({
  extContext,
  extensionId,
}) => {
  const page = await extContext.newPage();
  await page.goto(glossaryUrl(extensionId, '?q=ICANN'));
  await expect(page.getByRole('searchbox')).toHaveValue('ICANN');
  await expect(page.locator('#term-icann')).toBeVisible();
  expect(await page.locator('section.term').count()).toBeLessThan(data.terms.length);

  await page.goto(glossaryUrl(extensionId, '#term-icann'));
  await expect(page.locator('#term-icann-title')).toBeFocused();
  await expect(page.locator('#term-icann-title')).toBeInViewport();

  // A related term's link moves to its section (hashchange), even when the filters hid it.
  const related = data.terms.find((t) => t.id === 'icann')?.related[0] as string;
  await page.getByRole('radio', { name: /Institutions and fora/ }).check();
  await page.locator('#term-icann .term-related a').first().click();
  await expect(page.locator(`#term-${related}-title`)).toBeFocused();
  await expect(page.locator(`#term-${related}-title`)).toBeInViewport();
  // The hash can name a term outside the current filter: the filter is cleared to show it.
  await page.getByRole('searchbox').fill('ICANN');
  await page.evaluate(() => (location.hash = '#term-cyber-sovereignty'));
  await expect(page.locator('#term-cyber-sovereignty-title')).toBeFocused();
  await expect(page.getByRole('searchbox')).toHaveValue('');
  await page.close();
});

test('a citation lookup opens its URL in a new tab, copy copies; print hides the controls', async ({
  extContext,
  extensionId,
}) => {
  const page = await extContext.newPage();
  await page.goto(glossaryUrl(extensionId, '#term-icann'));
  // The route answers the new tab so nothing reaches the network. Playwright does not always see the first
  // request of a tab that an extension creates (microsoft/playwright#21061), so the URL is read from the tab's
  // navigation history, which holds the requested URL whether the route answered it or refused it.
  await extContext.route('https://doi.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>DOI</title>' }),
  );
  await page.locator('#term-icann .stance-toggle').first().click();
  const link = page.locator('#term-icann .citation').first().locator('a[data-lookup]');
  await expect(link).toHaveText(/Open paper \(DOI\)/);
  const [tab] = await Promise.all([extContext.waitForEvent('page'), link.click()]);
  const cdp = await extContext.newCDPSession(tab);
  await expect
    .poll(async () => {
      const history = await cdp.send('Page.getNavigationHistory');
      return history.entries[history.currentIndex]?.url;
    })
    .toBe('https://doi.org/10.2307/1373113');
  expect(page.url()).toContain('glossary.html'); // the glossary itself did not navigate
  await cdp.detach();
  await tab.close();
  await extContext.unroute('https://doi.org/**');

  // Copy, as in the popover: the exact BibTeX entry.
  // Reading the clipboard back needs a permission extension pages cannot be granted here: record what is written.
  await page.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => {
      (window as unknown as { copied: string }).copied = text;
      return write(text);
    };
  });
  const citation = page.locator('#term-icann .citation').first();
  await citation.getByRole('button', { name: 'Copy BibTeX' }).click();
  await expect(citation.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => (window as unknown as { copied?: string }).copied);
  expect(copied).toBe(data.references.froomkin2000wrong?.bibtex);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.glossary-search')).toBeHidden();
  await expect(page.locator('.glossary-categories')).toBeHidden();
  await expect(page.locator('#term-icann .citation-actions button').first()).toBeHidden();
  const printed = await link.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(printed).toContain('doi.org/10.2307/1373113');
  await page.locator('#term-icann').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/glossary-print.png' });
  await page.close();
});

test('a deep link at 1280 × 900 shows the term below the search and every category chip uncovered', async ({
  extContext,
  extensionId,
}) => {
  const page = await extContext.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(glossaryUrl(extensionId, '#term-icann'));
  await expect(page.locator('#term-icann-title')).toBeFocused();
  const layout = await page.evaluate(() => {
    const bar = document.querySelector('.glossary-toolbar')?.getBoundingClientRect();
    const title = document.querySelector('#term-icann-title')?.getBoundingClientRect();
    const chips = [...document.querySelectorAll('.chip-option')].map((chip) => {
      const r = chip.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return { inView: r.top >= 0 && r.bottom <= innerHeight, uncovered: !!hit && chip.contains(hit) };
    });
    return { barBottom: bar?.bottom ?? 0, titleTop: title?.top ?? 0, chips };
  });
  expect(layout.titleTop).toBeGreaterThanOrEqual(layout.barBottom);
  expect(layout.chips.length).toBeGreaterThan(1);
  expect(layout.chips.every((c) => c.inView && c.uncovered)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/glossary-deep-link.png' });
  await page.close();
});
