// The background's match service: what it answers is what the in-page matcher finds (over the real
// dictionary and the corpus's texts), through the validator the page applies; it is built once, lazily, and
// again when the reader's own terms change.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMatchService, matchBlocks } from '../../../src/background/match-service.js';
import { compileMatcher } from '../../../src/core/compile-matcher.js';
import { parseCompiledMatcher } from '../../../src/core/compiled-matcher.js';
import { parseBlockMatches } from '../../../src/core/messages.js';
import { PageMatcher } from '../../../src/core/page-matcher.js';
import { personalMatcherTerms } from '../../../src/core/personal-terms.js';
import { builtDictionary } from '../built-dictionary.js';

const small = compileMatcher([
  { id: 'icann', label: 'ICANN', category: 'institution', aliases: ['ICANN'] },
  {
    id: 'net-neutrality',
    label: 'net neutrality',
    category: 'concept',
    aliases: ['net neutrality', { text: 'Netzneutralität', lang: 'de' as const }],
  },
]).matcher;
const ownJson = (alias: string): string =>
  JSON.stringify(compileMatcher(personalMatcherTerms([{ id: 'my-a', label: 'A', aliases: [alias] }])).matcher);

/** Texts of the corpus pages (tags stripped; enough to exercise the matcher), or a few sentences without it. */
function corpusTexts(): string[] {
  const dir = '/work/shared/corpus';
  const texts: string[] = [];
  if (existsSync(dir)) {
    const walk = (d: string): void => {
      for (const name of readdirSync(d, { withFileTypes: true })) {
        if (texts.length >= 12) return;
        const p = join(d, name.name);
        if (name.isDirectory()) walk(p);
        else if (name.name.endsWith('.html')) {
          const html = readFileSync(p, 'utf8');
          texts.push(...html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').split(/<[^>]*>/));
        }
      }
    };
    walk(dir);
  }
  return texts.length > 0
    ? texts.filter((t) => t.trim())
    : ['ICANN and the IGF met on net neutrality.', 'Die Netzneutralität gilt.', 'internet governance forum'];
}

describe('match service', () => {
  it('answers what the in-page matcher finds, over the real dictionary and the corpus texts', () => {
    const matcher = new PageMatcher(parseCompiledMatcher(builtDictionary().matcherJson));
    const texts = corpusTexts();
    const reply = parseBlockMatches(JSON.parse(JSON.stringify(matchBlocks(matcher, texts))), texts);
    if (!reply) throw new Error('the reply failed validation');
    const fromService = reply.text.map((t, i) => [
      t,
      reply.start[i],
      reply.end[i],
      reply.terms[reply.term[i] ?? 0]?.id,
    ]);
    const inPage = texts.flatMap((text, t) =>
      matcher.findAll(text).map((m) => [t, m.start, m.end, matcher.data.terms[m.term]]),
    );
    expect(fromService).toEqual(inPage);
    expect(inPage.length).toBeGreaterThan(0);
  }, 60_000);

  it('names the language of a non-English alias, and marks own terms', async () => {
    const service = createMatchService({
      dictionary: () => small,
      readOwnTerms: () => Promise.resolve(ownJson('alpha term')),
    });
    const reply = await service.match(['Die Netzneutralität, ICANN, alpha term.'], []);
    expect(reply.lang).toEqual(['de', '', '']);
    expect(reply.terms.map((t) => [t.id, t.personal])).toEqual([
      ['net-neutrality', false],
      ['icann', false],
      ['my-a', true],
    ]);
  });

  it('is built once, on the first request, and switches the disabled terms per request', async () => {
    const dictionary = vi.fn(() => small);
    const readOwnTerms = vi.fn(() => Promise.resolve(null));
    const service = createMatchService({ dictionary, readOwnTerms });
    expect(dictionary).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([service.match(['ICANN'], []), service.match(['ICANN'], ['icann'])]);
    expect(a.terms.map((t) => t.id)).toEqual(['icann']);
    expect(b.terms).toEqual([]);
    expect((await service.match(['ICANN'], [])).terms.map((t) => t.id)).toEqual(['icann']);
    expect(dictionary).toHaveBeenCalledOnce();
    expect(readOwnTerms).toHaveBeenCalledOnce();
  });

  it("rebuilds when the reader's own terms change, told by storage or by the page", async () => {
    let stored: string | null = ownJson('alpha term');
    const readOwnTerms = vi.fn(() => Promise.resolve(stored));
    const service = createMatchService({ dictionary: () => small, readOwnTerms });
    const found = async (reload = false): Promise<string[]> =>
      (await service.match(['alpha term, beta term'], [], reload)).terms.map((t) => t.id);
    expect(await found()).toEqual(['my-a']);
    stored = ownJson('beta term');
    // Not told yet: the warm matcher answers.
    expect(await found()).toEqual(['my-a']);
    expect(readOwnTerms).toHaveBeenCalledOnce();
    service.ownTermsChanged();
    expect(await found()).toEqual(['my-a']);
    expect(readOwnTerms).toHaveBeenCalledTimes(2);
    stored = null;
    expect(await found(true)).toEqual([]);
    // A damaged copy leaves the dictionary's matching working.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    stored = '{"format":1';
    expect((await service.match(['ICANN'], [], true)).terms.map((t) => t.id)).toEqual(['icann']);
  });
});
