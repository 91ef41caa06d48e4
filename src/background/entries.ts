// Serves dictionary entries to popovers and pages: the full dictionary stays here, not in every page.
import dictionary from '../../build/generated/dictionary.json';
import type { DictionaryData } from '../core/dictionary-data.js';
import { entryIndex, entryView, type EntryView } from '../core/entry-view.js';
import { styleReference } from './citation-engine.js';

const data = dictionary as unknown as DictionaryData;
// APA and Chicago copies come from the CSL engine (formatted when an entry is first asked for, then cached).
const index = entryIndex(data, styleReference);

export function entryFor(id: string): EntryView | null {
  const entry = index.byId.get(id);
  return entry ? entryView(index, entry) : null;
}
