// Real pages of the corpus (scripts/lib/corpus-root.ts), with and without the extension: what a reader selects, finds and copies
// is the same text; the extension makes no network request of its own (from the page, its service worker
// or its own pages); and one annotated page with an open popover is kept as a screenshot per run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page, type Request } from '@playwright/test';
import { ErrorWatch, hoverRange, NO_ERRORS, PageProbe, settledCount } from '../fixtures/pages/hostile/harness.js';
import {
  CHROMIUM,
  deterministicPageScript,
  expect,
  needsCorpus,
  popover,
  popoverSettled,
  resetSettings,
  test,
} from './fixtures.js';

const expectations = JSON.parse(readFileSync(join(import.meta.dirname, 'corpus-expectations.json'), 'utf8')) as Record<
  string,
  { expected: string[] }
>;

// Same clock and same random numbers in both runs (see corpus.spec.ts), so that the pages' own scripts
// request the same things.
const DETERMINISTIC = deterministicPageScript(new Date('2026-01-01T12:00:00Z'));
const BLOCKED = /^https?:\/\/(?!127\.0\.0\.1[:/])/;

// What Ctrl+F looks for: words every page has, governance words, and the terms the extension painted.
const FIND_WORDS = ['the', 'internet', 'government', 'privacy', 'surveillance', 'net neutrality', 'ICANN'];

interface TextView {
  /** selection.toString() of each of the first paragraphs, selected whole. */
  paragraphs: string[];
  /** selection.toString() of the whole body (Ctrl+A). */
  all: string;
  /** For each word: how often window.find finds it, and the text of its first hit's block. */
  finds: Record<string, { count: number; first: string }>;
}

async function textView(page: Page, words: string[]): Promise<TextView> {
  return page.evaluate((list) => {
    const sel = window.getSelection() as Selection;
    const paragraphs: string[] = [];
    for (const p of document.querySelectorAll('p')) {
      if (paragraphs.length >= 12) break;
      if ((p.textContent ?? '').trim().length < 40 || !p.checkVisibility()) continue;
      sel.selectAllChildren(p);
      paragraphs.push(sel.toString());
    }
    sel.selectAllChildren(document.body);
    const all = sel.toString();
    const finds: Record<string, { count: number; first: string }> = {};
    const scroll = { x: window.scrollX, y: window.scrollY };
    const find = (window as unknown as { find: (s: string, ...flags: boolean[]) => boolean }).find;
    for (const word of list) {
      sel.removeAllRanges();
      let count = 0;
      let first = '';
      // case-insensitive, forwards, no wrap, any position, no frames, no dialog
      while (count < 200 && find.call(window, word, false, false, false, false, false, false)) {
        if (count === 0) first = sel.anchorNode?.parentElement?.textContent?.trim().slice(0, 160) ?? '';
        count++;
      }
      finds[word] = { count, first };
    }
    sel.removeAllRanges();
    window.scrollTo(scroll.x, scroll.y);
    return { paragraphs, all, finds };
  }, words);
}

/** Selects the first long paragraph and copies it with the keyboard; returns what reached the clipboard. */
async function copyFirstParagraph(page: Page): Promise<string | null> {
  const selected = await page.evaluate(() => {
    for (const p of document.querySelectorAll('p')) {
      if ((p.textContent ?? '').trim().length < 40 || !p.checkVisibility()) continue;
      p.scrollIntoView({ block: 'center' });
      (window.getSelection() as Selection).selectAllChildren(p);
      return true;
    }
    return false;
  });
  if (!selected) return null;
  await page.bringToFront();
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+C');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The first place where two texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  if (a === b) return 'same';
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `differ at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`;
}

/**
 * Requests whose initiator is the extension: a script frame or an initiator URL in chrome-extension://
 * (that is where a content-script fetch, image or beacon would come from), or an extension URL itself.
 */
