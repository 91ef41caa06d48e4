// The walk in a real browser's XHTML document (served as application/xhtml+xml), where tag names keep the
// case they were written in: the skip and inline lists must hold there as in HTML.
import { describe, expect, it } from 'vitest';
import { frameHasText } from '../../../src/content/frame-gate.js';
import { isHostElement } from '../../../src/content/popover-host.js';
import { nearestBlock, type Segment, SegmentWalker } from '../../../src/content/scan.js';

const XHTML = (body: string): Document =>
  new DOMParser().parseFromString(
    `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>ICANN title</title></head><body>${body}</body></html>`,
    'application/xhtml+xml',
  );

function walk(doc: Document): Segment[] {
  const out: Segment[] = [];
  const walker = new SegmentWalker(doc.body, { isOwnElement: isHostElement });
  while (walker.next(out, () => false)) {
    // all in one go
  }
  return out;
}

describe('SegmentWalker in an XHTML document', () => {
  it('skips code, script, style and form fields, and joins inline elements as in HTML', () => {
    const doc = XHTML(`
      <p>Internet <a href="#">Gover<b>nance</b></a> Forum</p>
      <script>var icann = 1;</script>
      <style>.icann {}</style>
      <pre><code>ICANN code</code></pre>
      <textarea>ICANN typed</textarea>
      <div>two<p>three</p></div>`);
    // A lower-case tag name in this document, as the test assumes.
    expect(doc.body.firstElementChild?.tagName).toBe('p');
    const segs = walk(doc);
    expect(segs.map((s) => s.text.trim())).toEqual(['Internet Governance Forum', 'two', 'three']);
    // The paragraph of inline elements only is read whole (no node list), as in HTML.
    expect(segs[0]?.nodes).toBeNull();
  });

  it('finds the block of inline text and skips our own host element', () => {
    const doc = XHTML('<div><span>in <em>line</em></span></div>');
    const em = doc.querySelector('em');
    expect(nearestBlock(em)?.localName).toBe('div');
    const host = doc.createElementNS('http://www.w3.org/1999/xhtml', 'netgov-lens-ui');
    host.setAttribute('data-netgov-lens-host', '');
    host.append(doc.createElementNS('http://www.w3.org/1999/xhtml', 'p'));
    (host.firstChild as Element).textContent = 'our own popover text';
    doc.body.append(host);
    expect(isHostElement(host)).toBe(true);
    expect(walk(doc).map((s) => s.text.trim())).toEqual(['in line']);
  });

  it('does not count script text as a frame worth annotating', async () => {
    // A real subframe showing an XHTML document (a blob: URL is same-origin with this test page).
    const source =
      '<html xmlns="http://www.w3.org/1999/xhtml"><body><script>' +
      'var x = 1; '.repeat(100) +
      '</script></body></html>';
    const url = URL.createObjectURL(new Blob([source], { type: 'application/xhtml+xml' }));
    const frame = document.createElement('iframe');
    frame.style.width = '400px';
    frame.style.height = '200px';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = url;
    document.body.append(frame);
    try {
      await loaded;
      const doc = frame.contentDocument as Document;
      expect(doc.body.firstElementChild?.tagName).toBe('script');
      expect(frameHasText(doc)).toBe(false);
    } finally {
      frame.remove();
      URL.revokeObjectURL(url);
    }
  });
});
