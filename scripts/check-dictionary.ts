// npm run dict:check — validate the dictionary alone and print a summary.
// `npm run dict:check -- --drafts DIR [--drafts DIR ...]` also checks folders laid out like dictionary/
// (terms/, references/) together with it, so new entries can be validated before they move in.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDictionary, DictionaryError } from './dictionary-build.js';

const { values } = parseArgs({ options: { drafts: { type: 'string', multiple: true, default: [] } } });

try {
  const { stats, data } = buildDictionary(
    undefined,
    values.drafts.map((d) => resolve(d)),
  );
  const perCategory = data.categories
    .map((c) => `${c.id} ${data.terms.filter((t) => t.category === c.id).length}`)
    .join(', ');
  const undated = data.terms.filter((t) => !t.reviewed).length;
  console.log(
    `dictionary ok: ${stats.terms} terms (${stats.debateTerms} debate entries with positions, ` +
      `${stats.referenceTerms} reference entries), ${stats.positions} positions, ${stats.references} cited references, ` +
      `${stats.categories} categories (${perCategory}); ${stats.aliases} aliases -> ${stats.patterns} patterns, ` +
      `${stats.states} automaton states; ${stats.terms - undated} of ${stats.terms} terms dated`,
  );
} catch (e) {
  if (e instanceof DictionaryError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