function watchNetwork(page: Page): Promise<{ urls: Set<string>; fromExtension: string[]; stop: () => Promise<void> }> {
  return (async () => {
    const cdp = await page.context().newCDPSession(page);
    const urls = new Set<string>();
    const fromExtension: string[] = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      const frames = e.initiator.stack?.callFrames ?? [];
      // The loader importing the main content script, and the main script the popover's UI, from the
      // extension's package (the fixed URL, which Chrome serves through the session's dynamic one): no
      // network, the only extension URLs allowed.
      if (/^chrome-extension:\/\/[^/]+\/content-(main|popover)\.js$/.test(e.request.url)) return;
      const ours =
        e.request.url.startsWith('chrome-extension:') ||
        (e.initiator.url ?? '').startsWith('chrome-extension:') ||
        frames.some((f) => f.url.startsWith('chrome-extension:'));
      if (ours) fromExtension.push(`${e.request.method} ${e.request.url} (${e.initiator.type})`);
      // Compared with a plain browser below, except what is no network (data:, blob:) and what the browser
      // fetches for itself when it shows a tab (favicons, web app manifest: no initiator in the page),
      // which the plain context skips.
      const browserOwn = e.type === 'Manifest' || (e.type === 'Other' && e.initiator.type === 'other');
      if (/^https?:/.test(e.request.url) && !browserOwn) urls.add(e.request.url);
    });
    cdp.on('Network.webSocketCreated', (e) => {
      const frames = e.initiator?.stack?.callFrames ?? [];
      if (frames.some((f) => f.url.startsWith('chrome-extension:'))) fromExtension.push(`websocket ${e.url}`);
    });
    await cdp.send('Network.enable');
    return { urls, fromExtension, stop: () => cdp.detach().catch(() => undefined) };
  })();
}

needsCorpus();

let plain: Browser;
let plainContext: BrowserContext;
/** Every request any context of the extension's browser made that is not a web page's own. */
const extensionRequests: string[] = [];
const onRequest = (r: Request): void => {
  const worker = r.serviceWorker();
  const frameUrl = worker ? worker.url() : safeFrameUrl(r);
  if (frameUrl.startsWith('chrome-extension:') && !r.url().startsWith('chrome-extension:'))
    extensionRequests.push(`${frameUrl} -> ${r.method()} ${r.url()}`);
};
function safeFrameUrl(r: Request): string {
  try {
    return r.frame().url();
  } catch {
    return '';
  }
}

test.beforeAll(async ({ extContext }) => {
  plain = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
  await plainContext.route(BLOCKED, (r) => r.abort('blockedbyclient'));
  await plainContext.grantPermissions(['clipboard-read', 'clipboard-write']);
  extContext.on('request', onRequest);
});

test.afterAll(async ({ extContext }) => {
  extContext.off('request', onRequest);
  await extContext.clearPermissions(); // the clipboard grants are for this file only
  await plain?.close();
});

let watch: ErrorWatch;
test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
  // Every feature on: saving to Zotero (which may reach 127.0.0.1:23119, but only on a click) and the research
  // log (which records, locally, every page read here).
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({ localFeatures: { zotero: true, researchLog: true, researchLogExcluded: [] } }),
  );
  watch = new ErrorWatch(serviceWorker);
});
test.afterEach(() => watch.stop());

async function openDeterministic(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(DETERMINISTIC);
  return page;
}

for (const path of Object.keys(expectations)) {
  test(`corpus text and network: ${path}`, async ({ extContext, server, extensionId }) => {
    needsCorpus(path);
    const url = `${server.url}/corpus/${path}`;
    await extContext.grantPermissions(['clipboard-read', 'clipboard-write']);

    // With the extension first: its painted terms join the words to find.
    const page = await openDeterministic(extContext);
    watch.watch(page);
    const net = await watchNetwork(page);
    await page.goto(url, { waitUntil: 'load' });
    const probe = await PageProbe.attach(page, extensionId);
    await settledCount(probe, 500);
    const painted = [...new Set((await probe.highlights()).map((h) => h.text))].slice(0, 5);
    const words = [...new Set([...FIND_WORDS, ...painted])];
    await page.waitForTimeout(300);
    const requested = new Set(net.urls);
    const withExt = await textView(page, words);
    const copiedWith = await copyFirstParagraph(page);
    await net.stop();
    await probe.detach();
    await page.close();

    const base = await openDeterministic(plainContext);
    const plainUrls = new Set<string>();
    base.on('request', (r) => plainUrls.add(r.url()));
    await base.goto(url, { waitUntil: 'load' });
    await base.waitForTimeout(800);
    const without = await textView(base, words);
    const copiedWithout = await copyFirstParagraph(base);
    await base.close();

    expect(withExt.paragraphs, 'selected paragraphs').toEqual(without.paragraphs);
    expect(firstDifference(withExt.all, without.all), 'select all').toBe('same');
    expect(withExt.finds, 'find in page').toEqual(without.finds);
    expect(copiedWith, 'copied text').toBe(copiedWithout);
    // The copy really went through the clipboard (an empty clipboard on both sides would prove nothing).
    if (copiedWithout !== null) expect(copiedWithout.trim().length, 'copied text length').toBeGreaterThan(20);
    expect(withExt.paragraphs.length + Object.values(withExt.finds).filter((f) => f.count > 0).length).toBeGreaterThan(
      0,
    );
    // Network: nothing initiated by the extension, and nothing the page does not request without it.
    expect(net.fromExtension, 'requests initiated by the extension').toEqual([]);
    expect(
      [...requested].filter((u) => !plainUrls.has(u)),
      'requests made only with the extension',
    ).toEqual([]);
    expect(watch.extensionMessages, 'extension errors').toEqual([]);
  });
}

