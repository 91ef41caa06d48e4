// What the in-page harness (page-harness.ts, injected into every benchmark page) offers to the runner
// (run.ts). Shared so that both sides agree on names and shapes.

import type { BlockMatches } from '../../src/core/messages.js';

/** One measured run of one contender on one fresh page load. */
export interface RunResult {
  /** Wall time from start to the last match registered / wrapped / counted (ms, performance.now()). */
  ms: number;
  /** Matches found (highlights registered, marks inserted, or regexp hits counted). */
  count: number;
  /** Text nodes visited by the floor (others leave it 0). */
  nodes?: number;
  /** Characters of text the floor read. */
  chars?: number;
  /**
   * Ours: main-thread set-up before the scan (painter, annotator, live updater), included in `ms`. The
   * matcher's own set-up is in the match service (a Worker here, the background in the extension):
   * `serviceSetupMs`.
   */
  setupMs?: number;
  /**
   * Ours: the match service's cold set-up (parse the compiled dictionary, build the matcher, warm-up), done
   * once per background lifetime, before the clock; NOT included in `ms` or `busyMs`.
   */
  serviceSetupMs?: number;
  /** Ours: the match service's own matching time for this page (sum over batches, off the main thread). */
  serviceMs?: number;
  /** Ours: batches sent to the match service. */
  batches?: number;
  /** Ours: the longest single task of our code (ms) and how many tasks the scan took. */
  maxTaskMs?: number;
  /** Ours: which entry point had the longest task (set-up, scan slice, mutation callback, live flush). */
  longestIn?: string;
  tasks?: number;
  /**
   * Ours: the sum of our tasks' durations on the page's main thread (walk and send, reply handling with its
   * deserialisation, ranges, paint); `ms` minus this is time between our tasks (yielding, waiting for the
   * match service).
   */
  busyMs?: number;
  /** Ours: `busyMs` by entry point (set-up, scan slice, reply message, apply reply, live updater). */
  busyBy?: Record<string, number>;
  /** Long tasks (>= 50 ms, any origin) the browser reported while this run was in progress. */
  longTasks?: number;
  longestLongTaskMs?: number;
  /** Set when a slow contender stopped at its time budget: `ms` is then extrapolated from `done` of `total`. */
  partial?: { done: number; total: number; measuredMs: number };
  /** Where the highlights went wrong (counted after the timed run, on the first load of a page only). */
  errors?: HighlightErrors;
}

/**
 * Highlights a reader should not get, and words a reader should: each highlight is counted once, in the first
 * of these that applies, in this order.
 */
export interface HighlightErrors {
  /** In text that is never rendered: script, style, noscript, template, head, title. */
  notRendered: number;
  /** In form fields (textarea, select, option, button) or editable content. */
  editable: number;
  /** In hidden regions: [hidden], aria-hidden="true", or not rendered by style (display: none, visibility). */
  hidden: number;
  /** Inside a longer word: a word character right before or after it (ASCII `\b` next to a non-ASCII letter). */
  insideWord: number;
  /** Whole words of the dictionary not highlighted because of ASCII `\b` (the one RegExp only). */
  missed: number;
}

export interface BurstResult {
  paragraphs: number;
  /** The page's own insertion of the paragraphs (not ours; for scale). */
  insertMs: number;
  /** From the insertion to the last highlight of the new text registered, including the live updater's batch delay. */
  latencyMs: number;
  /** Our longest task: mutation callback, batch flush (re-scan set-up) or scan slice. */
  maxTaskMs: number;
  tasks: number;
  /** Which of our entry points had the longest task. */
  longestIn: string;
  added: number;
  longTasks: number;
  longestLongTaskMs: number;
}

export type DictionaryKey = 'real' | 'x10';

export interface BenchApi {
  floor(): RunResult;
  ours(dict: DictionaryKey, audit?: boolean): Promise<RunResult>;
  /** Registers a compiled matcher (JSON text) under `key`; parsing is not timed. */
  setDictionary(key: DictionaryKey, json: string): void;
  markRegExp(source: string, flags: string): RunResult;
  /**
   * The one-RegExp highlighter: `patternsJson` is the pattern list as stored, parsed and compiled in the run.
   * Stops after `budgetMs` and extrapolates by characters (partial: characters done of total).
   */
  oneRegExp(patternsJson: string, audit: boolean, budgetMs: number): RunResult;
  markArray(keywords: string[], budgetMs: number): RunResult;
  naive(sources: string[], flags: string, budgetMs: number): RunResult;
  burst(paragraphs: string[]): Promise<BurstResult>;
}

declare global {
  interface Window {
    __ngBench?: BenchApi;
  }
}

/** To the bench's match-service Worker (match-worker.ts). */
export type WorkerRequest = { type: 'load'; json: string } | { type: 'match'; id: number; texts: string[] };

export type WorkerReply =
  { type: 'ready'; setupMs: number } | { type: 'matches'; id: number; reply: BlockMatches; ms: number };
