// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { type ScanOptions, type Segment, SegmentWalker } from '../../../src/content/scan.js';

const options: ScanOptions = {
  isOwnElement: (el) => el.tagName === 'OUR-UI' && el.hasAttribute('data-ours'),
};

function segments(html: string): string[] {
  // Our own constant markup, parsed into the test document.
  document.body.replaceChildren(new DOMParser().parseFromString(html, 'text/html').body);
  const out: Segment[] = [];
  const walker = new SegmentWalker(document.body, options);
  while (walker.next(out, () => false)) {
    // all in one go
  }
  return out.map((s) => s.text.trim());
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
});
