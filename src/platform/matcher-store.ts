// Earlier builds kept a copy of the compiled dictionary in storage.local for content scripts to parse.
// Matching now happens in the background (background/match-service.ts), so that copy is only dropped.
import { MATCHER_KEY } from '../core/storage-keys.js';
import { extensionApi } from './extension-api.js';

/** Removes an earlier build's copy of the compiled dictionary from storage. */
export async function forgetStoredMatcher(): Promise<void> {
  await extensionApi().storage.local.remove(MATCHER_KEY);
}
