// Tabs for the extension pages: which tab the popup describes, opening lookups, and following a tab's results.
import { isOpenableUrl } from '../core/lookup.js';
import type { ToContent } from '../core/messages.js';
import { browser } from './browser.js';

export interface TabInfo {
  id: number;
  /** Present only when the extension may read it (activeTab after a toolbar click, or our own pages). */
  url?: string;
  active: boolean;
}

/** The tab with `tabId`, or the active tab of the current window when no id is given. */
export async function getTab(tabId?: number): Promise<TabInfo | null> {
  try {
    const tab =
      tabId === undefined
        ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]
        : await browser.tabs.get(tabId);
    if (tab?.id === undefined) return null;
    return { id: tab.id, active: tab.active, ...(tab.url ? { url: tab.url } : {}) };
  } catch {
    return null;
  }
}

/** Opens one of the extension's own pages (path relative to the extension root) in a new tab. */
export async function openExtensionPage(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path), active: true });
}

export async function activateTab(tabId: number): Promise<void> {
  await browser.tabs.update(tabId, { active: true });
}

export async function reloadTab(tabId: number): Promise<void> {
  await browser.tabs.reload(tabId);
}

/** Opens a lookup in a new foreground tab; only https URLs without credentials are opened. */
export async function openTab(url: string): Promise<boolean> {
  if (!isOpenableUrl(url)) return false;
  await browser.tabs.create({ url, active: true });
  return true;
}

/**
 * Calls `listener` whenever the background records new results for `tabId`. The background keeps them in
 * storage.session under `tab:<id>` (see src/background/tab-results.ts); this only watches for the change
 * and leaves merging the frames to the background. Returns an unsubscribe.
 */
export function onTabResultsChanged(tabId: number, listener: () => void): () => void {
  const key = `tab:${tabId}`;
  const handler = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'session' && key in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** Sends a message to the content script of one frame (the top frame by default) of `tabId`. */
export async function sendToTab(tabId: number, message: ToContent, frameId = 0): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId });
}
