// Keeps annotations in step with a changing page (SPA navigation, infinite scroll, live blogs):
// mutations are batched, removed text drops its matches, and only the changed blocks are re-scanned.
import type { Annotator } from './annotator.js';
import { INLINE_TAGS, nearestBlock } from './scan.js';

const BATCH_MS = 150;

// The scan's notion of block, so that a change re-scans exactly the block the scan built.
function blockFor(node: Node): Element | null {
  return nearestBlock(node.nodeType === 1 ? (node as Element) : node.parentElement);
}

export class LiveUpdater {
  readonly #observer: MutationObserver;
  #pending = new Set<Element>();
  #removed = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Called, still in the task that made the change, when the document's own children change
   * (document.open() empties it, which also erases every event listener on the document and window).
   */
  onDocumentChildren: (() => void) | undefined;

  constructor(
    private readonly annotator: Annotator,
    private readonly isOwnNode: (node: Node) => boolean,
  ) {
    this.#observer = new MutationObserver((records) => this.collect(records));
    annotator.onNewShadowRoot = (root) => this.observe(root);
  }

  observe(root: Node): void {
    // Attributes too, but only those that decide whether text is annotated at all.
    this.#observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['contenteditable', 'hidden'],
    });
  }

  disconnect(): void {
    this.#observer.disconnect();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending.clear();
    this.annotator.onNewShadowRoot = undefined;
    this.onDocumentChildren = undefined;
  }

  private collect(records: MutationRecord[]): void {
    if (records.some((r) => r.type === 'childList' && r.target.nodeType === Node.DOCUMENT_NODE)) {
      this.onDocumentChildren?.();
    }
    for (const r of records) {
      if (this.isOwnNode(r.target)) continue;
      if (r.type === 'attributes') {
        // An element became (or stopped being) editable or hidden: re-scan it, which drops or restores.
        if (r.target.nodeType === 1) this.#pending.add(r.target as Element);
        continue;
      }
      if (r.type === 'characterData') {
        const b = blockFor(r.target);
        if (b) this.#pending.add(b);
        this.#removed = true; // the old matches in that text are stale
        continue;
      }
      if (r.removedNodes.length > 0) this.#removed = true;
      for (const n of r.addedNodes) {
        if (this.isOwnNode(n)) continue;
        if (n.nodeType === 1 && !INLINE_TAGS.has((n as Element).localName)) this.#pending.add(n as Element);
        else if (n.nodeType === 1 || n.nodeType === 3) {
          const b = blockFor(r.target);
          if (b) this.#pending.add(b);
        }
      }
      if (r.removedNodes.length > 0 && r.target.nodeType === 1) {
        // Text that merged or split inside a block may form new terms.
        const b = blockFor(r.target);
        if (b) this.#pending.add(b);
      }
    }
    if ((this.#pending.size > 0 || this.#removed) && !this.#timer) {
      this.#timer = setTimeout(() => this.flush(), BATCH_MS);
    }
  }

  private flush(): void {
    this.#timer = undefined;
    try {
      if (this.#removed) this.annotator.pruneDisconnected();
      this.#removed = false;
      const blocks = this.#pending;
      this.#pending = new Set();
      // Keep only the outermost changed blocks (ancestor walk: linear in blocks x depth).
      const outer = [...blocks].filter((b) => {
        if (!b.isConnected) return false;
        for (let a = b.parentElement; a; a = a.parentElement) if (blocks.has(a)) return false;
        return true;
      });
      for (const b of outer) this.annotator.rescan(b);
    } catch (e) {
      console.warn('[Netgov Lens] live update failed:', e);
    }
  }
}
