// The compiled dictionary as `npm run build` writes it to build/generated/ (matcher.json, dictionary.json),
// made in memory from dictionary/ so that unit tests need no build first. Compiled once per test file.
import type { DictionaryData } from '../../src/core/dictionary-data.js';
import { buildDictionary } from '../../scripts/dictionary-build.js';

let built: { matcherJson: string; data: DictionaryData } | undefined;

export function builtDictionary(): { matcherJson: string; data: DictionaryData } {
  if (!built) {
    const { matcher, data } = buildDictionary();
    // Through JSON, as the build writes it and the extension reads it.
    built = { matcherJson: JSON.stringify(matcher), data: JSON.parse(JSON.stringify(data)) as DictionaryData };
  }
  return built;
}
