import { describe, expect, it } from 'vitest';
import {
  addArticleFacts,
  annotatedWorks,
  annotation,
  articlesByTerm,
  articleUrl,
  isExcludedSite,
  parseResearchLog,
  recordVisit,
  removeArticle,
  type ResearchLog,
  toAnnotatedMarkdown,
  worksOf,
} from '../../../src/core/research-log.js';
import { builtDictionary } from '../built-dictionary.js';

const data = builtDictionary().data;
const empty: ResearchLog = { articles: [] };
const [first, second] = data.terms.filter((t) => t.positions.some((p) => p.cites.length > 0));
if (!first || !second) throw new Error('the dictionary has cited terms');

describe('research log', () => {
  it('records an article once, newest first, merging terms and keeping the first reading day', () => {
    let log = recordVisit(
      empty,
      { url: 'https://news.example/a#top', title: ' A  title ', terms: [first.id] },
      '2026-03-01',
    );
    log = recordVisit(log, { url: 'https://news.example/b', terms: [second.id] }, '2026-03-02');
    log = recordVisit(
      log,
      { url: 'https://news.example/a', title: 'Other', terms: [second.id, first.id] },
      '2026-03-03',
    );
    expect(log.articles.map((a) => a.url)).toEqual(['https://news.example/a', 'https://news.example/b']);
    expect(log.articles[0]).toEqual({
      url: 'https://news.example/a',
      read: '2026-03-01',
      title: 'A title',
      terms: [first.id, second.id],
    });
  });

  it('records nothing for a page without terms or with an address that is not http(s)', () => {
    expect(recordVisit(empty, { url: 'https://news.example/a', terms: [] }, '2026-03-01')).toBe(empty);
    expect(recordVisit(empty, { url: 'chrome-extension://x/options.html', terms: [first.id] }, '2026-03-01')).toBe(
      empty,
    );
    expect(articleUrl('https://user:pw@news.example/a?x=1#f')).toBe('https://news.example/a?x=1');
  });

  it('adds the facts a page states to a logged article only', () => {
    const log = recordVisit(empty, { url: 'https://news.example/a', terms: [first.id] }, '2026-03-01');
    const facts = {
      url: 'https://news.example/a',
      title: 'T',
      published: '2026-02-28T10:00:00Z',
      publisher: 'The Example',
    };
    expect(addArticleFacts(log, facts).articles[0]).toMatchObject({
      title: 'T',
      published: '2026-02-28',
      publisher: 'The Example',
    });
    expect(addArticleFacts(log, { ...facts, url: 'https://news.example/other' })).toBe(log);
  });

  it('excludes sites with their subdomains, deletes one entry, and survives damaged storage', () => {
    expect(isExcludedSite('www.example.org', ['example.org'])).toBe(true);
    expect(isExcludedSite('notexample.org', ['example.org'])).toBe(false);
    const log = recordVisit(
      recordVisit(empty, { url: 'https://a.example/', terms: [first.id] }, '2026-03-01'),
      { url: 'https://b.example/', terms: [first.id] },
      '2026-03-01',
    );
    expect(removeArticle(log, 'https://a.example/').articles.map((a) => a.url)).toEqual(['https://b.example/']);
    expect(
      parseResearchLog({ articles: [log.articles[0], { url: 'javascript:1', read: 'x', terms: [] }, 7] }).articles,
    ).toHaveLength(1);
    expect(parseResearchLog('nonsense')).toEqual(empty);
  });

  it('exports every work behind the articles, each annotated with where it came up', () => {
    let log = recordVisit(
      empty,
      {
        url: 'https://news.example/a',
        title: 'Article A',
        publisher: 'Example News',
        published: '2026-03-01',
        terms: [first.id],
      },
      '2026-03-02',
    );
    log = recordVisit(
      log,
      { url: 'https://news.example/b', title: 'Article B', terms: [first.id, second.id] },
      '2026-03-02',
    );
    const works = annotatedWorks(log, data);
    const keys = new Set([first, second].flatMap((t) => t.positions.flatMap((p) => p.cites)));
    expect(new Set(works.map((w) => w.reference.key))).toEqual(keys);
    const firstWork = works.find((w) => first.positions[0]!.cites.includes(w.reference.key));
    expect(firstWork?.cameUpIn.map((c) => c.article.title).sort()).toEqual(['Article A', 'Article B']);
    expect(annotation(firstWork!)).toContain('“Article A” (Example News, 2026-03-01), https://news.example/a');
    const md = toAnnotatedMarkdown(works, (r) => `REF ${r.key}`);
    expect(md.split('\n').filter((l) => l.startsWith('- REF '))).toHaveLength(keys.size);
    expect(md).toContain('  - Came up in “Article B”, https://news.example/b, read 2026-03-02');
    expect(
      worksOf(log.articles[1]!, data)
        .map((r) => r.key)
        .sort(),
    ).toEqual([...new Set(first.positions.flatMap((p) => p.cites))].sort());
    expect(articlesByTerm(log)[0]).toMatchObject({ termId: first.id });
  });
});
