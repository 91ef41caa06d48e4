// Walks a page's text and groups it into segments: the runs of text nodes that a reader sees as one
// block, so that a term split across inline elements ("Internet <a>Governance</a> Forum") is found.

/** Elements whose text is never annotated: code, form fields, non-rendered or foreign content. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'KBD',
  'SAMP',
  'VAR',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'svg',
  'SVG',
  'math',
  'MATH',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'DATALIST',
]);

/** Elements that do not break the flow of text: a term may continue across them. */
export const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'MARK',
  'Q',
  'RUBY',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'WBR',
  'NOBR',
  'TT',
  'BIG',
  'STRIKE',
  'LABEL',
]);

/** `el` or its nearest ancestor that is not inline: the block a segment (and a live re-scan) belongs to. */
export function nearestBlock(el: Element | null): Element | null {
  while (el && INLINE_TAGS.has(el.tagName)) el = el.parentElement;
  return el;
}

// Same set as String.prototype.trim removes; a test, unlike trim(), allocates nothing.
const NON_SPACE = /\S/;

export interface Segment {
  /** The text nodes of the segment, in document order. */
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  offsets: number[];
  /** The concatenated text. */
  text: string;
  /** The nearest non-inline ancestor shared by the nodes (used to re-scan a changed block). */
  block: Element | null;
}

export interface ScanOptions {
  /** Elements to skip with their subtree (the extension's own UI host). */
  isOwnElement: (el: Element) => boolean;
  /** Called with each open shadow root found, which is then walked as its own tree. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

export function isSkippedElement(el: Element, options: ScanOptions): boolean {
  return isSkipped(el, el.tagName, options);
}

/** isSkippedElement with the tag name already read (each read is a call into the DOM). */
function isSkipped(el: Element, tag: string, options: ScanOptions): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  // Attributes, not isContentEditable/computed style: those force a style recalculation per element.
  if (el.hasAttribute('contenteditable') && el.getAttribute('contenteditable') !== 'false') return true;
  if (el.hasAttribute('hidden')) return true;
  return options.isOwnElement(el);
}

/**
 * An incremental walk over `root`: each call to `next(deadline)` adds segments until `deadline()`
 * says the time slice is used up, and returns false when the walk is complete.
 */
export class SegmentWalker {
  readonly #walker: TreeWalker;
  // No Map or Set keyed by the page's nodes: a node used as a key gets an identity hash, and Chromium then
  // keeps its wrapper for as long as the node lives, so a per-parent cache kept one wrapper per element of
  // the page (1.9 MB on 200,000 text nodes) after the scan had finished. Only matches may hold nodes.
  /** The last text node's parent and its block: consecutive text nodes mostly share a parent. */
  #lastParent: Element | null = null;
  #lastBlock: Element | null = null;
  #current: Segment | null = null;
  #breakPending = false;
  #done = false;
  readonly #stopAt: Node | null;

  constructor(
    root: Node,
    private readonly options: ScanOptions,
    /** Start the walk at this node instead of at `root` (visible part first). */
    startAt: Node | null = null,
    /** Stop before this node (the second half of a visible-first walk). */
    stopAt: Node | null = null,
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.#walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    if (startAt) this.#walker.currentNode = startAt;
    this.#stopAt = stopAt;
    // When starting inside the tree, the start node itself must be visited too.
    this.#pendingFirst = startAt;
  }

  #pendingFirst: Node | null;
  /** Characters of text read so far (for the caller's batch size). */
  #charsRead = 0;

  /**
   * Adds segments to `out` until `shouldYield()` returns true or about `maxChars` characters of text have
   * been read (so that the caller can match them and check the clock again). Returns true while there is more.
   */
  next(out: Segment[], shouldYield: () => boolean, maxChars = Infinity): boolean {
    if (this.#done) return false;
    const walker = this.#walker;
    let count = 0;
    const charsBefore = this.#charsRead;
    let node: Node | null;
    if (this.#pendingFirst) {
      node = this.#pendingFirst;
      this.#pendingFirst = null;
    } else {
      node = walker.nextNode();
    }
    while (node) {
      if (node === this.#stopAt) break;
      if (node.nodeType === 3) {
        this.#addText(node as Text, out);
      } else {
        const el = node as Element;
        const tag = el.tagName;
        if (isSkipped(el, tag, this.options)) {
          this.#breakPending = true;
          node = this.#skipSubtree(el);
          continue;
        }
        if (!INLINE_TAGS.has(tag)) this.#breakPending = true;
        const shadow = (el as HTMLElement).shadowRoot;
        if (shadow && this.options.onShadowRoot) this.options.onShadowRoot(shadow);
      }
      // Checking the clock every node would cost more than the work it guards.
      if (((++count & 255) === 0 && shouldYield()) || this.#charsRead - charsBefore >= maxChars) {
        return true;
      }
      node = walker.nextNode();
    }
    this.#flush(out);
    this.#done = true;
    return false;
  }

  /** The nearest non-inline ancestor of a text node (inline nesting is shallow: a walk up is cheap). */
  #blockOf(node: Text): Element | null {
    const parent = node.parentElement;
    if (!parent) return null;
    if (parent === this.#lastParent) return this.#lastBlock;
    const block = nearestBlock(parent);
    this.#lastParent = parent;
    this.#lastBlock = block;
    return block;
  }

  #skipSubtree(el: Element): Node | null {
    const walker = this.#walker;
    walker.currentNode = el;
    let next = walker.nextSibling();
    while (!next) {
      if (!walker.parentNode()) return null;
      next = walker.nextSibling();
    }
    return next;
  }

  #addText(text: Text, out: Segment[]): void {
    const data = text.data;
    if (data.length === 0) return;
    this.#charsRead += data.length;
    const block = this.#blockOf(text);
    let seg = this.#current;
    if (seg && (this.#breakPending || seg.block !== block)) {
      this.#flush(out);
      seg = null;
    }
    this.#breakPending = false;
    if (!seg) {
      // Whitespace-only text between blocks starts nothing.
      if (!NON_SPACE.test(data)) return;
      seg = { nodes: [], offsets: [], text: '', block };
      this.#current = seg;
    }
    seg.offsets.push(seg.text.length);
    seg.nodes.push(text);
    seg.text += data;
  }

  #flush(out: Segment[]): void {
    if (this.#current) out.push(this.#current);
    this.#current = null;
  }
}

/** The node and offset of character `index` of a segment (an end offset maps to the end of its node). */
export function positionIn(seg: Segment, index: number, isEnd: boolean): { node: Text; offset: number } {
  const offsets = seg.offsets;
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const o = offsets[mid] as number;
    if (o < index || (!isEnd && o === index)) lo = mid;
    else hi = mid - 1;
  }
  const node = seg.nodes[lo] as Text;
  return { node, offset: index - (offsets[lo] as number) };
}
