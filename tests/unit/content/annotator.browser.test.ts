import { afterEach, describe, expect, it } from 'vitest';
import { Annotator, type AnnotatorOptions } from '../../../src/content/annotator.js';
import { HighlightPainter } from '../../../src/content/painter.js';
import type { TermCount } from '../../../src/core/messages.js';
import type { BlockMatcher } from '../../../src/content/block-matcher.js';
import { highlighted, mount, rangeText, sleep, testMatcher, until } from './browser-helpers.js';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

function annotate(options: Partial<AnnotatorOptions> = {}, disabled: string[] = []) {
  const painter = new HighlightPainter(window);
  const results: TermCount[][] = [];
  const annotator = new Annotator(document, testMatcher(disabled), painter, {
    firstOnly: false,
    isOwnElement: (el) => el.tagName === 'OUR-UI',
    onResults: (terms) => results.push(terms),
    ...options,
  });
  cleanup.push(() => {
    annotator.dispose();
    painter.dispose();
  });
  return { annotator, painter, results };
}

describe('Annotator in Chromium', () => {
  it('paints every term through the Highlight API and leaves the DOM as it was', async () => {
    const root = mount('<p>ICANN and <b>net</b> neutrality.</p><p>More on internet governance at ICANN.</p>');
    const before = root.innerHTML;
    const { annotator } = annotate();
    annotator.scanDocument();
    await annotator.idle;
    expect(highlighted()).toEqual(['ICANN', 'ICANN', 'internet governance', 'net neutrality']);
    expect(root.innerHTML).toBe(before);
    expect(annotator.matchCount).toBe(4);
  });

  it('reports term counts (throttled) and orders matches as they read', async () => {
    mount('<p>net neutrality</p><p>ICANN</p><p>ICANN</p>');
    const { annotator, results } = annotate();
    annotator.scanDocument();
    await annotator.idle;
    await until(() => results.length > 0);
    const last = results.at(-1) ?? [];
    expect([...last].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'icann', count: 2 },
      { id: 'net-neutrality', count: 1 },
    ]);
    expect(annotator.inOrder().map((r) => rangeText(r.range))).toEqual(['net neutrality', 'ICANN', 'ICANN']);
  });

  it('marks only the first occurrence of each term when asked to', async () => {
    mount('<p>ICANN, ICANN and ICANN; net neutrality and net neutrality.</p>');
    const { annotator } = annotate({ firstOnly: true });
    annotator.scanDocument();
    await annotator.idle;
    expect(highlighted()).toEqual(['ICANN', 'net neutrality']);
  });

  it('skips disabled terms, our own UI, editable regions and code', async () => {
    mount(
      '<p>ICANN net neutrality</p><our-ui>ICANN</our-ui><div contenteditable>ICANN</div><code>ICANN</code>' +
        '<textarea>ICANN</textarea>',
    );
    const { annotator } = annotate({}, ['net-neutrality']);
    annotator.scanDocument();
    await annotator.idle;
    expect(highlighted()).toEqual(['ICANN']);
  });

  it('annotates open shadow roots and lists them for hit-testing', async () => {
    const root = mount('<p>ICANN</p><div id="host"></div>');
    const shadow = (root.querySelector('#host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>net neutrality</p>';
    const { annotator } = annotate();
    annotator.scanDocument();
    await annotator.idle;
    expect(highlighted()).toEqual(['ICANN', 'net neutrality']);
    expect(annotator.shadowRootList).toEqual([shadow]);
  });

  it('finds the match at a text position, and drops matches whose text left the page', async () => {
    const root = mount('<p id="a">about ICANN today</p><p id="b">net neutrality</p>');
    const { annotator } = annotate();
    annotator.scanDocument();
    await annotator.idle;
    const text = (root.querySelector('#a') as HTMLElement).firstChild as Text;
    expect(annotator.matchAt(text, 6)?.term.id).toBe('icann');
    expect(annotator.matchAt(text, 10)?.term.id).toBe('icann');
    expect(annotator.matchAt(text, 11)).toBeUndefined();
    expect(annotator.matchAt(text, 2)).toBeUndefined();
    root.querySelector('#a')?.remove();
    annotator.pruneDisconnected();
    expect(highlighted()).toEqual(['net neutrality']);
  });

  it('re-scans a changed block: old matches go, new ones come', async () => {
    const root = mount('<p id="a">ICANN</p><p>net neutrality</p>');
    const { annotator } = annotate();
    annotator.scanDocument();
    await annotator.idle;
    const p = root.querySelector('#a') as HTMLElement;
    p.textContent = 'internet governance';
    annotator.rescan(p);
    await annotator.idle;
    annotator.pruneDisconnected();
    expect(highlighted()).toEqual(['internet governance', 'net neutrality']);
  });

  it('dispose removes every highlight and stops scanning', async () => {
    mount('<p>ICANN</p>');
    const { annotator } = annotate();
    annotator.scanDocument();
    annotator.dispose();
    await annotator.idle;
    expect(highlighted()).toEqual([]);
    expect(annotator.matchCount).toBe(0);
  });
});

