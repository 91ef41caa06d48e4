// Decides, before any setting, dictionary or listener is read or made, whether a frame is worth annotating.
// The content script runs in every frame, and most subframes are blank, tiny or ad frames: those cost this
// check and one observer, which checks again (at most once a second) when their content or size changes.
// The top frame only needs some text (the popup asks it about the page, which the loader answers until the
// page is annotated; a reader's page that fills in later is seen by the observer).
import { guard } from './guard.js';

/**
 * Characters of text below which a frame is left alone (blank, "Advertisement", a button): low, because a
 * short embed ("Inside a frame: net neutrality.") is still read and annotated.
 */
const MIN_TEXT = 20;
/** Smaller frames than this (tracking pixels, hidden frames) hold nothing to read. */
const MIN_WIDTH = 80;
const MIN_HEIGHT = 40;
/**
 * An ad creative: a linked image that fills much of the frame (this share of its viewport or more) with no
 * more text than a label and a line of copy beside it. An embed with a sentence to read has more text than
 * this, and its images (an avatar, an icon) are small beside the frame.
 */
const AD_TEXT = 80;
const AD_IMAGE_SHARE = 1 / 3;
/** Text nodes looked at before a frame with that much content counts as worth it anyway. */
const MAX_NODES = 2000;
const RECHECK_MS = 1000;
/** The top frame checks again sooner: a page that renders its text by script should not wait a second. */
const TOP_RECHECK_MS = 200;
// Local names: lower case in HTML and XHTML documents alike.
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/** Characters of text in `body`, counted up to `enough` (or `enough` once MAX_NODES text nodes were seen). */
function textLength(doc: Document, body: HTMLElement, enough: number): number {
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  for (let n = walker.nextNode(); n && chars < enough; n = walker.nextNode()) {
    if (++nodes > MAX_NODES) return enough;
    if (!NOT_TEXT.has(n.parentElement?.localName ?? '')) chars += (n as Text).data.trim().length;
  }
  return chars;
}

/** True when a link in `doc` holds an image covering AD_IMAGE_SHARE of the `area` or more. */
function hasLinkedBanner(doc: Document, area: number): boolean {
  for (const img of doc.querySelectorAll('a img')) {
    const r = img.getBoundingClientRect();
    if (r.width * r.height >= area * AD_IMAGE_SHARE) return true;
  }
  return false;
}

/** True when `doc` has at least MIN_TEXT characters of text and, in a subframe, is sized and not an ad. */
export function frameHasText(doc: Document, top = false): boolean {
  const win = doc.defaultView;
  const body = doc.body;
  if (!win || !body) return false;
  // Text first: a blank frame is rejected without asking for its size (which may lay out the parent).
  const chars = textLength(doc, body, top ? MIN_TEXT : AD_TEXT);
  if (chars < MIN_TEXT) return false;
  if (top) return true;
  const { innerWidth: width, innerHeight: height } = win;
  if (width < MIN_WIDTH || height < MIN_HEIGHT) return false;
  return chars >= AD_TEXT || !hasLinkedBanner(doc, width * height);
}

/**
 * Calls `start` once: now for a frame with text (frameHasText), else when it gets some. A document without
 * a window (which cannot be measured) starts at once rather than wait forever.
 */
export function whenWorthAnnotating(doc: Document, start: () => void, top = false): void {
  const win = doc.defaultView;
  if (!win || frameHasText(doc, top)) {
    start();
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    timer = undefined;
    if (!frameHasText(doc, top)) return;
    observer.disconnect();
    if (!top) win.removeEventListener('resize', later);
    start();
  };
  const later = (): void => {
    timer ??= setTimeout(() => guard(check), top ? TOP_RECHECK_MS : RECHECK_MS);
  };
  const observer = new MutationObserver(later);
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  // A subframe's size counts too (the top frame's does not).
  if (!top) win.addEventListener('resize', later, { passive: true });
}
