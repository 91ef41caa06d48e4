// Firefox ESR with the built extension (dist/e2e-firefox, a temporary add-on) through puppeteer-core over
// WebDriver BiDi, for the specs in tests/e2e/firefox/ and tests/e2e/firefox.spec.ts: one Firefox per file, a
// local server, a recording proxy that refuses (and remembers) every request meant for anywhere but
// 127.0.0.1, and an extension page of ours ("ext") to call browser.* from, as the Chromium specs use the
// service worker. closed-shadow.spec.ts alone installs the shipped build (dist/firefox, closed root).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page, type Target } from 'puppeteer-core';
import { buildDir } from '../../scripts/lib/shadow-variant.js';
import { startServer, type StaticServer } from '../../scripts/lib/static-server.js';
import type { DictionaryData } from '../../src/core/dictionary-data.js';
import { CORPUS, DIST, ROOT } from './fixtures.js';
import { expect, test } from '@playwright/test';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'netgov-lens@netgov-lens.org';
export const UUID = '5d3c1e52-7a0f-4b8e-9a43-2f3f6c1d9e11';
export const EXT_ORIGIN = `moz-extension://${UUID}`;
export const HIGHLIGHTS = ['netgov-lens-dotted', 'netgov-lens-solid', 'netgov-lens-background'];

/**
 * The compiled dictionary of the build under test: beside its dist folder (build/generated/), so that a copy of
 * a build (NETGOV_DIST, e.g. a snapshot taken while others rebuild the tree) is read with its own dictionary;
 * else the tree's own.
 */
export function dictionary(): DictionaryData {
  const beside = join(DIST, '..', 'build', 'generated', 'dictionary.json');
  // A dist folder of its own (NETGOV_DIST=/work/dist-x) has none beside it: the tree's build wrote both.
  const file = existsSync(beside) ? beside : join(ROOT, 'build', 'generated', 'dictionary.json');
  return JSON.parse(readFileSync(file, 'utf8')) as DictionaryData;
}

/** At the top of each Firefox spec: skip the file when Firefox ESR is not installed (an error with CI=true). */
export function needsFirefox(): void {
  test.skip(
    !existsSync(FIREFOX) && process.env.CI !== 'true',
    `Firefox not found at ${FIREFOX} (apt-get install firefox-esr)`,
  );
}

/**
 * Prefs that keep Firefox itself quiet (no updates, telemetry, safe browsing, captive-portal or connectivity
 * checks, remote settings, push, speculative connections, DNS over HTTPS), on top of puppeteer's own. Whatever
 * still tries to leave goes to the recording proxy and is refused.
 */
function quietPrefs(proxyPort: number): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
    // Everything but 127.0.0.1 through the recording proxy (localhost itself is never proxied).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.socks_remote_dns': true,
    'network.proxy.allow_hijacking_localhost': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.places.speculativeConnect.enabled': false,
    'browser.urlbar.speculativeConnect.enabled': false,
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'browser.safebrowsing.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.enabled': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.topsites.contile.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.search.update': false,
    'geo.provider.network.url': '',
    'dom.push.connection.enabled': false,
    'dom.push.serverURL': '',
    // Remote settings (blocklists, certificates, search config): honoured on release builds only with
    // MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in the environment (set at launch); a data: address is no network.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'media.gmp-manager.updateEnabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'identity.fxaccounts.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'browser.aboutHomeStartup.skipSafeBrowsing': true,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    // The Clipboard API without the paste prompt, for reading back what "Copy" wrote.
    'dom.events.testing.asyncClipboard': true,
    'dom.events.asyncClipboard.readText': true,
  };
}

