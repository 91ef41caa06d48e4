// Serves dictionary entries to popovers and pages: the full dictionary stays here, not in every page.
import dictionary from '../../build/generated/dictionary.json';
import type { DictionaryData } from '../core/dictionary-data.js';
import { entryIndex, entryView, type EntryView } from '../core/entry-view.js';
import copies from '../../build/generated/citations.json';
import type { CitationStyler } from '../core/reference-view.js';
import { styleReference } from './citation-engine.js';

const data = dictionary as unknown as DictionaryData;
// APA and Chicago copies come from the CSL engine: formatted by the build (scripts/citation-copies.ts), or
// here for a reference the build did not see.
const built = copies as { apa: Record<string, string>; chicago: Record<string, string> };
const styler: CitationStyler = (ref, style) => built[style][ref.key] ?? styleReference(ref, style);
const index = entryIndex(data, styler);

export function entryFor(id: string): EntryView | null {
  const entry = index.byId.get(id);
  return entry ? entryView(index, entry) : null;
}
