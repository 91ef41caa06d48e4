// The matcher a page uses: the compiled dictionary plus the reader's own terms, compiled into a small
// automaton of their own where they are saved (options page, background), so adding a term never recompiles
// the dictionary and the content script carries no compiler. Personal terms take the indices after the
// dictionary's, so one index space names every term.
import type { CompiledMatcher } from './compiled-matcher.js';
import { type Match, Matcher, selectLongestLeftmost } from './match.js';

export class PageMatcher extends Matcher {
  private readonly personal: Matcher | null;
  private readonly dictionaryTerms: number;

  constructor(dictionary: CompiledMatcher, personal: CompiledMatcher | null = null) {
    const compiled = personal?.terms.length ? personal : null;
    super(
      compiled
        ? {
            ...dictionary,
            terms: [...dictionary.terms, ...compiled.terms],
            termCategory: [...dictionary.termCategory, ...compiled.termCategory],
            termLabel: [...dictionary.termLabel, ...compiled.termLabel],
          }
        : dictionary,
    );
    this.personal = compiled ? new Matcher(compiled) : null;
    this.dictionaryTerms = dictionary.terms.length;
  }

  override setDisabledTerms(ids: Iterable<string>): void {
    const list = [...ids];
    super.setDisabledTerms(list);
    this.personal?.setDisabledTerms(list);
  }

  override findAll(text: string): Match[] {
    const found = super.findAll(text);
    if (!this.personal) return found;
    const mine = this.personal.findAll(text);
    if (mine.length === 0) return found;
    const offset = this.dictionaryTerms;
    // Where a personal term and a dictionary term overlap, the longer one wins, as within the dictionary.
    return selectLongestLeftmost([...found, ...mine.map((m) => ({ ...m, term: m.term + offset }))]);
  }

  isPersonal(term: number): boolean {
    return term >= this.dictionaryTerms;
  }
}
