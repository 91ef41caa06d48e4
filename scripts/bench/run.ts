// npm run bench: the content script's cost against the physical floor, mark.js and a naive matcher, in one
// headless Chromium, on the real-page corpus (scripts/lib/corpus-root.ts) and on synthetic pages; then scaling, long tasks, a live-update
// burst, size, memory and hover latency. Prints a table, writes bench/results.json and BENCHMARKS.md.
//
//   npm run bench                         everything (a few minutes on two cores)
//   npm run bench -- --pages=aclu|5mb     only pages whose name matches (BENCHMARKS.md is then left alone)
//   npm run bench -- --repeats=3          fewer fresh loads per contender (default 5 for floor and ours)
//   npm run bench -- --no-extension       skip the measurements that load the built extension
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { projectRoot } from '../dictionary-build.js';
import { type FrameCostResult, measureFrameCost, measureHover, measureMemory, type MemoryResult } from './extension.js';
import { Bench, type Plan } from './measure.js';
import type { BurstResult } from './protocol.js';
import {
  consoleTable,
  evaluateTargets,
  markdown,
  overall,
  type PageSummary,
  type Results,
  summarisePage,
  updateBenchmarksMd,
} from './report.js';
import { bundleHarness, CHROMIUM, ensureBuild, OFFLINE_ARGS, prepare } from './setup.js';
import { measureSize } from './size.js';
import { fmtMs, fmtRatio, median } from './stats.js';
import { burstParagraphs, writeFramesPage } from './synthetic.js';
import { TEMPLATE } from './template.js';

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!arg) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '';
}

const pageFilter = option('pages') ? new RegExp(option('pages') as string, 'i') : null;
const base = Math.max(1, Number(option('repeats') ?? 5));
const withExtension = option('no-extension') === undefined;
const repeats = {
  floor: base,
  ours: base,
  'ours-x10': Math.max(1, Math.ceil(base * 0.7)),
  markRegExp: Math.max(1, Math.ceil(base * 0.7)),
  naive: Math.max(1, Math.ceil(base * 0.4)),
  mark: 1,
};
const NAIVE_BUDGET_MS = 1500;
const MARK_BUDGET_MS = 1000;
const BURST_PARAGRAPHS = 1000;
const FRAMES = 40;

const started = Date.now();
const loadAtStart = loadavg()[0] ?? 0;
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;