/** An HTTP proxy that answers nothing: every request is remembered ("CONNECT host:port", "GET url") and refused. */
async function startRecordingProxy(): Promise<{ port: number; log: string[]; close: () => Promise<void> }> {
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    res.writeHead(502, { Connection: 'close' });
    res.end();
  });
  server.on('connect', (req, socket: Socket) => {
    log.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface FirefoxSession {
  browser: Browser;
  server: StaticServer;
  /** One of our pages (the glossary, opened from a popover), kept open to call browser.* from. */
  ext: Page;
  /** What the proxy refused: every request that tried to leave 127.0.0.1, by anyone (page, extension, Firefox). */
  outside: string[];
  /** Every request puppeteer saw in any tab, as "METHOD url". */
  requests: string[];
  /** Uncaught errors of any tab. */
  pageErrors: string[];
  close: () => Promise<void>;
}

/** Where a page of the tab lives now (puppeteer keeps "about:blank" for tabs the extension opened). */
export async function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

function watch(page: Page, session: Pick<FirefoxSession, 'requests' | 'pageErrors'>): void {
  page.on('request', (r) => {
    session.requests.push(`${r.method()} ${r.url()}`);
  });
  page.on('pageerror', (e) => session.pageErrors.push(String(e)));
}

/** A session without our extension page: what the shipped build gives (its popover cannot be clicked into). */
export type ShippedFirefoxSession = Omit<FirefoxSession, 'ext'>;

/** Firefox with `extension` installed as a temporary add-on, a local server and the recording proxy. */
async function startFirefox(extension: string, prefs?: Record<string, unknown>): Promise<ShippedFirefoxSession> {
  const server = await startServer({
    '/fixtures/': join(ROOT, 'tests', 'fixtures', 'pages'),
    ...(CORPUS ? { '/corpus/': CORPUS } : {}),
  });
  const proxy = await startRecordingProxy();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    dumpio: process.env.NETGOV_FIREFOX_DUMPIO === '1',
    extraPrefsFirefox: { ...quietPrefs(proxy.port), ...prefs },
  });
  const partial = { requests: [] as string[], pageErrors: [] as string[] };
  browser.on('targetcreated', (t: Target) => {
    void t.page().then((p) => p && watch(p, partial));
  });
  for (const p of await browser.pages()) watch(p, partial);
  await browser.installExtension(extension);
  return {
    browser,
    server,
    outside: proxy.log,
    ...partial,
    close: async () => {
      await browser.close();
      await proxy.close();
      await server.close();
    },
  };
}

/** Firefox with the build's e2e variant (dist/e2e-firefox: the popover's shadow root open, for the helpers below). */
export async function launchFirefox(options: { prefs?: Record<string, unknown> } = {}): Promise<FirefoxSession> {
  // Called from beforeAll: starting Firefox and opening the glossary can take a while on a busy two-core machine.
  test.setTimeout(120_000);
  return startE2eFirefox(options.prefs);
}

