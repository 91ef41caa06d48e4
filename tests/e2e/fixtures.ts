// Playwright fixtures: one Chromium with the built extension per test file (worker), a local server for
// fixtures and the real-page corpus, and helpers to reach the extension's service worker. The extension is
// the build's e2e variant (its popover's shadow root open, so that locators and page.evaluate reach in);
// closed-shadow.spec.ts alone loads the shipped build, whose root is closed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page, test as base, type Worker } from '@playwright/test';
import {
  type ExtensionBrowser,
  launchWithExtension as launchExtensionBrowser,
} from '../../scripts/lib/extension-browser.js';
import { CORPUS_MISSING, findCorpus } from '../../scripts/lib/corpus-root.js';
import { buildDir } from '../../scripts/lib/shadow-variant.js';
import { startServer, type StaticServer } from '../../scripts/lib/static-server.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.NETGOV_DIST ?? join(ROOT, 'dist');
/** The e2e variant of the Chromium build (dist/e2e-chrome): what every spec but closed-shadow.spec.ts loads. */
export const EXTENSION = buildDir(DIST, 'chrome', 'e2e');
/** The build that ships (dist/chrome), with the closed shadow root. */
export const SHIPPED_EXTENSION = buildDir(DIST, 'chrome', 'shipped');
/** The real-page corpus (see scripts/lib/corpus-root.ts for where it is looked for), or undefined. */
export const CORPUS = findCorpus();
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface ExtensionFixtures {
  server: StaticServer;
  extContext: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

/** A phone's screen and input (the touch tests), for launchWithExtension. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export async function launchWithExtension(extension = EXTENSION, device?: typeof PHONE): Promise<ExtensionBrowser> {
  const browser = await launchExtensionBrowser({
    extension,
    executablePath: CHROMIUM,
    profilePrefix: 'netgov-lens-profile-',
    ...(device ? { device } : {}),
  });
  // Pages reference publishers' hosts (ads, fonts): only 127.0.0.1 is reachable, the rest is refused fast.
  await browser.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('blockedbyclient'));
  return browser;
}

/** A persistent context with the built extension, for one worker (also used by files that want their own). */
export async function extensionContext({}, use: (context: BrowserContext) => Promise<void>): Promise<void> {
  const { context, cleanup } = await launchWithExtension();
  await use(context);
  await context.close();
  cleanup();
}

export const test = base.extend<object, ExtensionFixtures>({
  server: [
    async ({}, use) => {
      const server = await startServer({
        '/fixtures/': join(ROOT, 'tests', 'fixtures', 'pages'),
        ...(CORPUS ? { '/corpus/': CORPUS } : {}),
      });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extContext: [extensionContext, { scope: 'worker' }],
  serviceWorker: [
    async ({ extContext }, use) => {
      const sw = extContext.serviceWorkers()[0] ?? (await extContext.waitForEvent('serviceworker'));
      await use(sw);
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ serviceWorker }, use) => {
      await use(new URL(serviceWorker.url()).host);
    },
    { scope: 'worker' },
  ],
});

export const expect = test.expect;

/** Whether the corpus holds the file (a path under the corpus, e.g. "govtext/rpki-faq.html"). */
export function corpusHas(path: string): boolean {
  return !!CORPUS && existsSync(join(CORPUS, path));
}

/**
 * Skips what needs the corpus when it is not here (global-setup.ts has said so once, or failed in CI):
 * at the top of a file, the whole file; inside a test, that test, also when one of `paths` is missing
 * (a corpus from `npm run corpus:fetch` has the news pages only).
 */
export function needsCorpus(...paths: string[]): void {
  test.skip(!CORPUS, CORPUS_MISSING);
  const missing = paths.filter((p) => !corpusHas(p));
  test.skip(missing.length > 0, `not in the corpus at ${CORPUS}: ${missing.join(', ')}`);
}

/** Clears stored settings, the synced ones and this device's (each test starts from the defaults). */
export async function resetSettings(sw: Worker): Promise<void> {
  await sw.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.remove('deviceSettings');
  });
}

/** Stores settings as a reader's synced settings; this device's own values are cleared, so these apply. */
export async function setSettings(sw: Worker, settings: Record<string, unknown>): Promise<void> {
  await sw.evaluate(async (s) => {
    await chrome.storage.local.remove('deviceSettings');
    await chrome.storage.sync.set({ settings: { schemaVersion: 1, ...s } });
  }, settings);
}

