// The single UI host in the page: created the first time the pointer rests on a term (or a popover opens),
// holding a shadow root with our inlined CSS, so page styles cannot reach in and ours cannot leak out.
// While the pointer rests, the popover is rendered hidden (prerender), so that the open only places and
// reveals it. Placed by core/placement.ts. The popover's UI (Preact, its components, its CSS) is a module of
// its own, imported when a popover is first about to show (popover-ui.ts): the host is ready without it.
import {
  type Box,
  CORNERS,
  cornerPosition,
  keepInView,
  placePopover,
  revealAboveSheet,
  SHEET_MAX_WIDTH,
  type Size,
  VIEWPORT_PADDING,
} from '../core/placement.js';
import type { PopoverProps } from '../ui/popover/Popover.js';
import { type Announcer, createAnnouncer } from './announcer.js';
import type { PopoverUi } from './popover-ui.js';

type OpenProps = Omit<PopoverProps, 'onContentChange' | 'onClose' | 'pin'>;

/** The popover's UI at hand (tests), or how to import it (the content script: a module of its own). */
export type PopoverUiSource = PopoverUi | (() => Promise<PopoverUi>);

const HOST_TAG = 'netgov-lens-ui';
/** Marks our host whatever its tag (a page may have claimed HOST_TAG as its own custom element). */
const HOST_ATTRIBUTE = 'data-netgov-lens-host';

