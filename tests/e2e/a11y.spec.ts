// Accessibility of every surface, as a screen reader and axe see it: keyboard navigation's announcements in
// the accessibility tree, the popover as a labelled non-modal dialog, the term lists of the popup and the
// side panel as named lists of named buttons reachable by Tab; axe with no violation on the popover and
// every extension page, light and dark, at every text size; and the popover and pages at 200 % browser zoom
// and under a larger browser font size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import type { DictionaryData } from '../../src/core/dictionary-data.js';
import { TEXT_SCALE, TEXT_SIZES, type TextSize } from '../../src/core/settings.js';
import {
  expect,
  highlightCount,
  openTab,
  popover,
  popoverSettled,
  resetSettings,
  ROOT,
  setSettings,
  tabTerms,
  test,
  waitForHighlights,
} from './fixtures.js';

const data = JSON.parse(readFileSync(join(ROOT, 'build', 'generated', 'dictionary.json'), 'utf8')) as DictionaryData;
const byLabel = new Map(data.terms.map((t) => [t.label, t]));
const byId = new Map(data.terms.map((t) => [t.id, t]));
const SCHEMES = ['light', 'dark'] as const;
const SHOTS = join(process.env.NETGOV_TEST_OUTPUT ?? join(ROOT, 'test-results', 'e2e'), 'shots');
/** Chromium's default font size, which `medium`, 1rem and 100 % stand for unless the reader changed it. */
const BROWSER_FONT_PX = 16;
const DEMO = '/fixtures/demo-article.html';

// axe runs many times here (see axeRulesAt): on two busy shared cores one full run can take a minute.
test.describe.configure({ timeout: 240_000 });

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the background sends the tab for Alt+Shift+N / Alt+Shift+P (see below why not the keys themselves). */
async function navigate(sw: Worker, tabId: number, direction: 'next' | 'previous'): Promise<void> {
  const moved = await sw.evaluate(([id, d]) => chrome.tabs.sendMessage(id, { type: 'navigate', direction: d }), [
    tabId,
    direction,
  ] as const);
  expect(moved).toBe(true);
}

/** The demo article in a tab of its own, annotated, its terms recorded by the background. */
async function demoTab(context: BrowserContext, sw: Worker, url: string): Promise<{ page: Page; tabId: number }> {
  const opened = await openTab(context, sw, `${url}${DEMO}`);
  await waitForHighlights(opened.page, 10);
  await expect.poll(async () => (await tabTerms(sw, opened.tabId)).length).toBeGreaterThan(10);
  return opened;
}

/** The announcement expected when navigation lands on the popover's term, mention `index` of `total`. */
function announcement(label: string, index: number, total: number): string {
  const positions = byLabel.get(label)?.positions.length ?? 0;
  const where = `${label} — mention ${index} of ${total}`;
  return positions === 0 ? where : `${where} — ${positions === 1 ? '1 position' : `${positions} positions`}`;
}

interface AxNode {
  nodeId: string;
  role?: { value: string };
  name?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
  childIds?: string[];
}

/** From Chromium's own accessibility tree (CDP): each live region's politeness and the text inside it. */
async function liveRegions(page: Page): Promise<{ live: unknown; text: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
    const byNode = new Map(nodes.map((n) => [n.nodeId, n]));
    const text = (n: AxNode): string =>
      n.role?.value === 'StaticText'
        ? (n.name?.value ?? '')
        : (n.childIds ?? []).map((id) => text(byNode.get(id) as AxNode)).join('');
    return nodes
      .filter((n) => n.properties?.some((p) => p.name === 'live'))
      .map((n) => ({ live: n.properties?.find((p) => p.name === 'live')?.value.value, text: text(n) }));
  } finally {
    await cdp.detach();
  }
}

/**
 * Which axe rules run at each step. Text size and colour scheme change how a surface is drawn, not its DOM,
 * so the rules about structure, names and roles run once (default size, light), and the rules about
 * drawing run where they are strictest: contrast in both schemes at the smallest step (its threshold is
 * stricter for smaller text; colours do not change with size) and at the largest (where text wraps and
 * can overflow onto other backgrounds); target sizes at the smallest (our targets are sized in em); regions
 * that scroll at the largest. Every rule at every step took minutes per surface on these shared cores.
 * Every step still has its font size and reflow checked.
 */
