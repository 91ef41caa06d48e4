// Turns the reader's pointer into intent: a term rested on for the hover delay opens (trigger "hover"), a
// click on a term opens (trigger "click"), leaving the term and the popover closes after a grace period,
// a press elsewhere or Escape closes at once. All listeners are passive and leave together.
import type { Settings } from '../core/settings.js';
import type { MatchRecord } from './annotator.js';
import { caretAt, type CaretHit, liveRange, pointInRange } from './hit-test.js';
import { guard } from './guard.js';
import type { PageState } from './page-state.js';
import type { PopoverHost } from './popover-host.js';
import type { PopoverOpener } from './popover-opener.js';

const CLOSE_GRACE_MS = 350;

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
    // Click mode, a pinned popover and a bottom sheet stay until dismissed.
    if (state.settings.trigger === 'click' || host.staysOpen) return;
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
      intentTimer = setTimeout(() => guard(() => opener.open(rec, false, pointer)), state.settings.hoverDelayMs);
    } else if (open) {
      scheduleClose();
    }
  };

  const onPointerMove = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return;
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
    if (state.settings.trigger !== 'click' || !e.isTrusted) return;
    if (host.contains(e.target as Node)) return;
    forgetHits();
    const rec = hitTest(e.clientX, e.clientY);
    if (rec) opener.open(rec, false, { x: e.clientX, y: e.clientY });
  };

  const onPointerDown = (e: PointerEvent): void => {
    if (!host.isOpen || host.pinned || host.contains(e.target as Node)) return;
    if (state.settings.trigger === 'click') {
      forgetHits();
      if (hitTest(e.clientX, e.clientY) === opener.openRecord()) return;
    }
    close(false);
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
    if (trigger === 'hover') win.addEventListener('pointermove', (e) => guard(() => onPointerMove(e)), opts);
    win.addEventListener('click', (e) => guard(() => onClick(e)), opts);
    win.addEventListener('pointerdown', (e) => guard(() => onPointerDown(e)), opts);
    win.addEventListener('keydown', (e) => guard(() => onKeyDown(e)), { capture: true, signal: ac.signal });
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
