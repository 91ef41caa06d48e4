// The compiled dictionary (everything matching needs, about 130 KB of JSON) reaches the content script
// through storage.local, where the background keeps one copy per build, rather than inside the content
// script itself: that script is compiled anew in every frame of every page, and the frames that are
// switched off, or that the reader never annotates, then never parse the dictionary at all.
import { type CompiledMatcher, parseCompiledMatcher } from '../core/compiled-matcher.js';
import { extensionApi } from './extension-api.js';
import { sendToBackground } from './messaging.js';

import { MATCHER_KEY } from '../core/storage-keys.js';

interface StoredMatcher {
  version: string;
  json: string;
}

function isStoredMatcher(v: unknown): v is StoredMatcher {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.version === 'string' && typeof o.json === 'string';
}

/** Background: keeps this build's compiled dictionary where content scripts read it. */
export async function storeCompiledMatcher(version: string, json: string): Promise<void> {
  await extensionApi().storage.local.set({ [MATCHER_KEY]: { version, json } satisfies StoredMatcher });
}

/** The stored JSON text when it is `version`'s, else null (never throws). */
export async function readStoredMatcher(version: string): Promise<string | null> {
  try {
    const value: unknown = (await extensionApi().storage.local.get(MATCHER_KEY))[MATCHER_KEY];
    return isStoredMatcher(value) && value.version === version ? value.json : null;
  } catch {
    return null;
  }
}

/**
 * The compiled dictionary from `stored` (see readStoredMatcher); when that is missing, from another build
 * or damaged, from the background, which also stores it again.
 */
export async function resolveCompiledMatcher(stored: Promise<string | null>): Promise<CompiledMatcher> {
  const json = await stored;
  if (json !== null) {
    try {
      return parseCompiledMatcher(json);
    } catch {
      // Damaged copy: ask the background below.
    }
  }
  const reply = await sendToBackground({ type: 'get-matcher' });
  if (typeof reply !== 'string') throw new Error('the compiled dictionary is unavailable');
  return parseCompiledMatcher(reply);
}
