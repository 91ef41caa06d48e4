// npx tsx scripts/bench/profile.ts <page-name-regex> [contender]: a CPU profile of one contender on one page
// (CDP Profiler, 50 µs sampling, unminified harness), printed as the functions with the most self time,
// and saved as .tmp/bench-profile.cpuprofile (gitignored) for Chromium's DevTools.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { projectRoot } from '../dictionary-build.js';
import { Bench, type Contender } from './measure.js';
import { bundleHarness, CHROMIUM, ensureBuild, OFFLINE_ARGS, prepare } from './setup.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const pattern = new RegExp(process.argv[2] ?? 'article-1mb');
const contender = (process.argv[3] ?? 'ours') as Contender;
ensureBuild();
const harness = await bundleHarness(false);
const prep = await prepare({ pageFilter: pattern, naiveBudgetMs: 4000, markBudgetMs: 2000 });
const target = prep.pages[0];
if (!target) throw new Error(`no page matches ${pattern}`);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: OFFLINE_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const bench = await Bench.open(context, harness);
const cdp = await context.newCDPSession(bench.page);
await bench.load(target.url);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const result = await bench.run(contender, prep.inputs);
const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
console.log(
  `${target.name} ${contender}: ${result.ms.toFixed(2)} ms, ${result.count} matches, longest task ${result.maxTaskMs?.toFixed(2)} ms`,
);
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  if (!n) return;
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${ms.toFixed(2).padStart(9)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}
mkdirSync(join(projectRoot, '.tmp'), { recursive: true });
writeFileSync(join(projectRoot, '.tmp', 'bench-profile.cpuprofile'), JSON.stringify(profile));
await browser.close();
await prep.server.close();
