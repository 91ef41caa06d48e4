// On a phone (Chromium's mobile emulation, 390 × 844, touch): a tap on a term opens the popover with the
// default settings, a tap elsewhere closes it, a scroll or a drag never opens one, and a term inside a link
// opens on the first tap (the page does not navigate) and offers the link. With a mouse nothing changed.
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import {
  expect,
  EXTENSION,
  highlightedRanges,
  launchWithExtension,
  PHONE,
  popover,
  popoverSettled,
  resetSettings,
  ROOT,
  setSettings,
  test,
  waitForHighlights,
} from './fixtures.js';

const SHOTS = join(process.env.NETGOV_TEST_OUTPUT ?? join(ROOT, 'test-results'), 'shots');

/** The middle of the nth highlight reading `text`, in CSS px of the viewport. */
async function termPoint(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const r = (await highlightedRanges(page)).filter((h) => h.text === text)[nth];
  expect(r, `a highlight "${text}"`).toBeTruthy();
  return { x: (r?.x ?? 0) + (r?.width ?? 0) / 2, y: (r?.y ?? 0) + (r?.height ?? 0) / 2 };
}

/** A point on the page's own text of `selector`, away from any term: its last line's end. */
async function textPoint(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return page.locator(selector).evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] as DOMRect;
    return { x: last.right - 6, y: last.top + last.height / 2 };
  });
}

/** A finger's tap on the middle of the nth highlight reading `text`. */
async function tapTerm(page: Page, text: string, nth = 0): Promise<void> {
  const { x, y } = await termPoint(page, text, nth);
  await page.touchscreen.tap(x, y);
}

/** Whether the extension ever created its host on this page (it does so the first time a popover opens). */
function hostExists(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.querySelector('[data-netgov-lens-host]'));
}

/** What the page's own click handlers saw (touch.html records every click on its links). */
function linkClicks(page: Page): Promise<{ id: string; defaultPrevented: boolean }[]> {
  return page.evaluate(
    () => (window as unknown as { linkClicks: { id: string; defaultPrevented: boolean }[] }).linkClicks,
  );
}

