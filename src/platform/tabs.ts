// Tabs for the extension pages: which tab the popup describes, opening lookups, and following a tab's results.
import { isOpenableUrl } from '../core/lookup.js';
import type { ContentReply, ToContent } from '../core/messages.js';
import { tabResultsKey } from '../core/storage-keys.js';
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

/** The tab a new one opens beside: right after it, and (for lookups) remembering it as the opener. */
export interface BesideTab {
  id?: number;
  index?: number;
}

/**
 * Opens `url` in a new foreground tab right after `beside` (the reader's tab), so that closing it returns the
 * reader to where they were. `asOpener` also records the reader's tab as its opener (browsers then return to
 * it on close); our own pages are opened without.
 */
export async function openTabBeside(url: string, beside?: BesideTab, { asOpener = true } = {}): Promise<void> {
  await browser.tabs.create({
    url,
    active: true,
    ...(beside?.index !== undefined ? { index: beside.index + 1 } : {}),
    ...(asOpener && beside?.id !== undefined ? { openerTabId: beside.id } : {}),
  });
}

/** The active tab of the current window, with its address when we may read it. */
export async function activeTab(): Promise<{ id: number; url?: string } | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id === undefined ? null : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
}

export function onTabClosed(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

/** Calls `listener` when a tab starts loading a new document. */
export function onTabNavigated(listener: (tabId: number) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) listener(tabId);
  });
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
  const key = tabResultsKey(tabId);
  const handler = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'session' && key in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/**
 * Sends a message to the content script of one frame (the top frame by default) of `tabId`. The reply is
 * typed by the protocol but comes from a page's process: callers that rely on its shape validate it.
 */
export async function sendToTab<M extends ToContent>(
  tabId: number,
  message: M,
  frameId = 0,
): Promise<ContentReply<M> | undefined> {
  return (await browser.tabs.sendMessage(tabId, message, { frameId })) as ContentReply<M> | undefined;
}

/**
 * Calls `listener` when the reader switches tabs, or when a tab finishes loading a page (a new address in
 * the same tab): what the page panel follows. Needs no "tabs" permission (no address is read). Returns an
 * unsubscribe.
 */
export function onTabSwitchedOrLoaded(listener: (tabId: number) => void): () => void {
  const activated = (info: { tabId: number }): void => listener(info.tabId);
  const updated = (tabId: number, change: { status?: string }): void => {
    if (change.status === 'complete') listener(tabId);
  };
  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onUpdated.addListener(updated);
  return () => {
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onUpdated.removeListener(updated);
  };
}
