// The in-page side of `npm run bench`: bundled by esbuild into one IIFE and injected into every benchmark
// page before its own content. It runs the contenders on the live document and times them with
// performance.now() (the pages are served cross-origin isolated, so the clock resolves to 5 µs).
// "ours" is the real content-script pipeline: SegmentWalker + HighlightPainter inside the Annotator, with
// the LiveUpdater watching, exactly as src/content/controller.ts wires them; its text is matched by the
// match service (src/background/match-service.ts), which in the extension runs in the background and here
// in a dedicated Worker (match-worker.ts), started and given its dictionary before the clock.
import Mark from 'mark.js';
import compiled from '../../build/generated/matcher.json';
import { Annotator } from '../../src/content/annotator.js';
import type { BlockMatcher } from '../../src/content/block-matcher.js';
import { LiveUpdater } from '../../src/content/live.js';
import { HighlightPainter } from '../../src/content/painter.js';
import { type BlockMatches, parseBlockMatches } from '../../src/core/messages.js';
import { boundaryErrors, oneRegExp, wordAt, wordBefore, wordBoundedRegExp } from './one-regexp.js';
import type {
  BenchApi,
  BurstResult,
  DictionaryKey,
  HighlightErrors,
  RunResult,
  WorkerReply,
  WorkerRequest,
} from './protocol.js';

/** The match-service Worker's bundle (setup.ts bundles match-worker.ts and defines this). */
declare const __NGL_BENCH_WORKER__: string;

const HOST_TAG = 'NETGOV-LENS-UI';
// As JSON text, handed to the match service's Worker before the clock starts.
const dictionaries: Record<DictionaryKey, string | null> = {
  real: JSON.stringify(compiled),
  x10: null,
};

// Long tasks from any origin, for a cross-check of our own task timing.
interface LongTask {
  start: number;
  duration: number;
}
const longTasks: LongTask[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // Long Tasks API missing: the instrumented task times below still work.
}

function longTasksBetween(from: number, to: number): { longTasks: number; longestLongTaskMs: number } {
  const hits = longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  return { longTasks: hits.length, longestLongTaskMs: Math.max(0, ...hits.map((t) => t.duration)) };
}

/** Durations of our own tasks: every entry point the browser calls into is wrapped once, here. */
class TaskLog {
  max = 0;
  count = 0;
  total = 0;
  longestIn = '';
  enabled = false;
  /** Busy time per entry point, to see where the main thread goes. */
  by: Record<string, number> = {};
  add(where: string, ms: number): void {
    if (!this.enabled) return;
    this.count++;
    this.total += ms;
    this.by[where] = (this.by[where] ?? 0) + ms;
    if (ms > this.max) {
      this.max = ms;
      this.longestIn = where;
    }
  }
  reset(): void {
    this.max = 0;
    this.count = 0;
    this.total = 0;
    this.longestIn = '';
    this.by = {};
  }
}
const taskLog = new TaskLog();

/**
 * Wraps a (TypeScript-private) method so that each call is timed. These methods are whole tasks: the slicer
 * calls Annotator.work from a MessageChannel message, the LiveUpdater's flush runs from a timer and its
 * collect from the MutationObserver callback.
 */
function timeMethod(proto: object, name: string, label: string): void {
  const target = proto as Record<string, unknown>;
  const original = target[name];
  if (typeof original !== 'function') throw new Error(`bench: ${label} has no method ${name}`);
  target[name] = function timed(this: unknown, ...args: unknown[]): unknown {
    const t = performance.now();
    try {
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } finally {
      taskLog.add(label, performance.now() - t);
    }
  };
}
timeMethod(Annotator.prototype, 'work', 'scan slice');
// Each answer's ranges are built in a microtask after the reply message (resolved above).
timeMethod(Annotator.prototype, 'received', 'apply reply');
timeMethod(LiveUpdater.prototype, 'flush', 'live flush');
timeMethod(LiveUpdater.prototype, 'collect', 'mutation callback');
let flushes = 0;
{
  const proto = LiveUpdater.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const flush = proto.flush as (...a: unknown[]) => unknown;
  proto.flush = function counted(this: unknown, ...args: unknown[]): unknown {
    flushes++;
    return flush.apply(this, args);
  };
}

/**
 * The match service in a Worker, as a BlockMatcher: batches out by postMessage (its structured clone is
 * part of our timed scan slice), answers validated as the content script validates them, in the timed reply
 * handler (which includes the answer's deserialisation on this thread).
 */
