// Content script entry: one classic script per frame. Nothing here may throw into the page.
import compiled from '../../build/generated/matcher.json';
import type { CompiledMatcher } from '../core/compiled-matcher.js';
import { Controller } from './controller.js';

declare global {
  interface Window {
    __netgovLensLoaded?: boolean;
  }
}

try {
  // Guard against double injection (e.g. the extension reloaded while the page stayed open).
  if (!window.__netgovLensLoaded && document.documentElement instanceof HTMLElement) {
    window.__netgovLensLoaded = true;
    const controller = new Controller(document, compiled as unknown as CompiledMatcher);
    controller.start().catch((e: unknown) => console.warn('[Netgov Lens] failed to start:', e));
  }
} catch (e) {
  console.warn('[Netgov Lens] failed to start:', e);
}
