// A malformed dictionary fails the build with a message naming the file, the line and the field.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDictionary } from '../../../src/build/compile-dictionary.js';
import { formatProblem, loadDictionary } from '../../../src/build/load-dictionary.js';
import { termJsonSchema } from '../../../src/build/term-json-schema.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'dictionaries');
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** The valid mini dictionary with one case's files laid over it; returns the formatted problems. */
function problemsFor(caseName: string | null): string[] {
  const root = join(mkdtempSync(join(tmpdir(), 'ngl-dict-')), 'dictionary');
  temps.push(root);
  cpSync(join(fixtures, 'valid'), root, { recursive: true });
  if (caseName) cpSync(join(fixtures, caseName), root, { recursive: true });
  const loaded = loadDictionary(root);
  const compiled = loaded.problems.length ? [] : compileDictionary(loaded).problems;
  return [...loaded.problems, ...compiled].map(formatProblem);
}

describe('dictionary validation', () => {
  it('accepts the valid fixture', () => {
    expect(problemsFor(null)).toEqual([]);
  });

  const cases: [string, RegExp][] = [
    [
      'unknown-citation',
      /^dictionary\/terms\/beta\.yaml:19: positions\.1\.cites\.0: unknown citation key "denardis2014gobal"$/,
    ],
    [
      'duplicate-id',
      /^dictionary\/terms\/beta\.yaml:1: id: duplicate id "alpha" \(also dictionary\/terms\/alpha\.yaml\)$/,
    ],
    [
      'alias-collision',
      /^dictionary\/terms\/beta\.yaml:6: aliases\.0: alias "alpha forum" is also claimed by term "alpha"/,
    ],
    ['dangling-related', /^dictionary\/terms\/beta\.yaml:20: related\.1: dangling related id "omega"$/],
    [
      'position-without-citation',
      /^dictionary\/terms\/beta\.yaml:19: positions\.1\.cites: a position needs at least one citation$/,
    ],
    ['summary-too-long', /^dictionary\/terms\/beta\.yaml:16: positions\.1\.summary: at most 70 words$/],
    ['bad-doi', /^dictionary\/references\/refs\.bib:1: carr2015powerplays\.doi: "doi:0305829814562655" is not a DOI/],
    [
      'bad-isbn',
      /^dictionary\/references\/refs\.bib:12: denardis2014global\.isbn: "9780300181358" is not a valid ISBN \(check digit\)$/,
    ],
    ['yaml-syntax', /^dictionary\/terms\/beta\.yaml:[23]: \(syntax\): /],
    ['unknown-category', /^dictionary\/terms\/beta\.yaml:3: category: unknown category "geopolitics"/],
    ['unknown-field', /^dictionary\/terms\/beta\.yaml:\d+: \(file\): Unrecognized key: "lable"$/],
    [
      'reference-without-source',
      /^dictionary\/terms\/gamma\.yaml:\d+: source: a reference entry needs its primary source$/,
    ],
    [
      'reference-without-debates',
      /^dictionary\/terms\/gamma\.yaml:\d+: debates: a reference entry needs at least one debate it belongs to$/,
    ],
    [
      'debate-to-reference',
      /^dictionary\/terms\/beta\.yaml:\d+: debates\.0: "gamma" is a reference entry, not a debate entry$/,
    ],
    ['dangling-debate', /^dictionary\/terms\/gamma\.yaml:\d+: debates\.0: dangling debate id "delta"$/],
    ['debate-with-one-position', /^dictionary\/terms\/beta\.yaml:\d+: positions: a debate entry needs 2-4 positions$/],
    ['undated', /^dictionary\/terms\/beta\.yaml:\d+: reviewed: /],
    ['bad-date', /^dictionary\/terms\/beta\.yaml:4: reviewed: not a calendar date$/],
    ['future-date', /^dictionary\/terms\/beta\.yaml:4: reviewed: 2999-01-01 is in the future$/],
    ['http-source', /^dictionary\/terms\/gamma\.yaml:\d+: source\.url: an https URL$/],
  ];
  for (const [name, pattern] of cases) {
    it(`rejects ${name}`, () => {
      const problems = problemsFor(name);
      expect(
        problems.some((p) => pattern.test(p)),
        problems.join('\n'),
      ).toBe(true);
    });
  }
});

describe('editor schema', () => {
  it('dictionary/schema/term.schema.json is current (npm run dict:schema)', () => {
    const committed = readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'dictionary', 'schema', 'term.schema.json'),
      'utf8',
    );
    expect(committed).toBe(termJsonSchema());
  });
});
