// Measurements that need the real, built extension (dist/e2e-chrome in a persistent Chromium profile, as the
// end-to-end tests load it): hover-to-popover time, and how much the content script adds to a page's heap.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { type ExtensionBrowser, launchWithExtension } from '../lib/extension-browser.js';
import { buildDir } from '../lib/shadow-variant.js';
import { CHROMIUM, DIST, OFFLINE_ARGS } from './setup.js';
import { median } from './stats.js';

export interface HoverResult {
  /** Configured intent delay, subtracted from every figure below. */
  delayMs: number;
  /** The first hover on a page: creates the popover host, imports the popover's UI and mounts it. */
  firstVisibleMs: number;
  firstReadyMs: number;
  /** Medians over the later hovers (different terms each time). */
  visibleMs: number;
  readyMs: number;
  samples: number;
}

export interface MemoryResult {
  page: string;
  group: 'news' | 'govtext' | 'synthetic';
  /** The page's HTML size. */
  bytes: number;
  /** Loads per side (the medians below are over these). */
  loads: number;
  /** Page heap (V8 + Blink) after load and GC, with and without the extension; the difference is ours. */
  withoutBytes: number;
  withBytes: number;
  deltaBytes: number;
  highlights: number;
}

// Memory with and without the extension: two browser loads per repeat, so a representative subset of the
// corpus (the largest pages by HTML and by text, the densest governance texts, ordinary news) and the 5 MB page.
export const MEMORY_PAGES =
  /ma\.ttias|theverge|reddit|readability\/aclu$|wikipedia-2|lemonde|yahoo-2|siegfried|nymag\.com\.polarization|abraham-gdpr|hrpc-research|rpki-faq|article-5mb$/;

const HIGHLIGHTS = ['netgov-lens-dotted', 'netgov-lens-solid', 'netgov-lens-background'];

/**
 * A Chromium without any extension in a throwaway persistent profile, started like launchWithExtension's
 * (same flags but the extension's), so that the two sides of the memory measurement differ only in it.
 */
async function launchPlain(): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'netgov-lens-bench-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      ...OFFLINE_ARGS,
    ],
  });
  return { context, cleanup: () => rmSync(userDataDir, { recursive: true, force: true }) };
}

// The e2e variant: the hover probe below reads the popover's shadow root, closed in the shipped build (the two
// differ in that mode only, so they cost the same).
async function launchExtension(extension = buildDir(DIST, 'chrome', 'e2e')): Promise<ExtensionBrowser> {
  const { context, cleanup } = await launchWithExtension({
    extension,
    executablePath: CHROMIUM,
    profilePrefix: 'netgov-lens-bench-profile-',
    extraArgs: OFFLINE_ARGS,
  });
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return { context, cleanup };
}

async function highlightCount(page: Page): Promise<number> {
  return page.evaluate((names) => {
    let n = 0;
    for (const name of names) n += (CSS.highlights.get(name) as unknown as Set<unknown> | undefined)?.size ?? 0;
    return n;
  }, HIGHLIGHTS);
}

/**
 * Waits until the highlight count has stopped changing (the scan works in slices). A count of 0 is only
 * taken as final after `zeroMs`: the content script first reads its settings and dictionary from storage.
 */
async function settleHighlights(page: Page, zeroMs = 1500): Promise<number> {
  const start = Date.now();
  let last = -1;
  for (let stable = 0, i = 0; i < 100; i++) {
    await page.waitForTimeout(100);
    const n = await highlightCount(page);
    stable = n === last ? stable + 1 : 0;
    last = n;
    if (stable >= 3 && (n > 0 || Date.now() - start >= zeroMs)) break;
  }
  return last;
}

interface TermBox {
  text: string;
  x: number;
  y: number;
}

async function termBoxes(page: Page): Promise<TermBox[]> {
  return page.evaluate((names) => {
    const out: { text: string; x: number; y: number }[] = [];
    const seen = new Set<string>();
    for (const name of names) {
      for (const r of (CSS.highlights.get(name) as unknown as Set<AbstractRange> | undefined) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getClientRects()[0];
        const text = range.toString();
        if (!rect || seen.has(text.toLowerCase())) continue;
        if (rect.top < 40 || rect.bottom > innerHeight - 40) continue;
        seen.add(text.toLowerCase());
        out.push({ text, x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2 });
      }
    }
    return out;
  }, HIGHLIGHTS);
}

