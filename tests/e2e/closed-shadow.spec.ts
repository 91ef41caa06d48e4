// The build that ships (dist/chrome), unlike every other spec (which load the e2e variant, dist/e2e-chrome,
// whose popover root is open): its popover lives in a CLOSED shadow root, so the page's scripts cannot read
// which term the reader opened. The popover is seen open through CDP (DOM.getDocument with pierce goes
// through closed roots), and the page's own world (page.evaluate) is shown to get nothing of it.
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { type Box, popoverThroughCdp, waitForPopoverThroughCdp } from '../../scripts/lib/cdp-popover.js';
import {
  dispatchOnHost,
  pageSpy,
  piecesNotIn,
  spyIsLive,
  squatOurNames,
  whatThePageSees,
  whatTheSquatterHolds,
} from './closed-shadow-probes.js';
import {
  expect,
  highlightedRanges,
  launchWithExtension,
  resetSettings,
  SHIPPED_EXTENSION,
  test as extensionTest,
  waitForHighlights,
} from './fixtures.js';

// A browser of this file's own, with the shipped build (the worker fixture overridden: a worker of its own).
const test = extensionTest.extend<object, { extContext: BrowserContext }>({
  extContext: [
    async ({}, use) => {
      const { context, cleanup } = await launchWithExtension(SHIPPED_EXTENSION);
      await use(context);
      await context.close();
      cleanup();
    },
    { scope: 'worker' },
  ],
});

const SHOTS = join(process.env.NETGOV_TEST_OUTPUT ?? 'test-results', 'shots');

async function loadDemo(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
}

/** Rests the pointer on `term` and waits, through CDP, for its popover. */
async function hoverTerm(page: Page, term = 'ICANN') {
  const target = (await highlightedRanges(page)).find((r) => r.text === term);
  expect(target, `a highlight "${term}"`).toBeTruthy();
  await page.mouse.move(1, 1);
  await page.mouse.move((target?.x ?? 0) + Math.min(6, (target?.width ?? 0) / 2), (target?.y ?? 0) + 8);
  return waitForPopoverThroughCdp(page);
}

/** Waits two animation frames in the page: what an event made the popover do is rendered by then. */
async function twoFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const middle = (b: Box): { x: number; y: number } => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

test('the shipped popover is open, and the page reads nothing of it', async ({ extContext, server }) => {
  const page = await extContext.newPage();
  await page.addInitScript(pageSpy);
  await loadDemo(page, server.url);
  const before = await page.evaluate(() => document.documentElement.textContent ?? '');
  const shown = await hoverTerm(page);
  expect(shown.mode).toBe('closed');
  expect(shown.title).toBe('ICANN');
  expect(shown.text).toContain('Internet Corporation for Assigned Names and Numbers');
  await page.screenshot({ path: join(SHOTS, 'closed-shadow-chromium.png') });
  // Pieces of the popover's text that the article itself does not contain: none may become readable.
  const pieces = piecesNotIn(shown.text, before);
  expect(pieces.length, 'pieces of popover text to look for').toBeGreaterThan(5);

  // Move over the popover, click its title and tab into it: real events inside the closed tree.
  const title = middle(shown.titleBox as Box);
  await page.mouse.move(title.x, title.y, { steps: 4 });
  await page.mouse.click(title.x, title.y);
  await page.keyboard.press('Tab');
  expect((await popoverThroughCdp(page))?.title).toBe('ICANN');

  const seen = await page.evaluate(whatThePageSees, { at: middle(shown.frameBox as Box), texts: pieces });
  expect(seen.shadowRoot, 'host.shadowRoot from the page').toBeNull();
  expect(seen.children).toBe(0);
  expect(seen.found, 'popover text readable from the page').toEqual([]);
  expect(seen.foreignNodes).toBe(0);
  expect(seen.hostRoot).toBe(true);
  // What the page can see: an element of ours over that spot (SECURITY.md), nothing inside it.
  expect(seen.atPoint).toBe(true);
  expect(seen.allAtPoint).toBe(0);
  expect(seen.caretInside).toBe(false);
  expect(seen.active, 'focus is in the popover (the page sees only the host)').toBe(true);
  // The content script never called the page's attachShadow (it runs in its own world): nothing captured.
  expect(seen.spy?.attachCalls).toEqual([]);
  expect(seen.spy?.leaks, 'popover nodes in animations or event paths').toEqual([]);
  expect(seen.spy?.frames).toBeGreaterThan(0);
  expect(seen.spy?.events).toBeGreaterThan(0);
  // The spy is live: a root the page attaches itself is recorded and captured (forced open).
  expect(await page.evaluate(spyIsLive)).toEqual({ calls: ['DIV:closed'], captured: true, open: true });
  await page.close();
});

test("the page's own events on the host do nothing in the popover", async ({ extContext, server }) => {
  const page = await extContext.newPage();
  await loadDemo(page, server.url);
  const shown = await hoverTerm(page);
  const pagesBefore = extContext.pages().length;
  await page.evaluate(dispatchOnHost);
  await twoFrames(page);
  const after = await popoverThroughCdp(page);
  expect(after?.visible).toBe(true);
  expect(after?.text).toBe(shown.text);
  expect(extContext.pages().length, 'no tab opened').toBe(pagesBefore);
  await page.close();
});

// The page cannot close (or steer) the popover with events of its own: pointer-intent.ts acts only on the reader's.
test("the page's own Escape and pointerdown leave the popover open", async ({ extContext, server }) => {
  const page = await extContext.newPage();
  await loadDemo(page, server.url);
  for (const send of [
    () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    () => document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: 5, clientY: 5 })),
  ]) {
    const shown = await hoverTerm(page);
    await page.evaluate(send);
    await twoFrames(page);
    expect((await popoverThroughCdp(page))?.text, String(send)).toBe(shown.text);
  }
  await page.close();
});

test('a page that defines netgov-lens-ui gets no handle on our root through ElementInternals', async ({
  extContext,
  server,
}) => {
  const page = await extContext.newPage();
  await page.addInitScript(squatOurNames);
  await loadDemo(page, server.url);
  const shown = await hoverTerm(page);
  expect(shown.mode).toBe('closed');
  const held = await page.evaluate(whatTheSquatterHolds);
  // Our tag was taken: a name of our own, which the page then defined too (our host was upgraded).
  expect(held.tag).toMatch(/^netgov-lens-ui-[a-z0-9]+$/);
  expect(held.upgraded).toBe(true);
  expect(held.internals).toBeGreaterThanOrEqual(2);
  expect(held.roots, 'ElementInternals that reach a shadow root').toBe(0);
  expect(held.shadowRoot).toBeNull();
  await page.close();
});
