// The main content script (content-main.js, an ES module listed in web_accessible_resources) is imported by
// the loader (content.js) only in frames worth annotating on sites that are on. A dynamic import from a
// content script runs in the content script's own world (Chrome's isolated world, Firefox's sandbox) with
// its extension APIs; the page sees no script element and cannot reach the module.
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
