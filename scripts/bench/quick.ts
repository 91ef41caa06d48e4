// npx tsx scripts/bench/quick.ts [page-name-regex] [repeats] [baseline-harness.js]: floor against ours only,
// alternated, for a quick look while working on the hot path (the full comparison is npm run bench). Prints
// per-page medians (total, busy, matcher set-up, tasks) and the geometric means of ours / floor and of ours'
// main-thread busy / floor (the target's figure). With a third argument (a harness bundled from another
// build, see `--write-harness`), that build's ours runs as "base" alternated with this one, on the same loads.
// `npx tsx scripts/bench/quick.ts --write-harness <file>` writes this build's harness bundle to <file>.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { Bench } from './measure.js';
import type { RunResult } from './protocol.js';
import { bundleHarness, CHROMIUM, ensureBuild, OFFLINE_ARGS, prepare } from './setup.js';
import { geomean, median } from './stats.js';

if (process.argv[2] === '--write-harness') {
  ensureBuild();
  writeFileSync(process.argv[3] as string, await bundleHarness());
  process.exit(0);
}
const pattern = process.argv[2] ? new RegExp(process.argv[2], 'i') : null;
const repeats = Number(process.argv[3] ?? 5);
const baseHarness = process.argv[4] ? readFileSync(process.argv[4], 'utf8') : null;
ensureBuild();
const harness = await bundleHarness();
const prep = await prepare({ pageFilter: pattern, naiveBudgetMs: 0, markBudgetMs: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: OFFLINE_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const bench = await Bench.open(context, harness);
const base = baseHarness ? await Bench.open(context, baseHarness) : null;

interface Tally {
  ratios: number[];
  busyRatios: number[];
  totals: number[];
  longest: number;
}
const tally = (): Tally => ({ ratios: [], busyRatios: [], totals: [], longest: 0 });
const tallies: Record<string, Tally> = { ours: tally(), base: tally() };
const f = (x: number): string => x.toFixed(2).padStart(7);

function line(name: string, label: string, floor: number, runs: RunResult[], t: Tally): void {
  const ms = median(runs.map((r) => r.ms));
  const busy = median(runs.map((r) => r.busyMs ?? 0));
  const longest = Math.max(...runs.map((r) => r.maxTaskMs ?? 0));
  t.ratios.push(ms / floor);
  t.busyRatios.push(busy / floor);
  t.totals.push(ms);
  t.longest = Math.max(t.longest, longest);
  const labels = [...new Set(runs.flatMap((r) => Object.keys(r.busyBy ?? {})))];
  const by = labels.map((l) => `${l} ${median(runs.map((r) => r.busyBy?.[l] ?? 0)).toFixed(2)}`).join(', ');
  console.log(
    `${name.slice(0, 44).padEnd(44)} ${label} floor ${f(floor)}  wall ${f(ms)}  busy ${f(busy)}  tasks ${median(
      runs.map((r) => r.tasks ?? 0),
    )}  longest(max) ${f(longest)} ${runs.find((r) => r.maxTaskMs === longest)?.longestIn ?? ''}  wall/floor x${(
      ms / floor
    ).toFixed(
      1,
    )}  busy/floor x${(busy / floor).toFixed(1)}  matches ${runs[0]?.count}\n    busy by entry point (medians): ${by}`,
  );
}

for (const page of prep.pages) {
  const floors: number[] = [];
  const runs: Record<string, RunResult[]> = { ours: [], base: [] };
  // Alternated on fresh loads, the starting contender rotating each round.
  const order = base ? ['floor', 'ours', 'base'] : ['floor', 'ours'];
  for (let r = 0; r < repeats; r++) {
    for (let i = 0; i < order.length; i++) {
      const which = order[(i + r) % order.length] as string;
      const b = which === 'base' ? (base as Bench) : bench;
      await b.load(page.url);
      if (which === 'floor') floors.push((await b.run('floor', prep.inputs)).ms);
      else (runs[which] as RunResult[]).push(await b.run('ours', prep.inputs));
    }
  }
  const floor = median(floors);
  line(page.name, 'ours', floor, runs.ours as RunResult[], tallies.ours as Tally);
  if (base) line(page.name, 'base', floor, runs.base as RunResult[], tallies.base as Tally);
}
for (const label of base ? ['ours', 'base'] : ['ours']) {
  const t = tallies[label] as Tally;
  console.log(
    `${label}: geomean wall ${geomean(t.totals).toFixed(2)} ms, wall/floor ${geomean(t.ratios).toFixed(
      2,
    )}x, busy/floor ${geomean(t.busyRatios).toFixed(2)}x, longest task ${t.longest.toFixed(2)} ms`,
  );
}
await browser.close();
await prep.server.close();