async function startE2eFirefox(prefs?: Record<string, unknown>): Promise<FirefoxSession> {
  const session = await startFirefox(buildDir(DIST, 'firefox', 'e2e'), prefs);
  // The driver may not navigate to moz-extension:// addresses; the extension opens its glossary itself when a
  // reader chooses "Open in glossary" in a popover, and that tab is ours to script.
  const page = await newTab(session.browser, `${session.server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  await hover(page, 'ICANN');
  const ext = await expectNewTab(session.browser, () => clickInPopover(page, 'button', 'Open in glossary'));
  await waitForLocation(ext, `${EXT_ORIGIN}/glossary.html#term-icann`);
  await page.close();
  return { ...session, ext };
}

/** Firefox with the build that ships (dist/firefox, closed shadow root), for closed-shadow.spec.ts. */
export async function launchShippedFirefox(): Promise<ShippedFirefoxSession> {
  test.setTimeout(120_000);
  return startFirefox(buildDir(DIST, 'firefox', 'shipped'));
}

/**
 * `test` with `firefox`: one launchFirefox() session shared by the files of a worker that need neither prefs
 * nor a profile of their own (starting Firefox and opening the glossary took about 10 s per file on these
 * cores). Such a file takes it in beforeAll and resets the settings there (forSharedFirefoxFile); it does not
 * close it. A file that counts every request since Firefox started (privacy.spec.ts), or needs prefs, a
 * device or another build, launches its own; so does popup.spec.ts for now (it timed out once while sharing).
 */
export const firefoxTest = test.extend<object, { firefox: FirefoxSession }>({
  firefox: [
    async ({}, use) => {
      const s = await startE2eFirefox();
      await use(s);
      await s.close();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

/** What a file that shares the worker's Firefox does first: the defaults back (each file closes its own tabs). */
export async function forSharedFirefoxFile(s: FirefoxSession): Promise<FirefoxSession> {
  await resetSettings(s);
  return s;
}

export async function newTab(browser: Browser, url?: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  if (url) await page.goto(url);
  return page;
}

/** Runs `action` and returns the tab it made the browser open. */
export async function expectNewTab(browser: Browser, action: () => Promise<unknown>): Promise<Page> {
  const created = new Promise<Target>((resolve) => {
    const on = (t: Target) => {
      if (t.type() !== 'page') return;
      browser.off('targetcreated', on);
      resolve(t);
    };
    browser.on('targetcreated', on);
  });
  await action();
  // Bounded, with a message: an unbounded wait here once spent the whole test's 60 s with no clue which step.
  const target = await within(created, 15_000, 'no new tab opened');
  const page = await within(target.page(), 15_000, 'the new tab has no page');
  if (!page) throw new Error('no page for the new tab');
  return page;
}

/** `promise`, or an error naming `what` after `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function waitForLocation(page: Page, url: string | RegExp): Promise<void> {
  await expect
    .poll(async () => {
      try {
        // Each try bounded: an evaluate sent while the document is replaced may never be answered.
        return await within(
          page.evaluate(() => (document.readyState === 'complete' ? location.href : '')),
          2_000,
          'location',
        );
      } catch {
        return ''; // the new tab's document is being replaced
      }
    })
    .toMatch(typeof url === 'string' ? new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : url);
}

/** Opens one of our pages (e.g. "options.html") in a new tab, from the extension, and waits until it has loaded. */
export async function openExtensionPage(s: FirefoxSession, path: string): Promise<Page> {
  const url = `${EXT_ORIGIN}/${path}`;
  const page = await expectNewTab(s.browser, () =>
    s.ext.evaluate((u) => (globalThis as unknown as { browser: typeof chrome }).browser.tabs.create({ url: u }), url),
  );
  await waitForLocation(page, url);
  return page;
}

/** Calls browser.* from our own page: `fn` receives the WebExtension `browser` object. */
export async function bg<T, A = undefined>(
  s: FirefoxSession,
  fn: (b: typeof chrome, arg: A) => T,
  arg?: A,
): Promise<Awaited<T>> {
  // A string, evaluated by the driver: our pages' CSP forbids new Function() inside them.
  return s.ext.evaluate(`(${fn.toString()})(globalThis.browser, ${JSON.stringify(arg ?? null)})`) as Promise<
    Awaited<T>
  >;
}

/** Clears stored settings, synced and this device's own (each test starts from the defaults). */
export async function resetSettings(s: FirefoxSession): Promise<void> {
  await bg(s, async (b) => {
    await b.storage.sync.clear();
    await b.storage.local.remove('deviceSettings');
  });
}

/** Stores settings as a reader's synced settings; this device's own values are cleared, so these apply. */
export async function setSettings(s: FirefoxSession, settings: Record<string, unknown>): Promise<void> {
  await bg(
    s,
    async (b, v) => {
      await b.storage.local.remove('deviceSettings');
      await b.storage.sync.set({ settings: { schemaVersion: 1, ...v } });
    },
    settings,
  );
}

/** The stored settings: the synced ones and this device's (storage.local deviceSettings), as one object. */
export async function storedSettings(s: FirefoxSession): Promise<unknown> {
  return bg(s, async (b) => {
    const sync = (await b.storage.sync.get('settings')).settings as Record<string, unknown> | undefined;
    const local = (await b.storage.local.get('deviceSettings')).deviceSettings as Record<string, unknown> | undefined;
    return sync || local ? { ...sync, ...local } : undefined;
  });
}

/** The tab id of `page`: it is brought to the front and the extension is asked for the active tab. */
export async function tabIdOf(s: FirefoxSession, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await bg(s, async (b) => (await b.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  expect(typeof id).toBe('number');
  return id as number;
}

export async function badgeOf(s: FirefoxSession, tabId: number): Promise<string> {
  return bg(s, (b, id) => b.action.getBadgeText({ tabId: id }), tabId);
}

/** The terms the tab's frames reported to the background (storage.session), with their counts. */
export async function tabTerms(s: FirefoxSession, tabId: number): Promise<{ id: string; count: number }[]> {
  return bg(
    s,
    async (b, id) => {
      const stored = await b.storage.session.get(`tab:${id}`);
      const frames = (stored[`tab:${id}`] ?? {}) as Record<string, { id: string; count: number }[]>;
      const total = new Map<string, number>();
      for (const list of Object.values(frames)) for (const t of list) total.set(t.id, (total.get(t.id) ?? 0) + t.count);
      return [...total].map(([tid, count]) => ({ id: tid, count }));
    },
    tabId,
  );
}

export async function highlightCount(page: Page): Promise<number> {
  return page.evaluate((names) => {
    let n = 0;
    for (const name of names) n += (CSS.highlights.get(name) as unknown as Set<unknown> | undefined)?.size ?? 0;
    return n;
  }, HIGHLIGHTS);
}

export async function waitForHighlights(page: Page, min = 1): Promise<number> {
  await page.waitForFunction(
    (names, m) => {
      let n = 0;
      for (const name of names) n += (CSS.highlights.get(name) as unknown as Set<unknown> | undefined)?.size ?? 0;
      return n >= m;
    },
    { timeout: 20_000 },
    HIGHLIGHTS,
    min,
  );
  return highlightCount(page);
}

/** Waits until the highlight count has stayed the same for six animation frames in a row after the page loaded. */
export async function settledHighlights(page: Page): Promise<number> {
  await page.waitForFunction(() => document.readyState === 'complete');
  return page.evaluate(
    (names) =>
      new Promise<number>((resolve) => {
        const count = () => {
          let n = 0;
          for (const name of names) n += (CSS.highlights.get(name) as unknown as Set<unknown> | undefined)?.size ?? 0;
          return n;
        };
        let last = -1;
        let same = 0;
        let frames = 0;
        const tick = () => {
          const n = count();
          same = n === last ? same + 1 : 0;
          last = n;
          // The scan works in idle slices: wait for a quiet stretch, at most about ten seconds.
          if ((same >= 20 && frames > 30) || frames > 600) resolve(n);
          else {
            frames++;
            requestAnimationFrame(tick);
          }
        };
        tick();
      }),
    HIGHLIGHTS,
  );
}

export interface RangeBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function highlightedRanges(page: Page): Promise<RangeBox[]> {
  return page.evaluate((names) => {
    const out: { text: string; x: number; y: number; width: number; height: number }[] = [];
    for (const name of names) {
      const h = CSS.highlights.get(name) as unknown as Set<AbstractRange> | undefined;
      if (!h) continue;
      for (const r of h) {
        const range = document.createRange();
        try {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
        } catch {
          continue;
        }
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        out.push({ text: range.toString(), x: rect.x, y: rect.y, width: rect.width, height: rect.height });
      }
    }
    return out;
  }, HIGHLIGHTS);
}

/** Scrolls the nth highlight reading `text` to the middle of the viewport and returns its box. */
export async function scrollToHighlight(page: Page, text: string, nth = 0): Promise<RangeBox | undefined> {
  await page.evaluate(
    (names, t, n) => {
      let i = 0;
      for (const name of names) {
        for (const r of (CSS.highlights.get(name) as unknown as Set<AbstractRange> | undefined) ?? []) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() !== t || i++ !== n) continue;
          const rect = range.getBoundingClientRect();
          if (rect.top < 60 || rect.bottom > innerHeight - 60) window.scrollBy(0, rect.top - innerHeight / 2);
          return;
        }
      }
    },
    HIGHLIGHTS,
    text,
    nth,
  );
  return (await highlightedRanges(page)).filter((r) => r.text === text)[nth];
}

/** Rests the pointer on the nth highlight reading `text` and waits for the popover. */
export async function hover(page: Page, text: string, nth = 0): Promise<void> {
  const target = await scrollToHighlight(page, text, nth);
  expect(target, `a highlight "${text}"`).toBeTruthy();
  const x = (target?.x ?? 0) + Math.min(6, (target?.width ?? 0) / 2);
  const y = (target?.y ?? 0) + (target?.height ?? 0) / 2;
  await page.mouse.move(Math.max(1, x - 30), Math.max(1, y - 30));
  await page.mouse.move(x, y);
  await waitForPopover(page);
}

export async function waitForPopover(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const pop = document.querySelector('netgov-lens-ui')?.shadowRoot?.querySelector('.popover');
      const title = pop?.querySelector('h2')?.textContent ?? '';
      // The entry arrives from the background a moment after the popover opens ("Loading…").
      return (
        !!pop &&
        (pop as HTMLElement).checkVisibility({ visibilityProperty: true }) &&
        title !== '' &&
        !title.startsWith('Loading')
      );
    },
    { timeout: 10_000 },
  );
}

export async function popoverOpen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const pop = document.querySelector('netgov-lens-ui')?.shadowRoot?.querySelector('.popover');
    return !!pop && (pop as HTMLElement).checkVisibility({ visibilityProperty: true });
  });
}

