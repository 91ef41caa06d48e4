// The messages behind Free copy, Zotero, the CSL engine's lists and the research log: valid shapes pass
// with only their known fields; anything else is refused.
import { describe, expect, it } from 'vitest';
import { parseToBackground } from '../../../src/core/messages.js';

describe('library messages', () => {
  it('accepts each valid shape and copies only its fields', () => {
    expect(parseToBackground({ type: 'zotero-save', keys: ['carr2015powerplays'], extra: 1 })).toEqual({
      type: 'zotero-save',
      keys: ['carr2015powerplays'],
    });
    expect(parseToBackground({ type: 'zotero-save', keys: ['a'], pageUrl: 'https://x.example/' })).toEqual({
      type: 'zotero-save',
      keys: ['a'],
      pageUrl: 'https://x.example/',
    });
    expect(parseToBackground({ type: 'zotero-ping' })).toEqual({ type: 'zotero-ping' });
    expect(parseToBackground({ type: 'format-references', keys: ['a', 'b'], style: 'chicago' })).toEqual({
      type: 'format-references',
      keys: ['a', 'b'],
      style: 'chicago',
    });
    expect(
      parseToBackground({ type: 'article-facts', title: 'T', published: '2026-03-01', publisher: 'P', url: 'x' }),
    ).toEqual({ type: 'article-facts', title: 'T', published: '2026-03-01', publisher: 'P' });
    expect(parseToBackground({ type: 'article-facts', title: 7 })).toEqual({ type: 'article-facts' });
    expect(parseToBackground({ type: 'research-log-export', format: 'csl-json' })).toEqual({
      type: 'research-log-export',
      format: 'csl-json',
    });
    expect(parseToBackground({ type: 'research-log-delete' })).toEqual({ type: 'research-log-delete' });
    expect(parseToBackground({ type: 'research-log-delete', url: 'https://x.example/' })).toEqual({
      type: 'research-log-delete',
      url: 'https://x.example/',
    });
  });

  it('refuses wrong keys, styles, formats and sizes', () => {
    for (const msg of [
      { type: 'zotero-save' },
      { type: 'zotero-save', keys: [] },
      { type: 'zotero-save', keys: ['Not A Key'] },
      { type: 'zotero-save', keys: Array.from({ length: 1001 }, () => 'a') },
      { type: 'zotero-save', keys: ['a'], pageUrl: 7 },
      { type: 'format-references', keys: ['a'], style: 'mla' },
      { type: 'research-log-export', format: 'docx' },
      { type: 'research-log-delete', url: '' },
      { type: 'research-log-delete', url: 'x'.repeat(4001) },
    ]) {
      expect(parseToBackground(msg), JSON.stringify(msg).slice(0, 80)).toBeUndefined();
    }
  });
});
