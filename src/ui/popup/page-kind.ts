// What kind of page the popup is describing, from its URL alone. Browsers never run content scripts on their
// own pages, their add-on stores or (by default) local files, so the popup can say why instead of "no terms".

export type PageKind =
  | { kind: 'web'; hostname: string }
  | { kind: 'restricted'; reason: 'browser' | 'store' | 'file'; hostname?: string }
  | { kind: 'unknown' };

// Hosts where Chrome, Edge or Firefox refuse to run extensions' content scripts.
const STORE_HOSTS = [
  'chromewebstore.google.com',
  'microsoftedge.microsoft.com',
  'addons.mozilla.org',
  'accounts.firefox.com',
  'support.mozilla.org',
];

function isStore(u: URL): boolean {
  const host = u.hostname.toLowerCase();
  if (host === 'chrome.google.com') return u.pathname.startsWith('/webstore');
  return STORE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Classifies a tab URL; `undefined` (the URL is not readable) gives "unknown". */
export function pageKind(url: string | undefined): PageKind {
  if (!url) return { kind: 'unknown' };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'unknown' };
  }
  if (u.protocol === 'file:') return { kind: 'restricted', reason: 'file' };
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { kind: 'restricted', reason: 'browser' };
  if (!u.hostname) return { kind: 'unknown' };
  if (isStore(u)) return { kind: 'restricted', reason: 'store', hostname: u.hostname };
  return { kind: 'web', hostname: u.hostname };
}

export interface PingReply {
  annotating: boolean;
  matches: number;
  hostname?: string;
}

/** Validates the content script's reply to a ping (anything else means no usable content script). */
export function parsePingReply(v: unknown): PingReply | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  if (typeof r.annotating !== 'boolean' || typeof r.matches !== 'number') return null;
  const hostname = typeof r.hostname === 'string' && /^[a-z0-9.-]{1,253}$/i.test(r.hostname) ? r.hostname : undefined;
  return { annotating: r.annotating, matches: r.matches, ...(hostname ? { hostname } : {}) };
}

/**
 * The tab to describe. Normally the active tab of the popup's window; `?tabId=<n>` in the popup's URL names
 * another one. The end-to-end tests use it: they open popup.html as an ordinary tab, where the "active tab"
 * would be the popup itself.
 */
export function requestedTabId(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  return Number(raw);
}
