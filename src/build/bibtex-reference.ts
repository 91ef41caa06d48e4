// Turns a parsed BibTeX entry into the Reference the extension shows and cites.
import type { Creator, Entry } from '@retorquere/bibtex-parser';
import type { Person, Reference } from '../core/dictionary-data.js';

function person(c: Creator): Person {
  if (c.name) return { family: c.name };
  const family = [c.prefix, c.lastName].filter(Boolean).join(' ');
  return c.firstName ? { family, given: c.firstName } : { family };
}

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value.join('; ') : value;
  return v && v.trim() ? v.trim() : undefined;
}

export function bibEntryToReference(entry: Entry): Reference {
  const f = entry.fields;
  const yearText = first(f.year) ?? first(f.date)?.slice(0, 4);
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const container =
    first(f.journal) ??
    first(f.journaltitle) ??
    first(f.booktitle) ??
    first(f.institution) ??
    first(f.publisher) ??
    first(f.howpublished);
  const ref: Reference = {
    key: entry.key,
    type: entry.type.toLowerCase(),
    authors: (f.author ?? []).map(person),
    editors: (f.editor ?? []).map(person),
    title: first(f.title) ?? '',
    bibtex: entry.input.trim(),
  };
  const optional: [keyof Reference, string | undefined][] = [
    ['container', container],
    ['publisher', first(f.publisher)],
    ['volume', first(f.volume)],
    ['issue', first(f.number) ?? first(f.issue)],
    ['pages', first(f.pages)],
    ['doi', first(f.doi)],
    ['isbn', first(f.isbn)],
    ['url', first(f.url)],
  ];
  for (const [k, v] of optional) if (v !== undefined) (ref as unknown as Record<string, string>)[k] = v;
  if (year !== undefined) ref.year = year;
  return ref;
}
