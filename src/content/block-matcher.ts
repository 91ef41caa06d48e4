// Where the annotator's text is matched. The content script carries no matcher: it sends the text of its
// blocks to the background's match service and builds ranges from the answer. Tests give an in-page one.
import type { BlockMatches } from '../core/messages.js';
import { requestMatches } from '../platform/messaging.js';

export interface BlockMatcher {
  /**
   * The matches in each of `texts`; null when the answer was not a valid one (that batch is dropped).
   * Rejects when the matcher cannot be reached (the extension was reloaded or removed).
   */
  match(texts: string[]): Promise<BlockMatches | null>;
  /** Switches terms off (by id), all others on, for the matches asked for from now on. */
  setDisabledTerms(ids: readonly string[]): void;
  /** The reader's own terms changed: the next request has them read again. */
  ownTermsChanged(): void;
}

/** The production matcher: the background's match service, over runtime messaging. */
export function createBackgroundBlockMatcher(): BlockMatcher {
  let disabled: string[] = [];
  let reloadOwnTerms = false;
  return {
    match(texts) {
      const reload = reloadOwnTerms;
      reloadOwnTerms = false;
      return requestMatches(texts, disabled, reload);
    },
    setDisabledTerms(ids) {
      disabled = [...ids];
    },
    ownTermsChanged() {
      reloadOwnTerms = true;
    },
  };
}
