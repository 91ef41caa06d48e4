// Finds and paints terms on a document: visible part first, in short time slices, and again wherever the
// page changes. Keeps an index from text nodes to matches for hit-testing and keyboard navigation.
// The text is matched elsewhere (block-matcher.ts): the walk goes on while batches are out, and each answer
// becomes ranges only where the page has not changed that text in the meantime.
import type { BlockMatches, MatchedTerm, TermCount } from '../core/messages.js';
import type { BlockMatcher } from './block-matcher.js';
import type { Painter } from './painter.js';
import {
  isSkippedElement,
  nearestBlock,
  positionIn,
  resolveNodes,
  type ScanOptions,
  type Segment,
  segmentUnchanged,
  SegmentWalker,
} from './scan.js';
import { createSlicer, type Slicer } from './slicer.js';

export interface MatchRecord {
  /** One object per term for the life of the annotator. */
  term: MatchedTerm;
  /** The language code of the alias it was found as, '' for English (the popover names the language). */
  lang: string;
  range: StaticRange;
  /** Every text node the match touches (usually one). */
  nodes: Text[];
  block: Element | null;
}

export interface AnnotatorOptions {
  firstOnly: boolean;
  isOwnElement: (el: Element) => boolean;
  /** Called (throttled) when the set of matches changes. */
  onResults: (terms: TermCount[]) => void;
  /**
   * The painter still shows the highlights of the scan this one replaces (see `dispose(true)`): they stay
   * until this scan paints its first matches or ends with none, so a re-scan does not flash the page bare.
   */
  replacesPainted?: boolean;
}

// Time slice for scanning: short enough that input stays responsive, long enough to amortise yielding.
const SLICE_MS = 8;
// Text walked before it is matched and painted and the clock is read again: matching costs more than
// walking, so a slice that walked for its whole 8 ms and only then matched ran several times too long.
const BATCH_CHARS = 16_384;
// New highlights reach the painter at most this often (and when a scan ends). Chromium rebuilds the markers
// of every registered range in the next frame after any change, so painting after each 8 ms slice made a
// 5 MB page spend more time in those rebuilds than in the scan itself.
const PAINT_INTERVAL_MS = 100;
// Batches sent and not yet answered: enough to keep the matcher busy while the walk goes on, few enough that
// a scan that is cleared has little text out.
const MAX_IN_FLIGHT = 4;

