import { describe, expect, it } from 'vitest';
import { caretAt, liveRange, pointInRange } from '../../../src/content/hit-test.js';
import { mount, pointOnText } from './browser-helpers.js';

describe('hit-testing with real layout', () => {
  it('finds the text position under a point', () => {
    const root = mount('<p style="font: 20px monospace">about ICANN today</p>');
    const { x, y } = pointOnText(root, 'ICANN');
    const caret = caretAt(document, x, y, []);
    expect(caret?.node).toBe(root.querySelector('p')?.firstChild);
    // The middle of "ICANN" (offsets 6 to 11) is at offset 8 or 9.
    expect(caret?.offset).toBeGreaterThanOrEqual(8);
    expect(caret?.offset).toBeLessThanOrEqual(9);
  });

  it('finds text inside an open shadow root when given the root', () => {
    const root = mount('<div id="host"></div>');
    const shadow = (root.querySelector('#host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p style="font: 20px monospace">net neutrality</p>';
    const { x, y } = pointOnText(shadow.querySelector('p') as Element, 'neutrality');
    expect(caretAt(document, x, y, [shadow])?.node).toBe(shadow.querySelector('p')?.firstChild);
  });

  it('tells a point on the text from a point beside it, where the caret snaps to the text', () => {
    const root = mount('<p style="font: 20px monospace; margin-top: 40px">ICANN</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 5);
    const rect = range.getBoundingClientRect();
    expect(pointInRange(range, rect.left + 2, rect.top + rect.height / 2)).toBe(true);
    // Above the glyphs, in the paragraph's margin: the caret API still answers with this text.
    expect(caretAt(document, rect.left + 2, rect.top - 20, [])?.node).toBe(text);
    expect(pointInRange(range, rect.left + 2, rect.top - 20)).toBe(false);
    expect(pointInRange(range, rect.right + 30, rect.top + 2)).toBe(false);
  });

  it('makes a live range of a static one, or null once the text has changed under it', () => {
    const root = mount('<p>ICANN</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const stat = new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 5 });
    expect(liveRange(document, stat)?.toString()).toBe('ICANN');
    text.data = 'x';
    expect(liveRange(document, stat)).toBeNull();
  });
});
