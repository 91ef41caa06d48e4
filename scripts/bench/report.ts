// Turns the samples into the summary: per-page medians and ratios, overall geometric means, the targets,
// a console table, bench/results.json and the generated part of BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { HoverResult, MemoryResult } from './extension.js';
import type { Contender, Samples } from './measure.js';
import type { BurstResult, HighlightErrors, RunResult } from './protocol.js';
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
  /** Characters of text (the floor's count). */
  textChars: number;
  /** Median ms per contender. */
  ms: Partial<Record<Contender, number>>;
  /** Every sample's ms, in the order taken. */
  samples: Partial<Record<Contender, number[]>>;
  matches: Partial<Record<Contender, number>>;
  /** Contenders that hit their time budget and were extrapolated: keywords/aliases done of total. */
  partial: Partial<Record<Contender, { done: number; total: number }>>;
  /** The highlights' errors, counted on the first load (ours and the one RegExp). */
  errors: Partial<Record<'ours' | 'oneRegExp', HighlightErrors>>;
  /**
   * busyMs: ours' tasks on the page's main thread; serviceMs: the match service's matching for the page (off
   * the main thread); serviceSetupMs: its cold set-up, once per background lifetime, before the clock.
   */
  ours: {
    setupMs: number;
    busyMs: number;
    serviceMs: number;
    serviceSetupMs: number;
    worstTaskMs: number;
    /** The entry point of ours that had the longest task (set-up, scan slice, …). */
    worstTaskIn: string;
    /** The longest Long Tasks API entry (any origin) during ours' runs: a frame or GC the browser ran there too. */
    longestLongTaskMs: number;
    tasks: number;
    longTasks: number;
  };
  oursX10: { setupMs: number; serviceSetupMs: number; worstTaskMs: number };
  ratios: {
    /** Ours' main-thread busy time (not its wall time: see ours.serviceMs) over the floor. */
    oursFloor: number;
    /** Ours' wall time to the last highlight over the floor. */
    oursWallFloor: number;
    oneRegExpOurs: number;
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
  /** null: reported, no goal. */
  met: boolean | null;
  note?: string;
}

