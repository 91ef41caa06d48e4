// The loader's decision, made in every frame before the main content script is compiled: a frame worth
// annotating (frame-gate.ts) on a site that is on gets the main script; a switched-off one waits for the site
// to be switched on. Blank, tiny and switched-off frames thus never parse Preact, the popover or the matcher,
// and a frame the gate rejects touches no extension API at all (no storage read, no listener).
// The popup asks the top frame only (frameId 0): the top frame answers it (not annotating, and the site's
// name) until the main script has started; a subframe is asked only by the context menu's "show-term",
// whose sender takes no answer as false, the same answer a frame that is not annotated gives.
import { parseToContent } from '../core/content-messages.js';
import { isSiteEnabled } from '../core/sites.js';
import type { SiteSettings } from '../core/site-settings.js';
import { whenWorthAnnotating } from './frame-gate.js';
import { guard } from './guard.js';

export interface LoaderDeps {
  loadSettings(): Promise<SiteSettings>;
  /** Subscribes to settings changes; returns the unsubscribe. */
  onSettingsChanged(listener: (settings: SiteSettings) => void): () => void;
  /** Registers a runtime message handler (undefined: leave the message to other listeners). */
  onRuntimeMessage(handler: (message: unknown) => Promise<unknown> | undefined): void;
  /** Loads and starts the main content script on the document. */
  startMain(): Promise<void>;
}

/** What the main script answers while its page is not annotated: the same, so the popup cannot tell. */
export function answerSwitchedOff(message: unknown, hostname: string): unknown {
  const msg = parseToContent(message);
  if (!msg) return undefined;
  return msg.type === 'ping' ? { annotating: false, matches: 0, hostname } : false;
}

/** Whether `doc` is the tab's top document (the one the popup asks). */
export function isTopFrame(doc: Document): boolean {
  const win = doc.defaultView;
  return !!win && win === win.top;
}

/**
 * Starts the main script on `doc` once the frame is worth annotating and the settings say its site is on:
 * at once, or when the reader switches it on later. `top`: whether to answer the popup meanwhile.
 */
export function startLoader(doc: Document, deps: LoaderDeps, top = isTopFrame(doc)): void {
  const hostname = doc.location?.hostname ?? '';
  // Answered here until the main script has started: its controller registers its own listener before
  // its first await, and the messages are left to it from then on.
  let handedOver = false;
  if (top) {
    deps.onRuntimeMessage((message) => {
      if (handedOver) return undefined;
      const reply = guard(() => answerSwitchedOff(message, hostname));
      return reply === undefined ? undefined : Promise.resolve(reply);
    });
  }
  whenWorthAnnotating(
    doc,
    () => {
      let main = false;
      const check = (settings: SiteSettings): void => {
        if (main || !isSiteEnabled(settings, hostname)) return;
        main = true;
        unsubscribe();
        deps.startMain().then(
          () => (handedOver = true),
          (e: unknown) => console.warn('[Netgov Lens] failed to start:', e),
        );
      };
      // Called back only after this returns (storage events are asynchronous), so `check` may use it.
      const unsubscribe = deps.onSettingsChanged((settings) => guard(() => check(settings)));
      deps.loadSettings().then(
        (settings) => guard(() => check(settings)),
        (e: unknown) => console.warn('[Netgov Lens] no settings:', e),
      );
    },
    top,
  );
}
