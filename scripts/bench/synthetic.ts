// Synthetic inputs for the benchmark, generated from a fixed seed so that every run sees the same bytes:
// article-like pages of a given size, a page of many small text nodes, a burst of paragraphs, and a
// dictionary with ten times the real number of aliases.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDictionary, pluralOf } from '../../src/build/compile-dictionary.js';
import { aliasSchema } from '../../src/build/dictionary-schema.js';
import type { LoadedDictionary, LoadedTerm } from '../../src/build/load-dictionary.js';
import type { CompiledMatcher } from '../../src/core/compiled-matcher.js';
import { normalizePhrase } from '../../src/core/normalize.js';

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Ordinary newsroom English, most frequent first (picked with a Zipf-like bias).
const WORDS = `the of and to a in that is for it was on with as be by at this from have are or not his
they but an which one all were their has more had been would who will there its also when what than can
said new about up out year after years other some people into them time only over two could first may
government state company officials report public political world last policy told week country law many
such most public since during between while under against because before called including where should
economic national those three four market news according these month several million percent group
countries support minister president court plan system later end rules power agreement foreign major
security companies data network online service services users digital platform platforms technology
internet access content access experts industry regulators European American Chinese British Indian
proposal debate decision parliament agency commission standards global local users rights freedom
researchers critics supporters analysts business customers article issue issues question questions change
changes across often still even much way part already another whether without though however far long
high small large early recent open free public private trade deal talks meeting summit letter statement
bill vote votes court judge case cases ruling lawsuit investigation evidence claims concerns risk risks
cost costs price prices growth money budget funding program project research study studies survey
city region area border capital office building school hospital family families children women men
people's officials' companies' government's`
  .split(/\s+/)
  .filter(Boolean);

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Sentences of ordinary words with, now and then, one of `terms` as written in the dictionary. */
export class ArticleText {
  private readonly rnd: () => number;
  constructor(
    seed: number,
    private readonly terms: readonly string[],
    /** Chance that a sentence carries a term (news pages mention governance terms sparsely). */
    private readonly termRate = 0.12,
  ) {
    this.rnd = random(seed);
  }

  word(): string {
    // Zipf-like: squaring the uniform draw favours the front of the list.
    const r = this.rnd();
    return WORDS[Math.floor(r * r * WORDS.length)] as string;
  }

  sentence(): string {
    const n = 8 + Math.floor(this.rnd() * 18);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(this.word());
    if (this.terms.length > 0 && this.rnd() < this.termRate) {
      const term = this.terms[Math.floor(this.rnd() * this.terms.length)] as string;
      words.splice(1 + Math.floor(this.rnd() * (n - 1)), 0, term);
    }
    if (n > 14) words[Math.floor(n / 2)] += ',';
    const s = words.join(' ');
    return `${s[0]?.toUpperCase()}${s.slice(1)}.`;
  }

  paragraph(): string {
    const n = 3 + Math.floor(this.rnd() * 4);
    return Array.from({ length: n }, () => this.sentence()).join(' ');
  }

