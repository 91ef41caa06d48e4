// Search shared by the glossary and the options' term list: case, accents and punctuation ignored; every
// word of the query must appear, or the query as a whole once spaces and hyphens are dropped
// ("multi stakeholder" finds "multistakeholder").

/** Lower case, accents removed, every run of non-letters and non-digits one space. */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SearchDoc {
  /** Folded text of every searchable field, fields separated by a line break so words never join across. */
  text: string;
  /** The same without any spaces. */
  compact: string;
}

export function searchDoc(fields: readonly string[]): SearchDoc {
  const folded = fields.map(foldForSearch).filter(Boolean);
  return { text: folded.join('\n'), compact: folded.map((f) => f.replace(/ /g, '')).join('\n') };
}

/** Whether `doc` matches `query`; an empty query matches everything. */
export function matchesQuery(doc: SearchDoc, query: string): boolean {
  const q = foldForSearch(query);
  if (!q) return true;
  if (q.split(' ').every((word) => doc.text.includes(word))) return true;
  return doc.compact.includes(q.replace(/ /g, ''));
}
