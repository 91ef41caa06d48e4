// Runs the contenders on one page, each on its own fresh load, alternating them, and keeps every sample.
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { BurstResult, DictionaryKey, RunResult } from './protocol.js';

export type Contender = 'floor' | 'ours' | 'ours-x10' | 'oneRegExp' | 'markRegExp' | 'mark' | 'naive';

export interface ContenderInputs {
  /** Every pattern's normalised text, as JSON (the one-RegExp contender parses it on each load, as from storage). */
  patternsJson: string;
  combinedSource: string;
  aliasSources: string[];
  keywords: string[];
  flags: string;
  x10Json: string;
  /** Budgets for the slow contenders, after which they extrapolate (ms of their own run time). */
  naiveBudgetMs: number;
  markBudgetMs: number;
  oneRegExpBudgetMs: number;
}

export interface Plan {
  contender: Contender;
  repeats: number;
}

export type Samples = Partial<Record<Contender, RunResult[]>>;

/** One tab reused for every load of a page; a CDP session on it forces garbage collection between runs. */
export class Bench {
  /** Wall time spent per contender (fresh load, run and error count), to see where the bench's minutes go. */
  readonly wallMs: Partial<Record<Contender, number>> = {};

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly harness: string,
  ) {}

  static async open(context: BrowserContext, harness: string): Promise<Bench> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    return new Bench(page, cdp, harness);
  }

  /**
   * A fresh load of `url` with the harness added, laid out and painted, garbage collected: the same start
   * for every contender. The harness is evaluated in the top frame only (an init script would also run in
   * each of a page's iframes: hundreds on one corpus page).
   */
  async load(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await this.page.evaluate(this.harness);
    await this.settle();
  }

  async settle(): Promise<void> {
    await this.page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
    );
    await this.gc();
  }

  async gc(): Promise<void> {
    await this.cdp.send('HeapProfiler.collectGarbage');
  }

  /** V8 heap in use plus the embedder's (Blink's) heap, in bytes. */
  async heapUsed(): Promise<number> {
    const usage = (await this.cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      embedderHeapUsedSize?: number;
    };
    return usage.usedSize + (usage.embedderHeapUsedSize ?? 0);
  }

  /** One timed run; `audit` also counts the highlights' errors afterwards (ours and the one RegExp). */
  async run(contender: Contender, inputs: ContenderInputs, audit = false): Promise<RunResult> {
    const page = this.page;
    switch (contender) {
      case 'floor':
        return page.evaluate(() => (window.__ngBench as NonNullable<Window['__ngBench']>).floor());
      case 'ours':
      case 'ours-x10': {
        const key: DictionaryKey = contender === 'ours' ? 'real' : 'x10';
        if (key === 'x10') {
          await page.evaluate((json) => window.__ngBench?.setDictionary('x10', json), inputs.x10Json);
          await this.gc();
        }
        return page.evaluate(([k, a]) => (window.__ngBench as NonNullable<Window['__ngBench']>).ours(k, a), [
          key,
          audit && key === 'real',
        ] as const);
      }
      case 'oneRegExp':
        return page.evaluate(
          ([json, a, budget]) => (window.__ngBench as NonNullable<Window['__ngBench']>).oneRegExp(json, a, budget),
          [inputs.patternsJson, audit, inputs.oneRegExpBudgetMs] as const,
        );
      case 'markRegExp':
        return page.evaluate(
          ([source, flags]) => (window.__ngBench as NonNullable<Window['__ngBench']>).markRegExp(source, flags),
          [inputs.combinedSource, inputs.flags] as const,
        );
      case 'mark':
        await page.evaluate((k) => ((window as unknown as { __kw: string[] }).__kw = k), inputs.keywords);
        return page.evaluate(
          (budget) =>
            (window.__ngBench as NonNullable<Window['__ngBench']>).markArray(
              (window as unknown as { __kw: string[] }).__kw,
              budget,
            ),
          inputs.markBudgetMs,
        );
      case 'naive':
        await page.evaluate((s) => ((window as unknown as { __src: string[] }).__src = s), inputs.aliasSources);
        return page.evaluate(
          ([flags, budget]) =>
            (window.__ngBench as NonNullable<Window['__ngBench']>).naive(
              (window as unknown as { __src: string[] }).__src,
              flags,
              budget,
            ),
          [inputs.flags, inputs.naiveBudgetMs] as const,
        );
    }
  }

  /**
   * Every contender of `plan` on `url`, alternated: round r runs each contender that still needs samples,
   * starting one further along each round so that none always runs first.
   */
  async measurePage(url: string, plan: Plan[], inputs: ContenderInputs): Promise<Samples> {
    const samples: Samples = {};
    const rounds = Math.max(...plan.map((p) => p.repeats));
    for (let r = 0; r < rounds; r++) {
      const due = plan.filter((p) => p.repeats > r);
      for (let i = 0; i < due.length; i++) {
        const { contender } = due[(i + r) % due.length] as Plan;
        const t0 = Date.now();
        await this.load(url);
        // The first load of each contender also counts its errors (after the clock has stopped).
        const result = await this.run(contender, inputs, r === 0);
        (samples[contender] ??= []).push(result);
        this.wallMs[contender] = (this.wallMs[contender] ?? 0) + Date.now() - t0;
      }
    }
    return samples;
  }

  /** Ours on `url`, then a burst of paragraphs inserted in one task; repeated on fresh loads. */
  async burst(url: string, paragraphs: string[], repeats: number): Promise<BurstResult[]> {
    const out: BurstResult[] = [];
    for (let r = 0; r < repeats; r++) {
      await this.load(url);
      out.push(
        await this.page.evaluate((p) => (window.__ngBench as NonNullable<Window['__ngBench']>).burst(p), paragraphs),
      );
    }
    return out;
  }

  /** Heap retained by ours (matcher, match records, ranges) on `url`: garbage collected before and after. */
  async retainedByOurs(url: string): Promise<{ bytes: number; matches: number }> {
    await this.load(url);
    const before = await this.heapUsed();
    const run = await this.page.evaluate(() => (window.__ngBench as NonNullable<Window['__ngBench']>).ours('real'));
    await this.gc();
    return { bytes: (await this.heapUsed()) - before, matches: run.count };
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
