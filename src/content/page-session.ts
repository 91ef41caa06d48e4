// Decides, from the settings of the moment, whether this page is annotated: starts the annotation (loading
// the compiled dictionary first, once), updates it when settings or the reader's own terms change, and
// ends it when the site is switched off or the document becomes an editor.
import type { CompiledMatcher } from '../core/compiled-matcher.js';
import { guard } from './guard.js';
import type { Settings } from '../core/settings.js';
import { PageMatcher } from '../core/page-matcher.js';
import { isSiteEnabled } from '../core/sites.js';

/** The annotation of a page while it runs (an AnnotatedPage; tests give their own). */
export interface RunningPage {
  update(settings: Settings): void;
  setMatcher(matcher: PageMatcher): void;
  dispose(): void;
}

export interface SessionDeps<P extends RunningPage> {
  /** The compiled dictionary (parsed when this page is first annotated). */
  loadDictionary(): Promise<CompiledMatcher>;
  /** Starts annotating; null when the page cannot be annotated. */
  startPage(start: { settings: Settings; matcher: PageMatcher; compiled: CompiledMatcher }): P | null;
}

export interface PageSession<P extends RunningPage> {
  /** The running annotation, if the page is annotated. */
  page(): P | null;
  hostname(): string;
  isPersonalTerm(id: string): boolean;
  apply(settings: Settings): void;
  /** The reader added, edited or removed own terms: a new page matcher (the dictionary's is reused). */
  setPersonalMatcher(personal: CompiledMatcher | null): void;
  /** Ends the annotation, if running. */
  stop(): void;
}

export function createPageSession<P extends RunningPage>(doc: Document, deps: SessionDeps<P>): PageSession<P> {
  let current: Settings | null = null;
  let personal: CompiledMatcher | null = null;
  let compiled: CompiledMatcher | null = null;
  let compiling = false;
  /** Kept while switched off, so switching on again compiles nothing. */
  let matcher: PageMatcher | null = null;
  let page: P | null = null;
  const hostname = (): string => doc.location?.hostname ?? '';

  const stop = (): void => {
    const running = page;
    page = null;
    running?.dispose();
  };
  /**
   * Loads the compiled dictionary, then applies the settings of that moment again. Frames that are never
   * annotated (switched off, sites not listed) never parse it.
   */
  const loadDictionary = (): void => {
    if (compiling) return;
    compiling = true;
    deps.loadDictionary().then(
      (loaded) => {
        compiled = loaded;
        const settings = current;
        if (settings) guard(() => apply(settings));
      },
      (e: unknown) => console.warn('[Netgov Lens] no dictionary:', e),
    );
  };
  const apply = (settings: Settings): void => {
    current = settings;
    if (!isSiteEnabled(settings, hostname()) || doc.designMode === 'on') {
      stop();
      return;
    }
    if (page) {
      // Running already: apply what changed without reloading the page.
      page.update(settings);
      return;
    }
    if (!compiled) {
      loadDictionary();
      return;
    }
    matcher ??= new PageMatcher(compiled, personal);
    matcher.setDisabledTerms(settings.disabledTerms);
    page = deps.startPage({ settings, matcher, compiled });
  };

  return {
    page: () => page,
    hostname,
    isPersonalTerm: (id) => personal?.terms.includes(id) ?? false,
    apply,
    setPersonalMatcher(next) {
      personal = next;
      if (!page || !current || !compiled) {
        matcher = null;
        return;
      }
      matcher = new PageMatcher(compiled, next);
      matcher.setDisabledTerms(current.disabledTerms);
      page.setMatcher(matcher);
    },
    stop,
  };
}
