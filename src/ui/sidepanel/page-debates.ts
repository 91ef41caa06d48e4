// The debates a page touches: each debate entry found on the page, and each debate that a found reference
// entry (ICANN, the Budapest Convention) leads to, with the page's terms that lead there and their mentions.
import type { DictionaryData } from '../../core/dictionary-data.js';
import type { TermCount } from '../../core/messages.js';

export interface PageDebate {
  id: string;
  label: string;
  /** How many positions the debate has: "divided three ways". */
  positions: number;
  /** The page's terms that lead to it (the debate itself first when it is on the page), most mentioned first. */
  via: TermCount[];
  /** Mentions of those terms on the page. */
  mentions: number;
}

/** Most mentioned first, then by label; ids the dictionary no longer knows are left out. */
export function pageDebates(found: TermCount[], data: Pick<DictionaryData, 'terms'>): PageDebate[] {
  const byId = new Map(data.terms.map((t) => [t.id, t]));
  const debates = new Map<string, PageDebate>();
  const add = (debateId: string, term: TermCount): void => {
    const debate = byId.get(debateId);
    if (!debate || debate.positions.length === 0) return;
    let entry = debates.get(debateId);
    if (!entry) {
      entry = { id: debateId, label: debate.label, positions: debate.positions.length, via: [], mentions: 0 };
      debates.set(debateId, entry);
    }
    if (entry.via.some((v) => v.id === term.id)) return;
    entry.via.push(term);
    entry.mentions += term.count;
  };
  for (const f of found) {
    const term = byId.get(f.id);
    if (!term) continue;
    if (term.positions.length > 0) add(term.id, f);
    for (const d of term.debates) add(d, f);
  }
  const out = [...debates.values()];
  for (const d of out) d.via.sort((a, b) => (a.id === d.id ? -1 : b.id === d.id ? 1 : b.count - a.count));
  return out.sort((a, b) => b.mentions - a.mentions || a.label.localeCompare(b.label));
}
