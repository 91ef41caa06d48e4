// The main content script (content-main.js, an ES module listed in web_accessible_resources) is imported by
// the loader (content.js) only in frames worth annotating on sites that are on. A dynamic import from a
// content script runs in the content script's own world (Chrome's isolated world, Firefox's sandbox) with
// its extension APIs; the page sees no script element and cannot reach the module.
import type { PopoverUi } from '../content/popover-ui.js';
import { extensionApi } from './extension-api.js';

/** What content-main.js exports (src/content/main.ts). */
export interface ContentMain {
  start(doc: Document): void;
}

/**
 * Imports the main content script. The content script may load it at its fixed URL; a page may not: in
 * Chrome its web_accessible_resources entry has use_dynamic_url, so a page's request for the fixed URL is
 * refused (tests/e2e/loader.spec.ts), and Firefox's moz-extension: id is random per install.
 */
export function importContentMain(): Promise<ContentMain> {
  // The URL is this extension's own packaged file, a constant name: nothing from the page reaches it.
  // eslint-disable-next-line no-unsanitized/method
  return import(extensionApi().runtime.getURL('content-main.js')) as Promise<ContentMain>;
}

/**
 * Imports the popover's UI (content-popover.js, src/content/popover-ui.ts) from the main content script, the
 * same way and with the same protection as the main script itself (web_accessible_resources, dynamic URL).
 */
export function importPopoverUi(): Promise<PopoverUi> {
  // A constant name of this extension's own packaged file, as above.
  // eslint-disable-next-line no-unsanitized/method
  const module = import(extensionApi().runtime.getURL('content-popover.js')) as Promise<{ popoverUi: PopoverUi }>;
  return module.then((m) => m.popoverUi);
}