  /** A paragraph as HTML, with an inline link or emphasis in some of them (as articles have). */
  paragraphHtml(): string {
    const text = escapeHtml(this.paragraph());
    const r = this.rnd();
    if (r < 0.3) {
      const cut = text.indexOf(' ', Math.floor(text.length / 3));
      const end = text.indexOf(' ', cut + 20);
      if (cut > 0 && end > cut) {
        const tag = r < 0.2 ? 'a href="#"' : 'em';
        const close = r < 0.2 ? 'a' : 'em';
        return `<p>${text.slice(0, cut + 1)}<${tag}>${text.slice(cut + 1, end)}</${close}>${text.slice(end)}</p>`;
      }
    }
    return `<p>${text}</p>`;
  }
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:17px/1.55 Georgia,serif;margin:0;background:#fff;color:#222}article,ul{max-width:42rem;margin:0 auto;padding:1rem}</style>
</head><body><header><nav><a href="#">World</a> <a href="#">Technology</a> <a href="#">Policy</a></nav></header>
${body}
<footer><p>Synthetic page generated by npm run bench.</p></footer></body></html>
`;
}

/** An article of at least `textBytes` characters of text, with a heading every ten paragraphs. */
export function articlePage(
  textBytes: number,
  terms: readonly string[],
  seed: number,
): { html: string; paragraphs: number } {
  const gen = new ArticleText(seed, terms);
  const parts: string[] = [`<article><h1>${escapeHtml(gen.sentence())}</h1>`];
  let size = 0;
  let paragraphs = 0;
  while (size < textBytes) {
    if (paragraphs % 10 === 9) parts.push(`<h2>${escapeHtml(gen.sentence())}</h2>`);
    const p = gen.paragraphHtml();
    size += p.length - 7;
    parts.push(p);
    paragraphs++;
  }
  parts.push('</article>');
  return { html: page('Synthetic article', parts.join('\n')), paragraphs };
}

/** A list whose items hold five small text nodes each (link, text, emphasis, text, the newline between). */
export function manyNodesPage(textNodes: number, terms: readonly string[], seed: number): string {
  const gen = new ArticleText(seed, terms, 0.05);
  const items: string[] = [];
  for (let i = 0; i < textNodes / 5; i++) {
    const t = gen.sentence().split(' ');
    items.push(
      `<li><a href="#">${escapeHtml(t.slice(0, 2).join(' '))}</a> ${escapeHtml(t.slice(2, 5).join(' '))} <em>${escapeHtml(
        t[5] ?? 'and',
      )}</em> ${escapeHtml(t.slice(6, 9).join(' '))}</li>`,
    );
  }
  return page('Synthetic list of 200,000 text nodes', `<ul>\n${items.join('\n')}\n</ul>`);
}

export interface SyntheticPage {
  name: string;
  file: string;
  description: string;
}

/** Writes the synthetic pages into `dir` and returns them. */
export function writeSyntheticPages(dir: string, terms: readonly string[]): SyntheticPage[] {
  mkdirSync(dir, { recursive: true });
  const mb1 = articlePage(1_000_000, terms, 1);
  const mb5 = articlePage(5_000_000, terms, 5);
  writeFileSync(join(dir, 'article-1mb.html'), mb1.html);
  writeFileSync(join(dir, 'article-5mb.html'), mb5.html);
  writeFileSync(join(dir, 'nodes-200k.html'), manyNodesPage(200_000, terms, 200));
  return [
    {
      name: 'synthetic/article-1mb',
      file: 'article-1mb.html',
      description: `1 MB of text, ${mb1.paragraphs} paragraphs`,
    },
    {
      name: 'synthetic/article-5mb',
      file: 'article-5mb.html',
      description: `5 MB of text, ${mb5.paragraphs} paragraphs`,
    },
    {
      name: 'synthetic/nodes-200k',
      file: 'nodes-200k.html',
      description: '200,000 small text nodes in 40,000 list items',
    },
  ];
}

/**
 * A page of `count` same-origin frames, each a short article paragraph: the content script is injected into
 * every frame (all_frames), so its start-up cost is paid once per frame. Returns the page's file name.
 */
export function writeFramesPage(dir: string, count: number, terms: readonly string[]): string {
  mkdirSync(dir, { recursive: true });
  const gen = new ArticleText(7, terms);
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(dir, `frame-${i}.html`),
      `<!doctype html><meta charset="utf-8"><title>Frame ${i}</title><p>${escapeHtml(gen.paragraph())}</p>`,
    );
  }
  const frames = Array.from(
    { length: count },
    (_, i) => `<iframe src="frame-${i}.html" width="300" height="120" title="frame ${i}"></iframe>`,
  ).join('\n');
  writeFileSync(
    join(dir, 'frames.html'),
    `<!doctype html><meta charset="utf-8"><title>${count} frames</title><h1>${count} frames</h1>\n${frames}`,
  );
  return 'frames.html';
}

/**
 * A page of `count` frames that the content script should leave alone, as ad slots are: a third about:blank
 * (no src), a third empty documents, a third a linked image with a one-line label (well under 200 characters).
 * The top document holds only a heading. Returns the page's file name.
 */
export function writeTinyFramesPage(dir: string, count: number): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'frame-blank.html'), '<!doctype html><meta charset="utf-8"><title></title><body></body>');
  writeFileSync(
    join(dir, 'frame-ad.html'),
    '<!doctype html><meta charset="utf-8"><title>Ad</title><a href="#"><img alt="" width="300" height="100"></a>' +
      '<p style="font:11px sans-serif">Advertisement · Sponsored by Example Networks</p>',
  );
  const frames = Array.from({ length: count }, (_, i) => {
    const attrs = 'width="300" height="120"';
    if (i % 3 === 0) return `<iframe ${attrs} title="slot ${i}"></iframe>`;
    // A query string per frame so that each is its own document load, as distinct ad slots are.
    return `<iframe src="${i % 3 === 1 ? 'frame-blank' : 'frame-ad'}.html?slot=${i}" ${attrs} title="slot ${i}"></iframe>`;
  }).join('\n');
  writeFileSync(
    join(dir, 'frames-tiny.html'),
    `<!doctype html><meta charset="utf-8"><title>${count} ad frames</title><h1>${count} ad frames</h1>\n${frames}`,
  );
  return 'frames-tiny.html';
}

/** `count` paragraphs of article text, for the live-update burst. */
export function burstParagraphs(count: number, terms: readonly string[], seed: number): string[] {
  const gen = new ArticleText(seed, terms);
  return Array.from({ length: count }, () => gen.paragraph());
}

/**
 * The real dictionary plus synthetic terms until there are `factor` times as many aliases. Synthetic aliases
 * recombine the words of the real ones (so they share prefixes with real text and the automaton gets deep,
 * branching states, the expensive shape) and add some acronyms.
 */
export function scaledDictionary(real: LoadedDictionary, factor: number, seed: number): CompiledMatcher {
  const rnd = random(seed);
  const realAliases = real.terms.flatMap((t) => t.aliases.map((a) => (typeof a === 'string' ? a : a.text)));
  const vocabulary = [...new Set(realAliases.flatMap((a) => a.toLowerCase().split(/[\s-]+/)))].filter((w) =>
    /^\p{L}{3,}$/u.test(w),
  );
  const taken = new Set<string>();
  for (const a of realAliases) {
    taken.add(normalizePhrase(a));
    const p = pluralOf(a);
    if (p) taken.add(normalizePhrase(p));
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const target = realAliases.length * factor;
  const terms: LoadedTerm[] = [...real.terms];
  let aliasCount = realAliases.length;
  for (let t = 0; aliasCount < target; t++) {
    const aliases: string[] = [];
    while (aliases.length < 5 && aliasCount < target) {
      let alias: string;
      if (rnd() < 0.15) {
        const len = 3 + Math.floor(rnd() * 3);
        alias = Array.from({ length: len }, () => String.fromCharCode(65 + Math.floor(rnd() * 26))).join('');
      } else {
        const n = 2 + Math.floor(rnd() * 2);
        alias = Array.from({ length: n }, () => pick(vocabulary)).join(' ');
      }
      const folded = normalizePhrase(alias);
      const plural = pluralOf(alias);
      const pluralFolded = plural ? normalizePhrase(plural) : undefined;
      if (taken.has(folded) || (pluralFolded && taken.has(pluralFolded))) continue;
      taken.add(folded);
      if (pluralFolded) taken.add(pluralFolded);
      aliases.push(alias);
      aliasCount++;
    }
    const id = `synthetic-${t}`;
    terms.push({
      id,
      label: id,
      category: real.categories[0]?.id ?? 'synthetic',
      aliases: aliases.map((a) => aliasSchema.parse(a)),
      definition: 'A synthetic term for the scaling benchmark.',
      kind: 'debate',
      reviewed: '2026-01-01',
      positions: [],
      debates: [],
      related: [],
      examples: [],
      counterexamples: [],
      file: `${id}.yaml`,
      lineOf: () => undefined,
    });
  }
  const result = compileDictionary({ ...real, terms });
  if (result.problems.length > 0) {
    throw new Error(
      `scaled dictionary: ${result.problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}`,
    );
  }
  return result.matcher;
}
