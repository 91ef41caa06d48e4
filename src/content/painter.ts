// Paints matches. With the CSS Custom Highlight API (Chromium 105+, Firefox 140+) the page's DOM is not
// touched at all: ranges go into a Highlight registered under a name that our stylesheet styles.
import type { HighlightStyle } from '../core/settings.js';

const HIGHLIGHT_PREFIX = 'netgov-lens';
const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-focus`;
const STYLES: HighlightStyle[] = ['dotted', 'solid', 'background'];

export interface Painter {
  add(range: AbstractRange): void;
  remove(range: AbstractRange): void;
  clear(): void;
  setStyle(style: HighlightStyle): void;
  setFocus(range: AbstractRange | null): void;
  /** Removes everything this painter registered. */
  dispose(): void;
}

interface HighlightRegistryLike {
  set(name: string, h: unknown): void;
  delete(name: string): boolean;
  get(name: string): unknown;
}

export function highlightApiAvailable(win: Window): boolean {
  const css = (win as unknown as { CSS?: { highlights?: unknown } }).CSS;
  return typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function' && !!css?.highlights;
}

export class HighlightPainter implements Painter {
  readonly #registry: HighlightRegistryLike;
  readonly #all: Set<AbstractRange>;
  readonly #focus: Set<AbstractRange>;
  #style: HighlightStyle = 'dotted';

  constructor(win: Window) {
    const HighlightCtor = (win as unknown as { Highlight: new () => Set<AbstractRange> }).Highlight;
    this.#registry = (win as unknown as { CSS: { highlights: HighlightRegistryLike } }).CSS.highlights;
    this.#all = new HighlightCtor();
    this.#focus = new HighlightCtor();
    this.#registry.set(this.#nameFor(this.#style), this.#all);
    this.#registry.set(FOCUS_HIGHLIGHT, this.#focus);
  }

  #nameFor(style: HighlightStyle): string {
    return `${HIGHLIGHT_PREFIX}-${style}`;
  }

  add(range: AbstractRange): void {
    this.#all.add(range);
  }

  remove(range: AbstractRange): void {
    this.#all.delete(range);
    this.#focus.delete(range);
  }

  clear(): void {
    this.#all.clear();
    this.#focus.clear();
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.#style) return;
    this.#registry.delete(this.#nameFor(this.#style));
    this.#style = style;
    this.#registry.set(this.#nameFor(style), this.#all);
  }

  setFocus(range: AbstractRange | null): void {
    this.#focus.clear();
    if (range) this.#focus.add(range);
  }

  dispose(): void {
    this.clear();
    for (const s of STYLES) {
      if (this.#registry.get(this.#nameFor(s)) === this.#all) this.#registry.delete(this.#nameFor(s));
    }
    if (this.#registry.get(FOCUS_HIGHLIGHT) === this.#focus) this.#registry.delete(FOCUS_HIGHLIGHT);
  }
}
