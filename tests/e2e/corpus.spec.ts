// Every real page of the corpus (scripts/lib/corpus-root.ts), loaded from 127.0.0.1 with the extension in Chromium:
// the expected terms are found (and nothing else), the DOM is identical to a run without the extension,
// no page errors, and hovering a found term opens its popover.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import {
  CHROMIUM,
  deterministicPageScript,
  expect,
  highlightCount,
  highlightedRanges,
  needsCorpus,
  popover,
  resetSettings,
  serializeDom,
  test,
} from './fixtures.js';

const expectations = JSON.parse(readFileSync(join(import.meta.dirname, 'corpus-expectations.json'), 'utf8')) as Record<
  string,
  { expected: string[]; note?: string }
>;

/** Waits until the number of highlights has not changed for a while (the scan works in slices). */
async function settle(page: Page): Promise<number> {
  let last = -1;
  let stable = 0;
  for (let i = 0; i < 60 && stable < 3; i++) {
    await page.waitForTimeout(150);
    const n = await highlightCount(page);
    stable = n === last ? stable + 1 : 0;
    last = n;
  }
  return last;
}

async function tabTerms(sw: import('@playwright/test').Worker): Promise<string[]> {
  return sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const key = `tab:${tab?.id}`;
    const frames = ((await chrome.storage.session.get(key))[key] ?? {}) as Record<string, { id: string }[]>;
    return [...new Set(Object.values(frames).flatMap((list) => list.map((t) => t.id)))].sort();
  });
}

// Pages with their own scripts differ between loads (ad slot ids, cache-busting timestamps): both runs get
// the same fixed clock and the same seeded Math.random, so any difference left is ours.
const DETERMINISTIC = deterministicPageScript(new Date('2026-01-01T12:00:00Z'));

async function deterministic(page: Page): Promise<void> {
  await page.addInitScript(DETERMINISTIC);
}

needsCorpus();

let plain: Browser;
test.beforeAll(async () => {
  plain = await chromium.launch({ executablePath: CHROMIUM, headless: true });
});
test.afterAll(async () => {
  await plain?.close();
});

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

for (const [path, { expected }] of Object.entries(expectations)) {
  test(`corpus: ${path}`, async ({ extContext, server, serviceWorker }) => {
    needsCorpus(path);
    const url = `${server.url}/corpus/${path}`;
    // Baseline without the extension.
    const plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
    await plainContext.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort('blockedbyclient'));
    const base = await plainContext.newPage();
    await deterministic(base);
    const baseErrors: string[] = [];
    base.on('pageerror', (e) => baseErrors.push(e.message));
    await base.goto(url, { waitUntil: 'load' });
    await base.waitForTimeout(300);
    const baseline = await serializeDom(base);
    await plainContext.close();

    const page = await extContext.newPage();
    await deterministic(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    const count = await settle(page);
    // The results reach the background after a short debounce (sent by the time the count has settled).
    // Terms expected: wait until they are there (what is also there fails below); none: nothing to wait for.
    if (expected.length > 0) await expect.poll(() => tabTerms(serviceWorker)).toEqual(expect.arrayContaining(expected));
    else await page.waitForTimeout(400);

    const found = await tabTerms(serviceWorker);
    const missing = expected.filter((id) => !found.includes(id));
    const unexpected = found.filter((id) => !expected.includes(id));
    expect({ missing, unexpected }, `terms on ${path}`).toEqual({ missing: [], unexpected: [] });
    if (expected.length === 0) expect(count).toBe(0);

    expect(await serializeDom(page), 'the DOM must be what it is without the extension').toBe(baseline);
    // Page scripts fail here without their network (ads, analytics); the extension must add no error.
    expect(
      errors.filter((e) => !baseErrors.includes(e)),
      'page errors caused by the extension',
    ).toEqual([]);

    if (expected.length > 0) {
      // Hover the first highlighted term that can be brought into view.
      const first = await page.evaluate(() => {
        const h = CSS.highlights.get('netgov-lens-dotted') as unknown as Set<AbstractRange>;
        for (const r of h) {
          const el = r.startContainer.parentElement;
          if (!el || !el.checkVisibility?.()) continue;
          el.scrollIntoView({ block: 'center' });
          // Visible by CSS yet drawn outside the viewport (an off-canvas menu): try the next one.
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const rect = range.getBoundingClientRect();
          if (rect.width > 2 && rect.top > 0 && rect.bottom < innerHeight && rect.left >= 0 && rect.right <= innerWidth)
            return true;
        }
        return false;
      });
      if (first) {
        // The scroll drawn: two animation frames.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const ranges = (await highlightedRanges(page)).filter((r) => r.width > 2 && r.y > 0 && r.y < 880);
        const target = ranges[0];
        expect(target, 'a highlighted term in view').toBeTruthy();
        await page.mouse.move(5, 5);
        await page.mouse.move(
          (target?.x ?? 0) + Math.min(4, (target?.width ?? 0) / 2),
          (target?.y ?? 0) + (target?.height ?? 0) / 2,
        );
        await expect(popover(page)).toBeVisible();
        // A debate entry shows its positions; a reference entry (a body, law or process) its debates.
        await expect(popover(page).locator('.position, .debate-link').first()).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(popover(page)).toBeHidden();
      }
    }
    await page.close();
  });
}
