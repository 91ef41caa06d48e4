// The full dictionary as the background serves it to popovers and extension pages.

export interface Person {
  family: string;
  given?: string;
}

export interface Reference {
  key: string;
  /** BibTeX entry type (article, book, techreport, inproceedings, incollection, misc, ...). */
  type: string;
  authors: Person[];
  editors: Person[];
  title: string;
  year?: number;
  /** Journal, proceedings, publisher or institution: where the work appeared. */
  container?: string;
  publisher?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  isbn?: string;
  url?: string;
  /** The entry exactly as written in the .bib file, for "copy as BibTeX". */
  bibtex: string;
}

interface Position {
  stance: string;
  summary: string;
  holders: string[];
  cites: string[];
  /** How the position relates to the term, as its writer set it. */
  relation?: 'supports' | 'criticises' | 'reframes';
}

/** The primary source of a reference entry: the official text or site. */
interface PrimarySource {
  title: string;
  url: string;
}

export interface TermEntry {
  id: string;
  label: string;
  category: string;
  /** The aliases as written (for display in the glossary and options search). */
  aliases: string[];
  definition: string;
  /** debate: explained through its positions; reference: an institution, law or process, with its debates. */
  kind: 'debate' | 'reference';
  /** Facts that move, true as of `reviewed`. */
  status?: string;
  source?: PrimarySource;
  /** The day the entry's facts were last checked, YYYY-MM-DD: set for every dictionary entry (the build
   * checks it), absent for the reader's own terms. */
  reviewed?: string;
  positions: Position[];
  /** Ids of the debate entries this entry belongs to. */
  debates: string[];
  related: string[];
}

export interface Category {
  id: string;
  label: string;
}

/** What the popup and the options list need of each term: names and categories, not the entries. */
export type TermSummary = Pick<TermEntry, 'id' | 'label' | 'category' | 'aliases'>;

/**
 * The dictionary without its entries' text and references (build/generated/term-index.json, about 4 % of
 * dictionary.json): the pages that list terms bundle this instead of the whole dictionary, so that the
 * toolbar popup, opened at every click, does not parse a megabyte of entries it never shows.
 */
export interface TermIndex {
  categories: Category[];
  terms: TermSummary[];
}

/** The term index of `data`: categories and terms in the dictionary's order. */
export function termIndex(data: Pick<DictionaryData, 'categories' | 'terms'>): TermIndex {
  return {
    categories: data.categories.map(({ id, label }) => ({ id, label })),
    terms: data.terms.map(({ id, label, category, aliases }) => ({ id, label, category, aliases })),
  };
}

export interface DictionaryData {
  format: 2;
  categories: Category[];
  terms: TermEntry[];
  references: Record<string, Reference>;
}
