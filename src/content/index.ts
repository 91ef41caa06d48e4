// Content script entry (content.js): a small loader, one classic script per frame. It decides whether this
// frame is annotated (loader.ts) and only then imports the main content script (main.ts, content-main.js).
// Nothing here may throw into the page.
import { onRuntimeMessage } from '../platform/extension-api.js';
import { importContentMain } from '../platform/content-main.js';
import { loadSiteSettings, onSiteSettingsChanged } from '../platform/site-settings-store.js';
import { startLoader } from './loader.js';

declare global {
  interface Window {
    __netgovLensLoaded?: boolean;
  }
}

try {
  // Guard against double injection (e.g. the extension reloaded while the page stayed open).
  if (!window.__netgovLensLoaded && document.documentElement instanceof HTMLElement) {
    window.__netgovLensLoaded = true;
    startLoader(document, {
      loadSettings: loadSiteSettings,
      onSettingsChanged: onSiteSettingsChanged,
      onRuntimeMessage,
      startMain: () => importContentMain().then((main) => main.start(document)),
    });
  }
} catch (e) {
  console.warn('[Netgov Lens] failed to start:', e);
}