/** Text of every element matching `selector` inside the open popover. */
export async function popoverTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...(document.querySelector('netgov-lens-ui')?.shadowRoot?.querySelectorAll(`.popover ${sel}`) ?? [])].map(
        (e) => e.textContent?.trim() ?? '',
      ),
    selector,
  );
}

export async function popoverTitle(page: Page): Promise<string> {
  return (await popoverTexts(page, 'h2'))[0] ?? '';
}

/** Waits for the popover's title to read `title`. */
export async function waitForTitle(page: Page, title: string): Promise<void> {
  await expect.poll(() => popoverTitle(page)).toBe(title);
}

/** The first element matching `selector` in the popover whose text is `text` (within `within`, if given). */
export async function inPopover(
  page: Page,
  selector: string,
  text: string | RegExp,
  within?: { selector: string; hasText: string },
): Promise<ElementHandle<HTMLElement>> {
  const handle = await page.waitForFunction(
    (sel, t, isRe, w) => {
      const root = document.querySelector('netgov-lens-ui')?.shadowRoot;
      if (!root) return null;
      const scopes = w
        ? [...root.querySelectorAll(`.popover ${w.selector}`)].filter((e) => e.textContent?.includes(w.hasText))
        : [root];
      const re = isRe ? new RegExp(t) : null;
      for (const scope of scopes)
        for (const el of scope.querySelectorAll(sel)) {
          const s = el.textContent?.trim() ?? '';
          if ((re ? re.test(s) : s === t) && (el as HTMLElement).checkVisibility({ visibilityProperty: true }))
            return el;
        }
      return null;
    },
    { timeout: 10_000 },
    selector,
    typeof text === 'string' ? text : text.source,
    typeof text !== 'string',
    within ?? null,
  );
  return handle as ElementHandle<HTMLElement>;
}

