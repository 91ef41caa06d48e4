import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../src/core/dictionary-data.js';
import { saveItemsRequest, toZoteroItem, zoteroItemType } from '../../../src/core/zotero-item.js';
import { builtDictionary } from '../built-dictionary.js';

const base: Reference = { key: 'x', type: 'article', authors: [], editors: [], title: 'T', bibtex: '@article{x}' };
const ref = (r: Partial<Reference>): Reference => ({ ...base, ...r });

describe('toZoteroItem', () => {
  it('a journal article: type, creators, journal, volume, issue, pages, DOI in its own field', () => {
    const item = toZoteroItem(
      ref({
        key: 'abelson2015keys',
        authors: [{ family: 'Abelson', given: 'Harold' }, { family: 'IETF' }],
        title: 'Keys under Doormats',
        year: 2015,
        container: 'Journal of Cybersecurity',
        volume: '1',
        issue: '1',
        pages: '69--79',
        doi: '10.1093/cybsec/tyv009',
      }),
      ['Netgov Lens'],
    );
    expect(item).toMatchObject({
      id: 'abelson2015keys',
      itemType: 'journalArticle',
      title: 'Keys under Doormats',
      date: '2015',
      publicationTitle: 'Journal of Cybersecurity',
      volume: '1',
      issue: '1',
      pages: '69–79',
      DOI: '10.1093/cybsec/tyv009',
      tags: [{ tag: 'Netgov Lens' }],
      creators: [
        { creatorType: 'author', firstName: 'Harold', lastName: 'Abelson' },
        { creatorType: 'author', name: 'IETF' },
      ],
    });
    expect(item.extra).toBe('Citation Key: abelson2015keys');
  });

  it('a book keeps its ISBN and publisher; its DOI goes to extra, where Zotero reads it', () => {
    const item = toZoteroItem(
      ref({
        type: 'book',
        isbn: '9780262026444',
        publisher: 'MIT Press',
        doi: '10.7551/mitpress/9780262026444.001.0001',
      }),
    );
    expect(item.itemType).toBe('book');
    expect(item.ISBN).toBe('9780262026444');
    expect(item.publisher).toBe('MIT Press');
    expect(item.DOI).toBeUndefined();
    expect(item.extra).toContain('DOI: 10.7551/mitpress/9780262026444.001.0001');
  });

  it('types: chapter, conference paper, report, thesis, preprint, statute, document, webpage', () => {
    expect(
      toZoteroItem(ref({ type: 'incollection', container: 'Handbook', editors: [{ family: 'E', given: 'F' }] })),
    ).toMatchObject({
      itemType: 'bookSection',
      bookTitle: 'Handbook',
      creators: [{ creatorType: 'editor', firstName: 'F', lastName: 'E' }],
    });
    expect(zoteroItemType(ref({ type: 'inproceedings' }))).toBe('conferencePaper');
    expect(toZoteroItem(ref({ type: 'techreport', container: 'IETF' }))).toMatchObject({
      itemType: 'report',
      institution: 'IETF',
    });
    expect(zoteroItemType(ref({ type: 'phdthesis' }))).toBe('thesis');
    expect(zoteroItemType(ref({ type: 'misc', url: 'https://arxiv.org/abs/2307.03718' }))).toBe('preprint');
    const act = toZoteroItem(
      ref({
        type: 'misc',
        title: 'Regulation (EU) 2023/1543 on European Production Orders',
        year: 2023,
        url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:32023R1543',
      }),
    );
    expect(act).toMatchObject({
      itemType: 'statute',
      nameOfAct: 'Regulation (EU) 2023/1543 on European Production Orders',
      dateEnacted: '2023',
    });
    expect(act.title).toBeUndefined();
    expect(
      zoteroItemType(
        ref({ type: 'misc', url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:52022PC0209' }),
      ),
    ).toBe('document');
    expect(
      toZoteroItem(ref({ type: 'misc', url: 'https://techpolicy.press/x', container: 'Tech Policy Press' })),
    ).toMatchObject({
      itemType: 'webpage',
      websiteTitle: 'Tech Policy Press',
      url: 'https://techpolicy.press/x',
    });
    expect(zoteroItemType(ref({ type: 'misc' }))).toBe('document');
  });

  // Compiling the dictionary in memory takes a few seconds on a busy machine.
  it('every dictionary work converts, with an allowed type and each identifier it has', { timeout: 30_000 }, () => {
    const allowed = new Set([
      'journalArticle',
      'book',
      'bookSection',
      'conferencePaper',
      'report',
      'thesis',
      'preprint',
      'statute',
      'document',
      'webpage',
    ]);
    for (const r of Object.values(builtDictionary().data.references)) {
      const item = toZoteroItem(r);
      expect(allowed.has(item.itemType), `${r.key}: ${item.itemType}`).toBe(true);
      expect(item.title ?? item.nameOfAct, r.key).toBe(r.title);
      const text = JSON.stringify(item);
      if (r.doi) expect(item.DOI === r.doi || item.extra?.includes(`DOI: ${r.doi}`), r.key).toBe(true);
      if (r.isbn) expect(text, r.key).toContain(r.isbn);
      if (r.url) expect(item.url, r.key).toBe(r.url);
    }
  });

  it('a saveItems request carries the session, the page and the items', () => {
    const req = saveItemsRequest([ref({ key: 'a' }), ref({ key: 'b' })], 'session-1', 'https://news.example/article');
    expect(req.sessionID).toBe('session-1');
    expect(req.uri).toBe('https://news.example/article');
    expect(req.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(saveItemsRequest([], 's').uri).toBeUndefined();
  });
});