interface Service extends BlockMatcher {
  setupMs: number;
  /** The service's own matching time and batches since the last reset. */
  serviceMs: number;
  batches: number;
  terminate(): void;
}

async function startService(json: string): Promise<Service> {
  const url = URL.createObjectURL(new Blob([__NGL_BENCH_WORKER__], { type: 'text/javascript' }));
  const worker = new Worker(url);
  URL.revokeObjectURL(url);
  const pending = new Map<number, { texts: string[]; resolve: (r: BlockMatches | null) => void }>();
  let nextId = 0;
  const setupMs = await new Promise<number>((resolve, reject) => {
    worker.onerror = (e) => reject(new Error(`bench worker: ${e.message}`));
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      if (e.data.type === 'ready') resolve(e.data.setupMs);
    };
    worker.postMessage({ type: 'load', json } satisfies WorkerRequest);
  });
  const service: Service = {
    setupMs,
    serviceMs: 0,
    batches: 0,
    match(texts) {
      const id = nextId++;
      service.batches++;
      return new Promise((resolve) => {
        pending.set(id, { texts, resolve });
        worker.postMessage({ type: 'match', id, texts } satisfies WorkerRequest);
      });
    },
    setDisabledTerms: () => undefined,
    ownTermsChanged: () => undefined,
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const t = performance.now();
    const data = e.data;
    if (data.type === 'matches') {
      const asked = pending.get(data.id);
      pending.delete(data.id);
      service.serviceMs += data.ms;
      asked?.resolve(parseBlockMatches(data.reply, asked.texts));
    }
    taskLog.add('reply message', performance.now() - t);
  };
  return service;
}

interface Running {
  annotator: Annotator;
  painter: HighlightPainter;
  live: LiveUpdater;
  service: Service;
}
// Kept reachable so that what a run built stays in memory for the heap measurement.
let last: Running | null = null;

async function startOurs(json: string): Promise<{ running: Running; result: RunResult }> {
  // Before the clock: the background is already running, its matcher built and warm (one per browser).
  const service = await startService(json);
  taskLog.reset();
  taskLog.enabled = true;
  const t0 = performance.now();
  // The first task: what the content script does once its settings have been read (controller).
  const matcher = service;
  const t1 = performance.now();
  const painter = new HighlightPainter(window);
  const annotator = new Annotator(document, matcher, painter, {
    firstOnly: false,
    isOwnElement: (el) => el.tagName === HOST_TAG,
    onResults: () => undefined,
  });
  const live = new LiveUpdater(annotator, (node) => node.nodeType === 1 && (node as Element).tagName === HOST_TAG);
  live.observe(document);
  annotator.scanDocument();
  taskLog.add('setup', performance.now() - t0);
  await annotator.idle;
  const end = performance.now();
  taskLog.enabled = false;
  const running = { annotator, painter, live, service };
  return {
    running,
    result: {
      ms: end - t0,
      count: annotator.matchCount,
      setupMs: t1 - t0,
      serviceSetupMs: service.setupMs,
      serviceMs: service.serviceMs,
      batches: service.batches,
      maxTaskMs: taskLog.max,
      longestIn: taskLog.longestIn,
      tasks: taskLog.count,
      busyMs: taskLog.total,
      busyBy: { ...taskLog.by },
      ...longTasksBetween(t0, end),
    },
  };
}

const SKIP_PARENT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'HEAD', 'HTML']);

// ------------------------------------------------------------------ auditing highlights (never timed)

type Region = 'notRendered' | 'editable' | 'hidden' | null;
const NOT_RENDERED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'HEAD']);
const FORM_FIELDS = new Set(['TEXTAREA', 'SELECT', 'OPTION', 'BUTTON', 'DATALIST', 'INPUT']);

/** The region of the page a text node is in, for the error columns (cached per parent element). */
function regionFinder(): (node: Node) => Region {
  const cache = new Map<Element, Region>();
  return (node) => {
    const parent = node.parentElement;
    if (!parent) return null;
    const known = cache.get(parent);
    if (known !== undefined) return known;
    let notRendered = false;
    let editable = false;
    let hidden = false;
    for (let el: Element | null = parent; el && !notRendered; el = el.parentElement) {
      notRendered = NOT_RENDERED.has(el.tagName);
      const ce = el.getAttribute('contenteditable');
      if (FORM_FIELDS.has(el.tagName) || (ce !== null && ce !== 'false')) editable = true;
      if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') hidden = true;
    }
    const region: Region = notRendered
      ? 'notRendered'
      : editable
        ? 'editable'
        : hidden || !parent.checkVisibility({ visibilityProperty: true })
          ? 'hidden'
          : null;
    cache.set(parent, region);
    return region;
  };
}

