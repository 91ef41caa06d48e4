import { afterEach, describe, expect, it } from 'vitest';
import { Annotator, type AnnotatorOptions } from '../../../src/content/annotator.js';
import { HighlightPainter } from '../../../src/content/painter.js';
import type { TermCount } from '../../../src/core/messages.js';
import { highlighted, mount, rangeText, testMatcher, until } from './browser-helpers.js';

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
    expect(annotator.matchAt(text, 6)?.term).toBe(0);
    expect(annotator.matchAt(text, 10)?.term).toBe(0);
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
