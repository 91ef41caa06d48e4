// Walks a page's text and groups it into segments: the runs of text nodes that a reader sees as one
// block, so that a term split across inline elements ("Internet <a>Governance</a> Forum") is found.

/**
 * Elements whose text is never annotated: code, form fields, non-rendered or foreign content. By local name
 * (lower case in HTML and XHTML documents alike; `tagName` is upper case only in HTML documents).
 */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'kbd',
  'samp',
  'var',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'datalist',
]);

/** Elements that do not break the flow of text: a term may continue across them. */
export const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'mark',
  'q',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'wbr',
  'nobr',
  'tt',
  'big',
  'strike',
  'label',
]);

/** `el` or its nearest ancestor that is not inline: the block a segment (and a live re-scan) belongs to. */
export function nearestBlock(el: Element | null): Element | null {
  while (el && INLINE_TAGS.has(el.localName)) el = el.parentElement;
  return el;
}

/**
 * What, below a block, makes its text more than one plain run: any element that is not inline (a nested
 * block, a line break, a skipped element), or an inline one that is skipped by attribute. A block with none
 * of these is one segment, its `textContent` (one native call instead of a visit per node).
 */
const LEAF_BREAKS = `:not(${[...INLINE_TAGS].join(',')}),[hidden],[contenteditable]:not([contenteditable="false"])`;

/** A non-inline element whose text is one run (see LEAF_BREAKS). */
function isLeafBlock(el: Element): boolean {
  return !INLINE_TAGS.has(el.localName) && el.querySelector(LEAF_BREAKS) === null;
}

// Same set as String.prototype.trim removes; a test, unlike trim(), allocates nothing.
const NON_SPACE = /\S/;

export interface Segment {
  /** The concatenated text. */
  text: string;
  /** The nearest non-inline ancestor shared by the nodes (used to re-scan a changed block). */
  block: Element | null;
  /**
   * The text nodes of the segment, in document order, and the offset of each node's first character in
   * `text`; null for a whole block read at once (its `textContent`), whose nodes are only looked up when it
   * has a match (resolveNodes): most blocks have none, and a wrapper per text node read is most of a scan's
   * garbage (and of its minor GC on a page of many small nodes).
   */
  nodes: Text[] | null;
  offsets: number[] | null;
}

export interface ScanOptions {
  /**
   * Elements to skip with their subtree (the extension's own UI host). Never an element of INLINE_TAGS: a
   * block of inline elements only is read whole (see LEAF_BREAKS), without asking about each of them.
   */
  isOwnElement: (el: Element) => boolean;
  /** Called with each open shadow root found, which is then walked as its own tree. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

export function isSkippedElement(el: Element, options: ScanOptions): boolean {
  return isSkipped(el, el.localName, options);
}

/** isSkippedElement with the local name already read (each read is a call into the DOM). */
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
    this.#root = root;
    if (startAt) this.#walker.currentNode = startAt;
    this.#stopAt = stopAt;
    // When starting inside the tree, the start node itself must be visited too.
    this.#pendingFirst = startAt;
  }

  #pendingFirst: Node | null;
  /** The root, until the first call looks at it: a re-scanned block of inline elements only is read whole. */
  #root: Node | null;
  /** Characters of text read so far (for the caller's batch size). */
  #charsRead = 0;

  /**
   * Adds segments to `out` until `shouldYield()` returns true or about `maxChars` characters of text have
   * been read (so that the caller can match them and check the clock again). Returns true while there is more.
   */
  next(out: Segment[], shouldYield: () => boolean, maxChars = Infinity): boolean {
    if (this.#done) return false;
    const root = this.#root;
    this.#root = null;
    if (root && !this.#pendingFirst && root.nodeType === 1 && isLeafBlock(root as Element)) {
      this.#addBlock(root as Element, out);
      this.#done = true;
      return false;
    }
    const walker = this.#walker;
    let count = 0;
    const charsBefore = this.#charsRead;
    // Checking the clock every node would cost more than the work it guards.
    const pause = (): boolean => ((++count & 255) === 0 && shouldYield()) || this.#charsRead - charsBefore >= maxChars;
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
        const tag = el.localName;
        if (isSkipped(el, tag, this.options)) {
          this.#breakPending = true;
          node = this.#skipSubtree(el);
          continue;
        }
        const shadow = (el as HTMLElement).shadowRoot;
        if (shadow && this.options.onShadowRoot) this.options.onShadowRoot(shadow);
        if (!INLINE_TAGS.has(tag)) {
          this.#breakPending = true;
          if (isLeafBlock(el)) {
            // One segment, and nothing below it to visit: the walk resumes after it.
            this.#addBlock(el, out);
            node = this.#skipSubtree(el);
            if (node && pause()) {
              this.#pendingFirst = node;
              return true;
            }
            continue;
          }
        }
      }
      if (pause()) return true;
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

  /** A block of inline elements only: its whole text is one segment, read natively. */
  #addBlock(el: Element, out: Segment[]): void {
    this.#flush(out);
    const text = el.textContent ?? '';
    this.#charsRead += text.length;
    // A break after it too: the next text is in another block.
    this.#breakPending = true;
    if (NON_SPACE.test(text)) out.push({ text, block: el, nodes: null, offsets: null });
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
    (seg.offsets as number[]).push(seg.text.length);
    (seg.nodes as Text[]).push(text);
    seg.text += data;
  }

  #flush(out: Segment[]): void {
    if (this.#current) out.push(this.#current);
    this.#current = null;
  }
}

/**
 * The text nodes and their offsets of a segment read as a whole block, from the nodes' lengths: their text
 * is not read again. Call only after checking that the block's text is still the segment's.
 */
export function resolveNodes(seg: Segment): { nodes: Text[]; offsets: number[] } {
  if (seg.nodes && seg.offsets) return { nodes: seg.nodes, offsets: seg.offsets };
  const nodes: Text[] = [];
  const offsets: number[] = [];
  const block = seg.block as Element;
  const walker = (block.ownerDocument ?? document).createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const length = (n as Text).length;
    if (length === 0) continue;
    nodes.push(n as Text);
    offsets.push(at);
    at += length;
  }
  seg.nodes = nodes;
  seg.offsets = offsets;
  return { nodes, offsets };
}

/** Whether the segment's text is still in the document as it was read. */
export function segmentUnchanged(seg: Segment): boolean {
  const { nodes, offsets, text } = seg;
  if (!nodes || !offsets) {
    const block = seg.block;
    return !!block && block.isConnected && block.textContent === text;
  }
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Text;
    const from = offsets[i] as number;
    const to = i + 1 < offsets.length ? (offsets[i + 1] as number) : text.length;
    if (!node.isConnected || node.data.length !== to - from || node.data !== text.slice(from, to)) return false;
  }
  return true;
}

/**
 * The node and offset of character `index` of a segment (an end offset maps to the end of its node), from
 * its resolved nodes (resolveNodes).
 */
export function positionIn(
  nodes: readonly Text[],
  offsets: readonly number[],
  index: number,
  isEnd: boolean,
): { node: Text; offset: number; at: number } {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const o = offsets[mid] as number;
    if (o < index || (!isEnd && o === index)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo] as Text;
  return { node, offset: index - (offsets[lo] as number), at: lo };
}
