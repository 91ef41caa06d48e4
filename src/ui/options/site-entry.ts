// What happens when the reader types one or more sites into a list: which are added, which are refused
// and why. Pure, so the editor stays a thin view.
import { hostMatches, parseSiteEntry } from '../../core/sites.js';

export interface SiteAddition {
  /** The list after adding the valid new domains. */
  next: string[];
  added: string[];
  /** Already in the list, or covered by a listed parent domain ("news.example.org" by "example.org"). */
  known: { domain: string; by: string }[];
  /** Typed entries that are not domains, as typed. */
  rejected: string[];
  /** Added domains that the other list also matches. */
  conflicts: string[];
}

/**
 * Several sites may be pasted at once, separated by commas, semicolons or new lines. Spaces do not
 * separate: "not a domain" is one mistyped entry, not three sites.
 */
export function addSites(input: string, list: readonly string[], otherList: readonly string[]): SiteAddition {
  const next = [...list];
  const result: SiteAddition = { next, added: [], known: [], rejected: [], conflicts: [] };
  for (const raw of input
    .split(/[,;\n\r]+/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    const parsed = parseSiteEntry(raw);
    if ('error' in parsed) {
      result.rejected.push(raw);
      continue;
    }
    const d = parsed.domain;
    const by = next.find((existing) => hostMatches(d, existing));
    if (by !== undefined) {
      result.known.push({ domain: d, by });
      continue;
    }
    next.push(d);
    result.added.push(d);
    if (otherList.some((o) => hostMatches(d, o) || hostMatches(o, d))) result.conflicts.push(d);
  }
  return result;
}
