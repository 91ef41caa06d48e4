// Where the real-page corpus is read from, in one order for every suite and script: NETGOV_CORPUS, the cache
// that `npm run corpus:fetch` fills, then the workplace's shared/corpus beside the checkout. The pages belong
// to their publishers, so the repository declares them and never holds them.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CORPUS_CACHE = join(projectRoot, '.cache', 'corpus');

/** The candidate folders, in lookup order, each with the reason it is tried. */
export function corpusCandidates(env: NodeJS.ProcessEnv = process.env): { dir: string; from: string }[] {
  return [
    ...(env.NETGOV_CORPUS ? [{ dir: resolve(env.NETGOV_CORPUS), from: 'NETGOV_CORPUS' }] : []),
    { dir: CORPUS_CACHE, from: 'npm run corpus:fetch' },
    { dir: join(projectRoot, '..', 'shared', 'corpus'), from: '../shared/corpus' },
  ];
}

/**
 * The first candidate that holds a corpus (its index.tsv), or undefined. `file` asks for the first that holds
 * that file instead (e.g. news2025/terms.json, which a cache filled by corpus:fetch does not have).
 */
export function findCorpus(env: NodeJS.ProcessEnv = process.env, file = 'index.tsv'): string | undefined {
  return corpusCandidates(env).find((c) => existsSync(join(c.dir, file)))?.dir;
}

export const CORPUS_MISSING =
  'the real-page corpus was not found (NETGOV_CORPUS, .cache/corpus, ../shared/corpus); run `npm run corpus:fetch` to get it';
