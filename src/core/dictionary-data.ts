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

export interface Position {
  stance: string;
  summary: string;
  holders: string[];
  cites: string[];
}

export interface TermEntry {
  id: string;
  label: string;
  category: string;
  /** The aliases as written (for display in the glossary and options search). */
  aliases: string[];
  definition: string;
  positions: Position[];
  related: string[];
}

export interface Category {
  id: string;
  label: string;
}

export interface DictionaryData {
  format: 1;
  categories: Category[];
  terms: TermEntry[];
  references: Record<string, Reference>;
}
