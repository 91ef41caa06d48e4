// What keyboard navigation says to a screen reader, and the polite live region in our shadow root that says
// it: the term, where it is among the page's mentions and how many positions it has, spoken without moving
// focus. Visually hidden but in the accessibility tree; styled inline, so it needs no rule in the popover CSS.
import { t, tCount } from '../platform/i18n.js';

export interface Announcer {
  announce(text: string): void;
}

/** The usual visually-hidden pattern (a div has no padding or border to undo): no box, still read aloud. */
const VISUALLY_HIDDEN =
  'position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';

/** Appends the live region to `root`; it exists before its first words, as screen readers need. */
export function createAnnouncer(doc: Document, root: ShadowRoot | Element): Announcer {
  const region = doc.createElement('div');
  // A status is polite and atomic by definition; aria-live is said again for older screen readers.
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.style.cssText = VISUALLY_HIDDEN;
  root.append(region);
  let mark = false;
  return {
    announce(text) {
      // The same words twice in a row (a page with one mention, stepped again) are not a change, and would
      // not be spoken: every other announcement ends in a no-break space.
      mark = !mark;
      region.textContent = mark ? text : `${text}\u00a0`;
    },
  };
}

/**
 * "Net neutrality — mention 3 of 12 — 4 positions": `index` counts from 1; `positions` is null when the
 * entry is unknown (it failed to load, or is the reader's own term, which has none).
 */
export function stepAnnouncement(label: string, index: number, total: number, positions: number | null): string {
  const where = [label, index.toLocaleString(), total.toLocaleString()];
  if (!positions) return t('navAnnounce', where);
  return t('navAnnouncePositions', [...where, tCount('navPositions', positions)]);
}
