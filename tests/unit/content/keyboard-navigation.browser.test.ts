import { afterEach, describe, expect, it } from 'vitest';
import { Annotator, type MatchRecord } from '../../../src/content/annotator.js';
import { createKeyboardNavigation } from '../../../src/content/keyboard-navigation.js';
import type { PageState } from '../../../src/content/page-state.js';
import { HighlightPainter } from '../../../src/content/painter.js';
import type { PopoverOpener } from '../../../src/content/popover-opener.js';
import { highlighted, mount, rangeText, testMatcher, testSettings } from './browser-helpers.js';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

async function setUp() {
  mount('<p>ICANN first</p><p>then net neutrality</p><p>and ICANN again</p>');
  const painter = new HighlightPainter(window);
  const matcher = testMatcher();
  const annotator = new Annotator(document, matcher, painter, {
    firstOnly: false,
    isOwnElement: () => false,
    onResults: () => undefined,
  });
  annotator.scanDocument();
  await annotator.idle;
  const state: PageState = { settings: testSettings(), matcher, annotator };
  let open: MatchRecord | null = null;
  const opened: string[] = [];
  const opener: PopoverOpener = {
    openRecord: () => open,
    prefetch: () => undefined,
    open: (rec, fromKeyboard) => {
      open = rec;
      opened.push(`${rangeText(rec.range)}${fromKeyboard ? ' (keyboard)' : ''}`);
      return true;
    },
    close: () => {
      open = null;
    },
  };
  const navigation = createKeyboardNavigation(document, painter, state, opener);
  cleanup.push(() => {
    annotator.dispose();
    painter.dispose();
  });
  return { navigation, opened, opener, state };
}

describe('keyboard navigation', () => {
  it('steps through the matches in reading order, wrapping, and rings the current one', async () => {
    const { navigation, opened } = await setUp();
    expect([1, 1, 1, 1].map(() => navigation.step(1))).toEqual([true, true, true, true]);
    expect(opened).toEqual(['ICANN (keyboard)', 'net neutrality (keyboard)', 'ICANN (keyboard)', 'ICANN (keyboard)']);
    expect(highlighted('netgov-lens-focus')).toEqual(['ICANN']);
  });

  it('backwards from nothing starts at the last match; from an open popover it moves from there', async () => {
    const { navigation, opened, opener, state } = await setUp();
    navigation.step(-1);
    expect(opened).toEqual(['ICANN (keyboard)']);
    const second = state.annotator?.inOrder()[1];
    if (!second) throw new Error('no match');
    opener.open(second, false);
    navigation.step(1);
    expect(opened.at(-1)).toBe('ICANN (keyboard)');
    expect(navigation.step(-1)).toBe(true);
    expect(opened.at(-1)).toBe('net neutrality (keyboard)');
  });

  it("shows a term's first match, or answers false", async () => {
    const { navigation, opened } = await setUp();
    expect(navigation.showTerm('net-neutrality')).toBe(true);
    expect(opened).toEqual(['net neutrality (keyboard)']);
    expect(navigation.showTerm('no-such-term')).toBe(false);
  });

  it('reset starts again from the top; no matches, no step', async () => {
    const { navigation, opened, state } = await setUp();
    navigation.step(1);
    navigation.step(1);
    navigation.reset();
    navigation.step(1);
    expect(opened.at(-1)).toBe('ICANN (keyboard)');
    state.annotator = null;
    expect(navigation.step(1)).toBe(false);
  });
});
