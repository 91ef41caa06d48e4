// CSL-JSON (the Citation Style Language's data format, read by Zotero, Mendeley, Pandoc and citeproc) for a
// dictionary reference: one mapping, used by the export and by the CSL engine that formats APA and Chicago.
import type { Person, Reference } from './dictionary-data.js';

interface CslName {
  family?: string;
  given?: string;
  /** A body such as "European Commission" or "IETF", kept whole. */
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts': [[number]] };
  'container-title'?: string;
  publisher?: string;
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  ISBN?: string;
  URL?: string;
  /** Free text: the export puts the articles a work came up in here. */
  note?: string;
}

const CSL_TYPES: Record<string, string> = {
  article: 'article-journal',
  book: 'book',
  incollection: 'chapter',
  inbook: 'chapter',
  inproceedings: 'paper-conference',
  techreport: 'report',
  report: 'report',
  phdthesis: 'thesis',
  online: 'webpage',
  misc: 'document',
};

/** BibTeX types whose `container` is a container (journal, proceedings, book, site) rather than a publisher. */
const HAS_CONTAINER = new Set(['article', 'incollection', 'inbook', 'inproceedings', 'online']);

/** True for official legislation: EUR-Lex CELEX numbers of sector 3 (regulations, directives, decisions). */
export function isLegislation(ref: Pick<Reference, 'url' | 'title'>): boolean {
  if (ref.url && /eur-lex\.europa\.eu\/.*CELEX(:|%3A)3\d{4}[LRD]\d+/i.test(ref.url)) return true;
  return /^(Regulation|Directive) \((EU|EC)\)/.test(ref.title);
}

function cslName(p: Person): CslName {
  return p.given ? { family: p.family, given: p.given } : { literal: p.family };
}

export function cslType(ref: Reference): string {
  if (isLegislation(ref)) return 'legislation';
  return CSL_TYPES[ref.type] ?? 'document';
}

export function toCslItem(ref: Reference, note?: string): CslItem {
  const item: CslItem = { id: ref.key, type: cslType(ref), title: ref.title };
  // BibTeX's "and others" is no name: the styles shorten long author lists themselves.
  const people = (list: Person[]): CslName[] => list.filter((p) => p.family !== 'others' || p.given).map(cslName);
  if (ref.authors.length) item.author = people(ref.authors);
  if (ref.editors.length) item.editor = people(ref.editors);
  if (ref.year !== undefined) item.issued = { 'date-parts': [[ref.year]] };
  // `container` is where the work appeared: a journal, proceedings, book or site for the types that have a
  // container, else its publisher or institution.
  if (ref.container && HAS_CONTAINER.has(ref.type)) item['container-title'] = ref.container;
  const publisher = ref.publisher ?? (HAS_CONTAINER.has(ref.type) ? undefined : ref.container);
  if (publisher) item.publisher = publisher;
  if (ref.volume) item.volume = ref.volume;
  if (ref.issue) item.issue = ref.issue;
  if (ref.pages) item.page = ref.pages.replace(/-+/g, '–');
  if (ref.doi) item.DOI = ref.doi;
  if (ref.isbn) item.ISBN = ref.isbn;
  if (ref.url) item.URL = ref.url;
  if (note) item.note = note;
  return item;
}

/** A CSL-JSON file: an array of items, as citation-js, Zotero and Pandoc read it. */
export function toCslJsonFile(refs: readonly Reference[], notes?: ReadonlyMap<string, string>): string {
  return `${JSON.stringify(
    refs.map((r) => toCslItem(r, notes?.get(r.key))),
    null,
    2,
  )}\n`;
}
