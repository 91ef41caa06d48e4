// Turns the samples into the summary: per-page medians and ratios, overall geometric means, the targets,
// a console table, bench/results.json and the generated part of BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { HoverResult, MemoryResult } from './extension.js';
import type { Contender, Samples } from './measure.js';
import type { BurstResult, RunResult } from './protocol.js';
import type { BenchPage } from './setup.js';
import type { FrameCostResult } from './extension.js';
import type { SizeResult } from './size.js';
import { fmtBytes, fmtMs, fmtRatio, geomean, median } from './stats.js';

export interface PageSummary {
  name: string;
  group: BenchPage['group'];
  bytes: number;
  description?: string;
  textNodes: number;
  /** Median ms per contender. */
  ms: Partial<Record<Contender, number>>;
  /** Every sample's ms, in the order taken. */
  samples: Partial<Record<Contender, number[]>>;
  matches: Partial<Record<Contender, number>>;
  /** Contenders that hit their time budget and were extrapolated: keywords/aliases done of total. */
  partial: Partial<Record<Contender, { done: number; total: number }>>;
  ours: { setupMs: number; busyMs: number; worstTaskMs: number; tasks: number; longTasks: number };
  oursX10: { setupMs: number; worstTaskMs: number };
  ratios: {
    oursFloor: number;
    markRegExpOurs: number;
    markOurs: number;
    naiveOurs: number;
    x10Ours: number;
    /** 10x against real with each one's matcher set-up left out: the per-page scanning alone. */
    x10ScanOurs: number;
  };
}

export interface Target {
  name: string;
  target: string;
  value: string;
  met: boolean;
  note?: string;
}

export interface Results {
  date: string;
  machine: {
    nproc: number;
    cpu: string;
    chromium: string;
    node: string;
    platform: string;
    /** 1-minute load average at the start and the end: other work on the machine skews the figures. */
    loadAverage: [number, number];
  };
  config: Record<string, unknown>;
  dictionary: { real: Record<string, number>; x10: Record<string, number> };
  pages: PageSummary[];
  overall: Record<string, Record<string, number>>;
  burst: (BurstResult & { page: string }) | null;
  burstSamples: BurstResult[];
  size: SizeResult | null;
  memory: MemoryResult[];
  retainedByOurs: { page: string; bytes: number }[];
  hover: HoverResult | null;
  frameCost: FrameCostResult | null;
  targets: Target[];
  runtimeSeconds: number;
}

const ms = (runs: RunResult[] | undefined): number => median((runs ?? []).map((r) => r.ms));

export function summarisePage(page: BenchPage, samples: Samples): PageSummary {
  const m: PageSummary['ms'] = {};
  const all: PageSummary['samples'] = {};
  const matches: PageSummary['matches'] = {};
  const partial: PageSummary['partial'] = {};
  for (const [c, runs] of Object.entries(samples) as [Contender, RunResult[]][]) {
    m[c] = ms(runs);
    all[c] = runs.map((r) => r.ms);
    matches[c] = runs[0]?.count ?? 0;
    const p = runs.find((r) => r.partial)?.partial;
    if (p) partial[c] = { done: p.done, total: p.total };
  }
  const ours = samples.ours ?? [];
  const x10 = samples['ours-x10'] ?? [];
  const ratio = (a: Contender, b: Contender): number => (m[a] ?? Number.NaN) / (m[b] ?? Number.NaN);
  return {
    name: page.name,
    group: page.group,
    bytes: page.bytes,
    ...(page.description ? { description: page.description } : {}),
    textNodes: samples.floor?.[0]?.nodes ?? 0,
    ms: m,
    samples: all,
    matches,
    partial,
    ours: {
      setupMs: median(ours.map((r) => r.setupMs ?? 0)),
      busyMs: median(ours.map((r) => r.busyMs ?? 0)),
      worstTaskMs: Math.max(0, ...ours.map((r) => r.maxTaskMs ?? 0)),
      tasks: median(ours.map((r) => r.tasks ?? 0)),
      longTasks: Math.max(0, ...ours.map((r) => r.longTasks ?? 0)),
    },
    oursX10: {
      setupMs: median(x10.map((r) => r.setupMs ?? 0)),
      worstTaskMs: Math.max(0, ...x10.map((r) => r.maxTaskMs ?? 0)),
    },
    ratios: {
      oursFloor: ratio('ours', 'floor'),
      markRegExpOurs: ratio('markRegExp', 'ours'),
      markOurs: ratio('mark', 'ours'),
      naiveOurs: ratio('naive', 'ours'),
      x10Ours: ratio('ours-x10', 'ours'),
      x10ScanOurs:
        ((m['ours-x10'] ?? Number.NaN) - median(x10.map((r) => r.setupMs ?? 0))) /
        ((m.ours ?? Number.NaN) - median(ours.map((r) => r.setupMs ?? 0))),
    },
  };
}

