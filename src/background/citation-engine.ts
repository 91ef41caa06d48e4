// One CSL engine for every formatted citation: citation-js with citeproc (@citation-js/plugin-csl), its
// bundled APA style, and the Chicago author-date style from the CSL project (src/background/csl/). It lives in
// the background only: the popover's copy text is formatted here, the pages ask for lists by message, and the
// content script carries none of it.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import chicago from './csl/chicago-author-date.json';
import { toCslItem } from '../core/csl-json.js';
import type { Reference } from '../core/dictionary-data.js';
import type { CitationStyler } from '../core/reference-view.js';

type Style = Parameters<CitationStyler>[1];

const TEMPLATES: Record<Style, string> = { apa: 'apa', chicago: 'chicago-author-date' };

let registered = false;
function ensureTemplates(): void {
  if (registered) return;
  const styles = plugins.config.get('@csl').styles;
  if (!styles.has(TEMPLATES.chicago)) styles.add(TEMPLATES.chicago, chicago.xml);
  registered = true;
}

/** citeproc formats a list in one pass; each entry is one line of its text output. */
function formatItems(refs: readonly Reference[], style: Style): string {
  ensureTemplates();
  return new Cite(refs.map((r) => toCslItem(r)))
    .format('bibliography', { format: 'text', template: TEMPLATES[style], lang: 'en-US' })
    .trim();
}

const cache = new Map<string, string>();

/** One reference in `style`, without the trailing newline (cached: the dictionary does not change). */
export const styleReference: CitationStyler = (ref, style) => {
  const key = `${style}\u0000${ref.key}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = formatItems([ref], style).replace(/\s+/g, ' ');
    cache.set(key, text);
  }
  return text;
};

/** A list of references in `style`, sorted and laid out by the style itself, one per line. */
export function styleList(refs: readonly Reference[], style: Style): string {
  return refs.length ? `${formatItems(refs, style)}\n` : '';
}
