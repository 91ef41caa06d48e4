// Hostile and unusual page structures and environments: replaced built-ins, squatted names, shadow roots,
// frames, foreign content, right-to-left text, a strict CSP, extreme depth and size (hostile-helpers.ts).
import { join } from 'node:path';
import type { Page, Route } from '@playwright/test';
import { hugeTextPage, manyTextNodesPage } from '../fixtures/pages/hostile/generate.js';
import { hoverRange, NO_ERRORS, PageProbe, settledCount, until } from '../fixtures/pages/hostile/harness.js';
import { expect, popover, popoverSettled, ROOT } from './fixtures.js';
import { close, hoverTerm, open, test, texts, watch } from './hostile-helpers.js';

test('a page that replaces DOM and JavaScript built-ins in its own world', async ({
  extContext,
  server,
  extensionId,
}) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/overrides.html`, extensionId);
  // Only the page and the extension may run in the page's world here: Playwright's fake clock (page.clock,
  // installed on the whole context) calls the page's built-ins on its own and would be logged below.
  expect(await o.probe.runInPage(() => '__pwClock' in window), "Playwright's clock in the page's world").toBe(false);
  const before = await o.probe.runInPage(() => (window as unknown as { selfTest: () => string }).selfTest());
  expect(before).toBe('"hostile" hostile hostile hostile');
  await until(
    () => texts(o.probe),
    (t) => t.length >= 4,
  );
  expect(await texts(o.probe)).toEqual(['ICANN', 'internet governance', 'multistakeholder model', 'net neutrality']);
  await hoverTerm(o.page, o.probe, 'ICANN');
  await expect(popover(o.page).locator('h2')).toHaveText('ICANN');
  await o.page.keyboard.press('Escape');
  await expect(popover(o.page)).toBeHidden();
  // The page's replacements still answer as the page made them, and nobody else called them (each entry
  // names the built-in and holds the stack of the call).
  expect(await o.probe.runInPage(() => (window as unknown as { selfTest: () => string }).selfTest())).toBe(before);
  expect(
    await o.probe.runInPage(() => Array.from((window as unknown as { hostileLog: string[] }).hostileLog)),
    "calls to the page's replaced built-ins",
  ).toEqual([]);
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

// Regression: a page that defines `netgov-lens-ui` itself must not stop the popover (fixed in popover-host.ts).
test('a page that squats on the extension element and highlight names', async ({ extContext, server, extensionId }) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/squat.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => t.length >= 2,
  );
  // Our highlights replace the page's decoys under the same names.
  expect(await texts(o.probe)).toEqual(['ICANN', 'net neutrality']);
  await hoverTerm(o.page, o.probe, 'ICANN');
  await expect(popover(o.page).locator('h2')).toHaveText('ICANN');
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

/** Screenshots of `selector` (a path through shadow roots with >>) with and without the extension painting. */
async function paintedDiffers(page: Page, selectors: string[], sw: import('@playwright/test').Worker) {
  const shots = async () => Promise.all(selectors.map((s) => page.locator(s).screenshot()));
  await page.mouse.move(1, 1);
  const on = await shots();
  await sw.evaluate(() => chrome.storage.sync.set({ settings: { schemaVersion: 1, enabled: false } }));
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('netgov-lens-dotted'))).toBe(false);
  const off = await shots();
  await sw.evaluate(() => chrome.storage.sync.clear());
  return Object.fromEntries(selectors.map((s, i) => [s, !on[i]?.equals(off[i] as Buffer)]));
}

test('open, closed, declarative, nested, slotted and late shadow roots', async ({
  extContext,
  server,
  extensionId,
}) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/shadow.html`, extensionId);
  // Everything reachable is annotated; the closed root is the page's own and stays out of reach.
  await until(
    () => texts(o.probe),
    (t) => t.length >= 5,
  );
  await settledCount(o.probe);
  const found = await o.probe.highlights();
  expect(found.map((h) => h.text).sort()).toEqual([
    'ICANN',
    'data localisation',
    'internet governance',
    'mass surveillance',
    'multistakeholder model',
  ]);
  expect(
    found
      .filter((h) => h.inShadow)
      .map((h) => h.text)
      .sort(),
  ).toEqual(['ICANN', 'data localisation', 'multistakeholder model']);
  // Components that arrive late and text that changes inside an open root are followed.
  await o.probe.runInPage(() => (window as unknown as { addLateCard: (w: boolean) => void }).addLateCard(true));
  await until(
    () => texts(o.probe),
    (t) => t.includes('IANA transition'),
  );
  await o.probe.runInPage(() => (window as unknown as { changeOpenText: () => void }).changeOpenText());
  await until(
    () => texts(o.probe),
    (t) => t.includes('cyber sovereignty') && !t.includes('ICANN'),
  );
  // Hovering a term inside a shadow root opens its popover.
  await hoverTerm(o.page, o.probe, 'cyber sovereignty');
  await expect(popover(o.page).locator('h2')).toHaveText(/cyber sovereignty/i);
  await o.page.keyboard.press('Escape');
  expect(await o.probe.runInPage(() => (window as unknown as { closedText: () => string }).closedText())).toContain(
    'net neutrality',
  );
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

