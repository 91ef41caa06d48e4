// A reference as the citation components show it: the formatted citations and the lookup for each search
// provider computed where the dictionary lives (background, glossary, reading list), so that the content
// script, injected into every frame, carries no citation formatting or URL building of its own.
import { toApa, toBibtex } from './cite.js';
import type { Reference } from './dictionary-data.js';
import { type FreeCopy, freeCopyFor } from './free-copy.js';
import { type Lookup, lookupFor } from './lookup.js';
import { CITATION_FORMATS, type CitationFormat, LOOKUP_PROVIDERS, type LookupProvider } from './settings.js';

/** The styles the CSL engine formats: every citation format but BibTeX, which is the dictionary's own text. */
export type CitationStyle = Exclude<CitationFormat, 'bibtex'>;

/** Formats a reference in a citation style (the background's CSL engine); without one, APA is written here. */
export type CitationStyler = (ref: Reference, style: CitationStyle) => string;

export interface ReferenceView extends Reference {
  /** The APA citation without its trailing link: the popover's tooltip and the glossary's line. */
  line: string;
  /** What "Copy" puts on the clipboard, per citation format. */
  copy: Record<CitationFormat, string>;
  /** What "Open" opens, per search provider (the same DOI or stable URL for all when the work has one). */
  lookups: Record<LookupProvider, Lookup>;
  /** Where "Free copy" goes: the work's own free address, or the open-access resolver for its DOI. */
  freeCopy?: FreeCopy;
  /** Set where the reader has switched on saving to Zotero: the citation offers "Save to Zotero". */
  zotero?: true;
}

export function referenceView(ref: Reference, styler?: CitationStyler): ReferenceView {
  const styled = (f: CitationStyle): string => (styler ? styler(ref, f) : toApa(ref));
  const freeCopy = freeCopyFor(ref);
  return {
    ...ref,
    line: styled('apa').replace(/\s+https?:\/\/\S+$/, ''),
    copy: Object.fromEntries(CITATION_FORMATS.map((f) => [f, f === 'bibtex' ? toBibtex(ref) : styled(f)])) as Record<
      CitationFormat,
      string
    >,
    lookups: Object.fromEntries(LOOKUP_PROVIDERS.map((p) => [p, lookupFor(ref, p)])) as Record<LookupProvider, Lookup>,
    ...(freeCopy ? { freeCopy } : {}),
  };
}