function axeRulesAt(size: TextSize, scheme: 'light' | 'dark'): { rules?: string[] } | null {
  if (size === 'default') return scheme === 'light' ? {} : null;
  if (size === 'small') return { rules: ['color-contrast', 'target-size'] };
  if (size === 'larger') return { rules: ['color-contrast', 'scrollable-region-focusable'] };
  return null;
}

/** axe's violations, one line each, naming the surface, size and scheme they were found at. */
async function axeLines(page: Page, where: string, include?: string, rules?: string[]): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  if (rules) builder = builder.withRules(rules);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** What a surface shows at a text size step: its font size in CSS px and whether it reflows (no box wider than the viewport). */
interface Sized {
  px: number;
  reflows: boolean;
}

/**
 * Every text size step, light and dark: the text size is stored as the options store it; `sized` waits
 * until the surface shows it and measures it: its font size must be the step's share of the browser's
 * size, and it must reflow; then axe (see axeRulesAt). Returns every violation and every wrong size found,
 * so that one run shows them all.
 */
async function everySizeAndScheme(
  sw: Worker,
  page: Page,
  surface: string,
  sized: (size: TextSize) => Promise<Sized>,
  include?: string,
  atLargest?: (scheme: 'light' | 'dark') => Promise<void>,
): Promise<string[]> {
  const found: string[] = [];
  for (const size of TEXT_SIZES) {
    await setSettings(sw, { textSize: size });
    const { px, reflows } = await sized(size);
    if (Math.abs(px - BROWSER_FONT_PX * TEXT_SCALE[size]) > 0.05) found.push(`${surface} ${size}: ${px}px`);
    if (!reflows) found.push(`${surface} ${size}: wider than the viewport`);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      const axe = axeRulesAt(size, scheme);
      if (axe) found.push(...(await axeLines(page, `${surface} ${size} ${scheme}`, include, axe.rules)));
      if (size === 'larger') await atLargest?.(scheme);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** An extension page once it follows `size` (text-size.ts marks the root with it): root font size, reflow. */
function pageSized(page: Page): (size: TextSize) => Promise<Sized> {
  return async (size) => {
    await expect(page.locator('html')).toHaveAttribute('data-text-size', size);
    return page.evaluate(() => ({
      px: parseFloat(getComputedStyle(document.documentElement).fontSize),
      reflows: document.documentElement.scrollWidth <= innerWidth,
    }));
  };
}

async function extensionPage(context: BrowserContext, url: string, width = 1024, height = 800): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(url);
  return page;
}

/** The focus order from the top of `page`: the data-term of each element that `presses` Tabs reach. */
async function tabOrder(page: Page, presses: number): Promise<string[]> {
  await page.evaluate(() => {
    const reached: string[] = [];
    (window as unknown as { reached: string[] }).reached = reached;
    document.addEventListener('focusin', (e) => {
      const term = (e.target as Element).getAttribute('data-term');
      if (term) reached.push(term);
    });
  });
  for (let i = 0; i < presses; i++) await page.keyboard.press('Tab');
  return page.evaluate(() => (window as unknown as { reached: string[] }).reached);
}

/** The ids of the page's terms in the order the popup lists them (by category, then most mentioned). */
function listedOrder(found: { id: string; count: number }[]): string[] {
  const order = data.categories.map((c) => c.id);
  return [...found]
    .map((f) => ({ ...f, t: byId.get(f.id) }))
    .filter((f) => f.t)
    .sort(
      (a, b) =>
        order.indexOf(a.t?.category ?? '') - order.indexOf(b.t?.category ?? '') ||
        b.count - a.count ||
        (a.t?.label ?? '').localeCompare(b.t?.label ?? ''),
    )
    .map((f) => f.id);
}

// Alt+Shift+N and Alt+Shift+P are the browser's extension commands: Chromium handles them in its window's
// accelerators, which the keys Playwright types into the page (CDP input events) never reach (tried: the
// popover stays closed). The background answers the command by sending the tab `navigate`, as done here.
test('keyboard navigation is announced in the accessibility tree; the popover is a labelled non-modal dialog', async ({
  extContext,
  server,
  serviceWorker,
}) => {
  const { page, tabId } = await demoTab(extContext, serviceWorker, server.url);
  const total = await highlightCount(page);
  const host = page.locator('[data-netgov-lens-host]');
  const pop = popover(page);
  const start = page.locator('nav a').first();
  await start.focus();

  const status = host.getByRole('status');
  /** Steps, waits for the announcement of mention `index`, and returns the label it names. */
  const stepTo = async (direction: 'next' | 'previous', index: number): Promise<string> => {
    await navigate(serviceWorker, tabId, direction);
    await expect(status).toHaveText(new RegExp(` — mention ${index} of ${total}( — |$)`));
    const label = ((await status.textContent()) ?? '').split(' — mention ')[0] ?? '';
    expect(byLabel.has(label), `"${label}" is a dictionary label`).toBe(true);
    // The announcement names the term the popover shows.
    await expect(pop.locator('h2')).toHaveText(label);
    return label;
  };

  const first = await stepTo('next', 1);
  // Seen by Playwright's ARIA snapshot and, independently, in Chromium's accessibility tree over CDP.
  await expect(host).toMatchAriaSnapshot(`- status: ${announcement(first, 1, total)}`);
  expect(await liveRegions(page)).toContainEqual({ live: 'polite', text: announcement(first, 1, total) });
  const second = await stepTo('next', 2);
  await expect(host).toMatchAriaSnapshot(`- status: ${announcement(second, 2, total)}`);
  expect(await stepTo('previous', 1)).toBe(first);
  // Backwards from the first mention wraps to the last.
  const last = await stepTo('previous', total);
  await expect(host).toMatchAriaSnapshot(`- status: ${announcement(last, total, total)}`);
  // One live region, however many steps.
  expect((await liveRegions(page)).filter((r) => r.live === 'polite')).toHaveLength(1);

  // The dialog: named by its heading, described by the definition, not modal (the page stays usable).
  const entry = byLabel.get(last);
  await expect(pop).toHaveRole('dialog');
  await expect(pop).toHaveAccessibleName(last);
  await expect(pop).toHaveAccessibleDescription(entry?.definition.replace(/\s+/g, ' ').trim() ?? '');
  await expect(pop).not.toHaveAttribute('aria-modal', /.*/);
  const positions = entry?.positions.length ?? 0;
  await expect(pop).toMatchAriaSnapshot(`
    - dialog "${last}":
      - heading "${last}" [level=2]
      - button "Close"
      ${positions > 0 ? `- heading "What scholars argue ${positions} positions" [level=3]` : ''}
      ${positions > 0 ? '- list "What scholars argue"' : ''}
      - button "Hide this term"
      - button "Open in glossary"
  `);
  // A position's name is its stance and who holds it, without the disclosure mark.
  if (positions > 0) {
    const stance = pop.locator('.stance-toggle').first();
    await expect(stance).toHaveAccessibleName(new RegExp(`^${escapeRegExp(entry?.positions[0]?.stance ?? '')} `));
  }
  // Escape closes it and gives the focus back to where the reader was.
  await page.keyboard.press('Escape');
  await expect(pop).toBeHidden();
  await expect(start).toBeFocused();
  await page.close();
});

test('the popover passes axe light and dark at every text size; screenshots at the largest', async ({
  extContext,
  server,
  serviceWorker,
}) => {
  const { page, tabId } = await demoTab(extContext, serviceWorker, server.url);
  await navigate(serviceWorker, tabId, 'next');
  const pop = popover(page);
  await expect(pop.locator('.stance-toggle').first()).toBeVisible();
  // One position open, so that its works and their buttons are checked too.
  await pop.locator('.stance-toggle').first().click();
  await expect(pop.locator('.citation').first()).toBeVisible();
  const sized = async (size: TextSize): Promise<Sized> => {
    await expect
      .poll(() => page.locator('[data-netgov-lens-host]').evaluate((h) => h.style.getPropertyValue('--ngl-text-scale')))
      .toBe(String(TEXT_SCALE[size]));
    const { px, inside } = await popoverFit(page, pop);
    return { px, reflows: inside };
  };
  const found = await everySizeAndScheme(serviceWorker, page, 'popover', sized, 'netgov-lens-ui', async (scheme) => {
    await popoverSettled(page);
    await page.screenshot({ path: join(SHOTS, `popover-larger-${scheme}.png`) });
  });
  expect(found).toEqual([]);
  await expect(pop).toBeVisible();
  await page.close();
});

test('the popup lists the terms as named lists of named buttons, reached by Tab; axe at every size', async ({
  extContext,
  server,
  serviceWorker,
  extensionId,
}) => {
  const { page, tabId } = await demoTab(extContext, serviceWorker, server.url);
  const found = await tabTerms(serviceWorker, tabId);
  const popup = await extensionPage(
    extContext,
    `chrome-extension://${extensionId}/popup.html?tabId=${tabId}`,
    // Chrome's largest popup: the popup window takes its content's width, up to this.
    800,
    600,
  );
  await expect(popup.locator('.term-row')).toHaveCount(found.length);
  const icann = found.find((f) => f.id === 'icann');
  expect(icann).toBeTruthy();
  const mentions = (n = 0): string => (n === 1 ? '1 mention' : `${n} mentions`);
  await expect(popup.locator('main')).toMatchAriaSnapshot(`
    - main:
      - region "127.0.0.1":
        - switch "Highlight terms on 127.0.0.1" [checked]
      - region "On this page":
        - heading "On this page" [level=2]
        - heading /^Institutions and fora/ [level=3]
        - list "Institutions and fora":
          - listitem:
            - button "ICANN, ${mentions(icann?.count)}"
  `);
  // Every category is a heading with a list named after it; every row a button named by term and count.
  const lists = popup.getByRole('list');
  const categories = new Set(found.map((f) => byId.get(f.id)?.category));
  await expect(lists).toHaveCount(categories.size);
  for (const c of data.categories.filter((cat) => categories.has(cat.id))) {
    await expect(popup.getByRole('list', { name: c.label, exact: true })).toBeVisible();
    await expect(popup.getByRole('heading', { level: 3, name: new RegExp(`^${c.label}`) })).toBeVisible();
  }
  for (const { id, count } of found) {
    await expect(popup.locator(`.term-row[data-term="${id}"]`)).toHaveAccessibleName(
      `${byId.get(id)?.label ?? id}, ${mentions(count)}`,
    );
  }
  // Tab reaches every term, in the order they are listed.
  expect(await tabOrder(popup, found.length + 8)).toEqual(listedOrder(found));

  const violations = await everySizeAndScheme(
    serviceWorker,
    popup,
    'popup',
    pageSized(popup),
    undefined,
    async (scheme) => {
      await popup.locator('body').screenshot({ path: join(SHOTS, `popup-larger-${scheme}.png`) });
    },
  );
  expect(violations).toEqual([]);
  await popup.close();
  await page.close();
});

test('the side panel lists the terms the same way, each opening in place; axe at every size', async ({
  extContext,
  server,
  serviceWorker,
  extensionId,
}) => {
  const { page, tabId } = await demoTab(extContext, serviceWorker, server.url);
  const found = await tabTerms(serviceWorker, tabId);
  const panel = await extensionPage(
    extContext,
    `chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`,
    380,
    800,
  );
  const terms = panel.locator('#panel-terms ~ .group .panel-toggle');
  await expect(terms).toHaveCount(found.length);
  await expect(panel.getByRole('region', { name: 'On this page', exact: true })).toMatchAriaSnapshot(`
    - region "On this page":
      - heading "On this page" [level=2]
      - heading /^Institutions and fora/ [level=3]
      - list "Institutions and fora":
        - listitem:
          - button /, \\d+ mentions?$/
          - button /^Show “.+” on the page$/
  `);
  for (const c of data.categories.filter((cat) => found.some((f) => byId.get(f.id)?.category === cat.id))) {
    await expect(panel.getByRole('list', { name: c.label, exact: true })).toBeVisible();
  }
  // Tab reaches every term of the list (the debates above come first; each row's "Show" follows it).
  const reached = await tabOrder(panel, 3 * found.length + 40);
  for (const { id } of found) expect(reached, id).toContain(id);
  // A term opens in place from the keyboard, and says that it is open.
  const icann = panel.locator('#panel-terms ~ .group .panel-toggle[data-term="icann"]');
  await icann.focus();
  await panel.keyboard.press('Enter');
  await expect(icann).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.locator('#panel-term-icann .position').first()).toBeVisible();

  expect(await everySizeAndScheme(serviceWorker, panel, 'side panel', pageSized(panel))).toEqual([]);
  await panel.close();
  await page.close();
});

