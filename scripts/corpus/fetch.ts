// npm run corpus:fetch: fills .cache/corpus (laid out like the shared corpus) from tests/corpus/manifest.tsv.
//
//   npm run corpus:fetch                                every plain copy, from the public GitHub raw host
//   npm run corpus:fetch -- --base-url=http://mirror    another raw host (also NETGOV_CORPUS_BASE_URL)
//   npm run corpus:fetch -- --from=DIR                  take every file, of any kind, from a local copy
//   npm run corpus:fetch -- --dest=DIR --only=REGEXP    another folder; only matching names
//
// Every file is checked against the manifest's size and SHA-256 before it is written; the exit status is 1
// when a file that can be fetched could not be (nothing unverified is left behind).
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BASE_URL, fetchCorpus } from '../lib/corpus-fetch.js';
import { readManifest } from '../lib/corpus-manifest.js';
import { CORPUS_CACHE, corpusCandidates } from '../lib/corpus-root.js';

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    from: { type: 'string' },
    dest: { type: 'string' },
    only: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const entries = readManifest();
const dest = values.dest ? resolve(values.dest) : CORPUS_CACHE;
const baseUrl = values['base-url'] ?? process.env.NETGOV_CORPUS_BASE_URL ?? DEFAULT_BASE_URL;
const only = values.only ? new RegExp(values.only) : undefined;
const from = values.from ? resolve(values.from) : undefined;
console.log(
  `corpus:fetch: ${entries.length} files declared; into ${relative(process.cwd(), dest) || '.'} from ${from ?? baseUrl}`,
);

const report = await fetchCorpus({
  entries,
  dest,
  baseUrl,
  ...(from ? { from } : {}),
  ...(only ? { only: (n: string) => only.test(n) } : {}),
  log: values.verbose ? (l) => console.log(`  ${l}`) : undefined,
});

const byReason = new Map<string, string[]>();
for (const u of report.unfetchable) byReason.set(u.reason, [...(byReason.get(u.reason) ?? []), u.name]);
for (const [reason, names] of byReason) {
  console.log(`  cannot be fetched (${names.length}): ${reason}:\n    ${names.join('\n    ')}`);
}
for (const f of report.failed) console.error(`  FAILED ${f.name}: ${f.reason}`);
console.log(
  `corpus:fetch: ${report.fetched.length} fetched and verified, ${report.present.length} already there and verified, ` +
    `${report.failed.length} failed, ${report.unfetchable.length} cannot be fetched` +
    (report.unfetchable.length
      ? ' (tests that need them are skipped; --from=DIR takes them from a copy of the corpus)'
      : ''),
);
// The cache comes before ../shared/corpus in the lookup order: say so when it now hides a fuller copy.
const shared = corpusCandidates().find((c) => c.from === '../shared/corpus');
if (dest === CORPUS_CACHE && report.unfetchable.length > 0 && shared && existsSync(join(shared.dir, 'index.tsv'))) {
  console.log(
    `corpus:fetch: note: ${relative(process.cwd(), dest)} is read before ${shared.dir}, which has more; ` +
      `\`npm run corpus:fetch -- --from=${shared.dir}\` copies all of it (verified), or remove ${relative(process.cwd(), dest)}`,
  );
}
process.exit(report.failed.length > 0 ? 1 : 0);
