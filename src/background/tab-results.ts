// Per-tab results (terms found, per frame) and the toolbar badge. Kept in storage.session so that a
// restarted service worker still knows what each open tab found.
import type { TermCount } from '../core/messages.js';
import { browser } from '../platform/browser.js';

type FrameResults = Record<string, TermCount[]>; // frameId -> terms
const key = (tabId: number): string => `tab:${tabId}`;

async function read(tabId: number): Promise<FrameResults> {
  try {
    const stored = await browser.storage.session.get(key(tabId));
    return (stored[key(tabId)] as FrameResults | undefined) ?? {};
  } catch {
    return {};
  }
}

/** Terms of all frames of a tab, merged and sorted by count. */
export function mergeFrames(frames: FrameResults): TermCount[] {
  const total = new Map<string, number>();
  for (const list of Object.values(frames)) for (const t of list) total.set(t.id, (total.get(t.id) ?? 0) + t.count);
  return [...total].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

export async function setFrameResults(tabId: number, frameId: number, terms: TermCount[]): Promise<void> {
  const frames = await read(tabId);
  if (terms.length) frames[String(frameId)] = terms;
  else delete frames[String(frameId)];
  await browser.storage.session.set({ [key(tabId)]: frames });
  await updateBadge(tabId, mergeFrames(frames).length);
}

export async function getTabResults(tabId: number): Promise<TermCount[]> {
  return mergeFrames(await read(tabId));
}

export async function clearTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
  await updateBadge(tabId, 0);
}

async function updateBadge(tabId: number, distinctTerms: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: distinctTerms ? String(distinctTerms) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#0b57a4' });
  } catch {
    // the tab is gone
  }
}