const noErrors = (): HighlightErrors => ({ notRendered: 0, editable: 0, hidden: 0, insideWord: 0, missed: 0 });

/** Ours' registered ranges, sorted into the same error columns as the contender's. */
function auditRanges(ranges: Iterable<AbstractRange>): HighlightErrors {
  const errors = noErrors();
  const regionOf = regionFinder();
  for (const r of ranges) {
    const region = regionOf(r.startContainer);
    if (region) errors[region]++;
    else if (
      (r.startContainer.nodeType === 3 && wordBefore((r.startContainer as Text).data, r.startOffset)) ||
      (r.endContainer.nodeType === 3 && wordAt((r.endContainer as Text).data, r.endOffset))
    ) {
      errors.insideWord++;
    }
  }
  return errors;
}

/**
 * The one-RegExp contender's errors: its matches by region, and against the Unicode-bounded reference, on the
 * text nodes before `stoppedAt` (where it reached its time budget) or all.
 */
function auditOneRegExp(
  patterns: string[],
  highlight: Iterable<AbstractRange>,
  stoppedAt: Node | null,
): HighlightErrors {
  const errors = noErrors();
  const regionOf = regionFinder();
  // Its spans per text node, outside the regions counted above (every range lies in one text node).
  const found = new Map<Node, Set<string>>();
  for (const r of highlight) {
    const region = regionOf(r.startContainer);
    if (region) errors[region]++;
    else {
      let set = found.get(r.startContainer);
      if (!set) found.set(r.startContainer, (set = new Set()));
      set.add(`${r.startOffset}:${r.endOffset}`);
    }
  }
  const reference = wordBoundedRegExp(patterns);
  const none = new Set<string>();
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && n !== stoppedAt; n = walker.nextNode()) {
    if (regionOf(n)) continue;
    const b = boundaryErrors((n as Text).data, found.get(n) ?? none, reference);
    errors.insideWord += b.insideWord;
    errors.missed += b.missed;
  }
  return errors;
}

const ONE_REGEXP_HIGHLIGHT = 'bench-one-regexp';

/**
 * The result of a contender that works through `total` items one pass each and may stop at its time budget
 * after `done`: its time is then extrapolated linearly, and marked partial.
 */
function budgeted(measuredMs: number, count: number, done: number, total: number): RunResult {
  if (done === total) return { ms: measuredMs, count };
  return { ms: (measuredMs * total) / done, count, partial: { done, total, measuredMs } };
}