ensureBuild();
const harness = await bundleHarness();
const prep = await prepare({ pageFilter, naiveBudgetMs: NAIVE_BUDGET_MS, markBudgetMs: MARK_BUDGET_MS });
console.log(
  `bench: ${prep.pages.length} pages; dictionary ${prep.realStats.patterns} patterns (10x: ${prep.x10Stats.patterns}); ` +
    `repeats ${Object.entries(repeats)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
);

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: OFFLINE_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const bench = await Bench.open(context, harness);

const plan: Plan[] = Object.entries(repeats).map(([contender, n]) => ({ contender, repeats: n }) as Plan);
// Pages over 2 MB take a second or more per load: three loads per contender still give a median.
const bigPlan: Plan[] = plan.map((p) => ({ ...p, repeats: Math.min(p.repeats, 3) }));
const pages: PageSummary[] = [];
for (const page of prep.pages) {
  const samples = await bench.measurePage(page.url, page.bytes > 2_000_000 ? bigPlan : plan, prep.inputs);
  const s = summarisePage(page, samples);
  pages.push(s);
  console.log(
    `${elapsed().padStart(6)}  ${s.name.padEnd(58)} ours ${fmtMs(s.ms.ours ?? NaN).padStart(7)} ms ` +
      `(busy ${fmtMs(s.ours.busyMs).padStart(6)}, setup ${fmtMs(s.ours.setupMs).padStart(5)})  ` +
      `${fmtRatio(s.ratios.oursFloor).padStart(7)} floor  markRegExp ${fmtRatio(s.ratios.markRegExpOurs).padStart(6)}  ` +
      `task ${fmtMs(s.ours.worstTaskMs).padStart(6)} ms`,
  );
}

// A burst of paragraphs into the 1 MB article, with the real LiveUpdater watching.
let burst: (BurstResult & { page: string }) | null = null;
let burstSamples: BurstResult[] = [];
const burstPage = prep.pages.find((p) => p.name === 'synthetic/article-1mb');
if (burstPage) {
  burstSamples = await bench.burst(burstPage.url, burstParagraphs(BURST_PARAGRAPHS, prep.termTexts, 1000), 3);
  const latency = median(burstSamples.map((b) => b.latencyMs));
  const worst = burstSamples.reduce((a, b) => (b.maxTaskMs > a.maxTaskMs ? b : a));
  burst = { ...worst, latencyMs: latency, insertMs: median(burstSamples.map((b) => b.insertMs)), page: burstPage.name };
  console.log(
    `${elapsed().padStart(6)}  burst: ${fmtMs(latency)} ms to the last highlight, longest task ${fmtMs(worst.maxTaskMs)} ms`,
  );
}

// Heap the scan keeps (matcher, records, ranges), on a news page, a dense text and the 5 MB page.
const retainedByOurs: { page: string; bytes: number }[] = [];
for (const p of prep.pages.filter((x) => /wikipedia-2$|hrpc-research$|article-5mb$/.test(x.name))) {
  const values: number[] = [];
  for (let i = 0; i < 3; i++) values.push(await bench.retainedByOurs(p.url));
  retainedByOurs.push({ page: p.name, bytes: median(values) });
}
await bench.close();
await context.close();

const size = await measureSize();

let memory: MemoryResult[] = [];
let hover: Results['hover'] = null;
let frameCost: FrameCostResult | null = null;
if (withExtension) {
  const memoryPages = prep.pages.filter((x) =>
    /readability\/aclu$|wikipedia-2$|hrpc-research$|article-5mb$/.test(x.name),
  );
  memory = await measureMemory(browser, memoryPages, 3);
  console.log(`${elapsed().padStart(6)}  memory measured on ${memory.length} pages`);
  hover = await measureHover(`${prep.server.url}/fixtures/demo-article.html`, DEFAULT_SETTINGS.hoverDelayMs, 8);
  console.log(`${elapsed().padStart(6)}  hover: ${fmtMs(hover.visibleMs)} ms to visible after the delay`);
  const framesFile = writeFramesPage(prep.syntheticDir, FRAMES, prep.termTexts);
  frameCost = await measureFrameCost(`${prep.server.url}/synthetic/${framesFile}`, FRAMES, 5);
  console.log(`${elapsed().padStart(6)}  ${FRAMES} frames: ${fmtMs(frameCost.perFrameMs)} ms per frame`);
}

const chromiumVersion = browser.version();
await browser.close();
await prep.server.close();

const groups: Record<string, PageSummary[]> = {
  all: pages,
  news: pages.filter((p) => p.group === 'news'),
  govtext: pages.filter((p) => p.group === 'govtext'),
  synthetic: pages.filter((p) => p.group === 'synthetic'),
};
const partial: Omit<Results, 'targets'> = {
  date: new Date().toISOString(),
  machine: {
    nproc: Number(execFileSync('nproc').toString().trim()),
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    chromium: `Chromium ${chromiumVersion}`,
    node: process.version,
    platform: `${platform()} ${release()}`,
    loadAverage: [loadAtStart, loadavg()[0] ?? 0],
  },
  config: {
    repeats,
    naiveBudgetMs: NAIVE_BUDGET_MS,
    markBudgetMs: MARK_BUDGET_MS,
    pageFilter: pageFilter?.source ?? null,
  },
  dictionary: { real: prep.realStats, x10: prep.x10Stats },
  pages,
  overall: Object.fromEntries(
    Object.entries(groups)
      .filter(([, v]) => v.length > 0)
      .map(([k, v]) => [k, overall(v)]),
  ),
  burst,
  burstSamples,
  size,
  memory,
  retainedByOurs,
  hover,
  frameCost,
  runtimeSeconds: (Date.now() - started) / 1000,
};
const results: Results = { ...partial, targets: evaluateTargets(partial) };

console.log(`\n${consoleTable(results)}\n`);
for (const t of results.targets) {
  console.log(
    `${t.met ? 'met   ' : 'MISSED'}  ${t.name}: ${t.value} (target ${t.target})${t.note ? `; ${t.note}` : ''}`,
  );
}

mkdirSync(join(projectRoot, 'bench'), { recursive: true });
writeFileSync(join(projectRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
if (pageFilter || !withExtension) {
  console.log('\nbench/results.json written; BENCHMARKS.md is only rewritten by a full run.');
} else {
  updateBenchmarksMd(join(projectRoot, 'BENCHMARKS.md'), markdown(results), TEMPLATE);
  console.log('\nbench/results.json and BENCHMARKS.md written.');
}
console.log(`done in ${elapsed()}`);
