// Everything the benchmark needs before a browser starts: the build, the in-page harness bundle, the page
// list, the contenders' inputs and the local server.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { loadDictionary } from '../../src/build/load-dictionary.js';
import type { CompiledMatcher } from '../../src/core/compiled-matcher.js';
import type { DictionaryData } from '../../src/core/dictionary-data.js';
import { dictionaryRoot, projectRoot } from '../dictionary-build.js';
import { CORPUS_MISSING, findCorpus } from '../lib/corpus-root.js';
import { startServer, type StaticServer } from '../lib/static-server.js';
import { aliasSource, combinedSource, patternStrings, REGEXP_FLAGS } from './aliases.js';
import type { ContenderInputs } from './measure.js';
import { scaledDictionary, writeSyntheticPages } from './synthetic.js';

/** The real-page corpus (scripts/lib/corpus-root.ts); the bench needs it. */
export const CORPUS = findCorpus();
export const DIST = process.env.NETGOV_DIST ?? join(projectRoot, 'dist');
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const GENERATED = join(projectRoot, 'build', 'generated');

/**
 * Pages reference publishers' hosts (ads, fonts, analytics): every host name but 127.0.0.1 fails to resolve,
 * inside the browser. (Playwright's route() would do the same through a round trip to Node for every
 * request, which on a page with hundreds of frames costs seconds per load.) The corpus has no IP-literal URLs.
 */
export const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/** Builds the extension unless the compiled dictionary and the content script are already there. */
export function ensureBuild(): void {
  const needed = [
    join(GENERATED, 'matcher.json'),
    join(GENERATED, 'dictionary.json'),
    join(DIST, 'chrome', 'content.js'),
    join(DIST, 'e2e-chrome', 'content.js'),
  ];
  if (needed.every((f) => existsSync(f))) return;
  console.log(
    `bench: building first (${needed
      .filter((f) => !existsSync(f))
      .map((f) => relative(projectRoot, f))
      .join(', ')} missing)`,
  );
  execFileSync(process.execPath, [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build.ts'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: process.env,
  });
}

/** The in-page harness as one script (production-like: minified, same target as the content script). */
export async function bundleHarness(minify = true): Promise<string> {
  const bundle = async (entry: string, define: Record<string, string> = {}): Promise<string> => {
    const result = await esbuild.build({
      entryPoints: [join(projectRoot, 'scripts', 'bench', entry)],
      bundle: true,
      minify,
      format: 'iife',
      target: ['chrome121'],
      write: false,
      logLevel: 'warning',
      legalComments: 'none',
      define,
    });
    return (result.outputFiles[0] as esbuild.OutputFile).text;
  };
  // The match service's Worker (ours' stand-in for the background), carried by the harness as text.
  const worker = await bundle('match-worker.ts');
  return bundle('page-harness.ts', { __NGL_BENCH_WORKER__: JSON.stringify(worker) });
}

export interface BenchPage {
  /** Group/name, e.g. "readability/aclu" or "synthetic/article-5mb". */
  name: string;
  group: 'news' | 'govtext' | 'synthetic';
  url: string;
  bytes: number;
  description?: string;
}

export interface Prepared {
  server: StaticServer;
  pages: BenchPage[];
  inputs: ContenderInputs;
  matcher: CompiledMatcher;
  x10Stats: { aliases: number; patterns: number; states: number };
  realStats: { aliases: number; patterns: number; states: number };
  burstText: string[];
  termTexts: string[];
  syntheticDir: string;
}

// Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs; page scripts are
// switched off (as in the measurements in performance-anchors.md) so that every load is the same document.
export const PAGE_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // Blob workers only: ours' match service runs in one (page-harness.ts), standing in for the background.
  'Content-Security-Policy': "script-src 'none'; worker-src blob:",
};

export function corpusPages(corpus: string, baseUrl: string): BenchPage[] {
  const out: BenchPage[] = [];
  for (const dir of readdirSync(corpus, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name.startsWith('.')) continue;
    for (const file of readdirSync(join(corpus, dir.name))
      .filter((f) => f.endsWith('.html'))
      .sort()) {
      out.push({
        name: `${dir.name}/${file.replace(/\.html$/, '')}`,
        group: dir.name === 'govtext' ? 'govtext' : 'news',
        url: `${baseUrl}/corpus/${dir.name}/${encodeURIComponent(file)}`,
        bytes: statSync(join(corpus, dir.name, file)).size,
      });
    }
  }
  // News first, then the governance texts; alphabetical inside each.
  return out.sort((a, b) => (a.group === b.group ? (a.name < b.name ? -1 : 1) : a.group === 'news' ? -1 : 1));
}

export async function prepare(options: {
  pageFilter: RegExp | null;
  naiveBudgetMs: number;
  markBudgetMs: number;
  /** The one RegExp stops after this long (ms) and is extrapolated by characters; default 3 s. */
  oneRegExpBudgetMs?: number;
}): Promise<Prepared> {
  if (!CORPUS) throw new Error(`bench: ${CORPUS_MISSING}`);
  const corpus = CORPUS;
  const matcher = JSON.parse(readFileSync(join(GENERATED, 'matcher.json'), 'utf8')) as CompiledMatcher;
  const data = JSON.parse(readFileSync(join(GENERATED, 'dictionary.json'), 'utf8')) as DictionaryData;
  const termTexts = data.terms.flatMap((t) => t.aliases);
  const patterns = patternStrings(matcher);

  const loaded = loadDictionary(dictionaryRoot);
  if (loaded.problems.length > 0) throw new Error('bench: the dictionary has problems; run npm run dict:check');
  const x10 = scaledDictionary(loaded, 10, 10);

  const syntheticDir = join(tmpdir(), 'netgov-lens-bench-pages');
  const synthetic = writeSyntheticPages(syntheticDir, termTexts);
  const server = await startServer(
    {
      '/corpus/': corpus,
      '/synthetic/': syntheticDir,
      '/fixtures/': join(projectRoot, 'tests', 'fixtures', 'pages'),
    },
    (path) => (path.startsWith('/fixtures/') ? {} : PAGE_HEADERS),
  );
  const pages = [
    ...corpusPages(corpus, server.url),
    ...synthetic.map<BenchPage>((s) => ({
      name: s.name,
      group: 'synthetic',
      url: `${server.url}/synthetic/${s.file}`,
      bytes: statSync(join(syntheticDir, s.file)).size,
      description: s.description,
    })),
  ].filter((p) => !options.pageFilter || options.pageFilter.test(p.name));

  const stats = (m: CompiledMatcher, aliases: number) => ({
    aliases,
    patterns: m.patternTerm.length,
    states: m.trie.childCounts.length,
  });
  const x10Aliases = loaded.terms.reduce((n, t) => n + t.aliases.length, 0) * 10;
  return {
    server,
    pages,
    matcher,
    termTexts,
    syntheticDir,
    realStats: stats(matcher, termTexts.length),
    x10Stats: stats(x10, x10Aliases),
    burstText: [],
    inputs: {
      patternsJson: JSON.stringify(patterns),
      combinedSource: combinedSource(patterns),
      aliasSources: patterns.map(aliasSource),
      keywords: patterns,
      flags: REGEXP_FLAGS,
      x10Json: JSON.stringify(x10),
      naiveBudgetMs: options.naiveBudgetMs,
      markBudgetMs: options.markBudgetMs,
      oneRegExpBudgetMs: options.oneRegExpBudgetMs ?? 3000,
    },
  };
}
