// The single UI host in the page: created the first time a popover opens, holding a shadow root with our
// inlined CSS, so page styles cannot reach in and ours cannot leak out. Positioned with Floating UI.
import { arrow, autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import themeCss from '../ui/components/theme.css';
import popoverCss from '../ui/popover/popover.css';
import { Popover, type PopoverProps } from '../ui/popover/Popover.js';

const HOST_TAG = 'netgov-lens-ui';
/** Marks our host whatever its tag (a page may have claimed HOST_TAG as its own custom element). */
const HOST_ATTRIBUTE = 'data-netgov-lens-host';

/** True for the host element, under either name. */
export function isHostElement(el: Element): boolean {
  return (
    el.hasAttribute(HOST_ATTRIBUTE) &&
    (el.tagName === HOST_TAG.toUpperCase() || el.tagName.startsWith(`${HOST_TAG.toUpperCase()}-`))
  );
}

/**
 * Creates the host with its shadow root: closed in the shipped build (the page's scripts cannot read what the
 * reader opened; `__NGL_SHADOW_MODE__`, set by the build), open only in the e2e variant. If the page has
 * defined HOST_TAG itself, its element would hand our root to the page (ElementInternals.shadowRoot reads
 * even a closed root attached to a defined custom element) or take the root first: a name the page cannot
 * have predicted is used instead, undefined when the root is attached, so ElementInternals never sees it.
 */
function createHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  try {
    const host = doc.createElement(HOST_TAG);
    if (!host.matches(':defined')) return { host, shadow: host.attachShadow({ mode: __NGL_SHADOW_MODE__ }) };
  } catch {
    // The page's definition refused a shadow root (its constructor attached one, or it disables shadow).
  }
  const host = doc.createElement(`${HOST_TAG}-${Math.random().toString(36).slice(2, 10)}`);
  return { host, shadow: host.attachShadow({ mode: __NGL_SHADOW_MODE__ }) };
}

export interface Anchor {
  /** A live range over the term. */
  range: Range;
  /** Pointer position, to pick the right line box of a wrapped term. */
  point?: { x: number; y: number };
}

export class PopoverHost {
  #host: HTMLElement | null = null;
  #frame: HTMLDivElement | null = null;
  #arrowEl: HTMLDivElement | null = null;
  #mount: HTMLDivElement | null = null;
  #stopAutoUpdate: (() => void) | null = null;
  #anchor: Anchor | null = null;
  #returnFocus: HTMLElement | null = null;
  #fullscreenListener = (): void => this.#reparent();
  onPointerEnter: (() => void) | null = null;
  onPointerLeave: (() => void) | null = null;
  /** Called when the popover closes by itself (Escape, term scrolled away, close button). */
  onClosed: (() => void) | null = null;
  #textScale = 1;

  constructor(private readonly doc: Document) {}

  /** Removes hosts left by an older copy of the extension (after an update or reload). */
  static removeStale(doc: Document): void {
    for (const el of doc.querySelectorAll(`${HOST_TAG}, [${HOST_ATTRIBUTE}]`)) el.remove();
  }

  get isOpen(): boolean {
    return !!this.#frame && !this.#frame.hidden;
  }

  /** The reader's text size, as a factor on the browser's default size (the options' text size setting). */
  setTextScale(scale: number): void {
    this.#textScale = scale;
    this.#host?.style.setProperty('--ngl-text-scale', String(scale));
  }

  contains(node: Node | null): boolean {
    return !!node && !!this.#host && (node === this.#host || this.#host.contains(node));
  }

  #ensureHost(): void {
    if (this.#host && this.#host.isConnected) return;
    const { host, shadow } = createHost(this.doc);
    host.setAttribute(HOST_ATTRIBUTE, '');
    host.style.setProperty('--ngl-text-scale', String(this.#textScale));
    const style = this.doc.createElement('style');
    style.textContent = `${themeCss}\n${popoverCss}`;
    const frame = this.doc.createElement('div');
    frame.className = 'frame';
    frame.hidden = true;
    const arrowEl = this.doc.createElement('div');
    arrowEl.className = 'arrow';
    const mount = this.doc.createElement('div');
    frame.append(arrowEl, mount);
    shadow.append(style, frame);
    // Scripts of the page can reach an open shadow root: only the reader's own input may act in it.
    for (const type of ['click', 'keydown', 'keyup', 'input', 'change', 'submit']) {
      shadow.addEventListener(
        type,
        (e) => {
          if (!e.isTrusted) {
            e.stopImmediatePropagation();
            e.preventDefault();
          }
        },
        true,
      );
    }
    frame.addEventListener('pointerenter', () => this.onPointerEnter?.());
    frame.addEventListener('pointerleave', () => this.onPointerLeave?.());
    frame.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close(true);
        this.onClosed?.();
      }
    });
    this.#host = host;
    this.#frame = frame;
    this.#arrowEl = arrowEl;
    this.#mount = mount;
    this.#reparent();
    this.doc.addEventListener('fullscreenchange', this.#fullscreenListener);
  }

