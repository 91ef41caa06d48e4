// The reader's own terms: a label, the forms to find, a note and optional links (DOI, ISBN or URL).
// Validated like the dictionary (clear messages per field; a bad entry is rejected, the rest kept),
// compiled at run time into a small matcher of their own.
import type { MatcherTerm } from './compile-matcher.js';
import { isValidDoi, isValidIsbn } from './identifiers.js';
import { normalizePhrase } from './normalize.js';
import { PERSONAL_ID_PREFIX } from './personal-id.js';

export const PERSONAL_CATEGORY = 'personal';
export { PERSONAL_ID_PREFIX };
export const PERSONAL_LIMITS = { terms: 200, aliases: 12, label: 80, alias: 80, note: 1000, links: 5 } as const;

export interface PersonalTerm {
  id: string;
  label: string;
  aliases: string[];
  note: string;
  links: string[];
}

export type PersonalTermErrors = Partial<Record<'label' | 'aliases' | 'note' | 'links', string>>;

/** What a link is: a DOI, an ISBN or an https/http URL. */
export function classifyLink(raw: string): { kind: 'doi' | 'isbn' | 'url'; value: string } | null {
  const s = raw.trim();
  const doi = s.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  if (isValidDoi(doi)) return { kind: 'doi', value: doi };
  const isbn = s.replace(/^isbn:?\s*/i, '');
  if (/^[\d\s-]{10,17}[\dXx]?$/.test(isbn) && isValidIsbn(isbn))
    return { kind: 'isbn', value: isbn.replace(/[\s-]/g, '') };
  try {
    const u = new URL(s);
    if ((u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password)
      return { kind: 'url', value: u.href };
  } catch {
    // not a URL
  }
  return null;
}

function slug(label: string): string {
  return normalizePhrase(label)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** A stable id for a new term, unique among `taken`. */
export function personalId(label: string, taken: ReadonlySet<string>): string {
  const base = `${PERSONAL_ID_PREFIX}${slug(label) || 'term'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Checks a term as typed in the form. `otherAliases` maps the normalised aliases already in use (the
 * dictionary's and the reader's other terms) to the label that owns them.
 */
export function validatePersonalTerm(
  input: { label: string; aliases: string[]; note: string; links: string[] },
  otherAliases: ReadonlyMap<string, string>,
): PersonalTermErrors {
  const errors: PersonalTermErrors = {};
  const label = input.label.trim();
  if (label.length < 2) errors.label = 'label-too-short';
  else if (label.length > PERSONAL_LIMITS.label) errors.label = 'label-too-long';
  const aliases = input.aliases.map((a) => a.trim()).filter(Boolean);
  if (aliases.length === 0) errors.aliases = 'aliases-missing';
  else if (aliases.length > PERSONAL_LIMITS.aliases) errors.aliases = 'aliases-too-many';
  else {
    for (const a of aliases) {
      const n = normalizePhrase(a);
      if (n.length < 2 || a.length > PERSONAL_LIMITS.alias) {
        errors.aliases = 'alias-length';
        break;
      }
      if (otherAliases.has(n)) {
        errors.aliases = `alias-taken:${a}:${otherAliases.get(n)}`;
        break;
      }
    }
  }
  if (input.note.length > PERSONAL_LIMITS.note) errors.note = 'note-too-long';
  const links = input.links.map((l) => l.trim()).filter(Boolean);
  if (links.length > PERSONAL_LIMITS.links) errors.links = 'links-too-many';
  else {
    const bad = links.find((l) => !classifyLink(l));
    if (bad !== undefined) errors.links = `link-invalid:${bad}`;
  }
  return errors;
}

/** Reads stored personal terms, keeping every well-formed one and dropping the rest. */
export function parsePersonalTerms(stored: unknown): { terms: PersonalTerm[]; dropped: number } {
  if (!Array.isArray(stored)) return { terms: [], dropped: stored === undefined || stored === null ? 0 : 1 };
  const terms: PersonalTerm[] = [];
  const ids = new Set<string>();
  let dropped = 0;
  for (const t of stored.slice(0, PERSONAL_LIMITS.terms)) {
    const ok =
      t &&
      typeof t === 'object' &&
      typeof t.id === 'string' &&
      t.id.startsWith(PERSONAL_ID_PREFIX) &&
      /^[a-z0-9-]{3,80}$/.test(t.id) &&
      !ids.has(t.id) &&
      typeof t.label === 'string' &&
      t.label.trim().length >= 2 &&
      Array.isArray(t.aliases) &&
      t.aliases.length > 0 &&
      t.aliases.every((a: unknown) => typeof a === 'string' && normalizePhrase(a).length >= 2) &&
      typeof t.note === 'string' &&
      Array.isArray(t.links) &&
      t.links.every((l: unknown) => typeof l === 'string' && classifyLink(l));
    if (!ok) {
      dropped++;
      continue;
    }
    ids.add(t.id);
    terms.push({
      id: t.id,
      label: t.label.trim(),
      aliases: t.aliases.map((a: string) => a.trim()),
      note: t.note,
      links: t.links,
    });
  }
  return { terms, dropped: dropped + Math.max(0, stored.length - PERSONAL_LIMITS.terms) };
}

/** The reader's terms in the form the matcher compiler takes (aliases as typed: acronyms stay case-sensitive). */
export function personalMatcherTerms(terms: readonly Pick<PersonalTerm, 'id' | 'label' | 'aliases'>[]): MatcherTerm[] {
  return terms.map((t) => ({ id: t.id, label: t.label, category: PERSONAL_CATEGORY, aliases: t.aliases }));
}
