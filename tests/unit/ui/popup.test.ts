import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings.js';
import { groupTerms } from '../../../src/ui/popup/group-terms.js';
import { pageKind, parsePingReply, requestedTabId } from '../../../src/ui/popup/page-kind.js';
import { siteState } from '../../../src/ui/popup/site-state.js';

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('pageKind', () => {
  it('reads web pages and their hostnames', () => {
    expect(pageKind('https://www.theverge.com/2024/a')).toEqual({ kind: 'web', hostname: 'www.theverge.com' });
    expect(pageKind('http://127.0.0.1:8080/x')).toEqual({ kind: 'web', hostname: '127.0.0.1' });
  });
  it('names the pages no extension may read', () => {
    for (const url of [
      'chrome://settings/',
      'about:blank',
      'edge://newtab',
      'view-source:https://a.b',
      'chrome-extension://x/popup.html',
    ])
      expect(pageKind(url)).toEqual({ kind: 'restricted', reason: 'browser' });
    expect(pageKind('file:///home/me/a.html')).toEqual({ kind: 'restricted', reason: 'file' });
    expect(pageKind('https://chromewebstore.google.com/detail/x')).toMatchObject({
      kind: 'restricted',
      reason: 'store',
    });
    expect(pageKind('https://chrome.google.com/webstore/category')).toMatchObject({ reason: 'store' });
    expect(pageKind('https://chrome.google.com/search')).toMatchObject({ kind: 'web' });
    expect(pageKind('https://addons.mozilla.org/en-US/firefox/')).toMatchObject({ reason: 'store' });
  });
  it('cannot tell without a URL', () => {
    expect(pageKind(undefined)).toEqual({ kind: 'unknown' });
    expect(pageKind('not a url')).toEqual({ kind: 'unknown' });
  });
});

describe('parsePingReply', () => {
  it('accepts the content script reply and drops a malformed hostname', () => {
    expect(parsePingReply({ annotating: true, matches: 3, hostname: 'example.org' })).toEqual({
      annotating: true,
      matches: 3,
      hostname: 'example.org',
    });
    expect(parsePingReply({ annotating: false, matches: 0, hostname: 'a b/c' })).toEqual({
      annotating: false,
      matches: 0,
    });
    expect(parsePingReply(undefined)).toBeNull();
    expect(parsePingReply({ annotating: 'yes', matches: 1 })).toBeNull();
  });
});

describe('requestedTabId', () => {
  it('reads only a plain tab id', () => {
    expect(requestedTabId('?tabId=42')).toBe(42);
    expect(requestedTabId('')).toBeUndefined();
    expect(requestedTabId('?tabId=-1')).toBeUndefined();
    expect(requestedTabId('?tabId=4x')).toBeUndefined();
  });
});

describe('groupTerms', () => {
  const data = {
    categories: [
      { id: 'a', label: 'Alpha' },
      { id: 'b', label: 'Beta' },
      { id: 'c', label: 'Gamma' },
    ],
    terms: [
      { id: 't1', label: 'One', category: 'b' },
      { id: 't2', label: 'Two', category: 'a' },
      { id: 't3', label: 'Three', category: 'b' },
      { id: 't4', label: 'Four', category: 'b' },
    ],
  } as unknown as Parameters<typeof groupTerms>[1];
  it('groups in category order, most frequent first, with totals; unknown ids left out', () => {
    const groups = groupTerms(
      [
        { id: 't1', count: 2 },
        { id: 't2', count: 1 },
        { id: 't3', count: 5 },
        { id: 't4', count: 2 },
        { id: 'gone', count: 9 },
      ],
      data,
    );
    expect(groups.map((g) => [g.label, g.mentions, g.terms.map((t) => t.label)])).toEqual([
      ['Alpha', 1, ['Two']],
      ['Beta', 9, ['Three', 'Four', 'One']],
    ]);
  });
});

describe('siteState', () => {
  it('explains why a site is off', () => {
    expect(siteState(settings(), 'news.example.org')).toBe('on');
    expect(siteState(settings({ enabled: false }), 'news.example.org')).toBe('global-off');
    expect(siteState(settings({ deniedSites: ['example.org'] }), 'news.example.org')).toBe('denied');
    expect(siteState(settings({ siteMode: 'listed' }), 'news.example.org')).toBe('not-listed');
    expect(siteState(settings({ siteMode: 'listed', allowedSites: ['example.org'] }), 'news.example.org')).toBe('on');
  });
});
