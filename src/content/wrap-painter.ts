// Fallback painter for browsers without the CSS Custom Highlight API: wraps each match in a
// <netgov-lens-mark> element, and undoes every wrap exactly (same text nodes, same data) when cleared.
// Supported browsers (Chromium 105+, Firefox 140+) never use it; it exists so that an older engine
// degrades to visible marks instead of nothing.
import type { HighlightStyle } from '../core/settings.js';
import type { Annotator, MatchRecord } from './annotator.js';
import type { Painter } from './painter.js';

export const MARK_TAG = 'netgov-lens-mark';

interface Wrap {
  mark: HTMLElement;
  inner: Text;
  source: AbstractRange;
}

export class WrapPainter implements Painter {
  private queue: AbstractRange[] = [];
  private wraps: Wrap[] = [];
  private readonly markSource = new WeakMap<Element, AbstractRange>();
  /** Text nodes this painter split off the page's nodes; they merge back into their left neighbour. */
  private readonly created = new WeakSet<Text>();
  private style: HighlightStyle = 'dotted';
  private flushQueued = false;
  /** Lets the live updater drop the mutation records our own wrapping produced. */
  afterMutate: (() => void) | null = null;

  constructor(private readonly doc: Document) {}

  isMark(el: Element): boolean {
    return el.tagName === MARK_TAG.toUpperCase();
  }

  owns(node: Node): boolean {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return !!el && this.isMark(el);
  }

  add(range: AbstractRange): void {
    this.queue.push(range);
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Wraps queued ranges, last first, so that earlier offsets in the same text node stay valid. */
  private flush(): void {
    this.flushQueued = false;
    const ranges = this.queue.splice(0).reverse();
    for (const r of ranges) {
      const pieces: [Text, number, number][] = [];
      if (r.startContainer === r.endContainer) {
        pieces.push([r.startContainer as Text, r.startOffset, r.endOffset]);
      } else {
        // Only the single-node case is wrapped piecewise-safe; spanning matches wrap their first node's part.
        const start = r.startContainer as Text;
        pieces.push([start, r.startOffset, start.data.length]);
      }
      for (const [node, s, e] of pieces) this.wrap(node, s, e, r);
    }
    this.afterMutate?.();
  }

  private wrap(node: Text, start: number, end: number, source: AbstractRange): void {
    if (!node.isConnected || end <= start || end > node.data.length) return;
    const inner = node.splitText(start);
    const suffix = inner.splitText(end - start);
    this.created.add(inner);
    this.created.add(suffix);
    const mark = this.doc.createElement(MARK_TAG);
    mark.dataset.style = this.style;
    inner.replaceWith(mark);
    mark.append(inner);
    this.markSource.set(mark, source);
    this.wraps.push({ mark, inner, source });
  }

  remove(range: AbstractRange): void {
    this.queue = this.queue.filter((r) => r !== range);
    // Undo in reverse order of wrapping; other wraps stay.
    for (let i = this.wraps.length - 1; i >= 0; i--) {
      const w = this.wraps[i] as Wrap;
      if (w.source === range) {
        this.unwrap(w);
        this.wraps.splice(i, 1);
      }
    }
    this.afterMutate?.();
  }

  /**
   * Puts the mark's text back and merges the pieces we split off into their left neighbour, so that in
   * any order of removal the page's own text node ends up whole again, with its original identity.
   */
  private unwrap(w: Wrap): void {
    if (!w.mark.isConnected) return;
    w.mark.replaceWith(w.inner);
    let current: Text = w.inner;
    const left = w.inner.previousSibling;
    if (left && left.nodeType === 3) {
      (left as Text).data += w.inner.data;
      w.inner.remove();
      current = left as Text;
    }
    for (
      let next = current.nextSibling;
      next && next.nodeType === 3 && this.created.has(next as Text);
      next = current.nextSibling
    ) {
      current.data += (next as Text).data;
      next.remove();
    }
  }

  clear(): void {
    this.queue = [];
    for (let i = this.wraps.length - 1; i >= 0; i--) this.unwrap(this.wraps[i] as Wrap);
    this.wraps = [];
    this.afterMutate?.();
  }

  setStyle(style: HighlightStyle): void {
    this.style = style;
    for (const w of this.wraps) w.mark.dataset.style = style;
  }

  setFocus(range: AbstractRange | null): void {
    for (const w of this.wraps) w.mark.toggleAttribute('data-focus', w.source === range);
  }

  dispose(): void {
    this.clear();
  }

  /** The match under an element (hit-testing without caret APIs: the marks are elements). */
  recordAt(el: Element | null, annotator: Annotator): MatchRecord | null {
    const mark = el?.closest?.(MARK_TAG);
    if (!mark) return null;
    const source = this.markSource.get(mark);
    const rec = annotator.inOrder().find((r) => r.range === source);
    if (!rec) return null;
    // The record's static range points at the pre-wrap nodes; give callers one over the mark's text.
    const inner = mark.firstChild as Text;
    return {
      ...rec,
      range: new StaticRange({
        startContainer: inner,
        startOffset: 0,
        endContainer: inner,
        endOffset: inner.data.length,
      }),
    };
  }
}
