// Reads the human-edited dictionary (YAML terms, BibTeX references, categories), validates every file
// and every cross-reference, and reports each problem with its file, line and field.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Reference } from '../core/dictionary-data.js';
import { categoriesSchema, termSchema, type TermSource } from './dictionary-schema.js';
import { bibEntryToReference } from './bibtex-reference.js';
import { isValidDoi, isValidIsbn } from '../core/identifiers.js';

export interface DictionaryProblem {
  file: string;
  line?: number;
  field: string;
  message: string;
}

export function formatProblem(p: DictionaryProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field}: ${p.message}`;
}

export interface LoadedTerm extends TermSource {
  file: string;
  /** Line of a field path in the term's file, for later cross-file checks. */
  lineOf: (path: (string | number)[]) => number | undefined;
}

export interface LoadedDictionary {
  root: string;
  categories: { id: string; label: string }[];
  terms: LoadedTerm[];
  references: Record<string, Reference & { file: string }>;
  problems: DictionaryProblem[];
}

// Words that must never be an alias on their own: too common to mean the governance concept.
const FORBIDDEN_ALIASES = new Set([
  'root',
  'core',
  'internet',
  'network',
  'networks',
  'data',
  'web',
  'online',
  'cyber',
  'security',
  'privacy',
  'governance',
]);

interface ParsedYaml {
  value: unknown;
  lineOf: (path: (string | number)[]) => number | undefined;
  problems: DictionaryProblem[];
}

function readYaml(path: string, file: string): ParsedYaml {
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: DictionaryProblem[] = doc.errors.map((e) => ({
    file,
    line: lineCounter.linePos(e.pos[0]).line,
    field: '(syntax)',
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const lineOf = (path: (string | number)[]): number | undefined => {
    // Walk up the path until a node with a position is found.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && (isScalar(node) || isMap(node) || 'range' in node) && node.range) {
        return lineCounter.linePos(node.range[0]).line;
      }
    }
    return undefined;
  };
  return { value: problems.length ? undefined : doc.toJS(), lineOf, problems };
}

function zodProblems(error: z.ZodError, file: string, lineOf: ParsedYaml['lineOf']): DictionaryProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    return {
      file,
      line: lineOf(path),
      field: path.length ? path.join('.') : '(file)',
      message: issue.message,
    };
  });
}

/** Files of one kind in the dictionary folder and in any draft folders laid out like it (terms/, references/). */
function filesIn(dirs: string[], sub: string, pattern: RegExp): string[] {
  return dirs.flatMap((dir) => {
    const full = join(dir, sub);
    if (dir !== dirs[0] && !existsSync(full)) return [];
    return readdirSync(full)
      .filter((n) => pattern.test(n))
      .sort()
      .map((n) => join(full, n));
  });
}

/**
 * Loads the dictionary at `root`; `drafts` are folders laid out like it (terms/, references/) whose files are
 * checked together with it, so an editor can validate new entries before moving them in.
 */
export function loadDictionary(root: string, drafts: string[] = []): LoadedDictionary {
  const dirs = [root, ...drafts];
  const problems: DictionaryProblem[] = [];
  const rel = (p: string): string => {
    const r = relative(join(root, '..'), p);
    return r.startsWith('..') ? p : r;
  };

  // Categories.
  const categoriesPath = join(root, 'categories.yaml');
  const cat = readYaml(categoriesPath, rel(categoriesPath));
  problems.push(...cat.problems);
  const parsedCategories = categoriesSchema.safeParse(cat.value);
  const categories = parsedCategories.success ? parsedCategories.data : [];
  if (!parsedCategories.success) problems.push(...zodProblems(parsedCategories.error, rel(categoriesPath), cat.lineOf));

  // References.
  const references: LoadedDictionary['references'] = {};
  for (const path of filesIn(dirs, 'references', /\.bib$/)) {
    const file = rel(path);
    const text = readFileSync(path, 'utf8');
    const lineAt = (offsetText: string): number | undefined => {
      const at = text.indexOf(offsetText);
      return at < 0 ? undefined : text.slice(0, at).split('\n').length;
    };
    let library;
    try {
      library = parseBibtex(text, { sentenceCase: false, english: false });
    } catch (e) {
      problems.push({ file, field: '(syntax)', message: (e as Error).message });
      continue;
    }
    for (const err of library.errors) {
      const line = err.input ? lineAt(err.input.slice(0, 40)) : undefined;
      problems.push({ file, ...(line ? { line } : {}), field: '(syntax)', message: err.error });
    }
    for (const entry of library.entries) {
      const line = lineAt(`{${entry.key},`);
      if (references[entry.key]) {
        problems.push({
          file,
          line,
          field: entry.key,
          message: `duplicate reference key (also in ${references[entry.key]?.file})`,
        });
        continue;
      }
      const ref = bibEntryToReference(entry);
      const where = (field: string): DictionaryProblem => ({ file, line, field: `${entry.key}.${field}`, message: '' });
      if (!ref.title) problems.push({ ...where('title'), message: 'missing title' });
      if (ref.authors.length === 0 && ref.editors.length === 0)
        problems.push({ ...where('author'), message: 'missing author or editor' });
      if (!ref.year) problems.push({ ...where('year'), message: 'missing or non-numeric year' });
      if (ref.doi !== undefined && !isValidDoi(ref.doi))
        problems.push({ ...where('doi'), message: `"${ref.doi}" is not a DOI (10.NNNN/...)` });
      if (ref.isbn !== undefined && !isValidIsbn(ref.isbn))
        problems.push({ ...where('isbn'), message: `"${ref.isbn}" is not a valid ISBN (check digit)` });
      if (ref.url !== undefined && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(ref.url))
        problems.push({ ...where('url'), message: `"${ref.url}" is not an http(s) URL` });
      references[entry.key] = { ...ref, file };
    }
  }

  // Terms.
  const terms: LoadedTerm[] = [];
  for (const path of filesIn(dirs, 'terms', /\.ya?ml$/)) {
    const name = basename(path);
    const file = rel(path);
    const y = readYaml(path, file);
    problems.push(...y.problems);
    if (y.problems.length) continue;
    const parsed = termSchema.safeParse(y.value);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, file, y.lineOf));
      continue;
    }
    const expectedId = basename(name).replace(/\.ya?ml$/, '');
    if (parsed.data.id !== expectedId) {
      problems.push({
        file,
        line: y.lineOf(['id']),
        field: 'id',
        message: `"${parsed.data.id}" must equal the file name "${expectedId}"`,
      });
    }
    terms.push({ ...parsed.data, file, lineOf: y.lineOf });
  }

  problems.push(...crossCheck(categories, terms, references));
  return { root, categories, terms, references, problems };
}

const today = (): string => new Date().toISOString().slice(0, 10);

function crossCheck(
  categories: { id: string }[],
  terms: LoadedTerm[],
  references: Record<string, Reference>,
): DictionaryProblem[] {
  const problems: DictionaryProblem[] = [];
  const categoryIds = new Set(categories.map((c) => c.id));
  const seen = new Map<string, LoadedTerm>();
  for (const t of terms) {
    const prior = seen.get(t.id);
    if (prior)
      problems.push({
        file: t.file,
        line: t.lineOf(['id']),
        field: 'id',
        message: `duplicate id "${t.id}" (also ${prior.file})`,
      });
    else seen.set(t.id, t);
  }
  for (const t of terms) {
    if (!categoryIds.has(t.category)) {
      problems.push({
        file: t.file,
        line: t.lineOf(['category']),
        field: 'category',
        message: `unknown category "${t.category}" (see categories.yaml)`,
      });
    }
    t.positions.forEach((p, i) =>
      p.cites.forEach((key, j) => {
        const ref = references[key];
        const at = { file: t.file, line: t.lineOf(['positions', i, 'cites', j]), field: `positions.${i}.cites.${j}` };
        if (!ref) problems.push({ ...at, message: `unknown citation key "${key}"` });
        // A reader must be able to reach every cited work.
        else if (!ref.doi && !ref.isbn && !ref.url)
          problems.push({ ...at, message: `"${key}" has no DOI, ISBN or URL, so it cannot be cited` });
      }),
    );
    t.debates.forEach((id, i) => {
      const at = { file: t.file, line: t.lineOf(['debates', i]), field: `debates.${i}` };
      const target = seen.get(id);
      if (id === t.id) problems.push({ ...at, message: 'an entry cannot be its own debate' });
      else if (!target) problems.push({ ...at, message: `dangling debate id "${id}"` });
      else if (target.kind !== 'debate')
        problems.push({ ...at, message: `"${id}" is a reference entry, not a debate entry` });
    });
    if (t.reviewed > today()) {
      problems.push({
        file: t.file,
        line: t.lineOf(['reviewed']),
        field: 'reviewed',
        message: `${t.reviewed} is in the future`,
      });
    }
    t.related.forEach((id, i) => {
      if (id === t.id)
        problems.push({
          file: t.file,
          line: t.lineOf(['related', i]),
          field: `related.${i}`,
          message: 'a term cannot be related to itself',
        });
      else if (!seen.has(id))
        problems.push({
          file: t.file,
          line: t.lineOf(['related', i]),
          field: `related.${i}`,
          message: `dangling related id "${id}"`,
        });
    });
    t.aliases.forEach((a, i) => {
      const text = typeof a === 'string' ? a : a.text;
      if (FORBIDDEN_ALIASES.has(text.trim().toLowerCase())) {
        problems.push({
          file: t.file,
          line: t.lineOf(['aliases', i]),
          field: `aliases.${i}`,
          message: `"${text}" is too common to be an alias on its own`,
        });
      }
    });
  }
  return problems;
}
