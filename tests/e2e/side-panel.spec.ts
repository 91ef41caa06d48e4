// The page panel (Chrome's side panel), opened as an extension tab with ?tabId= naming the page it describes,
// as popup.spec.ts does for the popup: the page's debates and terms with counts, a term opened in place to
// its positions and works, "Show" scrolling the page to the term, live updates as the page adds text, a new
// page in the same tab, the reading list and its exports, keyboard, axe in light and dark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import type { DictionaryData } from '../../src/core/dictionary-data.js';
import {
  expect,
  needsCorpus,
  openTab,
  resetSettings,
  ROOT,
  setSettings,
  tabTerms,
  test,
  waitForHighlights,
} from './fixtures.js';

const data = JSON.parse(readFileSync(join(ROOT, 'build', 'generated', 'dictionary.json'), 'utf8')) as DictionaryData;
const citations = JSON.parse(readFileSync(join(ROOT, 'build', 'generated', 'citations.json'), 'utf8')) as Record<
  'apa' | 'chicago',
  Record<string, string>
>;
const byId = new Map(data.terms.map((t) => [t.id, t]));
const VERGE = '/corpus/postlight/www.theverge.com.html';

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

async function openPanel(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  // About the width of Chrome's side panel.
  await panel.setViewportSize({ width: 380, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

test('lists the page terms by category and its debates, each opening in place to its positions and works', async ({
  extContext: context,
  server,
  serviceWorker,
  extensionId,
}) => {
  needsCorpus(VERGE.slice('/corpus/'.length));
  await setSettings(serviceWorker, { citationFormat: 'chicago' });
  const { page, tabId } = await openTab(context, serviceWorker, `${server.url}${VERGE}`);
  await waitForHighlights(page, 3);
  await expect.poll(async () => (await tabTerms(serviceWorker, tabId)).length).toBeGreaterThan(0);
  const expected = await tabTerms(serviceWorker, tabId);

  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.locator('.panel-host')).toHaveText('127.0.0.1');
  const terms = panel.locator('#panel-terms ~ .group .panel-toggle');
  await expect(terms).toHaveCount(expected.length);
  for (const { id, count } of expected) {
    const row = panel.locator(`.group .panel-toggle[data-term="${id}"]`);
    await expect(row.locator('.term-label')).toHaveText(byId.get(id)?.label ?? id);
    await expect(row).toHaveAccessibleName(
      `${byId.get(id)?.label ?? id}, ${count === 1 ? '1 mention' : `${count} mentions`}`,
    );
    await expect(row.locator('.term-count')).toHaveText(String(count));
  }
  // Debates: every debate entry on the page, and the debates its reference entries lead to.
  const debateIds = new Set(
    expected.flatMap(({ id }) => {
      const t = byId.get(id);
      return [...(t && t.positions.length > 0 ? [id] : []), ...(t?.debates ?? [])];
    }),
  );
  await expect(panel.locator('#panel-debates ~ .panel-list > li')).toHaveCount(debateIds.size);

  // Net neutrality opens to its definition and every stance; a stance opens to its summary and works.
  const entry = byId.get('net-neutrality');
  const toggle = panel.locator('.group .panel-toggle[data-term="net-neutrality"]');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const detail = panel.locator('#panel-term-net-neutrality');
  await expect(detail.locator('.definition')).toHaveText(entry?.definition ?? '');
  await expect(detail.locator('.stance')).toHaveText(entry?.positions.map((p) => p.stance) ?? []);
  const first = detail.locator('.position').first();
  await first.getByRole('button', { expanded: false }).click();
  await expect(first.locator('.summary')).toHaveText(entry?.positions[0]?.summary ?? '');
  await expect(first.locator('.citation').first()).toBeVisible();
  // "Copy Chicago" copies the build's Chicago text, not the APA fallback.
  await panel.evaluate(() => {
    navigator.clipboard.writeText = (text: string) => {
      (window as unknown as { copied: string }).copied = text;
      return Promise.resolve();
    };
  });
  await first.locator('.citation [data-copy="chicago"]').first().click();
  const firstKey = entry?.positions[0]?.cites[0] ?? '';
  const copied = await panel.evaluate(() => (window as unknown as { copied?: string }).copied);
  expect(copied).toBe(citations.chicago[firstKey]);
  expect(copied).not.toBe(citations.apa[firstKey]);

  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page: panel }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await panel.screenshot({ path: `test-results/screenshots/side-panel-${scheme}.png`, fullPage: true });
  }
  await panel.emulateMedia({ colorScheme: 'light' });

  // Keyboard: the row closes again with Enter, focus stays on it.
  await toggle.focus();
  await panel.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await panel.close();
  await page.close();
});

test('"Show" scrolls the page to the term and opens it there; the panel follows new text and a new page', async ({
  extContext: context,
  server,
  serviceWorker,
  extensionId,
}) => {
  needsCorpus(VERGE.slice('/corpus/'.length));
  const { page, tabId } = await openTab(context, serviceWorker, `${server.url}${VERGE}`);
  await waitForHighlights(page, 3);
  await expect.poll(async () => (await tabTerms(serviceWorker, tabId)).length).toBeGreaterThan(0);
  const panel = await openPanel(context, extensionId, tabId);
  const chosen = (await tabTerms(serviceWorker, tabId)).sort((a, b) => a.count - b.count)[0] as { id: string };
  await panel
    .getByRole('button', { name: `Show “${byId.get(chosen.id)?.label}” on the page` })
    .first()
    .click();
  await expect(page.locator('netgov-lens-ui .popover h2')).toHaveText(byId.get(chosen.id)?.label ?? '');
  await expect(panel.locator('[role="alert"]')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // New text on the page (a live site adding a paragraph) reaches the panel without a reload.
  expect((await tabTerms(serviceWorker, tabId)).some((t) => t.id === 'rpki')).toBe(false);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Network operators also discussed RPKI and how route origins are signed.';
    document.body.append(p);
  });
  await expect(panel.locator('.group .panel-toggle[data-term="rpki"]')).toBeVisible();

  // A new page in the same tab: the panel lists that page's terms instead.
  await page.goto(`${server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  await expect(panel.locator('.group .panel-toggle[data-term="icann"]')).toBeVisible();
  await expect(panel.locator('.group .panel-toggle[data-term="rpki"]')).toHaveCount(0);
  await panel.close();
  await page.close();
});

test('the reading list and its exports are in the panel', async ({
  extContext: context,
  server,
  serviceWorker,
  extensionId,
}) => {
  const { page, tabId } = await openTab(context, serviceWorker, `${server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  await expect.poll(async () => (await tabTerms(serviceWorker, tabId)).length).toBeGreaterThan(0);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 2, name: 'Reading list for this page' })).toBeVisible();
  await panel.getByText('Works cited and exports').click();
  await expect(panel.getByRole('button', { name: 'Download BibTeX' })).toBeVisible();
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download BibTeX' }).click();
  expect((await download).suggestedFilename()).toMatch(/^netgov-lens-reading-list-\d{4}-\d{2}-\d{2}\.bib$/);
  await expect(panel.locator('.panel-reading-list .citation').first()).toBeVisible();
  expect((await new AxeBuilder({ page: panel }).analyze()).violations).toEqual([]);
  await panel.close();
  await page.close();
});

test('the popup offers to open the panel', async ({ extContext: context, server, serviceWorker, extensionId }) => {
  const { page, tabId } = await openTab(context, serviceWorker, `${server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await expect(popup.getByRole('button', { name: 'Open beside the page' })).toBeVisible();
  await popup.close();
  await page.close();
});