/** A finger put down at the first point, moved through the others in steps and lifted, as raw touch events. */
async function drag(cdp: CDPSession, ...points: { x: number; y: number }[]): Promise<void> {
  const [first, ...rest] = points as [{ x: number; y: number }, ...{ x: number; y: number }[]];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first] });
  let from = first;
  for (const to of rest) {
    for (let i = 1; i <= 6; i++) {
      const p = { x: from.x + ((to.x - from.x) * i) / 6, y: from.y + ((to.y - from.y) * i) / 6 };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
    }
    from = to;
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test.describe('on a phone', () => {
  let phone: BrowserContext;
  let sw: Worker;
  let closePhone: () => Promise<void>;
  let page: Page;
  let base: string;

  test.beforeAll(async ({ server }) => {
    const { context, cleanup } = await launchWithExtension(EXTENSION, PHONE);
    phone = context;
    sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    base = server.url;
    closePhone = async () => {
      await context.close();
      cleanup();
    };
  });
  test.afterAll(async () => {
    await closePhone?.();
  });
  test.beforeEach(async () => {
    await resetSettings(sw);
    page = await phone.newPage();
    await page.goto(`${base}/fixtures/touch.html`);
    await waitForHighlights(page, 4);
  });
  test.afterEach(async () => {
    await page.close();
  });

  test('a tap on a term opens its popover with the default settings; a tap elsewhere closes it', async () => {
    expect(await page.evaluate(() => [innerWidth, matchMedia('(hover: none)').matches])).toEqual([390, true]);
    await tapTerm(page, 'ICANN');
    await expect(popover(page).locator('h2')).toHaveText('ICANN');
    // No link here: nothing to offer.
    await expect(popover(page).getByRole('button', { name: 'Open link' })).toHaveCount(0);
    await popoverSettled(page);
    await page.screenshot({ path: join(SHOTS, 'touch-tap-390x844.png') });
    const elsewhere = await textPoint(page, 'h1');
    await page.touchscreen.tap(elsewhere.x, elsewhere.y);
    await expect(popover(page)).toBeHidden();
  });

  test('taps inside the open popover keep it open, also past the hover close grace', async () => {
    await tapTerm(page, 'ICANN');
    const first = popover(page).locator('.stance-toggle').first();
    await first.tap();
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    // A finger lifted off the popover "leaves" it: that must not start the hover's close (350 ms). Wait on the
    // page's clock past it, then the popover must still be there.
    await popover(page).locator('h2').tap();
    const lifted = await page.evaluate(() => performance.now());
    await page.waitForFunction((t) => performance.now() > t + 600, lifted);
    await expect(popover(page).locator('h2')).toHaveText('ICANN');
    await expect(first).toHaveAttribute('aria-expanded', 'true');
  });

  test('a scroll that starts on a term, or a drag across one, never opens a popover', async () => {
    const cdp = await phone.newCDPSession(page);
    const start = await termPoint(page, 'ICANN');
    // A swipe up from the term: the browser scrolls the page (and takes the finger over: pointercancel).
    await page.evaluate(() => {
      const w = window as unknown as { scrollEnded: Promise<unknown> };
      w.scrollEnded = new Promise((done) => addEventListener('scrollend', done, { once: true }));
    });
    await drag(cdp, start, { x: start.x, y: start.y - 300 });
    // Once the fling has come to rest.
    await page.evaluate(() => (window as unknown as { scrollEnded: Promise<unknown> }).scrollEnded);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(100);
    expect(await hostExists(page)).toBe(false);
    // In a box that handles touch itself (touch-action: none) the browser scrolls nothing and cancels
    // nothing: the finger's own path across the term tells it from a tap.
    await page.evaluate(() => scrollTo(0, 0));
    const across = await termPoint(page, 'data localisation');
    await drag(cdp, { x: across.x - 40, y: across.y }, { x: across.x + 40, y: across.y });
    // Out and back to where it started: still no tap.
    await drag(cdp, across, { x: across.x, y: across.y + 40 }, across);
    expect(await hostExists(page)).toBe(false);
    // The same finger, tapping, still opens (nothing above was lost or left half-done).
    await page.touchscreen.tap(across.x, across.y);
    await expect(popover(page).locator('h2')).toHaveText('Data localisation');
  });

  test('a term inside a link: the first tap opens it and the page does not navigate; "Open link" follows', async () => {
    const here = page.url();
    await tapTerm(page, 'net neutrality');
    await expect(popover(page).locator('h2')).toHaveText('Net neutrality');
    // The page's own handler saw the click, already prevented: no navigation followed it.
    await expect.poll(() => linkClicks(page)).toEqual([{ id: 'story', defaultPrevented: true }]);
    expect(page.url()).toBe(here);
    const port = new URL(base).port;
    await expect(popover(page).locator('.link-to')).toContainText(
      `Link to 127.0.0.1:${port}/fixtures/demo-article.html?…`,
    );
    await popoverSettled(page);
    await page.screenshot({ path: join(SHOTS, 'touch-link-390x844.png') });
    await popover(page).getByRole('button', { name: 'Open link' }).tap();
    await page.waitForURL(`${base}/fixtures/demo-article.html?from=touch`);
  });

  test('every control of the popover is a 44 × 44 px target for a finger, light and dark', async () => {
    await tapTerm(page, 'net neutrality');
    await expect(popover(page).getByRole('button', { name: 'Open link' })).toBeVisible();
    await popoverSettled(page);
    // Each visible button, link and summary: the footer's, the header's, Open link, a position's.
    const small = await popover(page).evaluate((root) =>
      [...root.querySelectorAll('button, a[href], summary')]
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0)
        .filter(({ r }) => r.width < 44 - 0.5 || r.height < 44 - 0.5)
        .map(
          ({ el, r }) =>
            `${(el.textContent ?? '').trim() || el.getAttribute('aria-label')}: ${r.width.toFixed(0)} × ${r.height.toFixed(0)}`,
        ),
    );
    expect(small).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(SHOTS, `touch-targets-${scheme}-390x844.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('a term inside a link: tapping it again follows the link as the page would', async () => {
    const at = await termPoint(page, 'net neutrality');
    await page.touchscreen.tap(at.x, at.y);
    await expect(popover(page).locator('h2')).toHaveText('Net neutrality');
    await expect.poll(() => linkClicks(page)).toHaveLength(1);
    await page.touchscreen.tap(at.x, at.y);
    await page.waitForURL(`${base}/fixtures/demo-article.html?from=touch`);
  });

  test("a tap on a link's other words follows it at once; only the term's text is the popover's", async () => {
    const words = await textPoint(page, '#story');
    await page.touchscreen.tap(words.x, words.y);
    await page.waitForURL(`${base}/fixtures/demo-article.html?from=touch`);
  });

  test('a target="_blank" link: "Open link" opens a new tab, the page stays', async () => {
    const here = page.url();
    await tapTerm(page, 'mass surveillance');
    await expect(popover(page).locator('h2')).toHaveText('Mass surveillance');
    await expect.poll(() => linkClicks(page)).toEqual([{ id: 'blank-story', defaultPrevented: true }]);
    const opened = phone.waitForEvent('page');
    await popover(page).getByRole('button', { name: 'Open link' }).tap();
    const tab = await opened;
    await tab.waitForURL(`${base}/fixtures/demo-article.html?from=blank`);
    expect(page.url()).toBe(here);
    // Opened without an opener, as browsers open _blank links.
    expect(await tab.evaluate(() => window.opener)).toBeNull();
    await tab.close();
  });

  test('with trigger "click" a tap opens too', async () => {
    await setSettings(sw, { trigger: 'click' });
    await page.reload();
    await waitForHighlights(page, 4);
    await tapTerm(page, 'ICANN');
    await expect(popover(page).locator('h2')).toHaveText('ICANN');
    const elsewhere = await textPoint(page, 'h1');
    await page.touchscreen.tap(elsewhere.x, elsewhere.y);
    await expect(popover(page)).toBeHidden();
  });
});

test.describe('with a mouse, on a desktop', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await resetSettings(serviceWorker);
  });

  test('resting on a linked term opens it without a link action; a click follows the link', async ({
    extContext,
    server,
  }) => {
    const page = await extContext.newPage();
    await page.goto(`${server.url}/fixtures/touch.html`);
    await waitForHighlights(page, 4);
    const at = await termPoint(page, 'net neutrality');
    await page.mouse.move(1, 1);
    await page.mouse.move(at.x, at.y);
    await expect(popover(page).locator('h2')).toHaveText('Net neutrality');
    await expect(popover(page).locator('.link-to')).toHaveCount(0);
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(`${server.url}/fixtures/demo-article.html?from=touch`);
    await page.close();
  });
});
