// npx tsx scripts/bench/hover.ts [rounds] [e2e-build-dir ...]: only the hover step of npm run bench (the
// demo article, the real pointer, after the intent delay), for a quick look while working on the popover.
// With several builds (e.g. a baseline built from another commit), they are measured alternately, round
// after round, so that the machine's load falls on each alike. Prints each round and the medians, with the
// load average.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { projectRoot } from '../dictionary-build.js';
import { buildDir } from '../lib/shadow-variant.js';
import { startServer } from '../lib/static-server.js';
import { measureHover } from './extension.js';
import { DIST, ensureBuild } from './setup.js';
import { fmtMs, median } from './stats.js';

const rounds = Math.max(1, Number(process.argv[2] ?? 3));
const dirs = process.argv.length > 3 ? process.argv.slice(3) : [buildDir(DIST, 'chrome', 'e2e')];
if (process.argv.length <= 3) ensureBuild();
const server = await startServer({ '/fixtures/': join(projectRoot, 'tests', 'fixtures', 'pages') });
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`load average at the start: ${load()}`);
const first = dirs.map((): number[] => []);
const later = dirs.map((): number[] => []);
try {
  for (let round = 0; round < rounds; round++) {
    for (const [i, dir] of dirs.entries()) {
      const r = await measureHover(
        `${server.url}/fixtures/demo-article.html`,
        DEFAULT_SETTINGS.hoverDelayMs,
        8,
        dir,
      ).catch((e: unknown) => {
        // A loaded machine can keep the page from being annotated in time: that round is left out.
        console.log(`round ${round + 1} ${dir}: skipped (${e instanceof Error ? e.message : String(e)})`);
        return null;
      });
      if (!r) continue;
      first[i]?.push(r.firstReadyMs);
      later[i]?.push(r.readyMs);
      console.log(
        `round ${round + 1} ${dir}: first ${fmtMs(r.firstReadyMs)} ms (visible ${fmtMs(r.firstVisibleMs)}), later ${fmtMs(
          r.readyMs,
        )} ms (visible ${fmtMs(r.visibleMs)}), to content after the delay`,
      );
    }
  }
} finally {
  await server.close();
}
for (const [i, dir] of dirs.entries()) {
  console.log(
    `${dir}: first hover median ${fmtMs(median(first[i] ?? []))} ms, later hovers median of the rounds' medians ${fmtMs(
      median(later[i] ?? []),
    )} ms (${rounds} rounds)`,
  );
}
console.log(`load average at the end: ${load()}`);