test('opening popovers and using the extension pages makes no request', async ({
  extContext,
  server,
  extensionId,
  serviceWorker,
}, testInfo) => {
  needsCorpus('govtext/wikipedia-icann-abstract.html');
  const url = `${server.url}/corpus/govtext/wikipedia-icann-abstract.html`;
  const page = await extContext.newPage();
  watch.watch(page);
  await page.goto(url, { waitUntil: 'load' });
  const probe = await PageProbe.attach(page, extensionId);
  await settledCount(probe, 500);
  // From here on the page is loaded: every request is new.
  const net = await watchNetwork(page);
  const during: string[] = [];
  const collect = (r: Request) => during.push(r.url());
  extContext.on('request', collect);
  const terms = (await probe.highlights()).filter((h) => h.width > 0 && h.y > 0 && h.y < 850);
  expect(terms.length).toBeGreaterThan(3);
  for (const term of terms.slice(0, 4)) {
    await hoverRange(page, term);
    await expect(popover(page)).toBeVisible();
    await popoverSettled(page);
    // Scroll through the popover so that everything in it is laid out (lazy images or fonts would load).
    await popover(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.keyboard.press('Escape');
    await expect(popover(page)).toBeHidden();
  }
  // The artefact of this run: an annotated real page with an open popover, light and dark.
  const first = terms[0];
  if (first) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await hoverRange(page, first);
      await expect(popover(page)).toBeVisible();
      await popoverSettled(page);
      const shot = testInfo.outputPath(`annotated-popover-${scheme}.png`);
      await page.screenshot({ path: shot });
      await page.screenshot({ path: `test-results/screenshots/privacy-corpus-popover-${scheme}.png` });
      await testInfo.attach(`annotated page with popover (${scheme})`, { path: shot, contentType: 'image/png' });
      await page.keyboard.press('Escape');
    }
    await page.emulateMedia({ colorScheme: null });
  }
  // The extension's own pages, opened and used.
  const tabId = await serviceWorker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
    url,
  );
  expect(
    await serviceWorker.evaluate(async () => {
      const log = (await chrome.storage.local.get('researchLog')).researchLog as { articles?: unknown[] } | undefined;
      return log?.articles?.length ?? 0;
    }),
    'the research log recorded the page (locally)',
  ).toBeGreaterThan(0);
  for (const name of [
    'options.html',
    'popup.html',
    'glossary.html',
    `reading-list.html?tabId=${tabId}`,
    'research-log.html',
  ]) {
    const ext = await extContext.newPage();
    watch.watch(ext);
    await ext.goto(`chrome-extension://${extensionId}/${name}`);
    await ext.waitForLoadState('load');
    await ext.waitForTimeout(300);
    const search = ext.getByRole('searchbox').first();
    if (await search.count()) await search.fill('ICANN');
    await ext.waitForTimeout(200);
    const loaded = await ext.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => !n.startsWith('chrome-extension:')),
    );
    expect(loaded, `resources loaded by ${name}`).toEqual([]);
    await ext.close();
  }
  extContext.off('request', collect);
  await net.stop();
  expect(net.fromExtension).toEqual([]);
  expect(during.filter((u) => !u.startsWith('chrome-extension:'))).toEqual([]);
  // The service worker fetched nothing since it started.
  expect(
    await serviceWorker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)),
    'service worker fetches',
  ).toEqual([]);
  expect(extensionRequests, 'requests from extension contexts over the whole run').toEqual([]);
  await serviceWorker.evaluate(() => chrome.storage.local.remove(['localFeatures', 'researchLog']));
  expect(watch.report()).toEqual(NO_ERRORS);
  await probe.detach();
  await page.close();
});