export class Annotator {
  readonly #records = new Set<MatchRecord>();
  readonly #byNode = new Map<Text, MatchRecord[]>();
  readonly #shownTerms = new Set<string>();
  /** Each term found, by id, so that every record of a term shares one object. */
  readonly #terms = new Map<string, MatchedTerm>();
  readonly #shadowRoots = new Set<ShadowRoot>();
  readonly #slicer: Slicer;
  readonly #queue: SegmentWalker[] = [];
  /** Ranges found but not yet handed to the painter (see PAINT_INTERVAL_MS). */
  readonly #unpainted = new Set<AbstractRange>();
  #lastPaint = -Infinity;
  #ordered: MatchRecord[] | null = null;
  #resultsTimer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  /** The previous scan's highlights are still painted (see AnnotatorOptions.replacesPainted). */
  #replacing: boolean;
  /** Counts clears: an answer to a batch sent before the last clear is ignored. */
  #generation = 0;
  #inFlight = 0;
  /** The matcher could not be reached (the extension was reloaded): the scan stops quietly. */
  #unreachable = false;
  /** Resolves when the current scan has finished (tests and the benchmark wait on it). */
  idle: Promise<void> = Promise.resolve();
  #resolveIdle: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly matcher: BlockMatcher,
    private readonly painter: Painter,
    private readonly options: AnnotatorOptions,
  ) {
    this.#slicer = createSlicer(doc.defaultView ?? window);
    this.#replacing = options.replacesPainted ?? false;
  }

  get shadowRootList(): ShadowRoot[] {
    return [...this.#shadowRoots];
  }

  get matchCount(): number {
    return this.#records.size;
  }

  #scanOptions(): ScanOptions {
    return {
      isOwnElement: this.options.isOwnElement,
      onShadowRoot: (root) => {
        if (this.#shadowRoots.has(root)) return;
        this.#shadowRoots.add(root);
        this.onNewShadowRoot?.(root);
        this.#enqueue(new SegmentWalker(root, this.#scanOptions()));
      },
    };
  }

  /** Set by the live updater so it can observe shadow roots found during a scan. */
  onNewShadowRoot: ((root: ShadowRoot) => void) | undefined;

  /** Scans the whole document, starting with what is on screen. */
  scanDocument(): void {
    const root = this.doc.documentElement;
    if (!root) return;
    const start = this.options.firstOnly ? null : this.#visibleStart();
    if (start) {
      this.#enqueue(new SegmentWalker(root, this.#scanOptions(), start));
      this.#enqueue(new SegmentWalker(root, this.#scanOptions(), null, start));
    } else {
      this.#enqueue(new SegmentWalker(root, this.#scanOptions()));
    }
  }

  /** Re-scans the subtree of `el` (after the page changed it): drops its old matches first. */
  rescan(el: Element): void {
    if (this.#disposed) return;
    this.#removeRecordsIn(el);
    if (!el.isConnected) return;
    // Do not annotate inside skipped regions (editable areas, code, our own UI).
    const options = this.#scanOptions();
    for (let a: Element | null = el; a; a = a.parentElement) {
      if (isSkippedElement(a, options)) return;
    }
    this.#enqueue(new SegmentWalker(el, options));
    // The walk starts below `el`, so a shadow root on `el` itself (a host the page just inserted) is
    // picked up here; it is then observed, so content the page adds to it later is scanned too.
    const shadow = (el as HTMLElement).shadowRoot;
    if (shadow) options.onShadowRoot?.(shadow);
  }

  /**
   * Drops the matches that start in `el`'s subtree. Walks that subtree's text and looks each node up,
   * rather than testing every match against `el`: a burst of new paragraphs re-scans each of them, and
   * records x blocks containment tests made one long task.
   */
  #removeRecordsIn(el: Element): void {
    if (this.#byNode.size === 0) return;
    const nodes: Text[] = [];
    const walker = this.doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    this.#removeRecordsStartingIn(nodes);
  }

  /** Drops the matches whose text has left the document. */
  pruneDisconnected(): void {
    for (const rec of [...this.#records]) {
      if (rec.nodes.some((n) => !n.isConnected)) this.#removeRecord(rec);
    }
  }

  /** Removes every match and stops scanning; the painter is cleared. */
  clear(): void {
    for (const rec of this.#records) this.painter.remove(rec.range);
    this.#forget();
    this.#replacing = false;
    this.painter.clear();
    this.#finishIdle();
    this.#scheduleResults();
  }

  /**
   * Stops for good. With `keepPainted` the painter keeps this scan's highlights for the annotator that
   * replaces it (created with `replacesPainted`), which clears them when it paints.
   */
  dispose(keepPainted = false): void {
    if (keepPainted) {
      this.#forget();
      this.#finishIdle();
    } else {
      this.clear();
    }
    this.#disposed = true;
    if (this.#resultsTimer) clearTimeout(this.#resultsTimer);
  }

  /** Drops every match and stops scanning, leaving the painter alone. */
  #forget(): void {
    this.#generation++;
    this.#inFlight = 0;
    this.#queue.length = 0;
    this.#slicer.cancel();
    this.#unpainted.clear();
    this.#records.clear();
    this.#byNode.clear();
    this.#shownTerms.clear();
    this.#terms.clear();
    this.#ordered = null;
  }

  /** The match covering character `offset` of `node`, if any. */
  matchAt(node: Node, offset: number): MatchRecord | undefined {
    if (node.nodeType !== 3) return undefined;
    const list = this.#byNode.get(node as Text);
    if (!list) return undefined;
    for (const rec of list) {
      const r = rec.range;
      const afterStart = r.startContainer !== node || offset >= r.startOffset;
      const beforeEnd = r.endContainer !== node || offset < r.endOffset;
      if (afterStart && beforeEnd) return rec;
    }
    return undefined;
  }

  /** Matches in document order (computed on demand for keyboard navigation and the popup). */
  inOrder(): MatchRecord[] {
    if (!this.#ordered) {
      this.#ordered = [...this.#records].sort((a, b) => compareRanges(a.range, b.range));
    }
    return this.#ordered;
  }

  termCounts(): TermCount[] {
    const counts = new Map<string, number>();
    for (const rec of this.#records) counts.set(rec.term.id, (counts.get(rec.term.id) ?? 0) + 1);
    return [...counts].map(([id, count]) => ({ id, count }));
  }

  #enqueue(walker: SegmentWalker): void {
    if (this.#disposed || this.#unreachable) return;
    this.#queue.push(walker);
    if (!this.#resolveIdle) this.idle = new Promise((resolve) => (this.#resolveIdle = resolve));
    this.#slicer.schedule(() => this.work());
  }

  /**
   * One time slice: walk and send batches until the slice is used up or enough batches are out. Returns true
   * if more remains now; when it stops for the batches out, the next answer resumes it.
   */
  private work(): boolean {
    const deadline = performance.now() + SLICE_MS;
    const shouldYield = (): boolean => performance.now() >= deadline;
    while (this.#queue.length > 0 && this.#inFlight < MAX_IN_FLIGHT) {
      const walker = this.#queue[0] as SegmentWalker;
      const batch: Segment[] = [];
      const more = walker.next(batch, shouldYield, BATCH_CHARS);
      if (batch.length > 0) this.#send(batch);
      if (!more) this.#queue.shift();
      if (shouldYield()) break;
    }
    this.#settle();
    return this.#queue.length > 0 && this.#inFlight < MAX_IN_FLIGHT;
  }

  #send(batch: Segment[]): void {
    const generation = this.#generation;
    this.#inFlight++;
    const texts = batch.map((seg) => seg.text);
    let pending: Promise<BlockMatches | null>;
    try {
      pending = this.matcher.match(texts);
    } catch (e) {
      pending = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    pending.then(
      (reply) => this.received(generation, batch, reply),
      () => this.#lost(generation),
    );
  }

  /** An answer arrived: its matches become ranges (unless the scan was cleared since), and the walk goes on. */
  private received(generation: number, batch: Segment[], reply: BlockMatches | null): void {
    if (generation !== this.#generation || this.#disposed) return;
    this.#inFlight--;
    try {
      if (reply) this.#apply(batch, reply);
    } catch (e) {
      // Nothing may reach the page: this batch is lost, the scan goes on.
      console.warn('[Netgov Lens] matches dropped:', e);
    }
    if (this.#queue.length > 0 && this.#inFlight < MAX_IN_FLIGHT) this.#slicer.schedule(() => this.work());
    this.#settle();
  }

  /** The matcher cannot be reached (the extension was reloaded or removed): stop quietly, keep what is shown. */
  #lost(generation: number): void {
    if (generation !== this.#generation || this.#disposed) return;
    this.#unreachable = true;
    this.#inFlight = 0;
    this.#queue.length = 0;
    this.#slicer.cancel();
    this.#settle();
  }

  /** Paints when due; when everything is walked and answered, paints and resolves `idle`. */
  #settle(): void {
    const done = this.#queue.length === 0 && this.#inFlight === 0;
    const now = performance.now();
    if (done || now - this.#lastPaint >= PAINT_INTERVAL_MS) this.#paint(now, done);
    if (done) this.#finishIdle();
  }

  /** Hands the ranges found since the last paint to the painter. */
  #paint(now: number, done: boolean): void {
    if (this.#replacing) {
      // The previous scan's highlights go when this one has something to show in their place, or nothing.
      if (this.#unpainted.size === 0 && !done) return;
      this.#replacing = false;
      this.painter.clear();
    }
    this.#lastPaint = now;
    for (const range of this.#unpainted) this.painter.add(range);
    this.#unpainted.clear();
  }

  #finishIdle(): void {
    const resolve = this.#resolveIdle;
    this.#resolveIdle = null;
    resolve?.();
  }

  /** The one object for term `t` of this scan. */
  #term(t: MatchedTerm): MatchedTerm {
    let term = this.#terms.get(t.id);
    if (!term) {
      term = { id: t.id, label: t.label, category: t.category, personal: t.personal };
      this.#terms.set(t.id, term);
    }
    return term;
  }

  #apply(batch: Segment[], reply: BlockMatches): void {
    let added = false;
    let current = -1;
    let seg: Segment | undefined;
    let nodes: Text[] = [];
    let offsets: number[] = [];
    let usable = false;
    for (let i = 0; i < reply.text.length; i++) {
      const t = reply.text[i] as number;
      if (t !== current) {
        current = t;
        seg = batch[t];
        // The page may have changed the text while it was out: its live update re-scans that block.
        usable = !!seg && segmentUnchanged(seg);
        if (usable && seg) {
          ({ nodes, offsets } = resolveNodes(seg));
          // An earlier answer for the same text (a re-scan overtook it) is replaced, not doubled.
          this.#removeRecordsStartingIn(nodes);
        }
      }
      if (!usable || !seg) continue;
      const term = this.#term(reply.terms[reply.term[i] as number] as MatchedTerm);
      if (this.options.firstOnly && this.#shownTerms.has(term.id)) continue;
      const start = positionIn(nodes, offsets, reply.start[i] as number, false);
      const end = positionIn(nodes, offsets, reply.end[i] as number, true);
      const range = new StaticRange({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      });
      const rec: MatchRecord = {
        term,
        lang: reply.lang[i] as string,
        range,
        nodes: nodes.slice(start.at, end.at + 1),
        block: seg.block,
      };
      this.#records.add(rec);
      for (const n of rec.nodes) {
        const list = this.#byNode.get(n);
        if (list) list.push(rec);
        else this.#byNode.set(n, [rec]);
      }
      this.#shownTerms.add(term.id);
      this.#unpainted.add(range);
      added = true;
    }
    if (added) {
      this.#ordered = null;
      this.#scheduleResults();
    }
  }

  /** Drops the matches that start in one of `nodes` (removing shortens the lists, so they are copied first). */
  #removeRecordsStartingIn(nodes: readonly Text[]): void {
    if (this.#byNode.size === 0) return;
    for (const n of nodes) {
      const list = this.#byNode.get(n);
      if (!list) continue;
      for (const rec of list.filter((r) => r.nodes[0] === n)) this.#removeRecord(rec);
    }
  }

  #removeRecord(rec: MatchRecord): void {
    if (!this.#records.delete(rec)) return;
    if (!this.#unpainted.delete(rec.range)) this.painter.remove(rec.range);
    for (const n of rec.nodes) {
      const list = this.#byNode.get(n);
      if (!list) continue;
      const i = list.indexOf(rec);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.#byNode.delete(n);
    }
    if (this.options.firstOnly) this.#shownTerms.delete(rec.term.id);
    this.#ordered = null;
    this.#scheduleResults();
  }

  #scheduleResults(): void {
    if (this.#resultsTimer || this.#disposed) return;
    this.#resultsTimer = setTimeout(() => {
      this.#resultsTimer = undefined;
      if (!this.#disposed) this.options.onResults(this.termCounts());
    }, 250);
  }

  /** A block-level element near the top third of the viewport, to scan first. */
  #visibleStart(): Element | null {
    const win = this.doc.defaultView;
    const body = this.doc.body;
    if (!win || !body) return null;
    // Down the boxes that span the probe line, not a hit test: on a laid-out page reading boxes is cheap,
    // while elementFromPoint took 7 to 13 ms on a page of 200,000 nodes (in the scan's first task).
    let el: Element | null = null;
    for (let at: Element | null = childAcross(body, win.innerHeight / 3), depth = 0; at && depth < 32; depth++) {
      el = at;
      at = childAcross(at, win.innerHeight / 3);
    }
    if (!el) return null;
    for (let a: Element | null = el; a; a = a.parentElement) {
      if (isSkippedElement(a, this.#scanOptions())) return null;
    }
    // Start at the enclosing section so that the text just above the probe point is scanned early too.
    for (let i = 0; i < 3 && el.parentElement && el.parentElement !== this.doc.body; i++) el = el.parentElement;
    // A block, never an inline element inside one: the walk that stops there reads blocks whole.
    const block = nearestBlock(el);
    return block === this.doc.body || block === this.doc.documentElement ? null : block;
  }
}

/**
 * The child of `el` whose box spans viewport line `y`, by bisection: children mostly stack in document order
 * (where they do not, the visible part is only scanned a little later; the whole page is scanned either way).
 */
function childAcross(el: Element, y: number): Element | null {
  const children = el.children;
  let lo = 0;
  let hi = children.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const child = children[mid] as Element;
    const box = child.getBoundingClientRect();
    if (box.bottom <= y) lo = mid + 1;
    else if (box.top > y) hi = mid - 1;
    else return child;
  }
  return null;
}

function compareRanges(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const pos = a.startContainer.compareDocumentPosition(b.startContainer);
  if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}
