// Counts read right in every interface language: a message that puts a number before a noun comes as a
// One/Many pair (chosen by the language's plural rules, so French says "0 terme" and English "0 terms"),
// never one plural form for every number ("1 articles").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tCount } from '../../../src/platform/i18n.js';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Messages = Record<string, Message>;

const LOCALES = ['en', 'de', 'fr'] as const;
const localesDir = join(import.meta.dirname, '..', '..', '..', 'extension', '_locales');
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')) as Messages;

/** Placeholders that hold a number of things. */
const COUNTS = new Set(['count', 'shown', 'articles', 'works', 'terms', 'positions']);
/** Messages whose number stands alone (in brackets, after a colon), with no noun to agree with it. */
const NO_NOUN = new Set([
  'optionsTermsMatches', // Terms matching “…”: 12
  'optionsImportBadPersonalTerms', // (3 could not be read)
  'readingListCopied', // Copied … as APA (12).
  'readingListCopiedChicago',
  'zoteroSaved', // Saved to Zotero (3)
  'readingListIntro', // its $WORKS$ and $TERMS$ are whole counted phrases (readingListWorks…, readingListTerms…)
  'researchLogIntro', // likewise (researchLogArticles…, researchLogWorks…)
  'navAnnouncePositions', // its $POSITIONS$ is navPositionsOne/Many
]);

/** The browser's i18n for `locale`: $NAME$ placeholders filled from the substitutions. */
function useLocale(locale: string): void {
  const messages = read(locale);
  const getMessage = (key: string, subs: string | string[] = []): string => {
    const m = messages[key];
    if (!m) return '';
    const list = typeof subs === 'string' ? [subs] : subs;
    return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) =>
      (m.placeholders?.[name.toLowerCase()]?.content ?? '').replace(
        /\$(\d)/g,
        (__, n: string) => list[Number(n) - 1] ?? '',
      ),
    );
  };
  (globalThis as { browser?: unknown }).browser = { runtime: { id: 'test' }, i18n: { getMessage } };
}

afterEach(() => {
  delete (globalThis as { browser?: unknown }).browser;
});

describe.each(LOCALES)('count messages in %s', (locale) => {
  const messages = read(locale);

  it('comes as One/Many pairs, each with the number as its first placeholder', () => {
    for (const key of Object.keys(messages)) {
      const pair = /^(.+)(One|Many)$/.exec(key);
      if (!pair) continue;
      expect(messages[`${pair[1]}One`], key).toBeDefined();
      expect(messages[`${pair[1]}Many`], key).toBeDefined();
      const first = Object.entries(messages[key]!.placeholders ?? {}).find(([, p]) => p.content === '$1');
      expect(first && messages[key]!.message.toLowerCase().includes(`$${first[0]}$`), key).toBe(true);
    }
  });

  it('has no count before a noun outside such a pair', () => {
    const single = Object.entries(messages)
      .filter(([key]) => !/(One|Many)$/.test(key) && !NO_NOUN.has(key))
      .filter(([, m]) => Object.keys(m.placeholders ?? {}).some((name) => COUNTS.has(name.toLowerCase())))
      .map(([key]) => key);
    expect(single).toEqual([]);
  });
});

describe('tCount', () => {
  it('follows each language’s plural rules', () => {
    useLocale('en');
    expect([0, 1, 2, 1234].map((n) => tCount('researchLogArticles', n))).toEqual([
      '0 articles',
      '1 article',
      '2 articles',
      '1,234 articles',
    ]);
    expect(tCount('glossaryShowing', 1, ['480'])).toBe('Showing 1 of 480 terms');
    useLocale('de');
    expect([0, 1, 2].map((n) => tCount('popupTerms', n))).toEqual(['0 Begriffe', '1 Begriff', '2 Begriffe']);
    useLocale('fr');
    // French counts 0 and 1 alike.
    expect([0, 1, 2].map((n) => tCount('popupTerms', n))).toEqual(['0 terme', '1 terme', '2 termes']);
    expect(tCount('glossaryShowing', 1, ['480'])).toBe('1 terme affiché sur 480');
  });
});
