// The page's reading list: every work cited by the terms found on a page, de-duplicated, grouped by term,
// and exported as BibTeX, RIS (both import into Zotero, Mendeley and EndNote) or an APA list.
import { toApa } from './cite.js';
import type { DictionaryData, Person, Reference } from './dictionary-data.js';

interface ReadingListGroup {
  termId: string;
  label: string;
  references: Reference[];
}

export interface ReadingList {
  groups: ReadingListGroup[];
  /** Every cited work once, sorted by first author's family name, then year. */
  references: Reference[];
}

function sortKey(r: Reference): string {
  const first = r.authors[0] ?? r.editors[0];
  return `${(first?.family ?? r.title).toLowerCase()} ${r.year ?? 0} ${r.title.toLowerCase()}`;
}

/** Builds the reading list for terms in the given order (e.g. most frequent on the page first). */
export function buildReadingList(termIds: readonly string[], data: DictionaryData): ReadingList {
  const byId = new Map(data.terms.map((t) => [t.id, t]));
  const groups: ReadingListGroup[] = [];
  const all = new Map<string, Reference>();
  for (const id of termIds) {
    const term = byId.get(id);
    if (!term) continue;
    const keys = [...new Set(term.positions.flatMap((p) => p.cites))];
    const references = keys.map((k) => data.references[k]).filter((r): r is Reference => r !== undefined);
    if (references.length === 0) continue;
    groups.push({ termId: id, label: term.label, references });
    for (const r of references) all.set(r.key, r);
  }
  return { groups, references: [...all.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b))) };
}

export function toBibtexFile(list: ReadingList): string {
  return `${list.references.map((r) => r.bibtex.trim()).join('\n\n')}\n`;
}

const RIS_TYPES: Record<string, string> = {
  article: 'JOUR',
  book: 'BOOK',
  techreport: 'RPRT',
  report: 'RPRT',
  inproceedings: 'CPAPER',
  incollection: 'CHAP',
  inbook: 'CHAP',
  phdthesis: 'THES',
  misc: 'GEN',
  online: 'ELEC',
};

function risName(p: Person): string {
  return p.given ? `${p.family}, ${p.given}` : p.family;
}

/** One RIS record per work ("TY  - " ... "ER  - "), fields in the order importers expect. */
export function toRis(r: Reference): string {
  const lines: string[] = [`TY  - ${RIS_TYPES[r.type] ?? 'GEN'}`];
  const add = (tag: string, value: string | number | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`${tag}  - ${String(value).replace(/\s+/g, ' ').trim()}`);
  };
  for (const a of r.authors) add('AU', risName(a));
  for (const e of r.editors) add('ED', risName(e));
  add('TI', r.title);
  add('PY', r.year);
  if (r.type === 'article') add('JO', r.container);
  else if (r.type === 'inproceedings' || r.type === 'incollection') add('T2', r.container);
  add('PB', r.publisher ?? (r.type === 'techreport' ? r.container : undefined));
  add('VL', r.volume);
  add('IS', r.issue);
  if (r.pages) {
    const [sp, ep] = r.pages.split(/\s*[-–]+\s*/);
    add('SP', sp);
    add('EP', ep);
  }
  add('DO', r.doi);
  add('SN', r.isbn);
  add('UR', r.url);
  add('ID', r.key);
  lines.push('ER  - ');
  return lines.join('\r\n');
}

export function toRisFile(list: ReadingList): string {
  return `${list.references.map(toRis).join('\r\n\r\n')}\r\n`;
}

/** The formatted list for pasting into a document: one APA reference per line. */
export function toApaList(list: ReadingList): string {
  return `${list.references.map(toApa).join('\n')}\n`;
}
