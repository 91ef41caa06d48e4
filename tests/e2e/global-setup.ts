// Runs once before the e2e suites: says in one line when the real-page corpus (or part of it) is not here and
// the tests that need it will be skipped; with CI=true a missing corpus is an error instead.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../../scripts/lib/corpus-manifest.js';
import { CORPUS_MISSING, findCorpus } from '../../scripts/lib/corpus-root.js';

export default function globalSetup(): void {
  // Firefox's screenshots (puppeteer) do not create their folder, and with the Chromium and Firefox files in two
  // workers a Firefox file may take the first screenshot of the run.
  mkdirSync('test-results/screenshots', { recursive: true });
  const corpus = findCorpus();
  if (!corpus) {
    if (process.env.CI) throw new Error(`e2e: ${CORPUS_MISSING} (required with CI=true)`);
    console.log(`e2e: skipping the tests that need real pages: ${CORPUS_MISSING}`);
    return;
  }
  const pages = readManifest().filter((e) => /\.html?$/.test(e.name));
  const missing = pages.filter((e) => !existsSync(join(corpus, e.name)));
  if (missing.length > 0) {
    const kinds = [...new Set(missing.map((e) => e.kind))].join(', ');
    console.log(
      `e2e: the corpus at ${corpus} lacks ${missing.length} of its ${pages.length} pages (${kinds}, which ` +
        '`npm run corpus:fetch` cannot fetch; see README); the tests on them are skipped',
    );
  }
}
