// The reader's own terms live in storage.local: a few hundred terms with notes would not fit the sync
// quota (8 KB per item), and they are the reader's notes rather than preferences.
import {
  parsePersonalAliases,
  parsePersonalTerms,
  type PersonalAliases,
  type PersonalTerm,
} from '../core/personal-terms.js';
import { extensionApi } from './extension-api.js';

import { PERSONAL_TERMS_KEY as KEY } from '../core/storage-keys.js';

export async function loadPersonalTerms(): Promise<{ terms: PersonalTerm[]; dropped: number }> {
  try {
    return parsePersonalTerms((await extensionApi().storage.local.get(KEY))[KEY]);
  } catch {
    return { terms: [], dropped: 0 };
  }
}

export async function savePersonalTerms(terms: PersonalTerm[]): Promise<void> {
  await extensionApi().storage.local.set({ [KEY]: terms });
}

export function onPersonalTermsChanged(listener: (terms: PersonalTerm[]) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && KEY in changes) listener(parsePersonalTerms(changes[KEY]?.newValue).terms);
  };
  extensionApi().storage.onChanged.addListener(handler);
  return () => extensionApi().storage.onChanged.removeListener(handler);
}

/** The content script's view: only what matching needs (see parsePersonalAliases). */
export async function loadPersonalAliases(): Promise<PersonalAliases[]> {
  try {
    return parsePersonalAliases((await extensionApi().storage.local.get(KEY))[KEY]);
  } catch {
    return [];
  }
}

export function onPersonalAliasesChanged(listener: (terms: PersonalAliases[]) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && KEY in changes) listener(parsePersonalAliases(changes[KEY]?.newValue));
  };
  extensionApi().storage.onChanged.addListener(handler);
  return () => extensionApi().storage.onChanged.removeListener(handler);
}
