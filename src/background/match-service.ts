// Matching for every page, in the background: content scripts send the text of their blocks and get back
// where the terms are. The matcher (the compiled dictionary plus the reader's own terms) is built once per
// background lifetime, on the first request (a service worker or event page may just have woken up), and
// kept warm, so that no page compiles the dictionary's trie in a fresh context or keeps its tables.
import type { CompiledMatcher } from '../core/compiled-matcher.js';
import type { BlockMatches, MatchedTerm } from '../core/messages.js';
import { PageMatcher } from '../core/page-matcher.js';
import { parseCompiledMatcher } from '../core/compiled-matcher.js';

/** The matches in each of `texts` (see BlockMatches). */
export function matchBlocks(matcher: PageMatcher, texts: readonly string[]): BlockMatches {
  const out: BlockMatches = { text: [], start: [], end: [], term: [], lang: [], terms: [] };
  const slots = new Map<number, number>();
  const data = matcher.data;
  for (let t = 0; t < texts.length; t++) {
    for (const m of matcher.findAll(texts[t] as string)) {
      let slot = slots.get(m.term);
      if (slot === undefined) {
        slot = out.terms.length;
        slots.set(m.term, slot);
        const term: MatchedTerm = {
          id: data.terms[m.term] as string,
          label: data.termLabel[m.term] ?? '',
          category: data.termCategory[m.term] ?? '',
          personal: matcher.isPersonal(m.term),
        };
        out.terms.push(term);
      }
      out.text.push(t);
      out.start.push(m.start);
      out.end.push(m.end);
      out.term.push(slot);
      // Own terms have no language codes: their indices lie past the dictionary's, absent from its table.
      out.lang.push(matcher.isPersonal(m.term) ? '' : (data.aliasLang[`${m.term}:${m.alias}`] ?? ''));
    }
  }
  return out;
}

export interface MatchServiceDeps {
  /** The compiled dictionary (in the background's bundle). */
  dictionary(): CompiledMatcher;
  /** The JSON text of the reader's own compiled terms as stored, or null for none. */
  readOwnTerms(): Promise<string | null>;
}

export interface MatchService {
  match(texts: readonly string[], disabled: readonly string[], reloadOwnTerms?: boolean): Promise<BlockMatches>;
  /** The reader's own terms changed (storage): the next request reads them again. */
  ownTermsChanged(): void;
}

export function createMatchService(deps: MatchServiceDeps): MatchService {
  let ownJson: string | null = null;
  let stale = true;
  let matcher: PageMatcher | null = null;
  let disabledKey = '';
  /** One load at a time: requests that arrive while it runs wait for it. */
  let loading: Promise<PageMatcher> | null = null;

  const build = (json: string | null): PageMatcher => {
    let own: CompiledMatcher | null = null;
    try {
      own = json === null ? null : parseCompiledMatcher(json);
    } catch (e) {
      // A damaged copy of the reader's terms must not stop the dictionary's matching.
      console.warn('[Netgov Lens] own terms unreadable:', e);
    }
    disabledKey = '';
    return new PageMatcher(deps.dictionary(), own);
  };
  const load = async (): Promise<PageMatcher> => {
    stale = false;
    const json = await deps.readOwnTerms().catch(() => ownJson);
    // The dictionary's tables are reused when the reader's terms are as they were.
    if (!matcher || json !== ownJson) matcher = build(json);
    ownJson = json;
    return matcher;
  };
  const current = (): Promise<PageMatcher> => {
    if (!stale && matcher) return Promise.resolve(matcher);
    loading ??= load().finally(() => (loading = null));
    return loading;
  };

  return {
    async match(texts, disabled, reloadOwnTerms = false) {
      // A page that was told the reader's terms changed may ask before this context heard of it.
      if (reloadOwnTerms) stale = true;
      const m = await current();
      const key = disabled.join(',');
      if (key !== disabledKey) {
        m.setDisabledTerms(disabled);
        disabledKey = key;
      }
      return matchBlocks(m, texts);
    },
    ownTermsChanged() {
      stale = true;
    },
  };
}
