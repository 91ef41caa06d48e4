// Typed wrappers around runtime messaging to the background (tabs messaging: platform/tabs.ts).
import type { DictionaryData } from '../core/dictionary-data.js';
import type { EntryView } from '../core/entry-view.js';
import type { TermCount, ToBackground } from '../core/messages.js';
import { extensionApi } from './extension-api.js';

/** What `get-entry` answers: the popover's view of one term. */
export type EntryResponse = EntryView;

export async function sendToBackground(message: ToBackground): Promise<unknown> {
  return extensionApi().runtime.sendMessage(message);
}

export async function requestEntry(id: string): Promise<EntryResponse | null> {
  return ((await sendToBackground({ type: 'get-entry', id })) as EntryResponse | null) ?? null;
}

export async function requestTabTerms(tabId: number): Promise<{ terms: TermCount[]; hostname?: string } | null> {
  return (
    ((await sendToBackground({ type: 'get-tab-terms', tabId })) as { terms: TermCount[]; hostname?: string } | null) ??
    null
  );
}

export type { DictionaryData };
