// npm run dict:recall — how many of the governance terms a reader would want explained in real 2023–2026
// articles (the corpus's news2025/terms.json) the dictionary finds, per document and in total.
// A listed form counts as found when a highlight covers at least half of one of its occurrences.
// `-- --drafts DIR` adds draft entries (see dict:check); `-- --missed` lists only what was missed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Matcher } from '../src/core/match.js';
import { buildDictionary } from './dictionary-build.js';
import { CORPUS_MISSING, findCorpus } from './lib/corpus-root.js';

interface ListedTerm {
  term: string;
  count: number;
  tier: 'core' | 'peripheral';
}
interface Listed {
  language: string;
  title: string;
  terms: ListedTerm[];
}

const { values } = parseArgs({
  options: { drafts: { type: 'string', multiple: true, default: [] }, missed: { type: 'boolean', default: false } },
});

const corpus = findCorpus(process.env, 'news2025/terms.json');
if (!corpus) {
  console.error(`dict:recall: ${CORPUS_MISSING}`);
  process.exit(1);
}
const listed = (
  JSON.parse(readFileSync(join(corpus, 'news2025', 'terms.json'), 'utf8')) as { documents: Record<string, Listed> }
).documents;
const compiled = buildDictionary(
  undefined,
  values.drafts.map((d) => resolve(d)),
);
const matcher = new Matcher(compiled.matcher);
const labels = compiled.data.terms.map((t) => t.id);

/** The text as terms.json counted it: Markdown heading, list and emphasis markers removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/[*_]/g, '');
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function occurrences(text: string, form: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + form.length])) out.push([at, at + form.length]);
  }
  return out;
}

const totals = { core: { found: 0, listed: 0 }, all: { found: 0, listed: 0 } };
for (const [name, doc] of Object.entries(listed)) {
  const text = plainText(readFileSync(join(corpus, 'news2025', `${name}.md`), 'utf8'));
  const matches = matcher.findAll(text);
  const found: string[] = [];
  const missed: string[] = [];
  for (const t of doc.terms) {
    const hit = occurrences(text, t.term).flatMap(([s, e]) =>
      matches.filter((m) => Math.min(e, m.end) - Math.max(s, m.start) >= (e - s) / 2).map((m) => labels[m.term]),
    );
    const label = `${t.term}${t.tier === 'core' ? '*' : ''}`;
    if (hit.length) found.push(`${label} → ${hit[0]}`);
    else missed.push(label);
    for (const tally of t.tier === 'core' ? [totals.all, totals.core] : [totals.all]) {
      tally.listed++;
      if (hit.length) tally.found++;
    }
  }
  console.log(`\n${name} (${doc.language}): ${found.length} of ${doc.terms.length} found`);
  if (!values.missed && found.length) console.log(`  found:  ${found.join('; ')}`);
  if (missed.length) console.log(`  missed: ${missed.join('; ')}`);
}
const pct = ({ found, listed }: { found: number; listed: number }): string =>
  `${found} of ${listed} (${((found / (listed || 1)) * 100).toFixed(1)} %)`;
console.log(`\n* = core. Core surface forms found: ${pct(totals.core)}; all listed forms: ${pct(totals.all)}`);