/** Geometric means of the medians and of the per-page ratios, over `pages`. */
export function overall(pages: PageSummary[]): Record<string, number> {
  const g = (f: (p: PageSummary) => number): number => geomean(pages.map(f));
  return {
    pages: pages.length,
    floorMs: g((p) => p.ms.floor ?? Number.NaN),
    oursMs: g((p) => p.ms.ours ?? Number.NaN),
    oursBusyMs: g((p) => p.ours.busyMs),
    oursSetupMs: g((p) => p.ours.setupMs),
    markRegExpMs: g((p) => p.ms.markRegExp ?? Number.NaN),
    markMs: g((p) => p.ms.mark ?? Number.NaN),
    naiveMs: g((p) => p.ms.naive ?? Number.NaN),
    x10Ms: g((p) => p.ms['ours-x10'] ?? Number.NaN),
    oursFloor: g((p) => p.ratios.oursFloor),
    markRegExpOurs: g((p) => p.ratios.markRegExpOurs),
    markOurs: g((p) => p.ratios.markOurs),
    naiveOurs: g((p) => p.ratios.naiveOurs),
    x10Ours: g((p) => p.ratios.x10Ours),
    x10ScanOurs: g((p) => p.ratios.x10ScanOurs),
    x10SetupMs: g((p) => p.oursX10.setupMs),
    worstTaskMs: Math.max(0, ...pages.map((p) => p.ours.worstTaskMs)),
  };
}

