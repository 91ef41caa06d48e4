// The popover's view of one of the reader's own terms, built by the background like the dictionary's
// entries (the content script then needs no URL building of its own).
import { doiUrl, searchUrl } from '../core/lookup.js';
import { classifyLink, PERSONAL_CATEGORY, type PersonalTerm } from '../core/personal-terms.js';
import type { LookupProvider } from '../core/settings.js';
import { t } from '../platform/i18n.js';
import type { EntryResponse } from '../platform/messaging.js';
import { loadPersonalTerms } from '../platform/personal-terms-store.js';
import { loadSettings } from '../platform/settings-store.js';

function personalEntry(term: PersonalTerm, provider: LookupProvider): EntryResponse {
  const links = term.links.flatMap((raw) => {
    const link = classifyLink(raw);
    if (!link) return [];
    // https only, like every other lookup; an ISBN is searched on the reader's scholarly search.
    const url =
      link.kind === 'doi'
        ? doiUrl(link.value)
        : link.kind === 'isbn'
          ? searchUrl(link.value, provider)
          : link.value.replace(/^http:/, 'https:');
    return [{ kind: link.kind, text: link.kind === 'url' ? new URL(link.value).hostname : link.value, url }];
  });
  return {
    entry: {
      id: term.id,
      label: term.label,
      category: PERSONAL_CATEGORY,
      aliases: term.aliases,
      definition: term.note,
      kind: 'reference',
      positions: [],
      debates: [],
      related: [],
    },
    categoryLabel: t('popoverPersonalCategory'),
    references: [],
    relatedLabels: {},
    debates: [],
    personal: { note: term.note, links },
  };
}

/** The entry for the reader's own term `id`, with links for the chosen search provider; null if unknown. */
export async function personalEntryFor(id: string): Promise<EntryResponse | null> {
  const [{ terms }, { settings }] = await Promise.all([loadPersonalTerms(), loadSettings()]);
  const term = terms.find((t) => t.id === id);
  return term ? personalEntry(term, settings.lookupProvider) : null;
}
