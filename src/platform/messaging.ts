// Typed runtime messaging to the background (tabs messaging: platform/tabs.ts). Each message's reply type
// comes from the protocol (core/messages.ts); the background is ours, so its replies are trusted for shape,
// but a failed handler answers null and a missing background nothing, hence `| null | undefined`.
import type { EntryView } from '../core/entry-view.js';
import { type BackgroundReply, type BlockMatches, parseBlockMatches, type ToBackground } from '../core/messages.js';
import type { SettingsChange } from '../core/settings-change.js';
import { extensionApi } from './extension-api.js';

/** What `get-entry` answers: the popover's view of one term. */
export type EntryResponse = EntryView;

export async function sendToBackground<M extends ToBackground>(
  message: M,
): Promise<BackgroundReply<M> | null | undefined> {
  return (await extensionApi().runtime.sendMessage(message)) as BackgroundReply<M> | null | undefined;
}

export async function requestEntry(id: string): Promise<EntryResponse | null> {
  return (await sendToBackground({ type: 'get-entry', id })) ?? null;
}

export async function requestTabTerms(
  tabId: number,
): Promise<BackgroundReply<{ type: 'get-tab-terms'; tabId: number }> | null> {
  return (await sendToBackground({ type: 'get-tab-terms', tabId })) ?? null;
}

/** Asks the background, the one writer of settings, to apply a change; resolves to the stored result. */
export async function changeSettings(
  change: SettingsChange,
): Promise<BackgroundReply<{ type: 'change-settings'; change: SettingsChange }>> {
  const reply = await sendToBackground({ type: 'change-settings', change });
  return reply ?? { ok: false, error: 'the background did not answer' };
}

/**
 * Matching by the background's match service (content/block-matcher.ts). `reloadOwnTerms` asks it to read
 * the reader's terms again first (the page heard they changed). Null when the reply is not a valid one.
 */
export async function requestMatches(
  texts: string[],
  disabled: string[],
  reloadOwnTerms: boolean,
): Promise<BlockMatches | null> {
  const reply: unknown = await sendToBackground({
    type: 'match-texts',
    texts,
    disabled,
    ...(reloadOwnTerms ? { reloadOwnTerms: true as const } : {}),
  });
  return parseBlockMatches(reply, texts);
}
