// The popover's view of one of the reader's own terms: built here from local data, no message needed.
import { doiUrl, searchUrl } from '../core/lookup.js';
import { classifyLink, PERSONAL_CATEGORY, type PersonalTerm } from '../core/personal-terms.js';
import type { LookupProvider } from '../core/settings.js';
import { t } from '../platform/i18n.js';
import type { EntryResponse } from '../platform/messaging.js';

export function personalEntry(term: PersonalTerm, provider: LookupProvider): EntryResponse {
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
      positions: [],
      related: [],
    },
    categoryLabel: t('popoverPersonalCategory'),
    references: [],
    relatedLabels: {},
    personal: { note: term.note, links },
  };
}
