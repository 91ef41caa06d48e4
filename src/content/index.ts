// Content script entry: one classic script per frame. Nothing here may throw into the page.
import { startController } from './controller.js';
import { whenWorthAnnotating } from './frame-gate.js';

declare global {
  interface Window {
    __netgovLensLoaded?: boolean;
  }
}

try {
  // Guard against double injection (e.g. the extension reloaded while the page stayed open).
  if (!window.__netgovLensLoaded && document.documentElement instanceof HTMLElement) {
    window.__netgovLensLoaded = true;
    whenWorthAnnotating(document, () => {
      startController(document).catch((e: unknown) => console.warn('[Netgov Lens] failed to start:', e));
    });
  }
} catch (e) {
  console.warn('[Netgov Lens] failed to start:', e);
}
