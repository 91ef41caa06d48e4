// Turns the reader's pointer into intent: a term rested on for the hover delay opens (trigger "hover"), a
// click on a term opens (trigger "click"), leaving the term and the popover closes after a grace period,
// a press elsewhere or Escape closes at once. A finger has no hover: whatever the trigger, a tap on a term
// opens it and a tap elsewhere closes (a scroll, pinch or long press does neither); a term inside a link
// opens on the first tap instead of the link, and the popover offers the link. All listeners are passive
// but the click one (it holds back that one link click) and they leave together.
import type { Settings } from '../core/settings.js';
import { isTap, moveTap, startTap, type TapGesture, type TouchSample } from '../core/tap-gesture.js';
import type { MatchRecord } from './annotator.js';
import { caretAt, type CaretHit, liveRange, pointInRange } from './hit-test.js';
import { guard } from './guard.js';
import type { PageState } from './page-state.js';
import type { PopoverHost } from './popover-host.js';
import type { PopoverOpener } from './popover-opener.js';
import { linkAction, linkOnPath } from './term-link.js';

const CLOSE_GRACE_MS = 350;
/**
 * How long the pointer rests on a term before its popover is rendered, hidden, ahead of the open (at most
 * half the hover delay): long enough that a pointer passing over terms renders none, short enough that
 * the render is done when the delay ends.
 */
const PRERENDER_AFTER_MS = 100;
/** How long after its tap the browser's click may come (300 ms on pages a phone may zoom by double tap). */
const CLICK_AFTER_TAP_MS = 1000;

const touchSample = (e: PointerEvent): TouchSample => ({
  pointerId: e.pointerId,
  x: e.clientX,
  y: e.clientY,
  time: e.timeStamp,
});

export interface PointerIntent {
  /** (Re)binds the listeners for `trigger`. */
  bind(trigger: Settings['trigger']): void;
  /** document.open() replaced the document and erased our listeners with it: binds them again at once. */
  rebindIfDocumentReplaced(): void;
  /** Removes every listener and timer. */
  dispose(): void;
  /** The matches changed: nothing is hovered, and cached hits are stale. */
  forget(): void;
  /** Closes the popover at once (cancelling a pending open or close). */
  close(restoreFocus: boolean): void;
  /** Cancels a pending close (a popover is opening). */
  cancelClose(): void;
}

/**
 * Listens to the pointer on `doc` and opens and closes `opener`'s popovers. `onDesignMode` ends the
 * annotation: the document became an editor, where annotations would get in the way of editing.
 */
