// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  positionIn,
  resolveNodes,
  type ScanOptions,
  type Segment,
  segmentUnchanged,
  SegmentWalker,
} from '../../../src/content/scan.js';

const options: ScanOptions = {
  isOwnElement: (el) => el.tagName === 'OUR-UI' && el.hasAttribute('data-ours'),
};

function walk(html: string): Segment[] {
  // Our own constant markup, parsed into the test document.
  document.body.replaceChildren(new DOMParser().parseFromString(html, 'text/html').body);
  const out: Segment[] = [];
  const walker = new SegmentWalker(document.body, options);
  while (walker.next(out, () => false)) {
    // all in one go
  }
  return out;
}

function segments(html: string): string[] {
  return walk(html).map((s) => s.text.trim());
}

describe('SegmentWalker', () => {
  it('joins inline elements into one segment and breaks at blocks', () => {
    expect(segments('<p>Internet <a href="#">Governance</a> Forum</p><p>ICANN</p>')).toEqual([
      'Internet Governance Forum',
      'ICANN',
    ]);
  });

  it('skips code, editable, hidden and our own elements with their subtrees', () => {
    const html = `
      <p>one</p>
      <div contenteditable="true"><p>editable</p></div>
      <div contenteditable="false"><p>two</p></div>
      <div contenteditable><p>editable too</p></div>
      <section hidden><p>hidden</p></section>
      <pre><code>code</code></pre>
      <our-ui data-ours><p>ours</p></our-ui>
      <span data-ours>page copy of our attribute</span>
      <p>three</p>`;
    expect(segments(html)).toEqual(['one', 'two', 'page copy of our attribute', 'three']);
  });

  it('reads a block of inline elements only whole, and finds its nodes from their lengths when asked', () => {
    const [seg, other] = walk('<p>Internet <a href="#">Gover<b>nance</b></a> Forum</p><div>two<p>three</p></div>');
    expect(seg?.text).toBe('Internet Governance Forum');
    // No wrapper per text node until a match needs them.
    expect(seg?.nodes).toBeNull();
    expect(other?.nodes).not.toBeNull();
    if (!seg) throw new Error('no segment');
    expect(segmentUnchanged(seg)).toBe(true);
    const { nodes, offsets } = resolveNodes(seg);
    expect(nodes.map((n) => n.data)).toEqual(['Internet ', 'Gover', 'nance', ' Forum']);
    expect(offsets).toEqual([0, 9, 14, 19]);
    const end = positionIn(nodes, offsets, 19, true);
    expect([end.node.data, end.offset, end.at]).toEqual(['nance', 5, 2]);
    (document.querySelector('b') as Element).textContent = 'nancy';
    expect(segmentUnchanged(seg)).toBe(false);
  });

  it('walks a block node by node where a nested block, a break or a skipped inline element is in it', () => {
    expect(segments('<p>Internet <span hidden>x</span>Governance</p><p>a<br>b</p>')).toEqual([
      'Internet',
      'Governance',
      'a',
      'b',
    ]);
  });
});