// The in-page probe, as source text: tsx would wrap the named helper inside a page.evaluate callback in
// its own __name() helper, which does not exist in the page.
const ARM_PROBE = `(() => {
  const probe = { move: -1, visible: -1, ready: -1 };
  window.__hover = probe;
  addEventListener('pointermove', (e) => { if (probe.move < 0) probe.move = e.timeStamp; }, { capture: true, once: true });
  const observed = new Set();
  const check = () => {
    const root = document.querySelector('netgov-lens-ui')?.shadowRoot;
    const frame = root?.querySelector('.frame');
    // Shown, placed, and not a popover rendered ahead of its open (laid out but visibility: hidden).
    if (!root || !frame || frame.hidden || !frame.style.left) return false;
    if (!frame.checkVisibility({ visibilityProperty: true })) return false;
    const now = performance.now();
    if (probe.visible < 0) probe.visible = now;
    if (probe.ready < 0 && root.querySelector('.position')) probe.ready = now;
    return probe.ready >= 0;
  };
  // Mutations report the moment the DOM changes; the host is created lazily, so watch the document too.
  const observer = new MutationObserver(() => {
    const root = document.querySelector('netgov-lens-ui')?.shadowRoot;
    if (root && !observed.has(root)) {
      observed.add(root);
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    }
    if (check()) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true });
  const root = document.querySelector('netgov-lens-ui')?.shadowRoot;
  if (root) {
    observed.add(root);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  }
})()`;

/**
 * Arms the probe, moves the pointer onto the term and returns the times (page clock, from the pointer
 * event) at which the popover frame became visible and its entry content was rendered.
 */
async function hoverOnce(page: Page, box: TermBox): Promise<{ visible: number; ready: number }> {
  await page.evaluate(ARM_PROBE);
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction('window.__hover.ready >= 0', undefined, { timeout: 10_000 });
  const probe = (await page.evaluate('window.__hover')) as { move: number; visible: number; ready: number };
  return { visible: probe.visible - probe.move, ready: probe.ready - probe.move };
}

async function closePopover(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => {
    const frame = document.querySelector('netgov-lens-ui')?.shadowRoot?.querySelector<HTMLElement>('.frame');
    return !frame || frame.hidden;
  });
}

/** `extension` is a built e2e variant's folder (scripts/bench/hover.ts compares two builds). */
export async function measureHover(
  pageUrl: string,
  delayMs: number,
  hovers: number,
  extension?: string,
): Promise<HoverResult> {
  const { context, cleanup } = await launchExtension(extension);
  try {
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'load' });
    await settleHighlights(page);
    const boxes = await termBoxes(page);
    if (boxes.length < 2) throw new Error(`bench: only ${boxes.length} hoverable terms on ${pageUrl}`);
    await page.mouse.move(2, 2);
    const visible: number[] = [];
    const ready: number[] = [];
    let first = { visible: Number.NaN, ready: Number.NaN };
    for (let i = 0; i <= hovers; i++) {
      const box = boxes[i % boxes.length] as TermBox;
      const t = await hoverOnce(page, box);
      if (i === 0) first = t;
      else {
        visible.push(t.visible - delayMs);
        ready.push(t.ready - delayMs);
      }
      await closePopover(page);
    }
    return {
      delayMs,
      firstVisibleMs: first.visible - delayMs,
      firstReadyMs: first.ready - delayMs,
      visibleMs: median(visible),
      readyMs: median(ready),
      samples: visible.length,
    };
  } finally {
    await context.close();
    cleanup();
  }
}

async function pageHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  await cdp.detach();
  return usage.usedSize + (usage.embedderHeapUsedSize ?? 0);
}

/**
 * Page heap with the extension minus page heap without it, on the same pages, medians of `repeats` loads:
 * two persistent profiles started alike, one with the built extension and one with none, loads alternated.
 */