/** Heap the scan keeps on one page, with what it could grow with. */
export interface RetainedResult {
  page: string;
  bytes: number;
  textChars: number;
  matches: number;
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
  retainedByOurs: RetainedResult[];
  hover: HoverResult | null;
  /** The content script's cost per frame, on pages whose frames it annotates and on pages where it does not. */
  frameCost: FrameCostResult[];
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
  const errors: PageSummary['errors'] = {};
  const oursErrors = ours.find((r) => r.errors)?.errors;
  if (oursErrors) errors.ours = oursErrors;
  const oneRegExpErrors = samples.oneRegExp?.find((r) => r.errors)?.errors;
  if (oneRegExpErrors) errors.oneRegExp = oneRegExpErrors;
  const ratio = (a: Contender, b: Contender): number => (m[a] ?? Number.NaN) / (m[b] ?? Number.NaN);
  return {
    name: page.name,
    group: page.group,
    bytes: page.bytes,
    ...(page.description ? { description: page.description } : {}),
    textNodes: samples.floor?.[0]?.nodes ?? 0,
    textChars: samples.floor?.[0]?.chars ?? 0,
    ms: m,
    samples: all,
    matches,
    partial,
    errors,
    ours: {
      setupMs: median(ours.map((r) => r.setupMs ?? 0)),
      busyMs: median(ours.map((r) => r.busyMs ?? 0)),
      serviceMs: median(ours.map((r) => r.serviceMs ?? 0)),
      serviceSetupMs: median(ours.map((r) => r.serviceSetupMs ?? 0)),
      worstTaskMs: Math.max(0, ...ours.map((r) => r.maxTaskMs ?? 0)),
      worstTaskIn:
        ours.reduce<RunResult | null>((w, r) => (!w || (r.maxTaskMs ?? 0) > (w.maxTaskMs ?? 0) ? r : w), null)
          ?.longestIn ?? '',
      longestLongTaskMs: Math.max(0, ...ours.map((r) => r.longestLongTaskMs ?? 0)),
      tasks: median(ours.map((r) => r.tasks ?? 0)),
      longTasks: Math.max(0, ...ours.map((r) => r.longTasks ?? 0)),
    },
    oursX10: {
      setupMs: median(x10.map((r) => r.setupMs ?? 0)),
      serviceSetupMs: median(x10.map((r) => r.serviceSetupMs ?? 0)),
      worstTaskMs: Math.max(0, ...x10.map((r) => r.maxTaskMs ?? 0)),
    },
    ratios: {
      oursFloor: median(ours.map((r) => r.busyMs ?? Number.NaN)) / (m.floor ?? Number.NaN),
      oursWallFloor: ratio('ours', 'floor'),
      oneRegExpOurs: ratio('oneRegExp', 'ours'),
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
    oursServiceMs: g((p) => p.ours.serviceMs),
    oursServiceSetupMs: g((p) => p.ours.serviceSetupMs),
    oursWallFloor: g((p) => p.ratios.oursWallFloor),
    oneRegExpMs: g((p) => p.ms.oneRegExp ?? Number.NaN),
    oneRegExpOurs: g((p) => p.ratios.oneRegExpOurs),
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
    x10ServiceSetupMs: g((p) => p.oursX10.serviceSetupMs),
    worstTaskMs: Math.max(0, ...pages.map((p) => p.ours.worstTaskMs)),
  };
}

/** Sums of the error columns over `pages` for one contender, and on how many pages they were counted. */
export function errorTotals(pages: PageSummary[], who: 'ours' | 'oneRegExp'): HighlightErrors & { pages: number } {
  const t = { notRendered: 0, editable: 0, hidden: 0, insideWord: 0, missed: 0, pages: 0 };
  for (const p of pages) {
    const e = p.errors[who];
    if (!e) continue;
    t.pages++;
    t.notRendered += e.notRendered;
    t.editable += e.editable;
    t.hidden += e.hidden;
    t.insideWord += e.insideWord;
    t.missed += e.missed;
  }
  return t;
}

export const errorSum = (e: HighlightErrors): number => e.notRendered + e.editable + e.hidden + e.insideWord + e.missed;

function describeErrors(e: HighlightErrors): string {
  return (
    `${e.notRendered.toLocaleString('en-US')} in script/style/head, ${e.editable.toLocaleString('en-US')} in form fields or editable text, ` +
    `${e.hidden.toLocaleString('en-US')} hidden, ${e.insideWord.toLocaleString('en-US')} inside a longer word, ` +
    `${e.missed.toLocaleString('en-US')} whole words missed`
  );
}

/**
 * Least-squares fit of retained = a + perMatch * matches + perKChar * (text characters / 1000): whether what
 * the scan keeps grows with the matches or with the text.
 */
export function retainedFit(rows: RetainedResult[]): { a: number; perMatch: number; perKChar: number } | null {
  if (rows.length < 4) return null;
  // Normal equations of the 3-parameter linear model (a 3x3 matrix, row-major), solved by Cramer's rule.
  const xs = rows.map((r) => [1, r.matches, r.textChars / 1000]);
  const at = (row: number[], i: number): number => row[i] ?? 0;
  const m: number[] = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) m.push(xs.reduce((s, x) => s + at(x, i) * at(x, j), 0));
  const v = [0, 1, 2].map((i) => xs.reduce((s, x, k) => s + at(x, i) * (rows[k]?.bytes ?? 0), 0));
  const det = (q: number[]): number => {
    const [a0 = 0, a1 = 0, a2 = 0, b0 = 0, b1 = 0, b2 = 0, c0 = 0, c1 = 0, c2 = 0] = q;
    return a0 * (b1 * c2 - b2 * c1) - a1 * (b0 * c2 - b2 * c0) + a2 * (b0 * c1 - b1 * c0);
  };
  const d = det(m);
  if (Math.abs(d) < 1e-9) return null;
  // Column `col` replaced by the right-hand side.
  const solve = (col: number): number => det(m.map((c, k) => (k % 3 === col ? at(v, Math.floor(k / 3)) : c))) / d;
  return { a: solve(0), perMatch: solve(1), perKChar: solve(2) };
}

const MB = 1024 * 1024;