export async function clickInPopover(page: Page, selector: string, text: string): Promise<void> {
  await clickPopover(page, selector, text);
}

/** Waits until the popover's opening animation has finished. */
export async function popoverSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('netgov-lens-ui')?.shadowRoot;
    return !!root && root.getAnimations().every((a) => a.playState === 'finished');
  });
}

/** The page's DOM serialised, the extension's lazily created host left out. */
export async function serializeDom(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('[data-netgov-lens-host]')) el.remove();
    return clone.outerHTML;
  });
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Runs axe-core (its own source, injected: @axe-core/playwright needs Playwright) on the page or on the elements
 * matching `include`, shadow roots included, and returns the violations as "rule: help (targets)".
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (inc) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(inc ? { include: [[inc]] } : document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
    );
  }, include ?? null);
}

/** Text of the first element matching `selector` in a page (e.g. an extension page), or null. */
export async function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((sel) => document.querySelector(sel)?.textContent?.trim() ?? null, selector);
}

/** Clicks the first element matching `selector` whose trimmed text is `text`. */
export async function clickByText(page: Page, selector: string, text: string | RegExp): Promise<void> {
  const handle = (await page.waitForFunction(
    (sel, t, isRe) => {
      const re = isRe ? new RegExp(t) : null;
      return (
        [...document.querySelectorAll(sel)].find((el) => {
          const s = el.textContent?.trim() ?? '';
          return re ? re.test(s) : s === t;
        }) ?? null
      );
    },
    { timeout: 10_000 },
    selector,
    typeof text === 'string' ? text : text.source,
    typeof text !== 'string',
  )) as ElementHandle<HTMLElement>;
  await handle.click();
}