export async function measureMemory(
  pages: { name: string; url: string; group: MemoryResult['group']; bytes: number }[],
  repeats: number,
): Promise<MemoryResult[]> {
  return (await measureMemoryBuilds(pages, repeats, [buildDir(DIST, 'chrome', 'e2e')]))[0] ?? [];
}

/**
 * measureMemory for several builds at once (e2e variant folders; scripts/bench/memory.ts compares them): one
 * persistent profile per build and one with no extension, all started alike and kept for the run; for each
 * page and repeat, the page is loaded in the plain profile and then in each build's, so that the machine's
 * state falls on every side alike. One result list per build, each against the same plain loads.
 */
export async function measureMemoryBuilds(
  pages: { name: string; url: string; group: MemoryResult['group']; bytes: number }[],
  repeats: number,
  extensions: string[],
): Promise<MemoryResult[][]> {
  const browsers: ExtensionBrowser[] = [];
  try {
    for (const extension of extensions) browsers.push(await launchExtension(extension));
    const plain = await launchPlain();
    browsers.push(plain);
    const out = extensions.map((): MemoryResult[] => []);
    for (const p of pages) {
      const withExt = extensions.map((): number[] => []);
      const without: number[] = [];
      const highlights = extensions.map(() => 0);
      for (let r = 0; r < repeats; r++) {
        const b = await plain.context.newPage();
        await b.goto(p.url, { waitUntil: 'load', timeout: 60_000 });
        await b.waitForTimeout(300);
        without.push(await pageHeap(b));
        await b.close();
        for (const [i, browser] of browsers.slice(0, extensions.length).entries()) {
          const a = await browser.context.newPage();
          await a.goto(p.url, { waitUntil: 'load', timeout: 60_000 });
          highlights[i] = await settleHighlights(a);
          withExt[i]?.push(await pageHeap(a));
          await a.close();
        }
      }
      const wo = median(without);
      for (const [i, list] of out.entries()) {
        const w = median(withExt[i] ?? []);
        list.push({
          page: p.name,
          group: p.group,
          bytes: p.bytes,
          loads: repeats,
          withBytes: w,
          withoutBytes: wo,
          deltaBytes: w - wo,
          highlights: highlights[i] ?? 0,
        });
      }
    }
    return out;
  } finally {
    for (const b of browsers) {
      await b.context.close();
      b.cleanup();
    }
  }
}

export interface FrameCostResult {
  /** What the frames are, for the tables: "annotated frames", "blank and tiny frames", … */
  label: string;
  description: string;
  /** Whether the content script is expected to annotate these frames (no target then, only a report). */
  annotated: boolean;
  frames: number;
  /** Main-thread time in the content script (compile, evaluate, every call into it), all frames (ms). */
  totalMs: number;
  /** totalMs / frames: what the content script costs each frame (start-up and scan together). */
  perFrameMs: number;
  /** Of totalMs: compiling and evaluating content.js (its start-up). */
  startupMs: number;
  /** What the trace's events alone attribute to content.js (without the profiler's samples), all frames (ms). */
  attributedMs: number;
  /** Highlights in the frames, to show the content script did its work. */
  highlights: number;
  /** Loads measured (the median load is reported). */
  loads: number;
  /**
   * The platform's floor, measured alongside: perFrameMs of the same build with an empty content.js (same
   * manifest, content.css and all_frames), loads alternated with ours.
   */
  floorPerFrameMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    /** Of a thread_name metadata event ("M"). */
    name?: string;
    data?: {
      url?: string;
      scriptName?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    fileName?: string;
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string };
}

type Interval = [start: number, end: number];

const threadOf = (e: TraceEvent): string => `${e.pid}:${e.tid}`;

/** Total length of the union of `intervals` (µs), each counted once where they overlap. */
function unionLength(intervals: Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (s >= end) total += e - s;
    else if (e > end) total += e - end;
    end = Math.max(end, e);
  }
  return total;
}

// A sample stands for the time since the previous one, up to this much (a gap means the thread was idle).
const MAX_SAMPLE_US = 2000;

/**
 * The intervals, per process, in which the V8 sampling profiler (trace category v8.cpu_profiler) found a
 * function of `urlPrefix` anywhere on the stack: this catches the promise continuations and microtasks that
 * the trace's own events do not attribute to a script.
 */
