// Citation text for "copy": the BibTeX entry as the dictionary has it, or an APA 7 style reference.
import type { Person, Reference } from './dictionary-data.js';

export function toBibtex(ref: Reference): string {
  return ref.bibtex;
}

function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((part) =>
      part
        .split('-')
        .map((p) => (p.endsWith('.') && p.length <= 3 ? p : `${p[0] ?? ''}.`))
        .join('-'),
    )
    .join(' ');
}

function apaName(p: Person): string {
  return p.given ? `${p.family}, ${initials(p.given)}` : p.family;
}

function apaNames(people: Person[]): string {
  const names = people.map(apaName);
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= 20) return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
  return `${names.slice(0, 19).join(', ')}, ... ${names[names.length - 1]}`;
}

function endWithPeriod(s: string): string {
  return /[.?!]$/.test(s) ? s : `${s}.`;
}

export function toApa(ref: Reference): string {
  const creators = ref.authors.length
    ? apaNames(ref.authors)
    : ref.editors.length
      ? `${apaNames(ref.editors)} (Ed${ref.editors.length > 1 ? 's' : ''}.)`
      : '';
  const year = `(${ref.year ?? 'n.d.'}).`;
  const parts: string[] = [creators ? endWithPeriod(creators) : '', year, endWithPeriod(ref.title)];
  if (ref.type === 'article') {
    let source = ref.container ?? '';
    if (ref.volume) source += `, ${ref.volume}`;
    if (ref.issue) source += `(${ref.issue})`;
    if (ref.pages) source += `, ${ref.pages.replace(/-+/g, '–')}`;
    if (source) parts.push(endWithPeriod(source));
  } else if (ref.type === 'inproceedings' || ref.type === 'incollection') {
    if (ref.container)
      parts.push(endWithPeriod(`In ${ref.container}${ref.pages ? ` (pp. ${ref.pages.replace(/-+/g, '–')})` : ''}`));
  } else if (ref.container) {
    parts.push(endWithPeriod(ref.container));
  }
  if (ref.doi) parts.push(`https://doi.org/${ref.doi}`);
  else if (ref.url) parts.push(ref.url);
  return parts.filter(Boolean).join(' ');
}

export function formatCitation(ref: Reference, format: 'bibtex' | 'apa'): string {
  return format === 'bibtex' ? toBibtex(ref) : toApa(ref);
}
