// @vitest-environment happy-dom
// The fallback for engines without the Highlight API wraps matches and must undo every wrap exactly.
import { describe, expect, it } from 'vitest';
import { WrapPainter } from '../../../src/content/wrap-painter.js';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(html: string) {
  // Test fixtures are literal markup written in this file.
  // eslint-disable-next-line no-unsanitized/property
  document.body.innerHTML = html;
  const before = document.body.innerHTML;
  const painter = new WrapPainter(document);
  return { before, painter };
}

// happy-dom has no StaticRange; the painter only reads the four boundary fields.
function rangeOf(node: Text, start: number, end: number): StaticRange {
  return {
    startContainer: node,
    startOffset: start,
    endContainer: node,
    endOffset: end,
    collapsed: start === end,
  } as StaticRange;
}

describe('WrapPainter', () => {
  it('wraps several matches in one text node and restores the same node and text', async () => {
    const { before, painter } = setup('<p>ICANN met IANA and ICANN again.</p>');
    const text = document.querySelector('p')?.firstChild as Text;
    const ranges = [rangeOf(text, 0, 5), rangeOf(text, 10, 14), rangeOf(text, 19, 24)];
    for (const r of ranges) painter.add(r);
    await flush();
    const marks = [...document.querySelectorAll('netgov-lens-mark')].map((m) => m.textContent);
    expect(marks).toEqual(['ICANN', 'IANA', 'ICANN']);
    expect(document.querySelector('p')?.textContent).toBe('ICANN met IANA and ICANN again.');
    painter.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('p')?.firstChild).toBe(text); // the page's own node, not a copy
    expect(document.querySelector('p')?.childNodes.length).toBe(1);
  });

  it('removes one wrap and keeps the others', async () => {
    const { painter } = setup('<p>ICANN met IANA.</p>');
    const text = document.querySelector('p')?.firstChild as Text;
    const a = rangeOf(text, 0, 5);
    const b = rangeOf(text, 10, 14);
    painter.add(a);
    painter.add(b);
    await flush();
    painter.remove(b);
    expect([...document.querySelectorAll('netgov-lens-mark')].map((m) => m.textContent)).toEqual(['ICANN']);
    painter.dispose();
    expect(document.querySelectorAll('netgov-lens-mark')).toHaveLength(0);
    expect(document.querySelector('p')?.textContent).toBe('ICANN met IANA.');
  });

  it('reflects style and focus on the marks', async () => {
    const { painter } = setup('<p>ICANN</p>');
    const r = rangeOf(document.querySelector('p')?.firstChild as Text, 0, 5);
    painter.add(r);
    await flush();
    painter.setStyle('background');
    painter.setFocus(r);
    const mark = document.querySelector('netgov-lens-mark') as HTMLElement;
    expect(mark.dataset.style).toBe('background');
    expect(mark.hasAttribute('data-focus')).toBe(true);
    expect(painter.owns(mark.firstChild as Node)).toBe(true);
  });
});
