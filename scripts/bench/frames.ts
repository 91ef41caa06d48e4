// npx tsx scripts/bench/frames.ts [dist ...]: only the frame step of npm run bench (what the content script
// costs per frame: annotated, blank and tiny, switched off), for one or more builds (NETGOV_DIST folders;
// default the current one), alternated round by round in one run so that their figures compare on a noisy
// machine, each beside the floor (the same build with an empty content script, its loads alternated with
// ours: measureFrameCost). Prints per-document medians and the load average.
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../dictionary-build.js';
import { buildDir } from '../lib/shadow-variant.js';
import { startServer } from '../lib/static-server.js';
import { type FrameVariant, measureFrameCost } from './extension.js';
import { DIST, ensureBuild } from './setup.js';
import { fmtMs, median } from './stats.js';
import { writeFramesPage, writeTinyFramesPage } from './synthetic.js';

const FRAMES = 40;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const dists = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [DIST];
ensureBuild();
const data = JSON.parse(readFileSync(join(projectRoot, 'build', 'generated', 'dictionary.json'), 'utf8')) as {
  terms: { aliases: string[] }[];
};
const dir = join(tmpdir(), 'netgov-lens-bench-frames');
const articles = writeFramesPage(
  dir,
  FRAMES,
  data.terms.flatMap((t) => t.aliases),
);
const tiny = writeTinyFramesPage(dir, FRAMES);
// The same headers as the bench's synthetic pages (scripts/bench/setup.ts).
const server = await startServer({ '/synthetic/': dir }, () => ({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Content-Security-Policy': "script-src 'none'",
}));
const variants: FrameVariant[] = [
  { label: 'annotated', description: '', annotated: true, url: `${server.url}/synthetic/${articles}`, frames: FRAMES },
  {
    label: 'blank and tiny',
    description: '',
    annotated: false,
    url: `${server.url}/synthetic/${tiny}`,
    frames: FRAMES,
  },
  {
    label: 'switched off',
    description: '',
    annotated: false,
    url: `${server.url}/synthetic/${articles}`,
    frames: FRAMES,
    switchedOff: true,
  },
];
const perFrame = dists.map(() => variants.map(() => [] as number[]));
const startup = dists.map(() => variants.map(() => [] as number[]));
const floor = dists.map(() => variants.map(() => [] as number[]));
const highlights = dists.map(() => variants.map(() => 0));
const loads: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const [d, dist] of dists.entries()) {
    loads.push(loadavg()[0] ?? 0);
    const results = await measureFrameCost(variants, 2, buildDir(dist, 'chrome', 'e2e'));
    for (const [v, f] of results.entries()) {
      perFrame[d]?.[v]?.push(f.perFrameMs);
      startup[d]?.[v]?.push(f.startupMs / (f.frames + 1));
      floor[d]?.[v]?.push(f.floorPerFrameMs);
      (highlights[d] as number[])[v] = f.highlights;
    }
    console.log(
      `round ${r + 1}/${ROUNDS} ${dist}: ${results.map((f) => fmtMs(f.perFrameMs)).join(' / ')} ms ` +
        `(floor ${results.map((f) => fmtMs(f.floorPerFrameMs)).join(' / ')} ms)`,
    );
  }
}
await server.close();
console.log(`\nper document (median of ${ROUNDS} rounds, each the median of 2 loads), ${FRAMES} frames + top`);
for (const [d, dist] of dists.entries()) {
  console.log(dist);
  for (const [v, variant] of variants.entries()) {
    console.log(
      `  ${variant.label.padEnd(16)} ${fmtMs(median(perFrame[d]?.[v] ?? [])).padStart(7)} ms ` +
        `(start-up ${fmtMs(median(startup[d]?.[v] ?? []))} ms, highlights ${highlights[d]?.[v]}; ` +
        `floor ${fmtMs(median(floor[d]?.[v] ?? []))} ms)`,
    );
  }
}
console.log(`load average (1 min) during the run: ${loads.map((l) => l.toFixed(2)).join(', ')}`);
