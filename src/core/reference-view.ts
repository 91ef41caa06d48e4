// A reference as the citation components show it: the formatted citations and the lookup for each search
// provider computed where the dictionary lives (background, glossary, reading list), so that the content
// script, injected into every frame, carries no citation formatting or URL building of its own.
import { formatCitation, toApa } from './cite.js';
import type { Reference } from './dictionary-data.js';
import { type Lookup, lookupFor } from './lookup.js';
import { CITATION_FORMATS, type CitationFormat, LOOKUP_PROVIDERS, type LookupProvider } from './settings.js';

export interface ReferenceView extends Reference {
  /** The APA citation without its trailing link: the popover's tooltip and the glossary's line. */
  line: string;
  /** What "Copy" puts on the clipboard, per citation format. */
  copy: Record<CitationFormat, string>;
  /** What "Open" opens, per search provider (the same DOI or stable URL for all when the work has one). */
  lookups: Record<LookupProvider, Lookup>;
}

export function referenceView(ref: Reference): ReferenceView {
  return {
    ...ref,
    line: toApa(ref).replace(/\s+https?:\/\/\S+$/, ''),
    copy: Object.fromEntries(CITATION_FORMATS.map((f) => [f, formatCitation(ref, f)])) as Record<
      CitationFormat,
      string
    >,
    lookups: Object.fromEntries(LOOKUP_PROVIDERS.map((p) => [p, lookupFor(ref, p)])) as Record<LookupProvider, Lookup>,
  };
}
