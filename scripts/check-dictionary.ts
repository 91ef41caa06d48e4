// npm run dict:check — validate the dictionary alone and print a summary.
import { buildDictionary, DictionaryError } from './dictionary-build.js';

try {
  const { stats, data } = buildDictionary();
  const perCategory = data.categories
    .map((c) => `${c.id} ${data.terms.filter((t) => t.category === c.id).length}`)
    .join(', ');
  console.log(
    `dictionary ok: ${stats.terms} terms, ${stats.positions} positions, ${stats.references} cited references, ` +
      `${stats.categories} categories (${perCategory}); ${stats.aliases} aliases -> ${stats.patterns} patterns, ${stats.states} automaton states`,
  );
} catch (e) {
  if (e instanceof DictionaryError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
