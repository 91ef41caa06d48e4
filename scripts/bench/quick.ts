// npx tsx scripts/bench/quick.ts [page-name-regex] [repeats]: floor against ours only, alternated, for a
// quick look while working on the hot path (the full comparison is npm run bench). Prints per-page medians
// (total, busy, matcher set-up, tasks) and the geometric mean of ours / floor.
import { chromium } from '@playwright/test';
import { Bench } from './measure.js';
import { bundleHarness, CHROMIUM, ensureBuild, OFFLINE_ARGS, prepare } from './setup.js';
import { geomean, median } from './stats.js';

const pattern = process.argv[2] ? new RegExp(process.argv[2], 'i') : null;
const repeats = Number(process.argv[3] ?? 5);
ensureBuild();
const harness = await bundleHarness();
const prep = await prepare({ pageFilter: pattern, naiveBudgetMs: 0, markBudgetMs: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: OFFLINE_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const bench = await Bench.open(context, harness);
const ratios: number[] = [];
const totals: number[] = [];
for (const page of prep.pages) {
  const samples = await bench.measurePage(
    page.url,
    [
      { contender: 'floor', repeats },
      { contender: 'ours', repeats },
    ],
    prep.inputs,
  );
  const floor = median((samples.floor ?? []).map((r) => r.ms));
  const ours = samples.ours ?? [];
  const ms = median(ours.map((r) => r.ms));
  ratios.push(ms / floor);
  totals.push(ms);
  const f = (x: number): string => x.toFixed(2).padStart(7);
  console.log(
    `${page.name.slice(0, 48).padEnd(48)} floor ${f(floor)}  ours ${f(ms)}  busy ${f(
      median(ours.map((r) => r.busyMs ?? 0)),
    )}  setup ${f(median(ours.map((r) => r.setupMs ?? 0)))}  tasks ${median(ours.map((r) => r.tasks ?? 0))}  longest ${f(
      median(ours.map((r) => r.maxTaskMs ?? 0)),
    )}  x${(ms / floor).toFixed(1)}  matches ${ours[0]?.count}`,
  );
}
console.log(`geomean ours ${geomean(totals).toFixed(2)} ms, ours/floor ${geomean(ratios).toFixed(2)}x`);
await browser.close();
await prep.server.close();