/** The checkbox (or radio) whose accessible label is `label`, found through its <label>. */
export async function inputByLabel(
  page: Page,
  label: string,
  type = 'checkbox',
): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (l, ty) => {
      for (const input of document.querySelectorAll<HTMLInputElement>(`input[type="${ty}"]`)) {
        const names = [
          ...[...(input.labels ?? [])].map((x) => x.textContent?.trim()),
          input.getAttribute('aria-label')?.trim(),
        ];
        if (names.includes(l)) return input;
      }
      return null;
    },
    { timeout: 10_000 },
    label,
    type,
  );
  return handle as ElementHandle<HTMLInputElement>;
}

/** Requests seen by puppeteer that went anywhere but 127.0.0.1 or our own pages. */
export function nonLocal(requests: string[]): string[] {
  return requests.filter((r) => !/^\S+ (http:\/\/127\.0\.0\.1[:/]|moz-extension:|data:|blob:|about:)/.test(r));
}

export { ROOT };

/** Replaces the text of a field by typing, as a reader would. */
export async function fill(page: Page, field: ElementHandle<HTMLInputElement>, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((el) => el.select());
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Backspace');
}

export function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/**
 * Clicks an element of the popover found as inPopover finds it; when the popover re-rendered between finding
 * and clicking (the entry arrived, it was repositioned), the element is found again.
 */
export async function clickPopover(
  page: Page,
  selector: string,
  text: string | RegExp,
  within?: { selector: string; hasText: string },
): Promise<void> {
  await expect(async () => {
    const el = await inPopover(page, selector, text, within);
    // Inside the popover's own scroll box: bring the element into view there, then click its middle.
    await el.evaluate((e) => e.scrollIntoView({ block: 'nearest' }));
    const box = await el.boundingBox();
    if (!box || box.width === 0) throw new Error(`no box for ${selector} "${String(text)}"`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }).toPass({ timeout: 10_000 });
}

/**
 * Opens every position of the popover whose details are folded away behind a disclosure button (the stance
 * as an aria-expanded toggle); a popover that shows its positions open is left as it is.
 */
export async function openPositions(page: Page): Promise<void> {
  for (let i = 0; i < 8; i++) {
    const closed = await page.evaluateHandle(
      () =>
        [
          ...(document
            .querySelector('netgov-lens-ui')
            ?.shadowRoot?.querySelectorAll<HTMLElement>('.popover .stance-toggle[aria-expanded="false"]') ?? []),
        ].find((b) => b.checkVisibility()) ?? null,
    );
    const el = closed.asElement() as ElementHandle<HTMLElement> | null;
    if (!el) return;
    await el.evaluate((e) => e.scrollIntoView({ block: 'nearest' }));
    const box = await el.boundingBox();
    if (!box) return;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((b) => b.getAttribute('aria-expanded') === 'true', {}, el);
  }
}