// Regression: a shadow host the page inserts on its own after load is scanned and observed (scan.ts).
test('a shadow host inserted on its own after load is annotated', async ({ extContext, server, extensionId }) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/shadow.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => t.length >= 5,
  );
  await o.probe.runInPage(() => (window as unknown as { addLateCard: (w: boolean) => void }).addLateCard(false));
  await until(
    () => texts(o.probe),
    (t) => t.includes('digital divide'),
    3000,
  );
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

// ::highlight() rules live in the document's stylesheet (content.css); they must still paint ranges inside
// shadow trees (the closed root, never annotated, is the control that must not change).
test('terms inside open shadow roots are painted, not only registered', async ({
  extContext,
  server,
  extensionId,
  serviceWorker,
}) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/shadow.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => t.length >= 5,
  );
  const painted = await paintedDiffers(o.page, ['#light', '#open >> p', '#declarative >> p', '#closed'], serviceWorker);
  expect(painted).toEqual({ '#light': true, '#open >> p': true, '#declarative >> p': true, '#closed': false });
  await close(o);
});

/** Serves the fixtures from a second origin (http://localhost:<port>, another site than 127.0.0.1). */
async function serveCrossOrigin(page: Page, serverUrl: string): Promise<string> {
  const origin = `http://localhost:${new URL(serverUrl).port}`;
  await page.route(`${origin}/**`, (route: Route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/fixtures\//, '');
    return route.fulfill({ path: join(ROOT, 'tests', 'fixtures', 'pages', path) });
  });
  return origin;
}

async function frameHighlights(frame: import('@playwright/test').Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [];
    for (const name of ['netgov-lens-dotted', 'netgov-lens-solid', 'netgov-lens-background']) {
      const h = CSS.highlights.get(name) as unknown as Set<AbstractRange> | undefined;
      for (const r of h ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push(range.toString());
      }
    }
    return out.sort();
  });
}

test("a frame served from an ad network's host gets no content script, beside frames that are annotated", async ({
  extContext,
  server,
}) => {
  const page = await extContext.newPage();
  watch.watch(page);
  // The same article paragraph as the same-origin frame, served as if from an ad server.
  const ads = 'https://tpc.googlesyndication.com';
  await page.route(`${ads}/**`, (route: Route) =>
    route.fulfill({ path: join(ROOT, 'tests', 'fixtures', 'pages', 'hostile', 'frame-child.html') }),
  );
  await page.goto(`${server.url}/fixtures/hostile/frames.html?cross=${encodeURIComponent(ads)}`);
  await expect.poll(() => page.frames().length).toBe(4);
  const same = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(server.url));
  const ad = page.frames().find((f) => f.url().startsWith(ads));
  expect([!!same, !!ad]).toEqual([true, true]);
  await expect
    .poll(() => frameHighlights(same as import('@playwright/test').Frame), { timeout: 15_000 })
    .toEqual(['ICANN', 'multistakeholder model', 'net neutrality']);
  // The ad frame has the same text, loaded; its script would have run by now (it runs at document idle,
  // like the same-origin frame's, and reads the text at once).
  await (ad as import('@playwright/test').Frame).waitForLoadState('load');
  expect(await (ad as import('@playwright/test').Frame).locator('body').innerText()).toContain('ICANN');
  await page.waitForTimeout(1000);
  expect(await frameHighlights(ad as import('@playwright/test').Frame)).toEqual([]);
  await page.close();
});