export function evaluateTargets(r: Omit<Results, 'targets'>): Target[] {
  const all = r.overall.all ?? {};
  const targets: Target[] = [];
  const oneRegExp = all.oneRegExpOurs ?? Number.NaN;
  const theirErrors = errorTotals(r.pages, 'oneRegExp');
  const ourErrors = errorTotals(r.pages, 'ours');
  targets.push({
    name: 'one RegExp / ours (geomean, all pages)',
    target: '>= 1x, and correct where it is not',
    value: fmtRatio(oneRegExp),
    met: oneRegExp >= 1,
    note:
      `one RegExp's errors on ${theirErrors.pages} pages: ${describeErrors(theirErrors)}; ` +
      `ours, counted the same way: ${describeErrors(ourErrors)} (ours skips no display: none or aria-hidden text: see below)`,
  });
  const oursFloor = all.oursFloor ?? Number.NaN;
  targets.push({
    name: 'ours main-thread busy / floor (geomean, all pages)',
    target: '<= 5x',
    value: fmtRatio(oursFloor),
    met: oursFloor <= 5,
    note:
      `main thread only: the matching is in the match service (a Worker here, the background in the extension), ` +
      `${fmtMs(all.oursServiceMs ?? Number.NaN)} ms per page (geomean), its cold set-up ` +
      `${fmtMs(all.oursServiceSetupMs ?? Number.NaN)} ms once per background, outside the clock; ` +
      `wall time to the last highlight / floor ${fmtRatio(all.oursWallFloor ?? Number.NaN)}`,
  });
  const markOurs = all.markRegExpOurs ?? Number.NaN;
  targets.push({
    name: 'mark.js markRegExp / ours (geomean, all pages)',
    target: '>= 10x (earlier issue)',
    value: fmtRatio(markOurs),
    met: markOurs >= 10,
  });
  const x10 = all.x10Ours ?? Number.NaN;
  targets.push({
    name: '10x aliases / real dictionary, set-up included (geomean)',
    target: '<= 1.2x',
    value: fmtRatio(x10),
    met: x10 <= 1.2,
    note:
      `scanning alone (matcher set-up left out) ${fmtRatio(all.x10ScanOurs ?? Number.NaN)}; ` +
      `main-thread set-up ${fmtMs(all.oursSetupMs ?? Number.NaN)} ms real, ${fmtMs(all.x10SetupMs ?? Number.NaN)} ms 10x; ` +
      `wall times; the match service's cold set-up (outside the clock, once per background) ` +
      `${fmtMs(all.oursServiceSetupMs ?? Number.NaN)} ms real, ${fmtMs(all.x10ServiceSetupMs ?? Number.NaN)} ms 10x (geomeans)`,
  });
  const worstPage = r.pages.reduce<PageSummary | null>(
    (w, p) => (!w || p.ours.worstTaskMs > w.ours.worstTaskMs ? p : w),
    null,
  );
  const pageTask = worstPage?.ours.worstTaskMs ?? Number.NaN;
  const taskOn = (name: string): string => fmtMs(r.pages.find((p) => p.name === name)?.ours.worstTaskMs ?? Number.NaN);
  targets.push({
    name: 'longest task of ours, any page (5 MB and 200,000 nodes included)',
    target: '<= 25 ms',
    value: `${fmtMs(pageTask)} ms (${worstPage?.name ?? '–'})`,
    met: pageTask <= 25,
    note: `worst of every run; ${r.pages.filter((p) => p.ours.worstTaskMs > 25).length} of ${r.pages.length} pages had one over 25 ms; 5 MB page ${taskOn(
      'synthetic/article-5mb',
    )} ms, 200,000 nodes ${taskOn('synthetic/nodes-200k')} ms`,
  });
  if (r.burst) {
    targets.push({
      name: `longest task of ours, burst of ${r.burst.paragraphs.toLocaleString('en-US')} paragraphs`,
      target: '<= 25 ms',
      value: `${fmtMs(r.burst.maxTaskMs)} ms (${r.burst.longestIn})`,
      met: r.burst.maxTaskMs <= 25,
    });
  }
  if (r.size) {
    targets.push({
      name: 'content script loader (content.js, every frame), minified',
      target: '<= 8 KB',
      value: fmtBytes(r.size.loader.minifiedBytes),
      met: r.size.loader.minifiedBytes <= 8 * 1024,
      note: `${r.size.loader.gzipBytes.toLocaleString('en-US')} bytes gzipped; frame gate, switched-off check and the popup's ping, then it imports the main script`,
    });
    targets.push({
      name: 'main content script (content-main.js), gzipped',
      target: '<= 30 KB',
      value: fmtBytes(r.size.gzipBytes),
      met: r.size.gzipBytes <= 30 * 1024,
      note: `${r.size.gzipBytes.toLocaleString('en-US')} bytes; the compiled dictionary is not in it: ${fmtBytes(r.size.dictionaryGzipBytes)} gzipped, in the background's match service, which matches the pages' text`,
    });
  }
  const corpusMemory = r.memory.filter((m) => m.group !== 'synthetic');
  if (corpusMemory.length > 0) {
    const med = median(corpusMemory.map((m) => m.deltaBytes));
    targets.push({
      name: `page heap added by the extension, median over ${corpusMemory.length} corpus pages`,
      target: '<= 0.3 MB',
      value: fmtBytes(med),
      met: med <= 0.3 * MB,
      note: 'pages listed under Memory below',
    });
    const largest = corpusMemory.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    targets.push({
      name: 'page heap added by the extension, largest real page',
      target: '<= 1 MB',
      value: `${fmtBytes(largest.deltaBytes)} (${largest.page}, ${fmtBytes(largest.bytes)} of HTML)`,
      met: largest.deltaBytes <= MB,
    });
  }
  const big = r.memory.find((m) => m.page === 'synthetic/article-5mb');
  if (big) {
    targets.push({
      name: 'page heap added by the extension, 5 MB page',
      target: '<= 4 MB',
      value: fmtBytes(big.deltaBytes),
      met: big.deltaBytes <= 4 * MB,
      note: `${big.highlights.toLocaleString('en-US')} highlights`,
    });
  }
  const fit = retainedFit(r.retainedByOurs);
  if (fit) {
    const widest = r.retainedByOurs.reduce((a, b) => (b.textChars > a.textChars ? b : a));
    const textPart = (fit.perKChar * widest.textChars) / 1000;
    targets.push({
      name: 'heap retained by the scan grows with the matches, not with the text',
      target: 'text share <= 10% on the page with the most text',
      value: `${fmtBytes(Math.max(0, textPart))} of ${fmtBytes(widest.bytes)} on ${widest.page}`,
      met: textPart <= 0.1 * widest.bytes,
      note: `fit over ${r.retainedByOurs.length} pages: ${fmtBytes(Math.max(0, fit.a))} fixed + ${Math.round(fit.perMatch)} B per match + ${Math.round(
        fit.perKChar,
      )} B per 1,000 characters of text`,
    });
  }
  for (const f of r.frameCost) {
    targets.push({
      name: `main thread per frame, ${f.label}`,
      target: f.annotated ? 'report' : '<= 0.3 ms',
      value: `${fmtMs(f.perFrameMs)} ms`,
      met: f.annotated ? null : f.perFrameMs <= 0.3,
      note: `${f.frames} frames + the top document, median of ${f.loads} loads; compiling and evaluating our scripts ${fmtMs(
        f.startupMs / (f.frames + 1),
      )} ms of it; an empty content script, measured alongside (the floor): ${fmtMs(f.floorPerFrameMs)} ms, ours ${fmtMs(
        f.perFrameMs - f.floorPerFrameMs,
      )} ms above it; ${f.highlights} highlights`,
    });
  }
  if (r.hover) {
    targets.push({
      name: 'first hover, to the entry rendered (after the intent delay)',
      target: '<= 30 ms',
      value: `${fmtMs(r.hover.firstReadyMs)} ms`,
      met: r.hover.firstReadyMs <= 30,
      note: `visible after ${fmtMs(r.hover.firstVisibleMs)} ms`,
    });
    targets.push({
      name: `later hovers, to the entry rendered (median of ${r.hover.samples})`,
      target: '<= 16 ms',
      value: `${fmtMs(r.hover.readyMs)} ms`,
      met: r.hover.readyMs <= 16,
      note: `visible after ${fmtMs(r.hover.visibleMs)} ms`,
    });
  }
  targets.push({
    name: '`npm run bench`, whole run',
    target: '<= 12 min',
    value: `${(r.runtimeSeconds / 60).toFixed(1)} min`,
    met: r.runtimeSeconds <= 720,
    note: `load average ${r.machine.loadAverage.map((l) => l.toFixed(1)).join(' at the start, ')} at the end`,
  });
  return targets;
}

