import { afterEach, describe, expect, it } from 'vitest';
import english from '../../../extension/_locales/en/messages.json';
import { Annotator, type MatchRecord } from '../../../src/content/annotator.js';
import { createKeyboardNavigation } from '../../../src/content/keyboard-navigation.js';
import type { PageState } from '../../../src/content/page-state.js';
import { HighlightPainter } from '../../../src/content/painter.js';
import type { PopoverOpener } from '../../../src/content/popover-opener.js';
import { compileMatcher } from '../../../src/core/compile-matcher.js';
import { PageMatcher } from '../../../src/core/page-matcher.js';
import type { EntryResponse } from '../../../src/platform/messaging.js';
import type { BlockMatcher } from '../../../src/content/block-matcher.js';
import {
  highlighted,
  inPageMatcher,
  mount,
  rangeText,
  testDictionary,
  testMatcher,
  testSettings,
} from './browser-helpers.js';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
  delete (globalThis as { browser?: unknown }).browser;
});

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** The browser's i18n with the English messages: $NAME$ placeholders filled from the substitutions. */
function englishI18n(): void {
  const getMessage = (key: string, subs: string | string[] = []): string => {
    const m = (english as Messages)[key];
    if (!m) return '';
    const list = typeof subs === 'string' ? [subs] : subs;
    return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, n: string) => list[Number(n) - 1] ?? '');
    });
  };
  (globalThis as { browser?: unknown }).browser = { runtime: { id: 'test' }, i18n: { getMessage } };
}

/** An entry as the background sends it, with `positions` positions. */
function entryWith(id: string, positions: number): EntryResponse {
  const position = { stance: 's', holders: [], summary: '', cites: [] };
  return {
    entry: { id, label: id, positions: Array.from({ length: positions }, () => position) },
  } as unknown as EntryResponse;
}

/** An entry request that the test answers when it likes. */
function deferredEntries() {
  const asked: { id: string; answer: (entry: EntryResponse | null) => void; fail: () => void }[] = [];
  const loadEntry = (id: string) =>
    new Promise<EntryResponse | null>((resolve, reject) => {
      asked.push({ id, answer: resolve, fail: () => reject(new Error('gone')) });
    });
  return { asked, loadEntry };
}

/** Lets pending promise callbacks run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function setUp(
  loadEntry: (id: string) => Promise<EntryResponse | null> = () => Promise.resolve(null),
  html = '<p>ICANN first</p><p>then net neutrality</p><p>and ICANN again</p>',
  matcher: BlockMatcher = testMatcher(),
) {
  mount(html);
  const painter = new HighlightPainter(window);
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
    prerender: () => undefined,
    open: (rec, fromKeyboard) => {
      open = rec;
      opened.push(`${rangeText(rec.range)}${fromKeyboard ? ' (keyboard)' : ''}`);
      return true;
    },
    close: () => {
      open = null;
    },
  };
  const announced: string[] = [];
  const announcer = { announce: (text: string) => void announced.push(text) };
  const navigation = createKeyboardNavigation(document, painter, state, opener, announcer, loadEntry);
  cleanup.push(() => {
    annotator.dispose();
    painter.dispose();
  });
  return { navigation, opened, opener, state, announced };
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

  it('announces each step once: the term, its place among the mentions, its positions when the entry comes', async () => {
    englishI18n();
    const { asked, loadEntry } = deferredEntries();
    const { navigation, announced } = await setUp(loadEntry);
    navigation.step(1);
    expect(asked.map((a) => a.id)).toEqual(['icann']);
    await settle();
    expect(announced).toEqual([]);
    asked[0]?.answer(entryWith('icann', 4));
    await settle();
    expect(announced).toEqual(['ICANN — mention 1 of 3 — 4 positions']);
    navigation.step(-1);
    asked[1]?.answer(entryWith('icann', 1));
    await settle();
    expect(announced.at(-1)).toBe('ICANN — mention 3 of 3 — 1 position');
    expect(navigation.showTerm('net-neutrality')).toBe(true);
    asked[2]?.answer(entryWith('net-neutrality', 0));
    await settle();
    expect(announced).toEqual([
      'ICANN — mention 1 of 3 — 4 positions',
      'ICANN — mention 3 of 3 — 1 position',
      'net neutrality — mention 2 of 3',
    ]);
  });

  it('says nothing of a step overtaken by the next one; a failed entry still names the term', async () => {
    englishI18n();
    const { asked, loadEntry } = deferredEntries();
    const { navigation, announced } = await setUp(loadEntry);
    navigation.step(1);
    navigation.step(1);
    asked[0]?.answer(entryWith('icann', 4));
    await settle();
    expect(announced).toEqual([]);
    asked[1]?.fail();
    await settle();
    expect(announced).toEqual(['net neutrality — mention 2 of 3']);
  });

  it("announces the reader's own term at once, without asking for an entry", async () => {
    englishI18n();
    const personal = compileMatcher([
      { id: 'personal:nebula', label: 'Nebula rule', category: 'personal', aliases: ['nebula rule'] },
    ]).matcher;
    const { asked, loadEntry } = deferredEntries();
    const { navigation, announced } = await setUp(
      loadEntry,
      '<p>The nebula rule and ICANN.</p>',
      inPageMatcher(new PageMatcher(testDictionary(), personal)),
    );
    navigation.step(1);
    expect(asked).toEqual([]);
    expect(announced).toEqual(['Nebula rule — mention 1 of 2']);
  });
});