test('same-origin, srcdoc and cross-origin iframes are each annotated on their own', async ({ extContext, server }) => {
  const page = await extContext.newPage();
  watch.watch(page);
  const cross = await serveCrossOrigin(page, server.url);
  await page.goto(`${server.url}/fixtures/hostile/frames.html?cross=${encodeURIComponent(cross)}`);
  const frameBy = (test: (url: string) => boolean) =>
    page.frames().find((f) => f !== page.mainFrame() && test(f.url()));
  await expect.poll(() => page.frames().length).toBe(4);
  const same = frameBy((u) => u.startsWith(server.url));
  const srcdoc = frameBy((u) => u === 'about:srcdoc');
  const other = frameBy((u) => u.startsWith(cross));
  expect([!!same, !!srcdoc, !!other]).toEqual([true, true, true]);
  const expected = {
    top: ['ICANN', 'internet governance'],
    same: ['ICANN', 'multistakeholder model', 'net neutrality'],
    srcdoc: ['data localisation', 'mass surveillance'],
    cross: ['ICANN', 'multistakeholder model', 'net neutrality'],
  };
  await expect
    .poll(
      async () => ({
        top: await frameHighlights(page.mainFrame()),
        same: await frameHighlights(same as import('@playwright/test').Frame),
        srcdoc: await frameHighlights(srcdoc as import('@playwright/test').Frame),
        cross: await frameHighlights(other as import('@playwright/test').Frame),
      }),
      { timeout: 15_000 },
    )
    .toEqual(expected);
  // The frames' own messages still arrive (the page's behaviour), and hovering inside a frame works.
  expect((await page.evaluate(() => (window as unknown as { frameReports: string[] }).frameReports)).sort()).toEqual(
    [cross, server.url].sort(),
  );
  const box = await page.locator('#cross').boundingBox();
  const inner = await (other as import('@playwright/test').Frame).evaluate(() => {
    const h = CSS.highlights.get('netgov-lens-dotted') as unknown as Set<AbstractRange>;
    const r = [...h][0] as AbstractRange;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const rect = range.getClientRects()[0] as DOMRect;
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  });
  await hoverRange(page, { ...inner, x: inner.x + (box?.x ?? 0) + 1, y: inner.y + (box?.y ?? 0) + 1 });
  await expect((other as import('@playwright/test').Frame).locator('netgov-lens-ui .popover')).toBeVisible();
  expect(watch.report()).toEqual(NO_ERRORS);
  await page.close();
});

test('SVG and MathML text are left alone, the prose around them is annotated', async ({
  extContext,
  server,
  extensionId,
}) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/svg-mathml.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => t.length >= 3,
  );
  await settledCount(o.probe);
  const found = await o.probe.highlights();
  // Foreign content is skipped by design (src/content/scan.ts): painted text inside SVG or MathML would
  // sit in graphics whose layout the page controls.
  expect(found.map((h) => `${h.within}: ${h.text}`).sort()).toEqual([
    'after: internet governance',
    'before: ICANN',
    'before: net neutrality',
  ]);
  const measure = () =>
    o.probe.runInPage(() =>
      JSON.stringify((window as unknown as { measure: () => unknown; initialMeasure: unknown }).measure()),
    );
  expect(await measure()).toBe(
    await o.probe.runInPage(() => JSON.stringify((window as unknown as { initialMeasure: unknown }).initialMeasure)),
  );
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