const api: BenchApi = {
  floor() {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      chars += (n as Text).data.length;
      nodes++;
    }
    const ms = performance.now() - t0;
    return { ms, count: 0, nodes, chars };
  },

  async ours(key, audit = false) {
    const dict = dictionaries[key];
    if (!dict) throw new Error(`bench: dictionary ${key} not loaded`);
    const { running, result } = await startOurs(dict);
    last = running;
    if (!audit) return result;
    const registered = CSS.highlights.get('netgov-lens-dotted') as unknown as Iterable<AbstractRange> | undefined;
    return { ...result, errors: auditRanges(registered ?? []) };
  },

  oneRegExp(patternsJson, audit, budgetMs) {
    // Everything such an extension does on a page load: read its pattern list, build and compile the RegExp,
    // walk every text node, one StaticRange per match, one Highlight registered.
    const t0 = performance.now();
    const patterns = JSON.parse(patternsJson) as string[];
    const re = oneRegExp(patterns);
    const highlight = new Highlight();
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    // The RegExp is compiled on its first use, and again on the first text that is not Latin-1: the time up
    // to the end of the first node, and the slowest node's, are set-up when extrapolating, not walking.
    let firstDone = -1;
    let slowest = 0;
    let chars = 0;
    let nodes = 0;
    let stopped: Node | null = null;
    let before = t0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n as Text).data;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        highlight.add(
          new StaticRange({
            startContainer: n,
            startOffset: m.index,
            endContainer: n,
            endOffset: m.index + m[0].length,
          }),
        );
      }
      chars += text.length;
      const now = performance.now();
      if (firstDone < 0) firstDone = now;
      else slowest = Math.max(slowest, now - before);
      before = now;
      // On short text nodes one exec of this RegExp can take a millisecond: stop at the budget and extrapolate.
      if ((++nodes & 15) === 0 && now - t0 > budgetMs) {
        stopped = walker.nextNode();
        break;
      }
    }
    CSS.highlights.set(ONE_REGEXP_HIGHLIGHT, highlight);
    const end = performance.now();
    let result: RunResult = { ms: end - t0, count: highlight.size, maxTaskMs: end - t0, tasks: 1 };
    if (stopped) {
      // Linear in the characters left (counted after the clock stopped); the set-up is not extrapolated.
      let total = chars;
      for (let n: Node | null = stopped; n; n = walker.nextNode()) total += (n as Text).data.length;
      const setup = firstDone - t0 + slowest;
      const ms = setup + ((end - firstDone - slowest) * total) / Math.max(1, chars);
      result = { ...result, ms, maxTaskMs: ms, partial: { done: chars, total, measuredMs: end - t0 } };
    }
    return audit ? { ...result, errors: auditOneRegExp(patterns, highlight, stopped) } : result;
  },

  setDictionary(key, json) {
    dictionaries[key] = json;
  },

  markRegExp(source, flags) {
    const t0 = performance.now();
    let count = 0;
    new Mark(document.body).markRegExp(new RegExp(source, flags), { done: (n: number) => (count = n) });
    return { ms: performance.now() - t0, count };
  },

  markArray(keywords, budgetMs) {
    // mark() recurses once per keyword and overflows the stack with ~1,400 of them: call it in chunks,
    // which does the same work (it makes one DOM pass per keyword either way). Small chunks, so that the time
    // budget is checked often enough on a 5 MB page (one pass there takes tens of milliseconds).
    const CHUNK = 5;
    const t0 = performance.now();
    let count = 0;
    const instance = new Mark(document.body);
    let done = 0;
    while (done < keywords.length) {
      const chunk = keywords.slice(done, done + CHUNK);
      instance.mark(chunk, {
        accuracy: 'exactly',
        separateWordSearch: false,
        done: (n: number) => (count += n),
      });
      done += chunk.length;
      if (performance.now() - t0 > budgetMs && done < keywords.length) break;
    }
    return budgeted(performance.now() - t0, count, done, keywords.length);
  },

  naive(sources, flags, budgetMs) {
    const t0 = performance.now();
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        SKIP_PARENT.has(n.parentElement?.tagName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    let count = 0;
    let done = 0;
    for (const source of sources) {
      const re = new RegExp(source, flags);
      for (const node of nodes) {
        const text = node.data;
        re.lastIndex = 0;
        while (re.exec(text)) count++;
      }
      done++;
      if ((done & 15) === 0 && performance.now() - t0 > budgetMs && done < sources.length) break;
    }
    return budgeted(performance.now() - t0, count, done, sources.length);
  },

  async burst(paragraphs) {
    const { running } = await startOurs(dictionaries.real as string);
    last = running;
    const { annotator } = running;
    const container = document.querySelector('article') ?? document.body;
    const before = annotator.matchCount;
    const flushesBefore = flushes;
    taskLog.reset();
    taskLog.enabled = true;
    const t0 = performance.now();
    for (const text of paragraphs) {
      const p = document.createElement('p');
      p.textContent = text;
      container.appendChild(p);
    }
    const insertMs = performance.now() - t0;
    // The live updater batches mutations for a moment, then re-scans the new blocks in slices.
    while (flushes === flushesBefore) await new Promise((r) => setTimeout(r, 5));
    await annotator.idle;
    const end = performance.now();
    taskLog.enabled = false;
    const result: BurstResult = {
      paragraphs: paragraphs.length,
      insertMs,
      latencyMs: end - t0,
      maxTaskMs: taskLog.max,
      tasks: taskLog.count,
      longestIn: taskLog.longestIn,
      added: annotator.matchCount - before,
      ...longTasksBetween(t0 + insertMs, end),
    };
    return result;
  },
};

window.__ngBench = api;
// Referenced so bundlers and linters see it used; the heap measurement relies on it staying reachable.
(window as unknown as { __ngBenchLast?: () => Running | null }).__ngBenchLast = () => last;
