// Shared by `npm run dict:check` and the build: load, validate and compile the dictionary, or explain
// exactly what is wrong (file:line: field: message) and fail.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compileDictionary, type CompileResult } from '../src/build/compile-dictionary.js';
import { formatProblem, loadDictionary } from '../src/build/load-dictionary.js';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dictionaryRoot = join(projectRoot, 'dictionary');

export class DictionaryError extends Error {}

export function buildDictionary(root = dictionaryRoot, drafts: string[] = []): CompileResult {
  const loaded = loadDictionary(root, drafts);
  const compiled = loaded.problems.length === 0 ? compileDictionary(loaded) : undefined;
  const problems = [...loaded.problems, ...(compiled?.problems ?? [])];
  if (problems.length > 0 || !compiled) {
    const shown = problems.slice(0, 50).map((p) => `  ${formatProblem(p)}`);
    const more = problems.length > 50 ? [`  ... and ${problems.length - 50} more`] : [];
    throw new DictionaryError([`The dictionary has ${problems.length} problem(s):`, ...shown, ...more].join('\n'));
  }
  return compiled;
}