export function evaluateTargets(r: Omit<Results, 'targets'>): Target[] {
  const all = r.overall.all ?? {};
  const targets: Target[] = [];
  const oursFloor = all.oursFloor ?? Number.NaN;
  targets.push({
    name: 'ours / floor (geomean, all pages)',
    target: '<= 1.3x',
    value: fmtRatio(oursFloor),
    met: oursFloor <= 1.3,
  });
  const markOurs = all.markRegExpOurs ?? Number.NaN;
  targets.push({
    name: 'mark.js markRegExp / ours (geomean, all pages)',
    target: '>= 10x',
    value: fmtRatio(markOurs),
    met: markOurs >= 10,
  });
  const x10 = all.x10Ours ?? Number.NaN;
  targets.push({
    name: '10x aliases / real dictionary (geomean)',
    target: '<= 1.2x',
    value: fmtRatio(x10),
    met: x10 <= 1.2,
    note:
      `scanning alone (matcher set-up left out) ${fmtRatio(all.x10ScanOurs ?? Number.NaN)}; ` +
      `set-up ${fmtMs(all.oursSetupMs ?? Number.NaN)} ms real, ${fmtMs(all.x10SetupMs ?? Number.NaN)} ms 10x (geomeans)`,
  });
  const worstPage = r.pages.reduce<PageSummary | null>(
    (w, p) => (!w || p.ours.worstTaskMs > w.ours.worstTaskMs ? p : w),
    null,
  );
  const pageTask = worstPage?.ours.worstTaskMs ?? Number.NaN;
  targets.push({
    name: 'longest task of ours, any page (incl. 5 MB)',
    target: '<= 50 ms',
    value: `${fmtMs(pageTask)} ms (${worstPage?.name ?? '–'})`,
    met: pageTask <= 50,
    note: `worst of every run; ${r.pages.filter((p) => p.ours.worstTaskMs > 50).length} of ${r.pages.length} pages had one over 50 ms; 5 MB page ${fmtMs(
      r.pages.find((p) => p.name === 'synthetic/article-5mb')?.ours.worstTaskMs ?? Number.NaN,
    )} ms`,
  });
  if (r.burst) {
    targets.push({
      name: `longest task of ours, burst of ${r.burst.paragraphs.toLocaleString('en-US')} paragraphs`,
      target: '<= 50 ms',
      value: `${fmtMs(r.burst.maxTaskMs)} ms (${r.burst.longestIn})`,
      met: r.burst.maxTaskMs <= 50,
    });
  }
  if (r.size) {
    targets.push({
      name: 'content script, gzipped',
      target: '<= 30 KB',
      value: fmtBytes(r.size.gzipBytes),
      met: r.size.gzipBytes <= 30 * 1024,
      note: `the compiled dictionary is not in it: ${fmtBytes(r.size.dictionaryGzipBytes)} gzipped, read from extension storage by annotated pages`,
    });
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------- tables

const COLUMNS = [
  'page',
  'KB',
  'text nodes',
  'floor ms',
  'ours ms',
  'ours busy ms',
  'ours/floor',
  'markRegExp ms',
  'markRegExp/ours',
  'mark() ms',
  'mark()/ours',
  'naive ms',
  'naive/ours',
  '10x ms',
  '10x/ours',
  'longest task ms',
  'matches ours / markRegExp / mark()',
] as const;

function pageRow(p: PageSummary): string[] {
  const approx = (c: Contender): string => (p.partial[c] ? '≈' : '');
  return [
    p.name,
    (p.bytes / 1024).toFixed(0),
    p.textNodes.toLocaleString('en-US'),
    fmtMs(p.ms.floor ?? Number.NaN),
    fmtMs(p.ms.ours ?? Number.NaN),
    fmtMs(p.ours.busyMs),
    fmtRatio(p.ratios.oursFloor),
    fmtMs(p.ms.markRegExp ?? Number.NaN),
    fmtRatio(p.ratios.markRegExpOurs),
    `${approx('mark')}${fmtMs(p.ms.mark ?? Number.NaN)}`,
    `${approx('mark')}${fmtRatio(p.ratios.markOurs)}`,
    `${approx('naive')}${fmtMs(p.ms.naive ?? Number.NaN)}`,
    `${approx('naive')}${fmtRatio(p.ratios.naiveOurs)}`,
    fmtMs(p.ms['ours-x10'] ?? Number.NaN),
    fmtRatio(p.ratios.x10Ours),
    fmtMs(p.ours.worstTaskMs),
    `${p.matches.ours ?? '–'} / ${p.matches.markRegExp ?? '–'} / ${p.matches.mark ?? '–'}${p.partial.mark ? '≈' : ''}`,
  ];
}

function overallRow(label: string, o: Record<string, number>): string[] {
  return [
    label,
    '',
    '',
    fmtMs(o.floorMs ?? Number.NaN),
    fmtMs(o.oursMs ?? Number.NaN),
    fmtMs(o.oursBusyMs ?? Number.NaN),
    fmtRatio(o.oursFloor ?? Number.NaN),
    fmtMs(o.markRegExpMs ?? Number.NaN),
    fmtRatio(o.markRegExpOurs ?? Number.NaN),
    fmtMs(o.markMs ?? Number.NaN),
    fmtRatio(o.markOurs ?? Number.NaN),
    fmtMs(o.naiveMs ?? Number.NaN),
    fmtRatio(o.naiveOurs ?? Number.NaN),
    fmtMs(o.x10Ms ?? Number.NaN),
    fmtRatio(o.x10Ours ?? Number.NaN),
    fmtMs(o.worstTaskMs ?? Number.NaN),
    '',
  ];
}

const NUMERIC = (i: number): boolean => i > 0 && i < COLUMNS.length - 1;

export function consoleTable(r: Results): string {
  const rows = [
    ...r.pages.map(pageRow),
    ...Object.entries(r.overall).map(([k, o]) => overallRow(`geomean: ${k} (${o.pages})`, o)),
  ];
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (NUMERIC(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ');
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function mdTable(head: readonly string[], rows: string[][], numeric: (i: number) => boolean): string {
  const align = head.map((_, i) => (numeric(i) ? '--:' : '---'));
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  return [head, align, ...rows].map((row) => `| ${row.map(esc).join(' | ')} |`).join('\n');
}

export function markdown(r: Results): string {
  const parts: string[] = [];
  const c = r.config as { repeats: Record<string, number>; naiveBudgetMs: number; markBudgetMs: number };
  parts.push(
    `Latest run: **${r.date}** on ${r.machine.cpu} (\`nproc\` = ${r.machine.nproc}), ${r.machine.chromium} headless, ` +
      `Node ${r.machine.node}, ${r.machine.platform}; ${r.runtimeSeconds.toFixed(0)} s in total; load average ` +
      `${r.machine.loadAverage.map((l) => l.toFixed(1)).join(' at the start, ')} at the end ` +
      '(other work on the machine inflates the figures and their spread).',
  );
  parts.push('### Targets');
  parts.push(
    mdTable(
      ['target', 'goal', 'measured', 'met', 'note'],
      r.targets.map((t) => [t.name, t.target, t.value, t.met ? 'yes' : '**no**', t.note ?? '']),
      () => false,
    ),
  );
  parts.push('### Overall (geometric means of per-page medians and of per-page ratios)');
  const oHead = [
    'pages',
    'n',
    'floor ms',
    'ours ms',
    'ours/floor',
    'markRegExp/ours',
    'mark()/ours',
    'naive/ours',
    '10x/ours',
    'longest task ms',
  ];
  parts.push(
    mdTable(
      oHead,
      Object.entries(r.overall).map(([k, o]) => [
        k,
        String(o.pages),
        fmtMs(o.floorMs ?? Number.NaN),
        fmtMs(o.oursMs ?? Number.NaN),
        fmtRatio(o.oursFloor ?? Number.NaN),
        fmtRatio(o.markRegExpOurs ?? Number.NaN),
        fmtRatio(o.markOurs ?? Number.NaN),
        fmtRatio(o.naiveOurs ?? Number.NaN),
        fmtRatio(o.x10Ours ?? Number.NaN),
        fmtMs(o.worstTaskMs ?? Number.NaN),
      ]),
      (i) => i > 0,
    ),
  );
  parts.push('### Per page (medians, ms)');
  parts.push(mdTable(COLUMNS, r.pages.map(pageRow), NUMERIC));
  parts.push(
    `Repeats per page: ${Object.entries(c.repeats)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )} (at most 3 on pages over 2 MB). *ours busy*: the sum of our own tasks (the rest of *ours* is the browser's work between our time slices). ≈: the contender reached its time budget (naive ${c.naiveBudgetMs} ms, mark() ${c.markBudgetMs} ms) ` +
      'and its time is extrapolated linearly from the aliases it finished (each alias is one more pass), its match count is partial.',
  );
  const extra: string[] = [];
  if (r.burst) {
    extra.push(
      `- **Burst**: ${r.burst.paragraphs.toLocaleString('en-US')} paragraphs inserted in one task into ${r.burst.page} ` +
        `(page's own insertion ${fmtMs(r.burst.insertMs)} ms): all ${r.burst.added.toLocaleString('en-US')} new highlights ` +
        `registered ${fmtMs(r.burst.latencyMs)} ms later (median of ${r.burstSamples.length}; includes the live updater's ` +
        `150 ms batching); longest task of ours ${fmtMs(r.burst.maxTaskMs)} ms (${r.burst.longestIn}) over ${r.burst.tasks} tasks.`,
    );
  }
  if (r.size) {
    extra.push(
      `- **Content script**: ${fmtBytes(r.size.minifiedBytes)} minified, **${fmtBytes(r.size.gzipBytes)} gzipped**; ` +
        `plus the compiled dictionary, ${fmtBytes(r.size.dictionaryJsonBytes)} of JSON (${fmtBytes(r.size.dictionaryGzipBytes)} gzipped) ` +
        `that the background keeps in storage.local and a page reads (and parses) only when it is annotated. Minified bytes by part: ` +
        r.size.parts.map((p) => `${p.part} ${fmtBytes(p.bytes)}`).join(', ') +
        '.',
    );
  }
  if (r.memory.length) {
    extra.push(
      `- **Memory a page load brings in** (page heap, V8 + Blink, after GC, with the extension minus without, median of loads): ` +
        r.memory
          .map((m) => `${m.page} +${fmtBytes(m.deltaBytes)} (${m.highlights.toLocaleString('en-US')} highlights)`)
          .join('; ') +
        '.',
    );
  }
  if (r.retainedByOurs.length) {
    extra.push(
      `- **Heap retained by the scan itself** (matcher, match index, ranges; measured in the bench page): ` +
        r.retainedByOurs.map((m) => `${m.page} ${fmtBytes(m.bytes)}`).join('; ') +
        '.',
    );
  }
  if (r.hover) {
    extra.push(
      `- **Hover to popover** (demo article, real extension, after the ${r.hover.delayMs} ms intent delay): first hover ` +
        `${fmtMs(r.hover.firstVisibleMs)} ms to visible, ${fmtMs(r.hover.firstReadyMs)} ms to content; later hovers ` +
        `(median of ${r.hover.samples}) ${fmtMs(r.hover.visibleMs)} ms to visible, ${fmtMs(r.hover.readyMs)} ms to content.`,
    );
  }
  if (r.frameCost) {
    const f = r.frameCost;
    extra.push(
      `- **Cost per frame** (the content script runs in every frame): a page with ${f.frames} small same-origin frames ` +
        `(${f.highlights} highlights in all), traced in Chromium, median of ${f.loads} loads: the content script's main-thread ` +
        `time in all ${f.frames + 1} documents ${fmtMs(f.totalMs)} ms, **${fmtMs(f.perFrameMs)} ms per frame**, of which ` +
        `compiling and evaluating content.js ${fmtMs(f.startupMs / (f.frames + 1))} ms (promise continuations, where the ` +
        `settings are applied and the matcher built, are not attributed to a script in the trace and are left out).`,
    );
  }
  extra.push(
    `- **Dictionaries**: real ${r.dictionary.real.aliases} aliases, ${r.dictionary.real.patterns} patterns, ${r.dictionary.real.states} trie states; ` +
      `10x ${r.dictionary.x10.aliases} aliases, ${r.dictionary.x10.patterns} patterns, ${r.dictionary.x10.states} states.`,
  );
  parts.push('### Other measurements');
  parts.push(extra.join('\n'));
  return parts.join('\n\n');
}

const START = '<!-- bench:results:start (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated part of BENCHMARKS.md, keeping the hand-written text around it. */
export function updateBenchmarksMd(path: string, generated: string, template: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : template;
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  const base = from >= 0 && to > from ? current : template;
  const a = base.indexOf(START);
  const b = base.indexOf(END);
  writeFileSync(path, `${base.slice(0, a + START.length)}\n\n${generated}\n\n${base.slice(b)}`);
}

export const MARKERS = { START, END };
