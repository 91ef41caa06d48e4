// Reference entries as a reader meets them: the popover and the glossary show the dated status, the
// primary source and the "as of" date, and lead in one choice to the debates behind the entry.
// The entry is chosen from the built dictionary, so the test follows the dictionary as it grows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parseCompiledMatcher } from '../../src/core/compiled-matcher.js';
import type { DictionaryData, TermEntry } from '../../src/core/dictionary-data.js';
import { Matcher } from '../../src/core/match.js';
import {
  expect,
  highlightedRanges,
  popover,
  popoverSettled,
  resetSettings,
  ROOT,
  test,
  waitForHighlights,
} from './fixtures.js';

const data = JSON.parse(readFileSync(join(ROOT, 'build', 'generated', 'dictionary.json'), 'utf8')) as DictionaryData;
const matcher = new Matcher(
  parseCompiledMatcher(readFileSync(join(ROOT, 'build', 'generated', 'matcher.json'), 'utf8')),
);
const byId = new Map(data.terms.map((t) => [t.id, t]));
const isDebate = (id: string): boolean => (byId.get(id)?.positions.length ?? 0) >= 2;
/** The sentence of the test article around an alias. */
const sentence = (alias: string): string =>
  `Lawmakers returned to the ${alias} this week, and critics answered at once.`;
/** An alias of `t` that the matcher finds as `t` in that sentence (guarded aliases need their context). */
function plainAlias(t: TermEntry): string | undefined {
  return t.aliases.find((a) => {
    if (!/^[A-Z][A-Za-z ]{5,40}$/.test(a)) return false;
    const text = sentence(a);
    return matcher.findAll(text).some((m) => matcher.data.terms[m.term] === t.id && text.slice(m.start, m.end) === a);
  });
}
/** A reference entry with every part to show, named by an alias found without context. */
const reference = data.terms.find(
  (t) =>
    t.kind === 'reference' &&
    t.status &&
    t.source &&
    t.debates.length >= 2 &&
    t.debates.every(isDebate) &&
    plainAlias(t),
) as (TermEntry & { status: string; source: { title: string; url: string } }) | undefined;
const alias = reference ? (plainAlias(reference) ?? '') : '';

test.skip(!reference, 'the dictionary has no reference entry with status, source and two debates yet');

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

/** A page of our own words that names the entry once, served from 127.0.0.1. */
async function articleNaming(page: Page, url: string): Promise<void> {
  await page.route(`${url}/generated/reference.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><title>Reference</title></head><body style="font: 18px/1.6 serif; max-width: 40em; margin: 3em auto">
        <h1>A test article</h1><p>${sentence(alias)}</p>
        <p>${'Filler text for the reader. '.repeat(40)}</p></body></html>`,
    }),
  );
  await page.goto(`${url}/generated/reference.html`);
  await waitForHighlights(page, 1);
}

async function hoverAlias(page: Page): Promise<void> {
  const target = (await highlightedRanges(page)).find((r) => r.text === alias);
  expect(target, `a highlight "${alias}"`).toBeTruthy();
  await page.mouse.move(1, 1);
  await page.mouse.move((target?.x ?? 0) + 6, (target?.y ?? 0) + (target?.height ?? 0) / 2);
  await expect(popover(page)).toBeVisible();
  await popoverSettled(page);
}

test('the popover shows status, primary source and as-of date, and opens a debate in one click', async ({
  extContext,
  server,
}) => {
  if (!reference) return;
  const page = await extContext.newPage();
  await articleNaming(page, server.url);
  await hoverAlias(page);
  const pop = popover(page);
  await expect(pop.locator('h2')).toHaveText(reference.label);
  await expect(pop.locator('.entry-status')).toHaveText(reference.status);
  await expect(pop.locator('.entry-source')).toContainText(reference.source.title);
  await expect(pop.locator('.entry-source')).toHaveAttribute('href', reference.source.url);
  const [y, m, d] = reference.reviewed?.split('-').map(Number) ?? [];
  const day = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('en', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  await expect(pop.locator('.entry-reviewed')).toHaveText(`as of ${day}`);
  await expect(pop.locator('.entry-reviewed')).toHaveAttribute('datetime', reference.reviewed ?? '');

  // Every debate with its stance headlines, each one choice away.
  const links = pop.locator('.debate-link');
  await expect(links).toHaveCount(reference.debates.length);
  for (const [i, id] of reference.debates.entries()) {
    const debate = byId.get(id) as TermEntry;
    await expect(links.nth(i).locator('.debate-label')).toHaveText(debate.label);
    await expect(links.nth(i).locator('.debate-stances')).toHaveText(debate.positions.map((p) => p.stance).join(' · '));
  }
  await expect(pop.locator('.position')).toHaveCount(reference.positions.length);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).include('netgov-lens-ui').analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/reference-popover-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  const first = byId.get(reference.debates[0] as string) as TermEntry;
  await links.first().click();
  await expect(pop.locator('h2')).toHaveText(first.label);
  await expect(pop.locator('.position')).toHaveCount(first.positions.length);
  await pop.getByRole('button', { name: 'Back' }).click();
  await expect(pop.locator('h2')).toHaveText(reference.label);
  await page.close();
});

test('the primary source opens in a new tab, the page stays where it is', async ({ extContext, server }) => {
  if (!reference) return;
  const source = new URL(reference.source.url);
  await extContext.route(`${source.origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>source</title>ok' }),
  );
  const page = await extContext.newPage();
  await articleNaming(page, server.url);
  await hoverAlias(page);
  const request = extContext.waitForEvent('request', (r) => r.url().startsWith(source.origin));
  const opened = extContext.waitForEvent('page');
  await popover(page).locator('.entry-source').click();
  expect((await request).url()).toBe(reference.source.url);
  const tab = await opened;
  expect(page.url()).toContain('/generated/reference.html');
  await tab.close();
  await extContext.unroute(`${source.origin}/**`);
  await page.close();
});

test('the glossary shows the same facts and links each debate to its section', async ({ extContext, extensionId }) => {
  if (!reference) return;
  const page = await extContext.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/glossary.html#term-${reference.id}`);
  const section = page.locator(`#term-${reference.id}`);
  await expect(section.locator('.entry-status')).toHaveText(reference.status);
  await expect(section.locator('.entry-source')).toContainText(reference.source.title);
  await expect(section.locator('.entry-reviewed')).toHaveAttribute('datetime', reference.reviewed ?? '');
  await expect(section.locator('.debate-link')).toHaveCount(reference.debates.length);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/reference-glossary-${scheme}.png` });
    const { violations } = await new AxeBuilder({ page }).include(`#term-${reference.id}`).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }
  const first = reference.debates[0] as string;
  await section.locator('.debate-link').first().click();
  await expect(page).toHaveURL(new RegExp(`#term-${first}$`));
  await expect(page.locator(`#term-${first} h3`)).toBeFocused();
  await page.close();
});

test('every dictionary entry is dated, and every debate id of a reference entry is a debate entry', () => {
  for (const t of data.terms) {
    expect(t.reviewed, t.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (t.kind === 'reference') for (const id of t.debates) expect(isDebate(id), `${t.id} -> ${id}`).toBe(true);
  }
});
