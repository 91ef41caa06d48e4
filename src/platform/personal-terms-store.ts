// The reader's own terms live in storage.local: a few hundred terms with notes would not fit the sync
// quota (8 KB per item), and they are the reader's notes rather than preferences.
import { compileMatcher } from '../core/compile-matcher.js';
import { parsePersonalTerms, type PersonalTerm, personalMatcherTerms } from '../core/personal-terms.js';
import { PERSONAL_MATCHER_KEY as MATCHER, PERSONAL_TERMS_KEY as KEY } from '../core/storage-keys.js';
import { extensionApi } from './extension-api.js';

export async function loadPersonalTerms(): Promise<{ terms: PersonalTerm[]; dropped: number }> {
  try {
    return parsePersonalTerms((await extensionApi().storage.local.get(KEY))[KEY]);
  } catch {
    return { terms: [], dropped: 0 };
  }
}

/** The JSON text of the terms' compiled matcher, or null for none. */
export function compilePersonalMatcher(terms: readonly PersonalTerm[]): string | null {
  return terms.length ? JSON.stringify(compileMatcher(personalMatcherTerms(terms)).matcher) : null;
}

/** Saves the terms and their compiled matcher together, in one write. */
export async function savePersonalTerms(terms: PersonalTerm[]): Promise<void> {
  const compiled = compilePersonalMatcher(terms);
  await extensionApi().storage.local.set({ [KEY]: terms, [MATCHER]: compiled });
}

/**
 * Compiles the stored terms again (after an update, whose matcher format may differ). Writes only what
 * differs: every write tells each open page to scan again (personal-matcher-signal.ts), and on a fresh
 * install, with no terms, there is nothing to tell.
 */
export async function refreshPersonalMatcher(): Promise<void> {
  const { terms } = await loadPersonalTerms();
  const compiled = compilePersonalMatcher(terms);
  if (compiled === (await readPersonalMatcherJson())) return;
  await extensionApi().storage.local.set({ [MATCHER]: compiled });
}

export function onPersonalTermsChanged(listener: (terms: PersonalTerm[]) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && KEY in changes) listener(parsePersonalTerms(changes[KEY]?.newValue).terms);
  };
  extensionApi().storage.onChanged.addListener(handler);
  return () => extensionApi().storage.onChanged.removeListener(handler);
}

/**
 * The JSON text of the reader's terms compiled for matching, as the background's match service reads it:
 * written beside the terms on every save (and by the background after an update), so matching never
 * compiles. Null when there are none (the service checks the format when it parses).
 */
export async function readPersonalMatcherJson(): Promise<string | null> {
  try {
    const json: unknown = (await extensionApi().storage.local.get(MATCHER))[MATCHER];
    return typeof json === 'string' ? json : null;
  } catch {
    return null;
  }
}
