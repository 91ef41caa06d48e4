// Per-tab results (terms found, per frame) and the toolbar badge. Kept in storage.session so that a
// restarted service worker still knows what each open tab found.
import type { TermCount } from '../core/messages.js';
import { tabResultsKey as key } from '../core/storage-keys.js';
import { setBadgeCount } from '../platform/badge.js';
import { sessionGet, sessionRemove, sessionSet } from '../platform/session-store.js';

type FrameResults = Record<string, TermCount[]>; // frameId -> terms

async function read(tabId: number): Promise<FrameResults> {
  return (await sessionGet<FrameResults>(key(tabId))) ?? {};
}

/** Terms of all frames of a tab, merged and sorted by count. */
function mergeFrames(frames: FrameResults): TermCount[] {
  const total = new Map<string, number>();
  for (const list of Object.values(frames)) for (const t of list) total.set(t.id, (total.get(t.id) ?? 0) + t.count);
  return [...total].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

export async function setFrameResults(tabId: number, frameId: number, terms: TermCount[]): Promise<void> {
  const frames = await read(tabId);
  if (terms.length) frames[String(frameId)] = terms;
  else delete frames[String(frameId)];
  await sessionSet(key(tabId), frames);
  await setBadgeCount(tabId, mergeFrames(frames).length);
}

export async function getTabResults(tabId: number): Promise<TermCount[]> {
  return mergeFrames(await read(tabId));
}

export async function clearTab(tabId: number): Promise<void> {
  await sessionRemove(key(tabId));
  await setBadgeCount(tabId, 0);
}
