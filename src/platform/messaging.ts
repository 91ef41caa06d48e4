// Typed wrappers around runtime and tabs messaging.
import type { DictionaryData, Reference, TermEntry } from '../core/dictionary-data.js';
import type { TermCount, ToBackground, ToContent } from '../core/messages.js';
import { browser } from './browser.js';

export interface EntryResponse {
  entry: TermEntry;
  categoryLabel: string;
  references: Reference[];
  relatedLabels: Record<string, string>;
  /** Set for the reader's own terms: their note and links instead of positions. */
  personal?: { note: string; links: { kind: 'doi' | 'isbn' | 'url'; text: string; url: string }[] };
}

export async function sendToBackground(message: ToBackground): Promise<unknown> {
  return browser.runtime.sendMessage(message);
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

export async function sendToTab(tabId: number, message: ToContent, frameId = 0): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId });
}

export type { DictionaryData };
