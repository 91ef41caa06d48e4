// Firefox ESR with the build that ships (dist/firefox; every other Firefox spec installs the e2e variant):
// the popover's shadow root is closed, so the page's scripts cannot read it (closed-shadow.spec.ts in
// Chromium, which also reads the popover through CDP). WebDriver BiDi cannot enter a closed root, so the
// popover is seen open the way a page could see it too, as an area of our host under elementFromPoint,
// and in screenshots; its text is the dictionary's entry.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import {
  dispatchOnHost,
  hostArea,
  pageSpy,
  piecesNotIn,
  spyIsLive,
  squatOurNames,
  whatThePageSees,
  whatTheSquatterHolds,
} from '../closed-shadow-probes.js';
import {
  dictionary,
  launchShippedFirefox,
  needsFirefox,
  newTab,
  scrollToHighlight,
  type ShippedFirefoxSession,
  waitForHighlights,
} from '../firefox-helpers.js';

needsFirefox();

const SHOTS = join(process.env.NETGOV_TEST_OUTPUT ?? 'test-results', 'shots');

let s: ShippedFirefoxSession;
test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  s = await launchShippedFirefox();
});
test.afterAll(async () => {
  await s?.close();
});

/** A tab with the demo article, `initScript` run in the page's world before any of its scripts. */
async function demo(initScript?: () => void): Promise<Page> {
  const page = await newTab(s.browser);
  if (initScript) await page.evaluateOnNewDocument(initScript);
  await page.goto(`${s.server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  return page;
}

/** Rests the pointer on `term` and waits until the page finds our host over a popover-sized area. */
async function hoverTerm(page: Page, term = 'ICANN') {
  const target = await scrollToHighlight(page, term);
  expect(target, `a highlight "${term}"`).toBeTruthy();
  await page.mouse.move(1, 1);
  await page.mouse.move((target?.x ?? 0) + Math.min(6, (target?.width ?? 0) / 2), (target?.y ?? 0) + 8);
  await expect.poll(async () => (await page.evaluate(hostArea)).points, { timeout: 10_000 }).toBeGreaterThan(100);
  const { box } = await page.evaluate(hostArea);
  return box as { x: number; y: number; width: number; height: number };
}

/** A screenshot of `clip` once two in a row are the same (the opening animation and the entry are done). */
async function settledShot(page: Page, clip: { x: number; y: number; width: number; height: number }) {
  let last = Buffer.alloc(0);
  await expect
    .poll(async () => {
      const shot = Buffer.from(await page.screenshot({ clip }));
      const same = shot.equals(last);
      last = shot;
      return same;
    })
    .toBe(true);
  return last;
}

test.describe('firefox closed shadow root', () => {
  test('the shipped popover is open, and the page reads nothing of it', async () => {
    const page = await demo(pageSpy);
    const before = await page.evaluate(() => document.documentElement.textContent ?? '');
    expect((await page.evaluate(hostArea)).points).toBe(0);
    const box = await hoverTerm(page);
    const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 300) };
    await settledShot(page, clip);
    await page.screenshot({ path: join(SHOTS, 'closed-shadow-firefox.png') });

    const icann = dictionary().terms.find((t) => t.id === 'icann');
    const shownText = [icann?.label, icann?.definition, ...(icann?.positions.map((p) => p.stance) ?? [])].join(' ');
    const pieces = piecesNotIn(shownText, before);
    expect(pieces.length, 'pieces of popover text to look for').toBeGreaterThan(3);
    const seen = await page.evaluate(whatThePageSees, {
      at: { x: box.x + box.width / 2, y: box.y + Math.min(box.height, 300) / 2 },
      texts: pieces,
    });
    expect(seen.shadowRoot, 'host.shadowRoot from the page').toBeNull();
    expect(seen.children).toBe(0);
    expect(seen.found, 'popover text readable from the page').toEqual([]);
    expect(seen.foreignNodes).toBe(0);
    expect(seen.hostRoot).toBe(true);
    expect(seen.atPoint).toBe(true);
    expect(seen.allAtPoint).toBe(0);
    expect(seen.caretInside).toBe(false);
    // Firefox runs content scripts behind Xray wrappers: the page's patched attachShadow is not ours.
    expect(seen.spy?.attachCalls).toEqual([]);
    expect(seen.spy?.leaks, 'popover nodes in animations or event paths').toEqual([]);
    expect(seen.spy?.frames).toBeGreaterThan(0);
    expect(seen.spy?.events).toBeGreaterThan(0);
    expect(await page.evaluate(spyIsLive)).toEqual({ calls: ['DIV:closed'], captured: true, open: true });
    await page.close();
  });

  test("the page's own events on the host do nothing in the popover", async () => {
    const page = await demo();
    const box = await hoverTerm(page);
    const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 300) };
    const shot = await settledShot(page, clip);
    const tabs = (await s.browser.pages()).length;
    await page.evaluate(dispatchOnHost);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect((await page.evaluate(hostArea)).box).toEqual(box);
    expect(Buffer.from(await page.screenshot({ clip })).equals(shot), 'the popover looks the same').toBe(true);
    expect((await s.browser.pages()).length, 'no tab opened').toBe(tabs);
    await page.close();
  });

  test('a page that defines netgov-lens-ui gets no handle on our root through ElementInternals', async () => {
    const page = await demo(squatOurNames);
    await hoverTerm(page);
    const held = await page.evaluate(whatTheSquatterHolds);
    expect(held.tag).toMatch(/^netgov-lens-ui-[a-z0-9]+$/);
    expect(held.upgraded).toBe(true);
    expect(held.internals).toBeGreaterThanOrEqual(2);
    expect(held.roots, 'ElementInternals that reach a shadow root').toBe(0);
    expect(held.shadowRoot).toBeNull();
    await page.close();
  });
});
