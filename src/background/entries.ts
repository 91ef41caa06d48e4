// Serves dictionary entries to popovers and pages: the full dictionary stays here, not in every page.
import dictionary from '../../build/generated/dictionary.json';
import type { DictionaryData } from '../core/dictionary-data.js';
import { entryIndex, entryView, type EntryView } from '../core/entry-view.js';

const data = dictionary as unknown as DictionaryData;
const index = entryIndex(data);

export function entryFor(id: string): EntryView | null {
  const entry = index.byId.get(id);
  return entry ? entryView(index, entry) : null;
}