/** True for the host element, under either name. */
export function isHostElement(el: Element): boolean {
  return (
    el.hasAttribute(HOST_ATTRIBUTE) &&
    // The local name: `tagName` keeps the case it was created with in an XHTML document.
    (el.localName === HOST_TAG || el.localName.startsWith(`${HOST_TAG}-`))
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

/**
 * The elements around `node` that clip what overflows them (scroll boxes), nearest first, up to the root,
 * across shadow roots and slots. A loop, not recursion: pages nest elements 10,000 deep.
 */
function clippingAncestors(node: Node): Element[] {
  const doc = node.ownerDocument;
  const win = doc?.defaultView;
  if (!doc || !win) return [];
  const found: Element[] = [];
  let el: Element | null = node instanceof Element ? node : node.parentElement;
  while (el && el !== doc.documentElement) {
    if (el !== doc.body) {
      const style = win.getComputedStyle(el);
      // Inline boxes and display: contents do not clip, whatever their overflow says.
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      if (clips && style.display !== 'inline' && style.display !== 'contents') found.push(el);
    }
    const parent: Node | null = el.assignedSlot ?? el.parentNode;
    el = parent instanceof Element ? parent : parent instanceof win.ShadowRoot ? parent.host : null;
  }
  return found;
}

/** The part of the viewport that the clipping ancestors leave visible (their padding boxes, intersected). */
function visibleArea(clippers: readonly Element[], viewport: Size): Box {
  const area = { left: 0, top: 0, right: viewport.width, bottom: viewport.height };
  for (const el of clippers) {
    const r = el.getBoundingClientRect();
    const left = r.left + el.clientLeft;
    const top = r.top + el.clientTop;
    area.left = Math.max(area.left, left);
    area.top = Math.max(area.top, top);
    area.right = Math.min(area.right, left + el.clientWidth);
    area.bottom = Math.min(area.bottom, top + el.clientHeight);
  }
  return area;
}

/** Writes the placement mode only when it changes: an unchanged write would still invalidate style. */
function setMode(frame: HTMLElement, mode: '' | 'sheet' | 'pinned'): void {
  if ((frame.dataset.mode ?? '') !== mode) frame.dataset.mode = mode;
}

/**
 * Whether two renders of a term's popover show the same and act alike: what it shows and the settings its
 * buttons use. Its callbacks (look-up, copy, hide, glossary) are made alike by the opener for every render.
 */
function sameView(a: OpenProps, b: OpenProps): boolean {
  return (
    a.termId === b.termId &&
    a.foundAs === b.foundAs &&
    a.foundLanguage === b.foundLanguage &&
    a.ready === b.ready &&
    a.link === b.link &&
    a.focusOnOpen === b.focusOnOpen &&
    a.actions.provider === b.actions.provider &&
    a.actions.citationFormat === b.actions.citationFormat
  );
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
  #style: HTMLStyleElement | null = null;
  #ui: PopoverUi | null;
  #uiLoad: Promise<PopoverUi | null> | null = null;
  /** Counts opens and closes: an open waiting for the UI goes ahead only if nothing came after it. */
  #openSeq = 0;
  #waitingSeq = -1;
  #stopFollowing: (() => void) | null = null;
  /** The term's scrolling ancestors, which can hide it while it is inside the viewport. */
  #clippers: Element[] = [];
  #anchor: Anchor | null = null;
  #returnFocus: HTMLElement | null = null;
  #announcer: Announcer | null = null;
  #destroyed = false;
  #fullscreenListener = (): void => this.#reparent();
  onPointerEnter: (() => void) | null = null;
  onPointerLeave: (() => void) | null = null;
  /** Called when the popover closes by itself (Escape, term scrolled away, close button). */
  onClosed: (() => void) | null = null;
  #textScale = 1;
  #props: OpenProps | null = null;
  #onClose: (() => void) | null = null;
  /** Pinned: stays where the reader put it, whatever the term does, until closed. Ends with the popover. */
  #pinned = false;
  /** Where a pinned popover was last left, kept for this page (pinning again returns there). */
  #pinnedAt: { x: number; y: number } | null = null;
  #corner = 0;
  /** The sheet's top when the page was last scrolled to show the term above it (null: not yet, this time). */
  #revealedAt: number | null = null;
  #drag: { pointerId: number; startX: number; startY: number; x: number; y: number } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly uiSource: PopoverUiSource,
  ) {
    this.#ui = typeof uiSource === 'function' ? null : uiSource;
  }

  /**
   * The popover's UI, imported once (a failed import is tried again at the next open). Its stylesheet goes
   * into the shadow root as it arrives.
   */
  #loadUi(): Promise<PopoverUi | null> {
    if (this.#ui) return Promise.resolve(this.#ui);
    const source = this.uiSource;
    if (typeof source !== 'function') return Promise.resolve(source);
    this.#uiLoad ??= source().then(
      (ui) => {
        this.#ui = ui;
        if (this.#style) this.#style.textContent = ui.css;
        return ui;
      },
      (e: unknown) => {
        this.#uiLoad = null;
        console.warn('[Netgov Lens] popover failed to load:', e);
        return null;
      },
    );
    return this.#uiLoad;
  }

  /** Removes hosts left by an older copy of the extension (after an update or reload). */
  static removeStale(doc: Document): void {
    for (const el of doc.querySelectorAll(`${HOST_TAG}, [${HOST_ATTRIBUTE}]`)) el.remove();
  }

  /** Shown to the reader (a prerendered popover keeps its frame `hidden`: it is not open). */
  get isOpen(): boolean {
    return !!this.#frame && !this.#frame.hidden;
  }

  /** Asked to open, waiting for the popover's UI to arrive (a close cancels it). */
  get opening(): boolean {
    return this.#waitingSeq === this.#openSeq;
  }

  /** Pinned by the reader: neither the pointer leaving, a press elsewhere nor another term's hover closes it. */
  get pinned(): boolean {
    return this.isOpen && this.#pinned;
  }

  /** Open until dismissed (close button, Escape, a press elsewhere for a sheet): pinned, or a bottom sheet. */
  get staysOpen(): boolean {
    return this.pinned || (this.isOpen && this.#frame?.dataset.mode === 'sheet');
  }

  /** The reader's text size, as a factor on the browser's default size (the options' text size setting). */
  setTextScale(scale: number): void {
    this.#textScale = scale;
    this.#host?.style.setProperty('--ngl-text-scale', String(scale));
  }

  /** Says `text` to screen readers through the live region in our shadow root (keyboard navigation). */
  announce(text: string): void {
    // An entry that arrives after the page was switched off (the host destroyed) must not bring it back.
    if (this.#destroyed) return;
    this.#ensureHost();
    this.#announcer?.announce(text);
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
    style.textContent = this.#ui?.css ?? '';
    const frame = this.doc.createElement('div');
    frame.className = 'frame';
    frame.hidden = true;
    const arrowEl = this.doc.createElement('div');
    arrowEl.className = 'arrow';
    const mount = this.doc.createElement('div');
    frame.append(arrowEl, mount);
    shadow.append(style, frame);
    this.#announcer = createAnnouncer(this.doc, shadow);
    // Only the reader's own input may act in our root. The shipped root is closed, so the page cannot reach in
    // to dispatch there; this still holds where it is open (the e2e variant) and if a way in is ever found.
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
    frame.addEventListener('pointerdown', (e) => this.#startDrag(e));
    frame.addEventListener('pointermove', (e) => this.#moveDrag(e));
    frame.addEventListener('pointerup', () => (this.#drag = null));
    frame.addEventListener('pointercancel', () => (this.#drag = null));
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
    this.#style = style;
    this.#reparent();
    this.doc.addEventListener('fullscreenchange', this.#fullscreenListener);
  }

  /** Lives under <html> (survives body replacement) or inside the fullscreen element when there is one. */
  #reparent(): void {
    if (!this.#host) return;
    const parent = this.doc.fullscreenElement ?? this.doc.documentElement;
    if (this.#host.parentNode !== parent) parent.appendChild(this.#host);
  }

  /**
   * Creates the host, imports the popover's UI and parses its style ahead of a first open (the pointer came
   * to rest on a term: the intent delay covers the import).
   */
  prepare(): void {
    if (this.#destroyed) return;
    this.#ensureHost();
    void this.#loadUi();
  }

  /**
   * Renders `props`' popover ahead of its open (the pointer rests on its term), so that the open only places
   * and reveals it: the frame keeps its `hidden` attribute, and the CSS lays it out (styles, fonts, text) but
   * keeps it invisible (`visibility: hidden`: not painted, not hit by the pointer, not in the accessibility
   * tree) and `inert` (not focusable). Nothing is announced. Not while a popover is open (it would replace it).
   */
  prerender(props: OpenProps): void {
    if (this.#destroyed || this.isOpen) return;
    this.#ensureHost();
    const frame = this.#frame as HTMLDivElement;
    this.#props = props;
    this.#onClose = null;
    frame.inert = true;
    frame.dataset.state = 'prepared';
    // Laid out at its natural height and unpinned, as the open's first measure reads it (no layout forced then).
    frame.style.maxHeight = '';
    if (frame.dataset.mode === 'pinned') setMode(frame, '');
    this.#render();
  }

  open(anchor: Anchor, props: OpenProps, onClose: () => void): void {
    const seq = ++this.#openSeq;
    if (!this.#ui) {
      // Opened before the UI arrived (a keyboard or context-menu open, or an import slower than the intent
      // delay): opens when it does, unless closed or opened again meanwhile.
      this.#waitingSeq = seq;
      void this.#loadUi().then((ui) => {
        if (ui && seq === this.#openSeq && !this.#destroyed) this.open(anchor, props, onClose);
      });
      return;
    }
    this.#ensureHost();
    const frame = this.#frame as HTMLDivElement;
    if (props.focusOnOpen && !this.isOpen) {
      const active = this.doc.activeElement;
      this.#returnFocus = active instanceof HTMLElement ? active : null;
    }
    if (anchor.range !== this.#anchor?.range) this.#revealedAt = null;
    const before = this.#props;
    const prepared = frame.hidden && frame.dataset.state === 'prepared' && before?.termId === props.termId;
    this.#anchor = anchor;
    this.#props = props;
    this.#onClose = onClose;
    this.#stopFollowing?.();
    if (prepared) {
      // Already rendered and laid out: read the geometry while nothing is dirty, place, then reveal.
      this.#stopFollowing = this.#follow(frame, anchor);
      this.#reposition();
      if (!this.#anchor) return; // the term was out of view: placing closed it
      this.#reveal(frame);
      // The open's props, when they show anything else (focus, a link, another mention): a diff, not a mount.
      if (!before || !sameView(before, props)) this.#render();
      return;
    }
    this.#reveal(frame);
    this.#render();
    this.#stopFollowing = this.#follow(frame, anchor);
    this.#reposition();
  }

  #reveal(frame: HTMLDivElement): void {
    frame.inert = false;
    frame.hidden = false;
    frame.dataset.state = 'open';
  }

  #render(): void {
    const props = this.#props;
    const mount = this.#mount;
    const ui = this.#ui;
    if (!props || !mount) return;
    if (!ui) {
      // A prerender before the UI arrived: rendered when it does, if still the one to show.
      void this.#loadUi().then(() => this.#props === props && !this.#destroyed && this.#render());
      return;
    }
    ui.render(
      mount,
      {
        ...props,
        onClose: () => {
          this.close(true);
          this.#onClose?.();
        },
        onContentChange: () => this.#reposition(),
        pin: {
          pinned: this.#pinned,
          toggle: () => this.#setPinned(!this.#pinned),
          nextCorner: () => this.#dock((this.#corner + 1) % CORNERS.length),
          nudge: (dx, dy) => this.#moveTo((at) => ({ x: at.x + dx, y: at.y + dy })),
        },
      },
      // Another term is another popover (its own navigation and loading state); the same term is re-rendered.
      props.termId,
    );
  }

  #setPinned(pinned: boolean): void {
    this.#pinned = pinned;
    this.#render();
    this.#reposition();
  }

  #dock(corner: number): void {
    this.#corner = corner;
    this.#pinnedAt = null;
    this.#reposition();
  }

  /** Moves a pinned popover, kept inside the viewport. */
  #moveTo(to: (at: { x: number; y: number }) => { x: number; y: number }): void {
    if (!this.#pinned || !this.#pinnedAt) return;
    this.#pinnedAt = to(this.#pinnedAt);
    this.#reposition();
  }

  /** Dragging a pinned popover by its header (not by its buttons); the reader's own pointer only. */
  #startDrag(e: PointerEvent): void {
    const target = e.composedPath()[0];
    if (!this.#pinned || !this.#pinnedAt || !e.isTrusted || e.button !== 0 || !(target instanceof Element)) return;
    const header = target.closest('.header');
    if (!header || target.closest('button, a')) return;
    header.setPointerCapture(e.pointerId);
    this.#drag = { pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, ...this.#pinnedAt };
  }

  #moveDrag(e: PointerEvent): void {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== e.pointerId || !e.isTrusted) return;
    this.#moveTo(() => ({ x: drag.x + e.clientX - drag.startX, y: drag.y + e.clientY - drag.startY }));
  }

  /**
   * Keeps the popover next to the term: one capture-phase listener on the window sees the scrolling of
   * every ancestor, a resize listener the viewport, and a ResizeObserver the popover's own content.
   */
  #follow(frame: HTMLElement, anchor: Anchor): () => void {
    const win = this.doc.defaultView as Window;
    this.#clippers = clippingAncestors(anchor.range.startContainer);
    const onChange = (): void => this.#reposition();
    win.addEventListener('scroll', onChange, { capture: true, passive: true });
    win.addEventListener('resize', onChange, { passive: true });
    const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(onChange) : null;
    resizes?.observe(frame);
    return () => {
      win.removeEventListener('scroll', onChange, { capture: true });
      win.removeEventListener('resize', onChange);
      resizes?.disconnect();
      this.#clippers = [];
    };
  }

  /** Positions the popover; errors stay here (they must never reach the page). */
  #reposition(): void {
    try {
      this.#position();
    } catch {
      // A range or element gone mid-measure: the next scroll, resize or open places it again.
    }
  }

  #position(): void {
    const frame = this.#frame;
    const anchor = this.#anchor;
    const host = this.#host;
    // Placed when open, and when being opened from its prerendered state (laid out, still hidden).
    if (!frame || !anchor || !host || (frame.hidden && frame.dataset.state !== 'prepared')) return;
    const win = this.doc.defaultView as Window;
    const arrowEl = this.#arrowEl as HTMLDivElement;
    // Measure at the natural height so that the choice of side compares the real size, not last time's clamp
    // (written only when set: a prerendered frame is laid out at its natural height, and stays clean).
    if (frame.style.maxHeight) frame.style.maxHeight = '';
    const popoverEl = frame.querySelector<HTMLElement>('.popover');
    if (popoverEl?.style.maxHeight) popoverEl.style.maxHeight = '';
    const natural = frame.getBoundingClientRect();
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    // The frame is fixed, normally to the viewport; a transformed or filtered <html> moves its origin, which
    // the host (fixed at 0, 0) shares.
    const origin = host.getBoundingClientRect();
    if (viewport.width < SHEET_MAX_WIDTH) {
      // A bottom sheet: placed by its CSS. It is not closed when the term scrolls away: the reader is
      // reading the sheet, and the page may move behind it.
      setMode(frame, 'sheet');
      Object.assign(frame.style, { left: '', top: '' });
      this.#revealTerm(frame, anchor, win);
      return;
    }
    if (this.#pinned) {
      setMode(frame, 'pinned');
      const maxHeight = viewport.height - 2 * VIEWPORT_PADDING;
      const size = { width: natural.width, height: Math.min(natural.height, maxHeight) };
      const at = keepInView(
        this.#pinnedAt ?? cornerPosition(CORNERS[this.#corner] ?? 'bottom-right', size, viewport),
        size,
        viewport,
      );
      this.#pinnedAt = at;
      Object.assign(frame.style, {
        left: `${Math.round(at.x - origin.left)}px`,
        top: `${Math.round(at.y - origin.top)}px`,
        maxHeight: `${maxHeight}px`,
      });
      if (popoverEl) popoverEl.style.maxHeight = frame.style.maxHeight;
      return;
    }
    // Every read before the first write: one layout at most.
    const place = placePopover({
      rects: [...anchor.range.getClientRects()],
      point: anchor.point,
      size: { width: natural.width, height: natural.height },
      viewport,
      clip: visibleArea(this.#clippers, viewport),
    });
    if (place.referenceHidden) {
      // The term scrolled out of view: close instead of floating over unrelated text.
      this.close(false);
      this.onClosed?.();
      return;
    }
    setMode(frame, '');
    Object.assign(frame.style, {
      left: `${Math.round(place.x - origin.left)}px`,
      top: `${Math.round(place.y - origin.top)}px`,
      maxHeight: `${place.maxHeight}px`,
    });
    if (popoverEl) popoverEl.style.maxHeight = frame.style.maxHeight;
    Object.assign(arrowEl.style, {
      display: '',
      left: `${Math.round(place.arrowX)}px`,
      top: place.side === 'bottom' ? '-6px' : '',
      bottom: place.side === 'top' ? '-6px' : '',
    });
  }

  /**
   * A sheet over its own term scrolls the page to show the term above it: once per open, and again only
   * when the sheet grows taller (its entry arrived), so that the reader's own scrolling is never fought.
   */
  #revealTerm(frame: HTMLElement, anchor: Anchor, win: Window): void {
    const sheetTop = frame.getBoundingClientRect().top;
    if (this.#revealedAt !== null && sheetTop >= this.#revealedAt - 1) return;
    this.#revealedAt = sheetTop;
    const by = revealAboveSheet(anchor.range.getBoundingClientRect(), sheetTop);
    if (by < 1) return;
    const reduced = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
    win.scrollBy({ top: by, behavior: reduced ? 'instant' : 'smooth' });
  }

  close(restoreFocus: boolean): void {
    this.#openSeq++;
    this.#revealedAt = null;
    this.#stopFollowing?.();
    this.#stopFollowing = null;
    this.#anchor = null;
    this.#props = this.#onClose = this.#drag = null;
    this.#pinned = false;
    if (this.#mount) this.#ui?.clear(this.#mount);
    if (this.#frame) {
      this.#frame.hidden = true;
      this.#frame.dataset.state = '';
    }
    if (restoreFocus && this.#returnFocus?.isConnected) this.#returnFocus.focus({ preventScroll: true });
    this.#returnFocus = null;
  }

  destroy(): void {
    this.#destroyed = true;
    this.close(false);
    this.doc.removeEventListener('fullscreenchange', this.#fullscreenListener);
    this.#host?.remove();
    this.#host = this.#frame = this.#arrowEl = this.#mount = this.#style = null;
    this.#announcer = null;
  }
}
