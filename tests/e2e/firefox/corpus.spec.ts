// Firefox ESR on real pages of the corpus (scripts/lib/corpus-root.ts findCorpus()), against Chromium: each page
// finds the terms that tests/e2e/corpus-expectations.json expects (what corpus.spec.ts holds Chromium to), paints
// as many highlights as Chromium with the extension does, and leaves the DOM identical to Chromium's without the
// extension; hovering a found term opens its popover. Chromium is measured first (beforeAll), then closed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, type Page as PwPage } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { startServer } from '../../../scripts/lib/static-server.js';
import {
  CHROMIUM,
  CORPUS,
  corpusHas,
  deterministicPageScript,
  launchWithExtension,
  needsCorpus,
  serializeDom as pwSerializeDom,
} from '../fixtures.js';
import {
  type FirefoxSession,
  highlightedRanges,
  firefoxTest as test,
  forSharedFirefoxFile,
  needsFirefox,
  newTab,
  popoverOpen,
  popoverTexts,
  serializeDom,
  settledHighlights,
  tabIdOf,
  tabTerms,
  waitForPopover,
} from '../firefox-helpers.js';

const expectations = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'corpus-expectations.json'), 'utf8'),
) as Record<string, { expected: string[] }>;

// Governance texts, news pages with and without their own scripts, and pages where nothing is expected.
const PAGES = [
  'govtext/hrpc-research.html',
  'govtext/wikipedia-icann-abstract.html',
  'govtext/mcconachie-iana-transition-1.html',
  'postlight/www.theverge.com.html',
  'postlight/ma.ttias.be.html',
  'readability/ietf-1.html',
  'trafilatura/cache__threatpost.com.android.html',
  'readability/mathjax.html',
];

const DETERMINISTIC = deterministicPageScript(new Date('2026-01-01T12:00:00Z'));

needsFirefox();
needsCorpus();

/** Waits in Chromium until the highlight count has stayed the same over five polls after load, and returns it. */
async function pwSettled(page: PwPage): Promise<number> {
  await page.waitForLoadState('load');
  const handle = await page.waitForFunction(
    () => {
      const w = window as unknown as { nglSettle?: { last: number; same: number } };
      const n = ['netgov-lens-dotted', 'netgov-lens-solid', 'netgov-lens-background'].reduce(
        (sum, name) => sum + ((CSS.highlights.get(name) as unknown as Set<unknown> | undefined)?.size ?? 0),
        0,
      );
      const st = (w.nglSettle ??= { last: -1, same: 0 });
      st.same = n === st.last ? st.same + 1 : 0;
      st.last = n;
      return st.same >= 5 ? { n } : false; // an object: a count of 0 is falsy
    },
    undefined,
    { polling: 100, timeout: 20_000 },
  );
  return ((await handle.jsonValue()) as { n: number }).n;
}

interface ChromiumView {
  dom: string;
  count: number;
  terms: string[];
}

const chromiumViews = new Map<string, ChromiumView>();
let s: FirefoxSession;

test.beforeAll(async ({ firefox }) => {
  test.setTimeout(180_000);
  const present = PAGES.filter((p) => corpusHas(p));
  // Chromium first: the DOM without the extension, and the highlight count with it.
  const server = await startServer({ '/corpus/': CORPUS as string });
  const plain = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  const plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
  await plainContext.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort('blockedbyclient'));
  const doms = new Map<string, string>();
  for (const path of present) {
    const page = await plainContext.newPage();
    await page.addInitScript(DETERMINISTIC);
    await page.goto(`${server.url}/corpus/${path}`, { waitUntil: 'load' });
    doms.set(path, await pwSerializeDom(page));
    await page.close();
  }
  await plain.close();
  const ext = await launchWithExtension();
  const sw = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
  for (const path of present) {
    const page = await ext.context.newPage();
    await page.addInitScript(DETERMINISTIC);
    await page.goto(`${server.url}/corpus/${path}`, { waitUntil: 'load' });
    const count = await pwSettled(page);
    // What the page reported to the background (tests/e2e/corpus.spec.ts reads the same).
    const terms = await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const key = `tab:${tab?.id}`;
      const frames = ((await chrome.storage.session.get(key))[key] ?? {}) as Record<string, { id: string }[]>;
      return [...new Set(Object.values(frames).flatMap((list) => list.map((t) => t.id)))].sort();
    });
    chromiumViews.set(path, { dom: doms.get(path) as string, count, terms });
    await page.close();
  }
  await ext.context.close();
  ext.cleanup();
  await server.close();
  s = await forSharedFirefoxFile(firefox);
});

async function hoverFirstVisible(page: Page): Promise<boolean> {
  const scrolled = await page.evaluate(() => {
    for (const name of ['netgov-lens-dotted', 'netgov-lens-solid', 'netgov-lens-background']) {
      for (const r of (CSS.highlights.get(name) as unknown as Set<AbstractRange> | undefined) ?? []) {
        const el = r.startContainer.parentElement;
        if (!el || !el.checkVisibility()) continue;
        el.scrollIntoView({ block: 'center' });
        return true;
      }
    }
    return false;
  });
  if (!scrolled) return false;
  const target = (await highlightedRanges(page)).find((r) => r.width > 2 && r.y > 0 && r.y < 880);
  expect(target, 'a highlighted term in view').toBeTruthy();
  const x = (target?.x ?? 0) + Math.min(4, (target?.width ?? 0) / 2);
  const y = (target?.y ?? 0) + (target?.height ?? 0) / 2;
  await page.mouse.move(Math.max(1, x - 30), Math.max(1, y - 30));
  await page.mouse.move(x, y);
  await waitForPopover(page);
  return true;
}

test.describe('firefox corpus', () => {
  for (const path of PAGES) {
    test(`firefox corpus: ${path}`, async () => {
      needsCorpus(path);
      const expected = expectations[path]?.expected ?? [];
      const chromiumView = chromiumViews.get(path) as ChromiumView;
      const page = await newTab(s.browser);
      await page.evaluateOnNewDocument(DETERMINISTIC);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e)));
      await page.goto(`${s.server.url}/corpus/${path}`, { waitUntil: 'load' });
      const count = await settledHighlights(page);
      const tabId = await tabIdOf(s, page);
      if (expected.length > 0) await expect.poll(async () => (await tabTerms(s, tabId)).length).toBeGreaterThan(0);
      const found = (await tabTerms(s, tabId)).map((t) => t.id);
      // Every term corpus-expectations.json expects, and exactly what Chromium found with the same build (the
      // dictionary grows faster than the expectations file).
      expect(
        expected.filter((id) => !found.includes(id)),
        `expected terms missing on ${path}`,
      ).toEqual([]);
      expect([...found].sort(), `terms on ${path}: Firefox and Chromium`).toEqual(chromiumView.terms);
      expect(count, 'highlights in Firefox and in Chromium').toBe(chromiumView.count);
      expect(await serializeDom(page), "the DOM must be Chromium's without the extension").toBe(chromiumView.dom);
      expect(
        errors.filter((e) => e.includes('moz-extension:')),
        'errors from the extension',
      ).toEqual([]);
      if (expected.length > 0) {
        expect(await hoverFirstVisible(page)).toBe(true);
        expect((await popoverTexts(page, '.position')).length).toBeGreaterThan(0);
        await page.keyboard.press('Escape');
        await expect.poll(() => popoverOpen(page)).toBe(false);
      } else {
        expect(count).toBe(0);
      }
      await page.close();
    });
  }
});
