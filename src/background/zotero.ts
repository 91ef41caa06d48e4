// "Save to Zotero": the dictionary's references as connector items, posted to Zotero's local server when
// the reader clicks, and only when the reader has switched saving to Zotero on (which asked for the host
// permission). The reply says why nothing was saved, so that the button can tell the reader.
import dictionary from '../../build/generated/dictionary.json';
import type { DictionaryData, Reference } from '../core/dictionary-data.js';
import type { ZoteroReply } from '../core/messages.js';
import { saveItemsRequest } from '../core/zotero-item.js';
import { loadLocalFeatures } from '../platform/local-features-store.js';
import { pingZotero, saveItemsToZotero } from '../platform/zotero-connector.js';

const data = dictionary as unknown as DictionaryData;

/** A fresh id for each save: Zotero refuses a second saveItems under a session id it knows. */
function sessionId(): string {
  return crypto.randomUUID();
}

/** The page address Zotero records with the save: http(s) pages only, never an extension page. */
function pageUri(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export async function zoteroCheck(): Promise<ZoteroReply> {
  if (!(await loadLocalFeatures()).zotero) return { ok: false, reason: 'off' };
  const result = await pingZotero();
  return result.ok ? { ok: true, saved: 0 } : result;
}

export async function saveToZotero(keys: readonly string[], pageUrl?: string): Promise<ZoteroReply> {
  if (!(await loadLocalFeatures()).zotero) return { ok: false, reason: 'off' };
  const refs = [...new Set(keys)].map((k) => data.references[k]).filter((r): r is Reference => r !== undefined);
  if (refs.length === 0) return { ok: false, reason: 'unknown-work' };
  const result = await saveItemsToZotero(saveItemsRequest(refs, sessionId(), pageUri(pageUrl)));
  return result.ok ? { ok: true, saved: refs.length } : result;
}

/** Whether citations should offer the button (read for each entry served). */
export async function zoteroEnabled(): Promise<boolean> {
  return (await loadLocalFeatures()).zotero;
}