/** Waits until the content script has painted at least `min` highlights and returns the count. */
export async function waitForHighlights(page: Page, min = 1): Promise<number> {
  await page.waitForFunction(
    (m) => {
      let n = 0;
      for (const name of ['netgov-lens-dotted', 'netgov-lens-solid', 'netgov-lens-background']) {
        const h = CSS.highlights.get(name) as unknown as Set<unknown> | undefined;
        if (h) n += h.size;
      }
      return n >= m;
    },
    min,
    { timeout: 15_000 },
  );
  return highlightCount(page);
}

export async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const name of ['netgov-lens-dotted', 'netgov-lens-solid', 'netgov-lens-background']) {
      const h = CSS.highlights.get(name) as unknown as Set<unknown> | undefined;
      if (h) n += h.size;
    }
    return n;
  });
}

/** Text and client rectangle of each highlighted range, in document order. */
export async function highlightedRanges(
  page: Page,
): Promise<{ text: string; x: number; y: number; width: number; height: number }[]> {
  return page.evaluate(() => {
    const out: { text: string; x: number; y: number; width: number; height: number }[] = [];
    for (const name of ['netgov-lens-dotted', 'netgov-lens-solid', 'netgov-lens-background']) {
      const h = CSS.highlights.get(name) as unknown as Set<AbstractRange> | undefined;
      if (!h) continue;
      for (const r of h) {
        const range = document.createRange();
        try {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
        } catch {
          continue; // stale for a moment after the page edited its text
        }
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        out.push({ text: range.toString(), x: rect.x, y: rect.y, width: rect.width, height: rect.height });
      }
    }
    return out;
  });
}

/** Serialises the page's DOM (the extension's lazily created host left out). */
export async function serializeDom(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('[data-netgov-lens-host]')) el.remove();
    return clone.outerHTML;
  });
}

export function popover(page: Page) {
  return page.locator('[data-netgov-lens-host] .popover');
}

/** Moves the mouse onto the `nth` highlight whose text is `text` (from off the term) and waits for the popover. */
export async function hoverHighlight(page: Page, text: string, nth = 0): Promise<void> {
  const target = (await highlightedRanges(page)).filter((r) => r.text === text)[nth];
  expect(target, `a highlight "${text}"`).toBeTruthy();
  await page.mouse.move(1, 1);
  await page.mouse.move(
    (target?.x ?? 0) + Math.min(6, (target?.width ?? 0) / 2),
    (target?.y ?? 0) + (target?.height ?? 0) / 2,
  );
  await expect(popover(page)).toBeVisible();
}

/** Waits until the popover's opening animation has finished (screenshots must show the settled state). */
export async function popoverSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('netgov-lens-ui')?.shadowRoot;
    return !!root && root.getAnimations().every((a) => a.playState === 'finished');
  });
}

/**
 * An init script that makes a page's own scripts deterministic between loads: a fixed clock (Date.now and
 * new Date() with no arguments; timers run as usual) and a seeded Math.random. Per page, unlike page.clock,
 * which belongs to the whole context and would follow every later test that shares the context.
 */
export function deterministicPageScript(time: Date): string {
  return `(() => {
  const T = ${time.getTime()};
  const D = Date;
  function FixedDate(...args) {
    if (!new.target) return new D(T).toString();
    return args.length ? new D(...args) : new D(T);
  }
  FixedDate.prototype = D.prototype;
  FixedDate.now = () => T;
  FixedDate.parse = D.parse;
  FixedDate.UTC = D.UTC;
  window.Date = FixedDate;
  let s = 12345;
  Math.random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
})();`;
}

/** Opens `url` in a new tab and returns the page with its tab id (the newest tab is the active one). */
export async function openTab(
  context: BrowserContext,
  sw: Worker,
  url: string,
): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.bringToFront();
  const tabId = await sw.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  expect(typeof tabId).toBe('number');
  return { page, tabId: tabId as number };
}

/** The terms the background recorded for a tab, its frames merged, as the popup and the panel read them. */
export async function tabTerms(sw: Worker, tabId: number): Promise<{ id: string; count: number }[]> {
  return sw.evaluate(async (id) => {
    const stored = await chrome.storage.session.get(`tab:${id}`);
    const frames = (stored[`tab:${id}`] ?? {}) as Record<string, { id: string; count: number }[]>;
    const total = new Map<string, number>();
    for (const list of Object.values(frames)) for (const t of list) total.set(t.id, (total.get(t.id) ?? 0) + t.count);
    return [...total].map(([tid, count]) => ({ id: tid, count }));
  }, tabId);
}