function sampledIntervals(events: TraceEvent[], urlPrefix: string, threads: Set<string>): Map<number, Interval[]> {
  const out = new Map<number, Interval[]>();
  const profiles = new Map<string, { time: number; nodes: Map<number, ProfileNode>; ours: Map<number, boolean> }>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id !== undefined && threads.has(threadOf(e))) {
      profiles.set(`${e.pid}:${e.id}`, { time: e.args?.data?.startTime ?? e.ts, nodes: new Map(), ours: new Map() });
    }
  }
  const isOurs = (p: { nodes: Map<number, ProfileNode>; ours: Map<number, boolean> }, id: number): boolean => {
    const known = p.ours.get(id);
    if (known !== undefined) return known;
    const node = p.nodes.get(id);
    const result =
      !!node &&
      ((node.callFrame?.url ?? '').startsWith(urlPrefix) || (node.parent !== undefined && isOurs(p, node.parent)));
    p.ours.set(id, result);
    return result;
  };
  for (const e of events.filter((x) => x.name === 'ProfileChunk').sort((x, y) => x.ts - y.ts)) {
    const p = profiles.get(`${e.pid}:${e.id ?? ''}`);
    if (!p) continue;
    for (const n of e.args?.data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const samples = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    for (const [i, id] of samples.entries()) {
      const delta = deltas[i] ?? 0;
      p.time += delta;
      if (!isOurs(p, id)) continue;
      const list = out.get(e.pid) ?? [];
      list.push([p.time - Math.min(Math.max(delta, 0), MAX_SAMPLE_US), p.time]);
      out.set(e.pid, list);
    }
  }
  return out;
}

/**
 * Main-thread time spent in scripts from `urlPrefix`, from a Chromium trace: the events attributed to them
 * (compiling, evaluating, calls into them) together with the profiler's samples with them on the stack,
 * overlaps counted once. Also what the events alone say, as the earlier runs measured it.
 */
function scriptTime(
  events: TraceEvent[],
  urlPrefix: string,
): { totalMs: number; startupMs: number; attributedMs: number } {
  // Main threads only: a module script (the main content script) is parsed on a background thread
  // (v8.parseOnBackground), which the page's main thread does not wait for.
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(threadOf),
  );
  const ours = events.filter((e) => {
    if (e.ph !== 'X' || e.dur === undefined || !mainThreads.has(threadOf(e))) return false;
    const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '';
    return url.startsWith(urlPrefix);
  });
  const byProcess = (list: TraceEvent[]): Map<number, Interval[]> => {
    const m = new Map<number, Interval[]>();
    for (const e of list) m.set(e.pid, [...(m.get(e.pid) ?? []), [e.ts, e.ts + (e.dur as number)]]);
    return m;
  };
  const total = (m: Map<number, Interval[]>): number => [...m.values()].reduce((t, l) => t + unionLength(l), 0) / 1000;
  const attributed = byProcess(ours);
  const combined = new Map(attributed);
  for (const [pid, list] of sampledIntervals(events, urlPrefix, mainThreads))
    combined.set(pid, [...(combined.get(pid) ?? []), ...list]);
  return {
    totalMs: total(combined),
    startupMs: total(byProcess(ours.filter((e) => e.name === 'EvaluateScript' || e.name.startsWith('v8.compile')))),
    attributedMs: total(attributed),
  };
}

export async function traceLoad(page: Page, url: string): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'v8',
        'disabled-by-default-devtools.timeline',
        // JavaScript samples with their stacks (100 µs apart), as DevTools' performance panel records them.
        'disabled-by-default-v8.cpu_profiler',
        'disabled-by-default-v8.cpu_profiler.hires',
      ],
    },
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  // The scans run in slices after load: give them time to finish before the trace ends.
  await page.waitForTimeout(1500);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return events;
}

/** Highlights registered in all frames of `page`. */
async function frameHighlights(page: Page): Promise<number> {
  let n = 0;
  for (const frame of page.frames()) {
    n += await frame
      .evaluate((names) => {
        let k = 0;
        for (const name of names) k += (CSS.highlights.get(name) as unknown as Set<unknown> | undefined)?.size ?? 0;
        return k;
      }, HIGHLIGHTS)
      .catch(() => 0);
  }
  return n;
}

