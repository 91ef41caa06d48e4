// Keyboard navigation between the terms of a page (the extension's shortcuts, and "show on page" in the
// popup): the next or previous match, or a given term's first, is scrolled to, ringed and opened, and
// announced to screen readers (the term, its place among the mentions, its number of positions).
import type { EntryResponse } from '../platform/messaging.js';
import type { MatchRecord } from './annotator.js';
import { type Announcer, stepAnnouncement } from './announcer.js';
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
  announcer: Announcer,
  loadEntry: (id: string) => Promise<EntryResponse | null>,
): KeyboardNavigation {
  /** The match last navigated to, the starting point when no popover is open. */
  let focusIndex = -1;
  /** Counts steps, so that an entry arriving after the next step announces nothing. */
  let steps = 0;
  /**
   * One announcement per step. The number of positions comes with the entry: a dictionary term waits for
   * it (the same cached request the popover makes), the reader's own terms have none and are said at once.
   */
  const announce = (rec: MatchRecord, index: number, total: number): void => {
    const { id, label } = rec.term;
    const step = ++steps;
    const say = (positions: number | null): void => {
      if (step === steps) announcer.announce(stepAnnouncement(label, index + 1, total, positions));
    };
    if (rec.term.personal) say(null);
    else
      void loadEntry(id).then(
        (entry) => say(entry && !entry.personal ? entry.entry.positions.length : null),
        () => say(null),
      );
  };
  const focusAt = (list: MatchRecord[], index: number): void => {
    const rec = list[index];
    if (!rec) return;
    focusIndex = index;
    const reduce = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const el = rec.nodes[0]?.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'instant' });
    painter.setFocus(rec.range);
    if (opener.open(rec, true)) announce(rec, index, list.length);
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
      const index = list.findIndex((r) => r.term.id === id);
      if (index < 0) return false;
      focusAt(list, index);
      return true;
    },
    reset() {
      focusIndex = -1;
    },
  };
}
