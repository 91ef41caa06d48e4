// One-off import of ../shared/bibliography/verified.json into dictionary/references/verified.bib.
// Re-run only when the shared list changes. Fields whose notes flag them as unconfirmed are dropped,
// because a reader must never be shown a fact nobody checked.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

interface Verified {
  key: string;
  authors: string[];
  title: string;
  year: number | null;
  type: string;
  venue: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  isbn: string | null;
  url: string | null;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, '..', 'shared', 'bibliography', 'verified.json');
const target = join(root, 'dictionary', 'references', 'verified.bib');

// Entries whose year, volume or pages were never confirmed (see their notes): left out entirely.
const UNCONFIRMED = new Set(['drezner2004global', 'nocetti2015contest', 'chander2015data', 'hill2014internet']);
// Single fields the notes call doubtful.
const DROP_FIELDS: Record<string, (keyof Verified)[]> = {
  bradford2012brussels: ['pages'],
  bradshaw2016politicization: ['volume', 'issue'],
};

const TYPE: Record<string, [string, string]> = {
  article: ['article', 'journal'],
  book: ['book', 'publisher'],
  report: ['techreport', 'institution'],
  chapter: ['inproceedings', 'booktitle'],
  'conference paper': ['inproceedings', 'booktitle'],
};

function escapeBib(value: string): string {
  return value.replace(/([&%$#_])/g, '\\$1');
}

function authorsField(authors: string[]): { field: 'author' | 'editor'; value: string } {
  const editors = authors.every((a) => a.endsWith('(ed.)'));
  const names = authors.map((a) => a.replace(/\s*\(ed\.\)$/, ''));
  // Institutions (no comma) are braced so that BibTeX does not split them into given/family names.
  const value = names.map((n) => (n.includes(',') ? n : `{${n}}`)).join(' and ');
  return { field: editors ? 'editor' : 'author', value };
}

const entries = JSON.parse(readFileSync(source, 'utf8')) as Verified[];
const out: string[] = [
  '% Imported from the shared verified bibliography by scripts/import-verified-bibliography.ts.',
  '% Every field here was checked against a public record; see that file for provenance.',
  '',
];
for (const entry of entries) {
  if (UNCONFIRMED.has(entry.key)) continue;
  const e = { ...entry };
  for (const f of DROP_FIELDS[e.key] ?? []) (e as Record<string, unknown>)[f] = null;
  const [type, venueField] = TYPE[e.type] ?? ['misc', 'howpublished'];
  const who = authorsField(e.authors);
  const fields: [string, string | number | null][] = [
    [who.field, who.value],
    ['title', `{${escapeBib(e.title)}}`],
    ['year', e.year],
    [venueField, e.venue ? escapeBib(e.venue) : null],
    ['volume', e.volume],
    ['number', e.issue],
    ['pages', e.pages ? e.pages.replace(/[-–]+/, '--') : null],
    ['doi', e.doi],
    ['isbn', e.isbn],
    ['url', e.url],
  ];
  out.push(`@${type}{${e.key},`);
  for (const [name, value] of fields) {
    if (value === null || value === '') continue;
    out.push(`  ${name} = {${value}},`);
  }
  out.push('}', '');
}
writeFileSync(target, out.join('\n'));
console.log(`wrote ${target}`);