test('the options page passes axe light and dark at every text size', async ({
  extContext,
  serviceWorker,
  extensionId,
}) => {
  const options = await extensionPage(extContext, `chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('main')).toMatchAriaSnapshot(`
    - main:
      - heading "Netgov Lens options" [level=1]
      - navigation "Sections"
  `);
  await expect(
    options.getByRole('group', { name: 'Text size of the popover and these pages' }).getByRole('radio'),
  ).toHaveCount(TEXT_SIZES.length);
  expect(await everySizeAndScheme(serviceWorker, options, 'options', pageSized(options))).toEqual([]);
  await options.close();
});

test('the glossary passes axe light and dark at every text size', async ({
  extContext,
  serviceWorker,
  extensionId,
}) => {
  // axe over all terms takes minutes here; every term is the same component, so a search's few results
  // (the header, filters, status and full terms, a reference entry with its facts among them) stand for them.
  const glossary = await extensionPage(
    extContext,
    `chrome-extension://${extensionId}/glossary.html?q=${encodeURIComponent('budapest convention')}`,
  );
  await expect(glossary.locator('#term-budapest-convention')).toBeVisible();
  await expect(glossary.getByRole('main')).toMatchAriaSnapshot(`
    - main:
      - heading "Netgov Lens glossary" [level=1]
      - search:
        - searchbox "Search the glossary"
      - group "Category"
      - status: /Showing \\d+ of \\d+ terms/
  `);
  const label = byId.get('budapest-convention')?.label ?? '';
  await expect(glossary.getByRole('heading', { level: 3, name: label, exact: true })).toBeVisible();
  // Terms are not landmarks (hundreds of them would bury the page's own); categories are.
  await expect(glossary.getByRole('region', { name: label, exact: true })).toHaveCount(0);
  expect(await everySizeAndScheme(serviceWorker, glossary, 'glossary', pageSized(glossary))).toEqual([]);
  await glossary.close();
});