export interface FrameVariant {
  label: string;
  description: string;
  annotated: boolean;
  url: string;
  frames: number;
  /** Load it with the site switched off (127.0.0.1 in the reader's denied sites). */
  switchedOff?: boolean;
}

// Run in the service worker: the reader's settings with 127.0.0.1 denied, or back to the defaults.
const SWITCH_OFF = "chrome.storage.sync.set({ settings: { schemaVersion: 1, deniedSites: ['127.0.0.1'] } })";
const SWITCH_ON = "chrome.storage.sync.remove('settings')";

/**
 * A copy of the extension in `dir` whose content script is empty (`void 0`): the same manifest (every frame,
 * about:blank ones too), content.css and background, so that what it costs per frame is what any content
 * script costs here (the isolated world, compiling and running a script, the trace's attribution): the floor
 * below which ours cannot go.
 */
function emptyContentScript(dir: string): { dir: string; cleanup: () => void } {
  const copy = mkdtempSync(join(tmpdir(), 'netgov-lens-bench-floor-'));
  cpSync(dir, copy, { recursive: true });
  writeFileSync(join(copy, 'content.js'), 'void 0;\n');
  return { dir: copy, cleanup: () => rmSync(copy, { recursive: true, force: true }) };
}

/**
 * The content script runs in every frame (all_frames). On pages of small same-origin frames, a Chromium
 * trace of each load gives the main-thread time spent in the extension's content script: compiling and
 * evaluating it in every frame, then everything it runs. The variants' loads are alternated, each load of
 * ours followed by one of the empty content script (the floor, in a second browser); medians of `repeats`
 * loads each, after one warm-up load of each.
 */
export async function measureFrameCost(
  variants: FrameVariant[],
  repeats: number,
  extension = buildDir(DIST, 'chrome', 'e2e'),
): Promise<FrameCostResult[]> {
  const floorBuild = emptyContentScript(extension);
  const browsers = [await launchExtension(extension), await launchExtension(floorBuild.dir)];
  try {
    const workers = await Promise.all(
      browsers.map(async ({ context }) => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))),
    );
    // Every script of the extension counts: the loader (content.js) and the main script it imports
    // (content-main.js), which Chrome may serve at the session's dynamic URL (use_dynamic_url), whose id
    // is not the extension's: so the prefix is the scheme alone. The profile holds no other extension.
    const extensionUrl = `${(workers[0] as (typeof workers)[number]).url().split(':')[0]}:`;
    // [variant][0: ours, 1: floor]
    const totals = variants.map(() => browsers.map(() => [] as ReturnType<typeof scriptTime>[]));
    const highlights = variants.map(() => 0);
    for (let r = 0; r < repeats + 1; r++) {
      for (const [i, v] of variants.entries()) {
        for (const [b, { context }] of browsers.entries()) {
          await workers[b]?.evaluate(v.switchedOff ? SWITCH_OFF : SWITCH_ON);
          const page = await context.newPage();
          const events = await traceLoad(page, v.url);
          if (b === 0) highlights[i] = await frameHighlights(page);
          await page.close();
          // The first load warms the HTTP cache and the profile: not counted.
          if (r > 0) totals[i]?.[b]?.push(scriptTime(events, extensionUrl));
        }
      }
    }
    await Promise.all(workers.map((w) => w.evaluate(SWITCH_ON)));
    return variants.map((v, i) => {
      const t = totals[i]?.[0] ?? [];
      const totalMs = median(t.map((x) => x.totalMs));
      return {
        label: v.label,
        description: v.description,
        annotated: v.annotated,
        frames: v.frames,
        totalMs,
        perFrameMs: totalMs / (v.frames + 1),
        startupMs: median(t.map((x) => x.startupMs)),
        attributedMs: median(t.map((x) => x.attributedMs)),
        highlights: highlights[i] ?? 0,
        loads: t.length,
        floorPerFrameMs: median((totals[i]?.[1] ?? []).map((x) => x.totalMs)) / (v.frames + 1),
      };
    });
  } finally {
    for (const { context, cleanup } of browsers) {
      await context.close();
      cleanup();
    }
    floorBuild.cleanup();
  }
}
