// Keyboard navigation between the terms of a page (the extension's shortcuts, and "show on page" in the
// popup): the next or previous match, or a given term's first, is scrolled to, ringed and opened.
import type { MatchRecord } from './annotator.js';
import type { PageState } from './page-state.js';
import type { Painter } from './painter.js';
import type { PopoverOpener } from './popover-opener.js';

export interface KeyboardNavigation {
  /** Moves to the next (1) or previous (-1) match, wrapping around; false when there is none. */
  step(step: 1 | -1): boolean;
  /** Moves to the first match of term `id`; false when the page has none. */
  showTerm(id: string): boolean;
  /** The matches changed: start again from the top. */
  reset(): void;
}

export function createKeyboardNavigation(
  doc: Document,
  painter: Painter,
  state: Readonly<PageState>,
  opener: PopoverOpener,
): KeyboardNavigation {
  /** The match last navigated to, the starting point when no popover is open. */
  let focusIndex = -1;
  const focusAt = (list: MatchRecord[], index: number): void => {
    const rec = list[index];
    if (!rec) return;
    focusIndex = index;
    const reduce = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const el = rec.nodes[0]?.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'instant' });
    painter.setFocus(rec.range);
    opener.open(rec, true);
    // Opening clears nothing of the focus ring; closing the popover removes it.
    painter.setFocus(rec.range);
  };
  return {
    step(step) {
      const list = state.annotator?.inOrder() ?? [];
      if (list.length === 0) return false;
      const open = opener.openRecord();
      const current = open ? list.indexOf(open) : focusIndex;
      const from = current < 0 ? (step === 1 ? -1 : 0) : current;
      focusAt(list, (from + step + list.length) % list.length);
      return true;
    },
    showTerm(id) {
      const list = state.annotator?.inOrder() ?? [];
      const index = list.findIndex((r) => state.matcher.data.terms[r.term] === id);
      if (index < 0) return false;
      focusAt(list, index);
      return true;
    },
    reset() {
      focusIndex = -1;
    },
  };
}
