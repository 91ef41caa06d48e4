import { afterEach, describe, expect, it, vi } from 'vitest';
import { Annotator } from '../../../src/content/annotator.js';
import type { PageState } from '../../../src/content/page-state.js';
import { HighlightPainter } from '../../../src/content/painter.js';
import { PopoverHost } from '../../../src/content/popover-host.js';
import { createEntryCache, createPopoverOpener } from '../../../src/content/popover-opener.js';
import type { EntryResponse } from '../../../src/platform/messaging.js';
import { highlighted, mount, sleep, testMatcher, testSettings, until } from './browser-helpers.js';
import { popoverUi } from '../../../src/content/popover-ui.js';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
  delete (globalThis as { browser?: unknown }).browser;
});

/** Stands in for the extension's runtime: records what the content script sends, answers `answer`. */
function fakeRuntime(answer: (message: { type: string; id?: string }) => unknown = () => null) {
  const sent: { type: string; id?: string }[] = [];
  (globalThis as { browser?: unknown }).browser = {
    runtime: {
      id: 'test',
      sendMessage: (message: { type: string; id?: string }) => {
        sent.push(message);
        return Promise.resolve(answer(message));
      },
      onMessage: { addListener: () => undefined },
    },
    i18n: { getMessage: (key: string) => (key === 'languageDe' ? 'German' : '') },
  };
  return sent;
}

async function setUp(html: string) {
  const root = mount(html);
  const painter = new HighlightPainter(window);
  const matcher = testMatcher();
  const annotator = new Annotator(document, matcher, painter, {
    firstOnly: false,
    isOwnElement: () => false,
    onResults: () => undefined,
  });
  annotator.scanDocument();
  await annotator.idle;
  const state: Pick<PageState, 'settings'> = { settings: testSettings() };
  const host = new PopoverHost(document, popoverUi);
  const loadEntry = vi.fn((_id: string): Promise<EntryResponse | null> => Promise.resolve(null));
  const beforeOpen = vi.fn();
  const opener = createPopoverOpener(document, host, painter, state, loadEntry, beforeOpen);
  cleanup.push(() => {
    host.destroy();
    annotator.dispose();
    painter.dispose();
  });
  return { root, host, opener, annotator, painter, loadEntry, beforeOpen };
}

const shadow = () => document.querySelector('[data-netgov-lens-host]')?.shadowRoot;

