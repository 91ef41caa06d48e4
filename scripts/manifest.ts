// Derives each browser's manifest from the one source manifest.json: a small JSON transform, no templates.
export type Browser = 'chrome' | 'firefox';

type Json = Record<string, unknown>;

export function browserManifest(source: Json, browser: Browser, version: string): Json {
  const m = structuredClone(source);
  m.version = version;
  const background = (m.background ?? {}) as Json;
  if (browser === 'chrome') {
    // Chrome runs a service worker; it warns about Firefox-only keys, so they are dropped.
    delete background.scripts;
    delete m.browser_specific_settings;
    // The page panel: Chrome's side_panel (and its permission); Firefox's sidebar_action is dropped.
    delete m.sidebar_action;
  } else {
    // Firefox runs background scripts (event page) and reads its id and minimum version from gecko.
    delete background.service_worker;
    delete m.minimum_chrome_version;
    // Firefox shows the page panel through sidebar_action, which needs no permission.
    delete m.side_panel;
    m.permissions = ((m.permissions ?? []) as string[]).filter((p) => p !== 'sidePanel');
    // Firefox does not implement use_dynamic_url (web-ext lint accepts the key, but it would only mislead): its
    // moz-extension: host is already a random per-install UUID, so a page cannot probe a fixed URL there either.
    for (const entry of (m.web_accessible_resources ?? []) as Json[]) delete entry.use_dynamic_url;
  }
  m.background = background;
  return m;
}
