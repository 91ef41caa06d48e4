// Decides, before any setting, dictionary or listener is read or made, whether a frame is worth annotating.
// The content script runs in every frame, and most subframes are blank, tiny or ad frames: those cost this
// check and one observer, which checks again (at most once a second) when their content or size changes.
// The top frame is always annotated (the popup asks it about the page; a reader's page fills in later).
import { guard } from './guard.js';

/**
 * Characters of text below which a subframe is left alone (blank, "Advertisement", a button): low, because a
 * short embed ("Inside a frame: net neutrality.") is still read and annotated.
 */
const MIN_TEXT = 20;
/** Smaller frames than this (tracking pixels, hidden frames) hold nothing to read. */
const MIN_WIDTH = 80;
const MIN_HEIGHT = 40;
/** Text nodes looked at before a frame with that much content counts as worth it anyway. */
const MAX_NODES = 2000;
const RECHECK_MS = 1000;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** True when `doc` (a subframe's document) has some size and at least MIN_TEXT characters of text. */
export function frameHasText(doc: Document): boolean {
  const win = doc.defaultView;
  const body = doc.body;
  if (!win || !body || win.innerWidth < MIN_WIDTH || win.innerHeight < MIN_HEIGHT) return false;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (++nodes > MAX_NODES) return true;
    if (NOT_TEXT.has(n.parentElement?.tagName ?? '')) continue;
    chars += (n as Text).data.trim().length;
    if (chars >= MIN_TEXT) return true;
  }
  return false;
}

/** Calls `start` once: now for the top frame or a subframe with text, else when the subframe gets some. */
export function whenWorthAnnotating(doc: Document, start: () => void): void {
  const win = doc.defaultView;
  if (!win || win === win.top || frameHasText(doc)) {
    start();
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    timer = undefined;
    if (!frameHasText(doc)) return;
    observer.disconnect();
    win.removeEventListener('resize', later);
    start();
  };
  const later = (): void => {
    timer ??= setTimeout(() => guard(check), RECHECK_MS);
  };
  const observer = new MutationObserver(later);
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  win.addEventListener('resize', later, { passive: true });
}