test('right-to-left pages: terms in Arabic and Hebrew paragraphs, popover readable', async ({
  extContext,
  server,
  extensionId,
}) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/rtl.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => t.length >= 7,
  );
  await settledCount(o.probe);
  expect((await o.probe.highlights()).map((h) => `${h.within}: ${h.text}`).sort()).toEqual([
    'ar: ICANN',
    'ar: multistakeholder model',
    'ar: net neutrality',
    'he: ICANN',
    'he: data localisation',
    'he: mass surveillance',
    'mixed: internet governance',
  ]);
  const target = (await o.probe.highlights()).find((h) => h.within === 'ar' && h.text === 'ICANN');
  if (target) await hoverRange(o.page, target);
  const pop = popover(o.page);
  await expect(pop).toBeVisible();
  await popoverSettled(o.page);
  await o.page.screenshot({ path: 'test-results/screenshots/hostile-rtl-popover.png' });
  const box = await pop.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 1280).toBeTruthy();
  // The popover's English reads left to right inside the right-to-left page.
  expect(await pop.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  await o.page.keyboard.press('Escape');
  await o.page.emulateMedia({ colorScheme: 'dark' });
  if (target) await hoverRange(o.page, target);
  await expect(pop).toBeVisible();
  await popoverSettled(o.page);
  await o.page.screenshot({ path: 'test-results/screenshots/hostile-rtl-popover-dark.png' });
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

test('a page with a strict Content-Security-Policy: no violation, popover styled', async ({
  extContext,
  server,
  extensionId,
}) => {
  const csp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";
  const o = await open(extContext, `${server.url}/fixtures/hostile/csp.html`, extensionId, async (page) => {
    await page.route(`${server.url}/fixtures/hostile/csp.html`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
  });
  await until(
    () => texts(o.probe),
    (t) => t.length >= 3,
  );
  expect(await texts(o.probe)).toEqual(['ICANN', 'multistakeholder model', 'net neutrality']);
  await hoverTerm(o.page, o.probe, 'multistakeholder model');
  await popoverSettled(o.page);
  // Our stylesheet reached the shadow root: the popover has its own opaque background and a real size.
  const look = await popover(o.page).evaluate((el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, width: el.getBoundingClientRect().width };
  });
  expect(look.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
  expect(look.width).toBeGreaterThan(200);
  await o.page.screenshot({ path: 'test-results/screenshots/hostile-csp-popover.png' });
  const page = o.probe;
  expect(await page.runInPage(() => (window as unknown as { cspScriptRan: boolean }).cspScriptRan)).toBe(true);
  expect(await page.runInPage(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(watch.report()).toEqual(NO_ERRORS);
  // The policy is in force (an inline style of the page's own is refused and reported).
  await page.runInPage(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red; }';
    document.head.append(style);
  });
  await expect
    .poll(() => page.runInPage(() => (window as unknown as { cspViolations: string[] }).cspViolations.length))
    .toBe(1);
  await close(o);
});

test('10,000-deep nesting', async ({ extContext, server, extensionId }) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/deep.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => t.length >= 4,
  );
  expect(await texts(o.probe)).toEqual(['ICANN', 'mass surveillance', 'multistakeholder model', 'net neutrality']);
  expect(await o.probe.runInPage(() => (window as unknown as { measureDepth: () => number }).measureDepth())).toBe(
    10000,
  );
  // A term near the top opens normally on this page.
  const top = (await o.probe.highlights()).find((h) => h.text === 'ICANN');
  if (top) await hoverRange(o.page, top);
  await until(
    () => popoverTitle(o.probe),
    (title) => title === 'ICANN',
  );
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

/** The open popover's title, looked up through the probe (Playwright's selector engine overflows its
 * stack on a 10,000-deep tree). */
function popoverTitle(probe: PageProbe): Promise<string> {
  return probe.run(
    () => document.querySelector('netgov-lens-ui')?.shadowRoot?.querySelector('.popover h2')?.textContent ?? '',
  );
}

// Regression: a term 10,000 levels deep opens its popover without stack overflows leaking to the page.
test('a popover on a term 10,000 levels deep raises no error', async ({ extContext, server, extensionId }) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/deep.html`, extensionId);
  const target = (
    await until(
      () => o.probe.highlights(),
      (h) => h.some((x) => x.text === 'mass surveillance'),
    )
  ).find((h) => h.text === 'mass surveillance');
  if (target) await hoverRange(o.page, target);
  await until(
    () => popoverTitle(o.probe),
    (title) => /mass surveillance/i.test(title),
  );
  await o.page.mouse.wheel(0, 40);
  await o.page.waitForTimeout(500);
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

for (const [name, make] of [
  ['a single 10 MB text node', () => hugeTextPage()],
  ['200,000 small text nodes', () => manyTextNodesPage()],
] as const) {
  test(name, async ({ extContext, server, extensionId }, testInfo) => {
    test.setTimeout(120_000); // loading 10 MB of HTML alone takes seconds on a small machine
    const { html, expected } = make();
    const url = `${server.url}/fixtures/hostile/generated.html`;
    const o = await open(extContext, url, extensionId, async (page) => {
      await page.route(url, (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    });
    const count = await until(
      () => o.probe.highlightCount(),
      (n) => n >= expected,
      40_000,
    );
    expect(count).toBe(expected);
    // The page's own heartbeat kept running; the longest stall is recorded (not judged here: the
    // benchmark owns speed), and the page must still answer.
    const maxGap = await o.probe.runInPage(() => Math.round((window as unknown as { maxGap: number }).maxGap));
    testInfo.annotations.push({ type: 'longest main-thread stall (ms)', description: String(maxGap) });
    expect(maxGap).toBeLessThan(10_000);
    expect(watch.report()).toEqual(NO_ERRORS);
    await close(o);
  });
}
