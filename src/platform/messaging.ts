// Typed wrappers around runtime messaging to the background (tabs messaging: platform/tabs.ts).
import type { DictionaryData, TermEntry } from '../core/dictionary-data.js';
import type { ReferenceView } from '../core/reference-view.js';
import type { TermCount, ToBackground } from '../core/messages.js';
import { extensionApi } from './extension-api.js';

export interface EntryResponse {
  entry: TermEntry;
  categoryLabel: string;
  references: ReferenceView[];
  relatedLabels: Record<string, string>;
  /** Set for the reader's own terms: their note and links instead of positions. */
  personal?: { note: string; links: { kind: 'doi' | 'isbn' | 'url'; text: string; url: string }[] };
}

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