test("the page's reading list passes axe light and dark at every text size", async ({
  extContext,
  server,
  serviceWorker,
  extensionId,
}) => {
  const { page, tabId } = await demoTab(extContext, serviceWorker, server.url);
  const list = await extensionPage(extContext, `chrome-extension://${extensionId}/reading-list.html?tabId=${tabId}`);
  await expect(list.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(list.getByRole('main')).toMatchAriaSnapshot(`
    - main:
      - heading "Reading list for this page" [level=1]
      - button "Download BibTeX"
      - button "Copy as APA list"
  `);
  expect(await everySizeAndScheme(serviceWorker, list, 'reading list', pageSized(list))).toEqual([]);
  await list.close();
  await page.close();
});

test('the research log passes axe light and dark at every text size', async ({
  extContext,
  server,
  serviceWorker,
  extensionId,
}) => {
  await serviceWorker.evaluate(() => chrome.storage.local.set({ localFeatures: { researchLog: true } }));
  try {
    const { page } = await demoTab(extContext, serviceWorker, server.url);
    await expect
      .poll(() =>
        serviceWorker.evaluate(async () => {
          const log = (await chrome.storage.local.get('researchLog')).researchLog as { articles?: unknown[] };
          return log?.articles?.length ?? 0;
        }),
      )
      .toBeGreaterThan(0);
    const log = await extensionPage(extContext, `chrome-extension://${extensionId}/research-log.html`);
    await expect(log.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(log.getByRole('main')).toMatchAriaSnapshot(`
      - main:
        - heading "Research log" [level=1]
        - group "Browse":
          - radio "By article" [checked]
          - radio "By term"
        - heading /Who runs the internet/ [level=2]
    `);
    expect(await everySizeAndScheme(serviceWorker, log, 'research log', pageSized(log))).toEqual([]);
    await log.close();
    await page.close();
  } finally {
    await serviceWorker.evaluate(() => chrome.storage.local.remove(['localFeatures', 'researchLog']));
  }
});

/** The frame's font size in CSS px, and whether the popover's box lies inside the viewport. */
async function popoverFit(page: Page, pop: Locator): Promise<{ px: number; inside: boolean }> {
  await popoverSettled(page);
  const box = await pop.boundingBox();
  return page.evaluate((b) => {
    const frame = document.querySelector('[data-netgov-lens-host]')?.shadowRoot?.querySelector('.frame');
    const inside = !!b && b.x >= 0 && b.y >= 0 && b.x + b.width <= innerWidth && b.y + b.height <= innerHeight + 1;
    return { px: frame ? parseFloat(getComputedStyle(frame).fontSize) : 0, inside };
  }, box);
}

test('at 200 % browser zoom and with a larger browser font size, the popover and the pages follow', async ({
  extContext,
  server,
  serviceWorker,
  extensionId,
}) => {
  await setSettings(serviceWorker, { textSize: 'larger' });
  const { page, tabId } = await demoTab(extContext, serviceWorker, server.url);
  const pop = popover(page);
  const zoom = (id: number, factor: number): Promise<void> =>
    serviceWorker.evaluate(([t, f]) => chrome.tabs.setZoom(t, f), [id, factor] as const);
  try {
    // Real browser zoom (chrome.tabs.setZoom): the CSS viewport halves and each CSS px is two device pixels.
    await zoom(tabId, 2);
    await expect.poll(() => page.evaluate(() => devicePixelRatio)).toBe(2);
    expect(await page.evaluate(() => innerWidth)).toBe(640);
    await navigate(serviceWorker, tabId, 'next');
    await expect(pop.locator('.stance-toggle').first()).toBeVisible();
    const zoomed = await popoverFit(page, pop);
    expect(zoomed.inside).toBe(true);
    expect(zoomed.px).toBeCloseTo(BROWSER_FONT_PX * TEXT_SCALE.larger, 1);
    expect(await axeLines(page, 'popover at 200 %', 'netgov-lens-ui')).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'popover-zoom-200.png') });
    await page.keyboard.press('Escape');
  } finally {
    await zoom(tabId, 0);
  }
  await expect.poll(() => page.evaluate(() => devicePixelRatio)).toBe(1);

  // The browser's own font size (Settings > Appearance > Font size, here 24 px for 16): our em and rem
  // sizes grow with it; px sizes would not.
  const cdp = await extContext.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await navigate(serviceWorker, tabId, 'next');
  await expect(pop.locator('h2')).not.toHaveText(/Loading/);
  const bigger = await popoverFit(page, pop);
  expect(bigger.inside).toBe(true);
  expect(bigger.px).toBeCloseTo(24 * TEXT_SCALE.larger, 1);
  await cdp.detach();

  // An extension page at 200 %: nothing scrolls sideways, and its text follows the browser's size too.
  const options = await extensionPage(extContext, `chrome-extension://${extensionId}/options.html`, 1280, 900);
  const optionsTab = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id as number,
  );
  try {
    await zoom(optionsTab, 2);
    await expect.poll(() => options.evaluate(() => innerWidth)).toBe(640);
    expect(await options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    expect(await axeLines(options, 'options at 200 %')).toEqual([]);
  } finally {
    await zoom(optionsTab, 0);
  }
  const optionsCdp = await extContext.newCDPSession(options);
  await optionsCdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await expect
    .poll(() => options.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)))
    .toBeCloseTo(24 * TEXT_SCALE.larger, 1);
  await optionsCdp.detach();
  await options.close();
  await page.close();
});
