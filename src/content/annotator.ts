// Finds and paints terms on a document: visible part first, in short time slices, and again wherever the
// page changes. Keeps an index from text nodes to matches for hit-testing and keyboard navigation.
import type { Matcher } from '../core/match.js';
import type { TermCount } from '../core/messages.js';
import type { Painter } from './painter.js';
import { isSkippedElement, positionIn, type ScanOptions, type Segment, SegmentWalker } from './scan.js';
import { createSlicer, type Slicer } from './slicer.js';

export interface MatchRecord {
  term: number;
  /** Which of the term's aliases matched (the popover names a non-English one's language). */
  alias: number;
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

export class Annotator {
  readonly #records = new Set<MatchRecord>();
  readonly #byNode = new Map<Text, MatchRecord[]>();
  readonly #shownTerms = new Set<number>();
  readonly #shadowRoots = new Set<ShadowRoot>();
  readonly #slicer: Slicer;
  readonly #queue: SegmentWalker[] = [];
  /** Ranges found but not yet handed to the painter (see PAINT_INTERVAL_MS). */
  readonly #unpainted = new Set<AbstractRange>();
  #lastPaint = -Infinity;
  #ordered: MatchRecord[] | null = null;
  #resultsTimer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  /** Resolves when the current scan has finished (tests and the benchmark wait on it). */
  idle: Promise<void> = Promise.resolve();
  #resolveIdle: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher,
    private readonly painter: Painter,
    private readonly options: AnnotatorOptions,
  ) {
    this.#slicer = createSlicer(doc.defaultView ?? window);
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
    const doomed: MatchRecord[] = [];
    const walker = this.doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const list = this.#byNode.get(n as Text);
      if (!list) continue;
      for (const rec of list) if (rec.nodes[0] === n) doomed.push(rec);
    }
    for (const rec of doomed) this.#removeRecord(rec);
  }

  /** Drops the matches whose text has left the document. */
  pruneDisconnected(): void {
    for (const rec of [...this.#records]) {
      if (rec.nodes.some((n) => !n.isConnected)) this.#removeRecord(rec);
    }
  }

  /** Removes every match and stops scanning; the painter is cleared. */
  clear(): void {
    this.#queue.length = 0;
    this.#slicer.cancel();
    this.#unpainted.clear();
    for (const rec of this.#records) this.painter.remove(rec.range);
    this.#records.clear();
    this.#byNode.clear();
    this.#shownTerms.clear();
    this.#ordered = null;
    this.painter.clear();
    this.#finishIdle();
    this.#scheduleResults();
  }

  dispose(): void {
    this.clear();
    this.#disposed = true;
    if (this.#resultsTimer) clearTimeout(this.#resultsTimer);
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
    const counts = new Map<number, number>();
    for (const rec of this.#records) counts.set(rec.term, (counts.get(rec.term) ?? 0) + 1);
    return [...counts].map(([term, count]) => ({ id: this.matcher.data.terms[term] as string, count }));
  }

  #enqueue(walker: SegmentWalker): void {
    if (this.#disposed) return;
    this.#queue.push(walker);
    if (!this.#resolveIdle) this.idle = new Promise((resolve) => (this.#resolveIdle = resolve));
    this.#slicer.schedule(() => this.work());
  }

  /** One time slice: walk, match and paint until the slice is used up. Returns true if more remains. */
  private work(): boolean {
    const deadline = performance.now() + SLICE_MS;
    const shouldYield = (): boolean => performance.now() >= deadline;
    const segments: Segment[] = [];
    while (this.#queue.length > 0) {
      const walker = this.#queue[0] as SegmentWalker;
      const more = walker.next(segments, shouldYield, BATCH_CHARS);
      this.#annotateSegments(segments);
      segments.length = 0;
      if (!more) this.#queue.shift();
      if (shouldYield()) break;
    }
    const now = performance.now();
    if (this.#queue.length === 0 || now - this.#lastPaint >= PAINT_INTERVAL_MS) this.#paint(now);
    if (this.#queue.length > 0) return true;
    this.#finishIdle();
    return false;
  }

  /** Hands the ranges found since the last paint to the painter. */
  #paint(now: number): void {
    this.#lastPaint = now;
    for (const range of this.#unpainted) this.painter.add(range);
    this.#unpainted.clear();
  }

  #finishIdle(): void {
    const resolve = this.#resolveIdle;
    this.#resolveIdle = null;
    resolve?.();
  }

  #annotateSegments(segments: Segment[]): void {
    let added = false;
    for (const seg of segments) {
      const matches = this.matcher.findAll(seg.text);
      for (const m of matches) {
        if (this.options.firstOnly && this.#shownTerms.has(m.term)) continue;
        const start = positionIn(seg, m.start, false);
        const end = positionIn(seg, m.end, true);
        // A page may rewrite text between the walk and here only if a slice boundary fell in between;
        // the walk and matching of one segment happen in the same task, so offsets are current.
        const range = new StaticRange({
          startContainer: start.node,
          startOffset: start.offset,
          endContainer: end.node,
          endOffset: end.offset,
        });
        const nodes: Text[] = [];
        const first = seg.nodes.indexOf(start.node);
        const last = seg.nodes.indexOf(end.node, first);
        for (let i = first; i <= last; i++) nodes.push(seg.nodes[i] as Text);
        const rec: MatchRecord = { term: m.term, alias: m.alias, range, nodes, block: seg.block };
        this.#records.add(rec);
        for (const n of nodes) {
          const list = this.#byNode.get(n);
          if (list) list.push(rec);
          else this.#byNode.set(n, [rec]);
        }
        this.#shownTerms.add(m.term);
        this.#unpainted.add(range);
        added = true;
      }
    }
    if (added) {
      this.#ordered = null;
      this.#scheduleResults();
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
    if (this.options.firstOnly) this.#shownTerms.delete(rec.term);
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
    if (!win || typeof this.doc.elementFromPoint !== 'function') return null;
    let el = this.doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 3);
    if (!el || el === this.doc.documentElement || el === this.doc.body) return null;
    for (let a: Element | null = el; a; a = a.parentElement) {
      if (isSkippedElement(a, this.#scanOptions())) return null;
    }
    // Start at the enclosing section so that the text just above the probe point is scanned early too.
    for (let i = 0; i < 3 && el.parentElement && el.parentElement !== this.doc.body; i++) el = el.parentElement;
    return el;
  }
}

function compareRanges(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const pos = a.startContainer.compareDocumentPosition(b.startContainer);
  if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}
