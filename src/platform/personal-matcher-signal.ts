// Tells a context that the reader's own terms were compiled and stored again (personal-terms-store.ts
// writes them). Apart from that store so that the content script, which only rescans, carries none of its
// compiling and validation.
import { PERSONAL_MATCHER_KEY as MATCHER } from '../core/storage-keys.js';
import { extensionApi } from './extension-api.js';

/** Calls `listener` when the compiled terms were written (the reader changed own terms). */
export function onPersonalMatcherStored(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && MATCHER in changes) listener();
  };
  extensionApi().storage.onChanged.addListener(handler);
  return () => extensionApi().storage.onChanged.removeListener(handler);
}