  /** Lives under <html> (survives body replacement) or inside the fullscreen element when there is one. */
  #reparent(): void {
    if (!this.#host) return;
    const parent = this.doc.fullscreenElement ?? this.doc.documentElement;
    if (this.#host.parentNode !== parent) parent.appendChild(this.#host);
  }

  open(anchor: Anchor, props: Omit<PopoverProps, 'onContentChange' | 'onClose'>, onClose: () => void): void {
    this.#ensureHost();
    const frame = this.#frame as HTMLDivElement;
    if (props.focusOnOpen && !this.isOpen) {
      const active = this.doc.activeElement;
      this.#returnFocus = active instanceof HTMLElement ? active : null;
    }
    this.#anchor = anchor;
    frame.hidden = false;
    frame.dataset.state = 'open';
    render(
      h(Popover, {
        ...props,
        onClose: () => {
          this.close(true);
          onClose();
        },
        onContentChange: () => this.#reposition(),
      }),
      this.#mount as HTMLDivElement,
    );
    this.#stopAutoUpdate?.();
    try {
      this.#stopAutoUpdate = autoUpdate(this.#reference(), frame, () => this.#reposition(), { animationFrame: false });
    } catch {
      // Floating UI walks every ancestor; on absurdly deep pages that can overflow the stack. Follow
      // scrolling and resizing from the window instead.
      const onChange = (): void => this.#reposition();
      addEventListener('scroll', onChange, { capture: true, passive: true });
      addEventListener('resize', onChange, { passive: true });
      this.#reposition();
      this.#stopAutoUpdate = () => {
        removeEventListener('scroll', onChange, { capture: true });
        removeEventListener('resize', onChange);
      };
    }
  }

  /** Positions the popover; errors stay here (they must never reach the page). */
  #reposition(): void {
    this.#position().catch(() => this.#positionSimply());
  }

  /** Fallback placement without Floating UI: below the term if it fits, else above, inside the viewport. */
  #positionSimply(): void {
    const frame = this.#frame;
    const anchor = this.#anchor;
    if (!frame || !anchor || frame.hidden) return;
    const rect = anchor.range.getBoundingClientRect();
    const win = this.doc.defaultView as Window;
    const height = Math.min(frame.getBoundingClientRect().height, win.innerHeight - 16);
    const below = rect.bottom + 10;
    const top = below + height <= win.innerHeight - 8 ? below : Math.max(8, rect.top - 10 - height);
    const width = frame.getBoundingClientRect().width;
    const left = Math.min(Math.max(8, rect.left), Math.max(8, win.innerWidth - width - 8));
    Object.assign(frame.style, { left: `${Math.round(left)}px`, top: `${Math.round(top)}px` });
    (this.#arrowEl as HTMLDivElement).style.display = 'none';
  }

  #reference() {
    const anchor = this.#anchor as Anchor;
    return {
      getBoundingClientRect: () => anchor.range.getBoundingClientRect(),
      getClientRects: () => anchor.range.getClientRects(),
      contextElement: anchor.range.startContainer.parentElement ?? undefined,
    };
  }

  async #position(): Promise<void> {
    const frame = this.#frame;
    const anchor = this.#anchor;
    if (!frame || !anchor || frame.hidden) return;
    const arrowEl = this.#arrowEl as HTMLDivElement;
    // Measure at the natural height so that flip compares the real size, not last time's clamp.
    frame.style.maxHeight = '';
    const popoverEl = frame.querySelector<HTMLElement>('.popover');
    if (popoverEl) popoverEl.style.maxHeight = '';
    const { x, y, placement, middlewareData } = await computePosition(this.#reference(), frame, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(anchor.point ?? {}),
        offset(10),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight, elements }) {
            const natural = elements.floating.getBoundingClientRect().height;
            frame.style.maxHeight = `${Math.max(160, Math.floor(Math.min(natural, availableHeight)))}px`;
          },
        }),
        arrow({ element: arrowEl, padding: 12 }),
        hide(),
      ],
    });
    if (this.#anchor !== anchor) return;
    if (middlewareData.hide?.referenceHidden) {
      // The term scrolled out of view: close instead of floating over unrelated text.
      this.close(false);
      this.onClosed?.();
      return;
    }
    Object.assign(frame.style, { left: `${Math.round(x)}px`, top: `${Math.round(y)}px` });
    arrowEl.style.display = '';
    const side = placement.split('-')[0] as 'top' | 'bottom' | 'left' | 'right';
    const a = middlewareData.arrow;
    const staticSide = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' }[side];
    Object.assign(arrowEl.style, {
      left: a?.x != null ? `${a.x}px` : '',
      top: a?.y != null ? `${a.y}px` : '',
      right: '',
      bottom: '',
      [staticSide]: '-6px',
    });
    if (popoverEl) popoverEl.style.maxHeight = frame.style.maxHeight;
  }

  close(restoreFocus: boolean): void {
    this.#stopAutoUpdate?.();
    this.#stopAutoUpdate = null;
    this.#anchor = null;
    if (this.#mount) render(null, this.#mount);
    if (this.#frame) {
      this.#frame.hidden = true;
      this.#frame.dataset.state = '';
    }
    if (restoreFocus && this.#returnFocus?.isConnected) this.#returnFocus.focus({ preventScroll: true });
    this.#returnFocus = null;
  }

  destroy(): void {
    this.close(false);
    this.doc.removeEventListener('fullscreenchange', this.#fullscreenListener);
    this.#host?.remove();
    this.#host = this.#frame = this.#arrowEl = this.#mount = null;
  }
}
