// Decides, from the settings of the moment, whether this page is annotated: starts the annotation, updates
// it when settings or the reader's own terms change, and ends it when the site is switched off or the
// document becomes an editor. Matching happens in the background (block-matcher.ts), so starting loads
// nothing here.
import type { Settings } from '../core/settings.js';
import { isSiteEnabled } from '../core/sites.js';
import type { BlockMatcher } from './block-matcher.js';

/** The annotation of a page while it runs (an AnnotatedPage; tests give their own). */
export interface RunningPage {
  update(settings: Settings): void;
  setMatcher(matcher: BlockMatcher): void;
  dispose(): void;
}

export interface SessionDeps<P extends RunningPage> {
  /** Where the page's text is matched. */
  matcher: BlockMatcher;
  /** Starts annotating; null when the page cannot be annotated. */
  startPage(start: { settings: Settings; matcher: BlockMatcher }): P | null;
}

export interface PageSession<P extends RunningPage> {
  /** The running annotation, if the page is annotated. */
  page(): P | null;
  hostname(): string;
  apply(settings: Settings): void;
  /** The reader added, edited or removed own terms: a running page scans again. */
  ownTermsChanged(): void;
  /** Ends the annotation, if running. */
  stop(): void;
}

export function createPageSession<P extends RunningPage>(doc: Document, deps: SessionDeps<P>): PageSession<P> {
  let page: P | null = null;
  const { matcher } = deps;
  const hostname = (): string => doc.location?.hostname ?? '';

  const stop = (): void => {
    const running = page;
    page = null;
    running?.dispose();
  };
  const apply = (settings: Settings): void => {
    if (!isSiteEnabled(settings, hostname()) || doc.designMode === 'on') {
      stop();
      return;
    }
    if (page) {
      // Running already: apply what changed without reloading the page.
      page.update(settings);
      return;
    }
    matcher.setDisabledTerms(settings.disabledTerms);
    page = deps.startPage({ settings, matcher });
  };

  return {
    page: () => page,
    hostname,
    apply,
    ownTermsChanged() {
      // A page started later asks with the new terms anyway; the flag covers a background that has not
      // heard of the change yet.
      matcher.ownTermsChanged();
      page?.setMatcher(matcher);
    },
    stop,
  };
}