// ---------------------------------------------------------------------------------------------- tables

const COLUMNS = [
  'page',
  'KB',
  'text nodes',
  'floor ms',
  'ours wall ms',
  'ours main-thread ms',
  'ours service ms',
  'ours main-thread/floor',
  'one RegExp ms',
  'one RegExp/ours',
  'markRegExp ms',
  'markRegExp/ours',
  'mark() ms',
  'mark()/ours',
  'naive ms',
  'naive/ours',
  '10x ms',
  '10x/ours',
  'longest task ms',
  'matches ours / one RegExp / markRegExp / mark()',
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
    fmtMs(p.ours.serviceMs),
    fmtRatio(p.ratios.oursFloor),
    `${approx('oneRegExp')}${fmtMs(p.ms.oneRegExp ?? Number.NaN)}`,
    `${approx('oneRegExp')}${fmtRatio(p.ratios.oneRegExpOurs)}`,
    fmtMs(p.ms.markRegExp ?? Number.NaN),
    fmtRatio(p.ratios.markRegExpOurs),
    `${approx('mark')}${fmtMs(p.ms.mark ?? Number.NaN)}`,
    `${approx('mark')}${fmtRatio(p.ratios.markOurs)}`,
    `${approx('naive')}${fmtMs(p.ms.naive ?? Number.NaN)}`,
    `${approx('naive')}${fmtRatio(p.ratios.naiveOurs)}`,
    fmtMs(p.ms['ours-x10'] ?? Number.NaN),
    fmtRatio(p.ratios.x10Ours),
    fmtMs(p.ours.worstTaskMs),
    `${p.matches.ours ?? '–'} / ${p.matches.oneRegExp ?? '–'} / ${p.matches.markRegExp ?? '–'} / ${p.matches.mark ?? '–'}${p.partial.mark ? '≈' : ''}`,
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
    fmtMs(o.oursServiceMs ?? Number.NaN),
    fmtRatio(o.oursFloor ?? Number.NaN),
    fmtMs(o.oneRegExpMs ?? Number.NaN),
    fmtRatio(o.oneRegExpOurs ?? Number.NaN),
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

const ERROR_COLUMNS = [
  'page',
  'ours ms',
  'one RegExp ms',
  'one RegExp/ours',
  'matches ours',
  'matches one RegExp',
  'script/style/head',
  'form/editable',
  'hidden',
  'inside a word',
  'missed',
  'one RegExp errors',
  'ours errors (script, form, hidden, in word)',
] as const;

function errorCells(e: HighlightErrors | undefined): string[] {
  if (!e) return ['–', '–', '–', '–', '–', '–'];
  return [e.notRendered, e.editable, e.hidden, e.insideWord, e.missed, errorSum(e)].map((n) =>
    n.toLocaleString('en-US'),
  );
}

function oursErrorCell(e: HighlightErrors | undefined): string {
  if (!e) return '–';
  const total = e.notRendered + e.editable + e.hidden + e.insideWord;
  return total === 0 ? '0' : `${total} (${e.notRendered}, ${e.editable}, ${e.hidden}, ${e.insideWord})`;
}

/** The one-RegExp contender's time beside its errors, and ours beside it, per page and in total. */
function errorsTable(pages: PageSummary[]): string {
  const rows = pages.map((p) => [
    p.name,
    fmtMs(p.ms.ours ?? Number.NaN),
    `${p.partial.oneRegExp ? '≈' : ''}${fmtMs(p.ms.oneRegExp ?? Number.NaN)}`,
    `${p.partial.oneRegExp ? '≈' : ''}${fmtRatio(p.ratios.oneRegExpOurs)}`,
    (p.matches.ours ?? 0).toLocaleString('en-US'),
    `${(p.matches.oneRegExp ?? 0).toLocaleString('en-US')}${p.partial.oneRegExp ? ' (part)' : ''}`,
    ...errorCells(p.errors.oneRegExp),
    oursErrorCell(p.errors.ours),
  ]);
  const o = overall(pages);
  const sum = (c: Contender): string => pages.reduce((n, p) => n + (p.matches[c] ?? 0), 0).toLocaleString('en-US');
  rows.push([
    `**all ${pages.length} pages** (geomean ms, sums)`,
    fmtMs(o.oursMs ?? Number.NaN),
    fmtMs(o.oneRegExpMs ?? Number.NaN),
    fmtRatio(o.oneRegExpOurs ?? Number.NaN),
    sum('ours'),
    sum('oneRegExp'),
    ...errorCells(errorTotals(pages, 'oneRegExp')),
    oursErrorCell(errorTotals(pages, 'ours')),
  ]);
  return mdTable(ERROR_COLUMNS, rows, (i) => i > 0);
}

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
  const c = r.config as {
    repeats: Record<string, number>;
    naiveBudgetMs: number;
    markBudgetMs: number;
    oneRegExpBudgetMs?: number;
  };
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
      r.targets.map((t) => [t.name, t.target, t.value, t.met === null ? '–' : t.met ? 'yes' : '**no**', t.note ?? '']),
      () => false,
    ),
  );
  parts.push('### Overall (geometric means of per-page medians and of per-page ratios)');
  const oHead = [
    'pages',
    'n',
    'floor ms',
    'ours wall ms',
    'ours main-thread/floor',
    'one RegExp/ours',
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
        fmtRatio(o.oneRegExpOurs ?? Number.NaN),
        fmtRatio(o.markRegExpOurs ?? Number.NaN),
        fmtRatio(o.markOurs ?? Number.NaN),
        fmtRatio(o.naiveOurs ?? Number.NaN),
        fmtRatio(o.x10Ours ?? Number.NaN),
        fmtMs(o.worstTaskMs ?? Number.NaN),
      ]),
      (i) => i > 0,
    ),
  );
  parts.push('### The one RegExp against ours: time and errors, per page');
  parts.push(errorsTable(r.pages));
  parts.push(
    "Errors are counted on each contender's first load of the page, after its clock stopped, each highlight in the first " +
      'column that applies: *script/style/head*: text that is never rendered (script, style, noscript, template, head, title); ' +
      '*form/editable*: textarea, select, option, button, contenteditable; *hidden*: `[hidden]`, `aria-hidden="true"` or not ' +
      'rendered by style (`checkVisibility`: display: none, visibility: hidden); *inside a word*: a letter, digit or mark right ' +
      'before or after it (ASCII `\\b` next to ß, ä, é …); *missed*: whole words that the same alternation with Unicode word ' +
      'boundaries finds and the one RegExp does not (a pattern that starts or ends with a non-ASCII letter: *cybersécurité*, ' +
      '*État*). Ours is put through the same checks (its *missed* column is not counted: ours has no reference to differ from). ' +
      'Ours also finds terms split across inline elements and applies its guards and case rules, so the match counts differ for ' +
      'reasons other than errors.',
  );
  parts.push('### Per page (medians, ms)');
  parts.push(mdTable(COLUMNS, r.pages.map(pageRow), NUMERIC));
  parts.push(
    `Repeats per page: ${Object.entries(c.repeats)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )} (on pages over 2 MB at most 3, and 1 for the one RegExp, markRegExp, naive and mark()). *ours busy*: the sum of our own tasks (the rest of *ours* is the browser's work between our time slices). ≈: the contender reached its time budget (naive ${c.naiveBudgetMs} ms, mark() ${c.markBudgetMs} ms) ` +
      'and its time is extrapolated linearly from the aliases it finished (each alias is one more pass), its match count is partial; ' +
      `the one RegExp stops after ${c.oneRegExpBudgetMs ?? '–'} ms and is extrapolated by the characters it has not reached ` +
      '(its set-up is not: up to the end of the first text node, where the RegExp is compiled, and its slowest text node, where it is compiled again for text that is not Latin-1), its matches and errors counted on the part it walked.',
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
      `- **Content script**: the loader (every frame) ${fmtBytes(r.size.loader.minifiedBytes)} minified, ` +
        `**${fmtBytes(r.size.loader.gzipBytes)} gzipped**; the main script (annotated frames only) ` +
        `${fmtBytes(r.size.minifiedBytes)} minified, **${fmtBytes(r.size.gzipBytes)} gzipped**; the popover's UI ` +
        `(imported when a popover is first about to show) ${fmtBytes(r.size.popover.minifiedBytes)} minified, ` +
        `${fmtBytes(r.size.popover.gzipBytes)} gzipped; ` +
        `plus the compiled dictionary, ${fmtBytes(r.size.dictionaryJsonBytes)} of JSON (${fmtBytes(r.size.dictionaryGzipBytes)} gzipped) ` +
        `that the background keeps in storage.local and a page reads (and parses) only when it is annotated. Minified bytes by part, main script: ` +
        r.size.parts.map((p) => `${p.part} ${fmtBytes(p.bytes)}`).join(', ') +
        '; loader: ' +
        r.size.loader.parts.map((p) => `${p.part} ${fmtBytes(p.bytes)}`).join(', ') +
        '; popover UI: ' +
        r.size.popover.parts.map((p) => `${p.part} ${fmtBytes(p.bytes)}`).join(', ') +
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
  for (const f of r.frameCost) {
    extra.push(
      `- **Cost per frame, ${f.label}**: ${f.description}; traced in Chromium, median of ${f.loads} loads: the content ` +
        `script's main-thread time in all ${f.frames + 1} documents ${fmtMs(f.totalMs)} ms, **${fmtMs(f.perFrameMs)} ms per ` +
        `document**, of which compiling and evaluating our scripts (loader and main) ${fmtMs(f.startupMs / (f.frames + 1))} ms (the trace's ` +
        `events alone, without the profiler's samples: ${fmtMs(f.attributedMs / (f.frames + 1))} ms); ${f.highlights} highlights. ` +
        `The same build with an empty content script (same manifest and content.css), its loads alternated with ours: ` +
        `${fmtMs(f.floorPerFrameMs)} ms per document, the floor of any content script here.`,
    );
  }
  extra.push(
    `- **Dictionaries**: real ${r.dictionary.real.aliases} aliases, ${r.dictionary.real.patterns} patterns, ${r.dictionary.real.states} trie states; ` +
      `10x ${r.dictionary.x10.aliases} aliases, ${r.dictionary.x10.patterns} patterns, ${r.dictionary.x10.states} states.`,
  );
  parts.push('### Other measurements');
  parts.push(extra.join('\n'));
  if (r.memory.length) {
    parts.push('### Memory: page heap added by the extension, per page');
    parts.push(
      mdTable(
        ['page', 'KB of HTML', 'heap without', 'heap with', 'added', 'highlights'],
        r.memory.map((m) => [
          m.page,
          (m.bytes / 1024).toFixed(0),
          fmtBytes(m.withoutBytes),
          fmtBytes(m.withBytes),
          `${m.deltaBytes < 0 ? '−' : '+'}${fmtBytes(Math.abs(m.deltaBytes))}`,
          m.highlights.toLocaleString('en-US'),
        ]),
        (i) => i > 0,
      ),
    );
    parts.push(
      "Page heap: V8 and Blink (`Runtime.getHeapUsage`, used and embedder) of the page's renderer after two forced garbage " +
        'collections, once the highlights have stopped changing; the same page loaded in a Chromium with the built extension and ' +
        'in one without any extension, both persistent profiles started with the same flags, alternated, median of ' +
        `${r.memory[0]?.loads ?? 0} loads each. A representative subset of the corpus (the largest pages, the densest governance ` +
        'texts and ordinary news pages), not all 40: each page costs two browser loads per repeat.',
    );
  }
  if (r.retainedByOurs.length) {
    parts.push('### Memory: heap retained by the scan, per page');
    parts.push(
      mdTable(
        ['page', 'characters of text', 'matches', 'retained', 'per match'],
        r.retainedByOurs.map((m) => [
          m.page,
          m.textChars.toLocaleString('en-US'),
          m.matches.toLocaleString('en-US'),
          fmtBytes(Math.max(0, m.bytes)),
          m.matches > 0 ? fmtBytes(Math.max(0, Math.round(m.bytes / m.matches))) : '–',
        ]),
        (i) => i > 0,
      ),
    );
    parts.push(
      'Measured in the bench page (ours bundled from `src/`, no extension): the heap after a forced garbage collection before ' +
        'ours starts, and again once its scan has finished (the matcher, the match index, the ranges, the live updater all still ' +
        'reachable), median of the loads. It includes the parsed dictionary and the matcher, which do not depend on the page.',
    );
  }
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
