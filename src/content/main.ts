// The main content script (content-main.js, an ES module): imported by the loader (index.ts) in frames
// worth annotating on sites that are on. Nothing here may throw into the page.
import { startController } from './controller.js';

/** Starts annotating `doc` (the loader checked the frame and the site). */
export function start(doc: Document): void {
  try {
    startController(doc);
  } catch (e) {
    console.warn('[Netgov Lens] failed to start:', e);
  }
}