export function createPointerIntent(
  doc: Document,
  host: PopoverHost,
  state: Readonly<PageState>,
  opener: PopoverOpener,
  onDesignMode: () => void,
  // Only the reader's own input acts: a page's synthetic events must not open, close or steer our popover.
  // (Unit tests that dispatch events themselves pass their own predicate.)
  fromReader: (e: Event) => boolean = (e) => e.isTrusted,
): PointerIntent {
  let listeners: AbortController | null = null;
  /** The root element when the listeners were bound: document.open() erases them with the document. */
  let inputRoot: Element | null = null;
  let pointer = { x: 0, y: 0 };
  let frameRequested = false;
  let hovered: MatchRecord | null = null;
  let intentTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  // The hit-test cache: a pointer resting on one glyph hits the same caret position frame after frame.
  let lastCaret: CaretHit | null = null;
  let lastCandidate: MatchRecord | undefined;
  const forgetHits = (): void => {
    lastCaret = null;
    lastCandidate = undefined;
  };
  /** The kind of pointer that last pressed or moved (a finger lifted off the popover "leaves" it too). */
  let lastPointerType = '';
  /** The finger on the page (not on the popover) while it may still be a tap. */
  let tap: TapGesture | null = null;
  /** The click that will follow the tap which opened a term inside this link: it must not follow the link. */
  let heldClick: { anchor: HTMLAnchorElement; until: number } | null = null;

  const cancelClose = (): void => {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  const cancelTimers = (): void => {
    clearTimeout(intentTimer);
    cancelClose();
  };
  const close = (restoreFocus: boolean): void => {
    cancelTimers();
    opener.close(restoreFocus);
  };
  const scheduleClose = (): void => {
    // Click mode, a touch (taps decide), a pinned popover and a bottom sheet stay until dismissed.
    if (state.settings.trigger === 'click' || lastPointerType === 'touch' || host.staysOpen) return;
    cancelClose();
    closeTimer = setTimeout(() => guard(() => close(false)), CLOSE_GRACE_MS);
  };
  /** The match under (x, y), if the point lies on its text. */
  const hitTest = (x: number, y: number): MatchRecord | null => {
    const annotator = state.annotator;
    if (!annotator) return null;
    const caret = caretAt(doc, x, y, annotator.shadowRootList);
    if (!caret) return null;
    // Same caret position as last time: same candidate without a lookup. The point test below still runs,
    // because the pointer may have moved from beside the glyph (caret snapped to it) onto it.
    let rec: MatchRecord | undefined;
    if (lastCaret && lastCaret.node === caret.node && lastCaret.offset === caret.offset) {
      rec = lastCandidate;
    } else {
      lastCaret = caret;
      rec = annotator.matchAt(caret.node, caret.offset) ?? annotator.matchAt(caret.node, caret.offset - 1);
      lastCandidate = rec;
    }
    if (!rec) return null;
    const range = liveRange(doc, rec.range);
    return range && pointInRange(range, x, y) ? rec : null;
  };

  const checkHover = (): void => {
    const rec = hitTest(pointer.x, pointer.y);
    if (rec === hovered) return;
    hovered = rec;
    clearTimeout(intentTimer);
    const open = opener.openRecord();
    if (rec) {
      cancelClose();
      // A pinned popover keeps its term while the pointer passes over others.
      if (rec === open || host.pinned) return;
      opener.prefetch(rec);
      const delay = state.settings.hoverDelayMs;
      const restedAt = performance.now();
      intentTimer = setTimeout(
        () =>
          guard(() => {
            // The open is timed from the rest, not from here: neither a late timer nor the render delays it.
            const left = Math.max(0, delay - (performance.now() - restedAt));
            intentTimer = setTimeout(() => guard(() => opener.open(rec, false, pointer)), left);
            opener.prerender(rec);
          }),
        Math.min(PRERENDER_AFTER_MS, delay / 2),
      );
    } else if (open) {
      scheduleClose();
    }
  };

  const onPointerMove = (e: PointerEvent): void => {
    lastPointerType = e.pointerType;
    if (doc.designMode === 'on') {
      onDesignMode();
      return;
    }
    // No layout work at all while there is nothing to hover.
    if (!state.annotator || state.annotator.matchCount === 0) return;
    pointer = { x: e.clientX, y: e.clientY };
    if (host.contains(e.target as Node)) return;
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      guard(checkHover);
    });
  };

  const onClick = (e: MouseEvent): void => {
    const held = heldClick;
    heldClick = null;
    // The reader's tap opened the term instead of the link: this one click does not navigate. Only the
    // default is prevented; the page's own handlers still see it (routers skip a defaultPrevented click).
    if (held && e.timeStamp <= held.until && e.composedPath().includes(held.anchor)) {
      e.preventDefault();
      return;
    }
    // A tap was handled when the finger lifted.
    if (state.settings.trigger !== 'click' || lastPointerType === 'touch') return;
    if (host.contains(e.target as Node)) return;
    forgetHits();
    const rec = hitTest(e.clientX, e.clientY);
    if (rec) opener.open(rec, false, { x: e.clientX, y: e.clientY });
  };

  const onPointerDown = (e: PointerEvent): void => {
    lastPointerType = e.pointerType;
    if (!host.isOpen || host.pinned || host.contains(e.target as Node)) return;
    if (state.settings.trigger === 'click') {
      forgetHits();
      if (hitTest(e.clientX, e.clientY) === opener.openRecord()) return;
    }
    close(false);
  };

  const onTouchDown = (e: PointerEvent): void => {
    lastPointerType = 'touch';
    heldClick = null;
    // A second finger makes a pinch of the first one's tap; a finger on the popover is the popover's.
    tap = e.isPrimary && !host.contains(e.target as Node) ? startTap(touchSample(e)) : null;
  };

  const onTouchMove = (e: PointerEvent): void => {
    if (tap) tap = moveTap(tap, touchSample(e));
  };

  const onTouchUp = (e: PointerEvent): void => {
    const gesture = tap;
    tap = null;
    if (!gesture || !isTap(gesture, touchSample(e))) return;
    if (doc.designMode === 'on') {
      onDesignMode();
      return;
    }
    const { x, y } = gesture.start;
    forgetHits();
    const rec = hitTest(x, y);
    if (!rec) {
      if (host.isOpen) close(false);
      return;
    }
    const anchor = linkOnPath(e.composedPath());
    if (rec === opener.openRecord()) {
      // The open term tapped again: in a link, its click goes through and follows the link as the page would.
      if (anchor) close(false);
      return;
    }
    cancelTimers();
    const link = anchor && doc.defaultView ? linkAction(doc.defaultView, anchor, () => close(false)) : undefined;
    if (opener.open(rec, false, { x, y }, link) && anchor) {
      heldClick = { anchor, until: e.timeStamp + CLICK_AFTER_TAP_MS };
    }
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && host.isOpen) close(true);
  };

  const bind = (trigger: Settings['trigger']): void => {
    listeners?.abort();
    const ac = new AbortController();
    listeners = ac;
    inputRoot = doc.documentElement;
    // A frame callback requested before document.open() never runs; do not wait for it.
    frameRequested = false;
    const opts = { passive: true, capture: true, signal: ac.signal } as const;
    const win = doc.defaultView;
    if (!win) return;
    /** Binds `handle` to the reader's own events of `type` (see fromReader); errors stay here. */
    const on = <K extends keyof WindowEventMap>(
      type: K,
      handle: (e: WindowEventMap[K]) => unknown,
      options: AddEventListenerOptions = opts,
    ): void => win.addEventListener(type, (e) => fromReader(e) && guard(() => handle(e)), options);
    on('pointermove', (e) => (e.pointerType === 'touch' ? onTouchMove(e) : trigger === 'hover' && onPointerMove(e)));
    // Not passive: it may hold back the one link click of a tap that opened a term (onClick).
    on('click', onClick, { capture: true, signal: ac.signal });
    on('pointerdown', (e) => (e.pointerType === 'touch' ? onTouchDown(e) : onPointerDown(e)));
    on('pointerup', (e) => e.pointerType === 'touch' && onTouchUp(e));
    // The browser took the finger over (a scroll, a zoom): no tap.
    on('pointercancel', () => {
      tap = null;
    });
    on('keydown', onKeyDown, { capture: true, signal: ac.signal });
  };

  host.onPointerEnter = cancelClose;
  host.onPointerLeave = scheduleClose;
  return {
    bind,
    rebindIfDocumentReplaced() {
      if (listeners && doc.documentElement !== inputRoot) bind(state.settings.trigger);
    },
    dispose() {
      listeners?.abort();
      listeners = null;
      tap = heldClick = null;
      cancelTimers();
    },
    forget() {
      hovered = null;
      forgetHits();
    },
    close,
    cancelClose,
  };
}