describe('Annotator with answers that arrive later', () => {
  function annotateWith(matcher: BlockMatcher) {
    const painter = new HighlightPainter(window);
    const annotator = new Annotator(document, matcher, painter, {
      firstOnly: false,
      isOwnElement: () => false,
      onResults: () => undefined,
    });
    cleanup.push(() => {
      annotator.dispose();
      painter.dispose();
    });
    return annotator;
  }

  it('drops the matches of a text the page changed while it was out, and idle waits for every answer', async () => {
    const root = mount('<p id="a">about ICANN today</p><p id="b">net neutrality</p>');
    const matcher = testMatcher([], 30);
    const annotator = annotateWith(matcher);
    annotator.scanDocument();
    let idle = false;
    void annotator.idle.then(() => (idle = true));
    await until(() => matcher.calls === 1);
    // The page rewrites one block before the answer comes back (no live updater here to re-scan it).
    ((root.querySelector('#a') as HTMLElement).firstChild as Text).data = 'about ICANN, tomorrow';
    await sleep(5);
    expect(idle).toBe(false);
    await annotator.idle;
    expect(highlighted()).toEqual(['net neutrality']);
    // Its re-scan then finds the term in the new text.
    annotator.rescan(root.querySelector('#a') as HTMLElement);
    await annotator.idle;
    expect(highlighted()).toEqual(['ICANN', 'net neutrality']);
  });

  it('drops the matches of text that left the page while out', async () => {
    const root = mount('<p id="a">about ICANN today</p><p>net neutrality</p>');
    const matcher = testMatcher([], 30);
    const annotator = annotateWith(matcher);
    annotator.scanDocument();
    await until(() => matcher.calls === 1);
    root.querySelector('#a')?.remove();
    await annotator.idle;
    expect(highlighted()).toEqual(['net neutrality']);
    expect(annotator.matchCount).toBe(1);
  });

  it('ignores the answers to a scan that was cleared, and paints nothing from them', async () => {
    mount('<p>about ICANN and net neutrality</p>');
    const matcher = testMatcher([], 30);
    const annotator = annotateWith(matcher);
    annotator.scanDocument();
    await until(() => matcher.calls === 1);
    annotator.clear();
    await annotator.idle;
    await sleep(60);
    expect(highlighted()).toEqual([]);
    expect(annotator.matchCount).toBe(0);
  });

  it('does not double the matches when a re-scan overtakes an earlier answer for the same text', async () => {
    const root = mount('<p id="a">about ICANN today</p>');
    const matcher = testMatcher([], 20);
    const annotator = annotateWith(matcher);
    annotator.scanDocument();
    await until(() => matcher.calls === 1);
    annotator.rescan(root.querySelector('#a') as HTMLElement);
    await annotator.idle;
    await sleep(50);
    expect(highlighted()).toEqual(['ICANN']);
    expect(annotator.matchCount).toBe(1);
  });

  it('stops quietly when the matcher cannot be reached, and drops an answer that failed validation', async () => {
    mount('<p>about ICANN today</p>');
    const unreachable: BlockMatcher = {
      match: () => Promise.reject(new Error('Extension context invalidated.')),
      setDisabledTerms: () => undefined,
      ownTermsChanged: () => undefined,
    };
    const lost = annotateWith(unreachable);
    lost.scanDocument();
    await lost.idle;
    expect(lost.matchCount).toBe(0);
    lost.rescan(document.body);
    await lost.idle;
    const invalid = annotateWith({ ...unreachable, match: () => Promise.resolve(null) });
    invalid.scanDocument();
    await invalid.idle;
    expect(invalid.matchCount).toBe(0);
  });
});
