// The loader's decision, made in every frame before the main content script is compiled: a frame worth
// annotating (frame-gate.ts) on a site that is on gets the main script; a switched-off one only answers the
// popup (not annotating, and the site's name) and waits for the site to be switched on. Blank, tiny and
// switched-off frames thus never parse Preact, the popover or the matcher.
import { parseToContent } from '../core/messages.js';
import type { Settings } from '../core/settings.js';
import { isSiteEnabled } from '../core/sites.js';
import { whenWorthAnnotating } from './frame-gate.js';
import { guard } from './guard.js';

type SiteSettings = Pick<Settings, 'enabled' | 'siteMode' | 'deniedSites' | 'allowedSites'>;

export interface LoaderDeps {
  loadSettings(): Promise<{ settings: SiteSettings }>;
  /** Subscribes to settings changes; returns the unsubscribe. */
  onSettingsChanged(listener: (parsed: { settings: SiteSettings }) => void): () => void;
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

/**
 * Starts the main script on `doc` once the frame is worth annotating and the settings say its site is on:
 * at once, or when the reader switches it on later.
 */
export function startLoader(doc: Document, deps: LoaderDeps): void {
  whenWorthAnnotating(doc, () => {
    const hostname = doc.location?.hostname ?? '';
    let main = false;
    // Answered here until the main script has started: its controller registers its own listener before
    // its first await, and the messages are left to it from then on.
    let handedOver = false;
    deps.onRuntimeMessage((message) => {
      if (handedOver) return undefined;
      const reply = guard(() => answerSwitchedOff(message, hostname));
      return reply === undefined ? undefined : Promise.resolve(reply);
    });
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
    const unsubscribe = deps.onSettingsChanged((parsed) => guard(() => check(parsed.settings)));
    deps.loadSettings().then(
      (parsed) => guard(() => check(parsed.settings)),
      (e: unknown) => console.warn('[Netgov Lens] no settings:', e),
    );
  });
}
