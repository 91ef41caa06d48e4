// One CSL engine for every formatted citation: citation-js with citeproc (@citation-js/plugin-csl), its
// bundled APA style, and the Chicago author-date style from the CSL project (src/background/csl/). The build
// runs it over the whole dictionary once (scripts/citation-copies.ts: the popover's copy text, ready without
// the engine's second or two of start-up in a fresh service worker); at run time it lives in the background
// only, for the lists and exports the pages ask for by message. The content script carries none of it.
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

/** Every reference in `style` in one pass of the engine, by key (the build formats the dictionary this way). */
export function styleEach(refs: readonly Reference[], style: Style): Record<string, string> {
  ensureTemplates();
  const entries = new Cite(refs.map((r) => toCslItem(r))).format('bibliography', {
    format: 'text',
    template: TEMPLATES[style],
    lang: 'en-US',
    asEntryArray: true,
  });
  return Object.fromEntries(entries.map(([id, text]) => [id, text.replace(/\s+/g, ' ').trim()]));
}

/** A list of references in `style`, sorted and laid out by the style itself, one per line. */
export function styleList(refs: readonly Reference[], style: Style): string {
  return refs.length ? `${formatItems(refs, style)}\n` : '';
}