describe('popover opener', () => {
  it('opens the term with the words it was found as and their language, and loads its entry', async () => {
    fakeRuntime();
    const { opener, annotator, loadEntry, beforeOpen, host } = await setUp('<p>Die Netz&shy;neutralität gilt.</p>');
    const hostOpen = vi.spyOn(host, 'open');
    const rec = annotator.inOrder()[0];
    if (!rec) throw new Error('no match');
    expect(opener.open(rec, false, { x: 10, y: 10 })).toBe(true);
    expect(opener.openRecord()).toBe(rec);
    expect(beforeOpen).toHaveBeenCalledOnce();
    const [anchor, props] = hostOpen.mock.calls[0] ?? [];
    expect(anchor?.point).toEqual({ x: 10, y: 10 });
    expect(props).toMatchObject({
      termId: 'net-neutrality',
      foundAs: 'Netz\u00adneutralität',
      foundLanguage: 'German',
      focusOnOpen: false,
      actions: { provider: 'scholar', citationFormat: 'bibtex' },
    });
    await until(() => loadEntry.mock.calls.length > 0);
    expect(loadEntry).toHaveBeenCalledWith('net-neutrality');
    await until(() => !!shadow()?.querySelector('.popover h2'));
  });

  it('refuses a match whose text has changed, and keeps nothing open', async () => {
    const { root, opener, annotator, host } = await setUp('<p>ICANN</p>');
    const rec = annotator.inOrder()[0];
    if (!rec) throw new Error('no match');
    (root.querySelector('p')?.firstChild as Text).data = '';
    expect(opener.open(rec, false)).toBe(false);
    expect(opener.openRecord()).toBeNull();
    expect(host.isOpen).toBe(false);
  });

  it('close hides the popover, clears the focus ring and the open record', async () => {
    const { opener, annotator, painter, host } = await setUp('<p>ICANN</p>');
    const rec = annotator.inOrder()[0];
    if (!rec) throw new Error('no match');
    opener.open(rec, true);
    painter.setFocus(rec.range);
    expect(highlighted('netgov-lens-focus')).toEqual(['ICANN']);
    opener.close(false);
    expect(host.isOpen).toBe(false);
    expect(opener.openRecord()).toBeNull();
    expect(highlighted('netgov-lens-focus')).toEqual([]);
  });

  it('asks for the entry when the pointer comes to rest, and the open that follows uses that answer', async () => {
    const { opener, annotator, loadEntry } = await setUp('<p>ICANN and net neutrality</p>');
    const [icann, neutrality] = annotator.inOrder();
    if (!icann || !neutrality) throw new Error('no match');
    opener.prefetch(icann);
    opener.prefetch(icann);
    expect(loadEntry.mock.calls).toEqual([['icann']]);
    opener.open(icann, false);
    // The popover has its answer (none: the missing state) and asked nothing more for it.
    await until(() => shadow()?.querySelector('.popover h2')?.textContent === 'popoverMissing');
    expect(loadEntry.mock.calls).toEqual([['icann']]);
    opener.close(false);
    opener.open(neutrality, false);
    await until(() => loadEntry.mock.calls.length === 2);
    expect(loadEntry.mock.calls).toEqual([['icann'], ['net-neutrality']]);
  });

  it('shows an entry that arrived during the intent delay in the first frame it opens with', async () => {
    const { opener, annotator, loadEntry } = await setUp('<p>ICANN</p>');
    const rec = annotator.inOrder()[0];
    if (!rec) throw new Error('no match');
    const entry: EntryResponse = {
      entry: {
        id: 'icann',
        label: 'ICANN (prefetched)',
        category: 'institutions',
        aliases: ['ICANN'],
        definition: 'The body that coordinates names and numbers.',
        kind: 'reference',
        positions: [],
        debates: [],
        related: [],
      },
      categoryLabel: 'Institutions',
      references: [],
      relatedLabels: {},
      debates: [],
    };
    loadEntry.mockImplementation(() => Promise.resolve(entry));
    opener.prefetch(rec);
    await loadEntry.mock.results[0]?.value;
    opener.open(rec, false);
    // No frame and no effect has run yet: the content came with the popover's first render.
    expect(shadow()?.querySelector('.popover h2')?.textContent).toBe('ICANN (prefetched)');
    expect(loadEntry).toHaveBeenCalledOnce();
  });

  it('renders the prefetched entry hidden ahead of the open, which then shows those same elements', async () => {
    const { opener, annotator, loadEntry, host } = await setUp('<p>ICANN</p>');
    const rec = annotator.inOrder()[0];
    if (!rec) throw new Error('no match');
    const entry: EntryResponse = {
      entry: {
        id: 'icann',
        label: 'ICANN (ahead)',
        category: 'institutions',
        aliases: ['ICANN'],
        definition: 'The body that coordinates names and numbers.',
        kind: 'reference',
        positions: [],
        debates: [],
        related: [],
      },
      categoryLabel: 'Institutions',
      references: [],
      relatedLabels: {},
      debates: [],
    };
    loadEntry.mockImplementation(() => Promise.resolve(entry));
    // Before its entry is at hand, nothing is rendered; it is once the answer arrives.
    opener.prefetch(rec);
    opener.prerender(rec);
    expect(shadow()?.querySelector('.popover')).toBeNull();
    await until(() => shadow()?.querySelector('.popover h2')?.textContent === 'ICANN (ahead)');
    const title = shadow()?.querySelector('.popover h2');
    expect(host.isOpen).toBe(false);
    opener.open(rec, false);
    expect(host.isOpen).toBe(true);
    expect(shadow()?.querySelector('.popover h2')).toBe(title);
    expect(loadEntry).toHaveBeenCalledOnce();
  });

  it('renders nothing ahead for a term that was not prefetched last', async () => {
    const { opener, annotator } = await setUp('<p>ICANN and net neutrality</p>');
    const [icann, neutrality] = annotator.inOrder();
    if (!icann || !neutrality) throw new Error('no match');
    opener.prefetch(icann);
    opener.prefetch(neutrality);
    opener.prerender(icann);
    await sleep(20);
    expect(shadow()?.querySelector('.popover')).toBeNull();
  });

  it('a popover closing by itself (its close button) clears the open record too', async () => {
    const { opener, annotator, host } = await setUp('<p>ICANN</p>');
    const rec = annotator.inOrder()[0];
    if (!rec) throw new Error('no match');
    opener.open(rec, false);
    host.onClosed?.();
    expect(opener.openRecord()).toBeNull();
  });
});

describe('entry cache', () => {
  it('asks the background once per term, again after a failure, and each time for own terms', async () => {
    const sent = fakeRuntime((m) => (m.id === 'icann' ? { entry: { label: 'ICANN' } } : null));
    const load = createEntryCache();
    await load('icann', false);
    await load('icann', false);
    await load('missing', false);
    await load('missing', false);
    await load('my-term', true);
    await load('my-term', true);
    expect(sent.map((m) => m.id)).toEqual(['icann', 'missing', 'missing', 'my-term', 'my-term']);
  });
});
