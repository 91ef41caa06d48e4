// npx tsx scripts/bench/memory.ts [pages-regex] [dist ...]: only the memory step of npm run bench (the page
// heap the extension adds: with it minus without it, measureMemoryBuilds in extension.ts, the function the full
// bench uses), for the pages whose name matches (default: the bench's memory pages) and one or more builds
// (NETGOV_DIST folders; default the current one), alternated load by load in one run so that their figures
// compare. REPEATS loads per page and side (default 2). Prints per-page figures, the median and the load average.
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../dictionary-build.js';
import { buildDir } from '../lib/shadow-variant.js';
import { startServer } from '../lib/static-server.js';
import { measureMemoryBuilds, MEMORY_PAGES } from './extension.js';
import { CORPUS, corpusPages, DIST, ensureBuild, PAGE_HEADERS } from './setup.js';
import { median } from './stats.js';
import { writeSyntheticPages } from './synthetic.js';

const REPEATS = Number(process.env.REPEATS ?? 2);
const filter = process.argv[2] ? new RegExp(process.argv[2], 'i') : MEMORY_PAGES;
const dists = process.argv.slice(3).length > 0 ? process.argv.slice(3) : [DIST];
if (!CORPUS) throw new Error('memory: no corpus');
ensureBuild();
const data = JSON.parse(readFileSync(join(projectRoot, 'build', 'generated', 'dictionary.json'), 'utf8')) as {
  terms: { aliases: string[] }[];
};
const syntheticDir = join(tmpdir(), 'netgov-lens-bench-pages');
const synthetic = writeSyntheticPages(
  syntheticDir,
  data.terms.flatMap((t) => t.aliases),
);
const server = await startServer({ '/corpus/': CORPUS, '/synthetic/': syntheticDir }, () => PAGE_HEADERS);
const pages = [
  ...corpusPages(CORPUS, server.url),
  ...synthetic.map((s) => ({
    name: s.name,
    group: 'synthetic' as const,
    url: `${server.url}/synthetic/${s.file}`,
    bytes: readFileSync(join(syntheticDir, s.file)).length,
  })),
].filter((p) => filter.test(p.name));
const mb = (b: number): string => `${(b / 1048576).toFixed(2)} MB`;
const loadStart = loadavg()[0] ?? 0;
console.log(`${pages.length} pages, ${REPEATS} loads per side; load average ${loadStart.toFixed(2)}`);
const results = await measureMemoryBuilds(
  pages,
  REPEATS,
  dists.map((d) => buildDir(d, 'chrome', 'e2e')),
);
await server.close();
for (const [d, dist] of dists.entries()) {
  console.log(dist);
  const list = results[d] ?? [];
  for (const r of list) {
    console.log(
      `  ${r.page.padEnd(56)} without ${mb(r.withoutBytes).padStart(9)} with ${mb(r.withBytes).padStart(9)} ` +
        `added ${mb(r.deltaBytes).padStart(8)} (${r.highlights} highlights)`,
    );
  }
  const corpus = list.filter((r) => r.group !== 'synthetic');
  if (corpus.length > 1)
    console.log(`  median added over ${corpus.length} corpus pages: ${mb(median(corpus.map((r) => r.deltaBytes)))}`);
}
console.log(`load average (1 min): ${loadStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end`);
