import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Annotator, type MatchRecord } from '../../../src/content/annotator.js';
import type { PageState } from '../../../src/content/page-state.js';
import { liveRange } from '../../../src/content/hit-test.js';
import { HighlightPainter } from '../../../src/content/painter.js';
import { createPointerIntent } from '../../../src/content/pointer-intent.js';
import { PopoverHost } from '../../../src/content/popover-host.js';
import type { PopoverOpener } from '../../../src/content/popover-opener.js';
import type { Settings } from '../../../src/core/settings.js';
import { mount, pointOnText, sleep, testMatcher, testSettings, until } from './browser-helpers.js';
import { popoverUi } from '../../../src/content/popover-ui.js';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

const POPOVER_PROPS = {
  termId: 'icann',
  foundAs: 'ICANN',
  load: () => new Promise<null>(() => undefined),
  actions: {
    provider: 'scholar',
    citationFormat: 'bibtex',
    openUrl: () => undefined,
    copy: () => Promise.resolve(true),
  },
  onHideTerm: () => undefined,
  onOpenGlossary: () => undefined,
  focusOnOpen: false,
} as const;

/** A scanned page, a host and an opener that records what it was asked to do. */
async function setUp(patch: Partial<Settings> = {}) {
  const root = mount(
    '<p style="font: 20px sans-serif; margin: 40px">About <span id="icann">ICANN</span> and more, then net neutrality.</p>' +
      '<p style="font: 20px sans-serif; margin: 40px">Nothing here.</p>',
  );
  const painter = new HighlightPainter(window);
  const matcher = testMatcher();
  const annotator = new Annotator(document, matcher, painter, {
    firstOnly: false,
    isOwnElement: () => false,
    onResults: () => undefined,
  });
  annotator.scanDocument();
  await annotator.idle;
  const state: PageState = { settings: testSettings({ hoverDelayMs: 50, ...patch }), matcher, annotator };
  const host = new PopoverHost(document, popoverUi);
  let open: MatchRecord | null = null;
  const opened: { term: string; point: { x: number; y: number } | undefined }[] = [];
  /** What the opener was asked, in order. */
  const steps: string[] = [];
  // Opens the real host (pointer intent asks it whether a popover is open) with an entry that never loads.
  const opener: PopoverOpener = {
    openRecord: () => open,
    prefetch: (rec) => void steps.push(`prefetch ${rec.term.id}`),
    prerender: (rec) => void steps.push(`prerender ${rec.term.id}`),
    open: (rec, _fromKeyboard, point) => {
      steps.push(`open ${rec.term.id}`);
      open = rec;
      opened.push({ term: rec.term.id, point });
      const range = liveRange(document, rec.range) as Range;
      host.open({ range }, POPOVER_PROPS, () => undefined);
      return true;
    },
    close: vi.fn((restoreFocus: boolean) => {
      if (host.isOpen) host.close(restoreFocus);
      open = null;
    }),
  };
  const onDesignMode = vi.fn();
  // These tests dispatch their own events (untrusted), so every event counts as the reader's here.
  const intent = createPointerIntent(document, host, state, opener, onDesignMode, () => true);
  intent.bind(state.settings.trigger);
  cleanup.push(() => {
    intent.dispose();
    annotator.dispose();
    painter.dispose();
    host.destroy();
    document.designMode = 'off';
  });
  return { root, intent, opener, opened, steps, onDesignMode, state };
}

/** A pointer event at (x, y), dispatched on the element there as the browser would. */
function pointer(type: string, { x, y }: { x: number; y: number }, pointerType = 'mouse'): void {
  const target = document.elementFromPoint(x, y) ?? document.body;
  target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerType, bubbles: true, composed: true }));
}

const moveTo = (at: { x: number; y: number }): void => pointer('pointermove', at);

describe('pointer intent', () => {
  it('opens a term rested on for the hover delay, at the pointer', async () => {
    const { root, opened } = await setUp();
    const at = pointOnText(root, 'ICANN');
    moveTo(at);
    await sleep(20);
    expect(opened).toEqual([]);
    await until(() => opened.length === 1);
    expect(opened[0]).toEqual({ term: 'icann', point: at });
  });

  it('asks for the entry on arrival, renders it ahead after a short rest, opens after the delay', async () => {
    const { root, opened, steps } = await setUp({ hoverDelayMs: 300 });
    moveTo(pointOnText(root, 'ICANN'));
    await until(() => steps.length === 1);
    expect(steps).toEqual(['prefetch icann']);
    await until(() => steps.length === 2);
    expect(steps).toEqual(['prefetch icann', 'prerender icann']);
    await until(() => opened.length === 1);
    expect(steps).toEqual(['prefetch icann', 'prerender icann', 'open icann']);
  });

  it('does not render ahead for a term the pointer passed over quickly', async () => {
    const { root, steps } = await setUp({ hoverDelayMs: 300 });
    moveTo(pointOnText(root, 'ICANN'));
    await sleep(40);
    moveTo(pointOnText(root, 'Nothing'));
    await sleep(250);
    expect(steps).toEqual(['prefetch icann']);
  });

  it('does not open a term the pointer only passed over', async () => {
    const { root, opened } = await setUp({ hoverDelayMs: 150 });
    moveTo(pointOnText(root, 'ICANN'));
    await sleep(40);
    moveTo(pointOnText(root, 'Nothing'));
    await sleep(250);
    expect(opened).toEqual([]);
  });

  it('closes after a grace period once the pointer leaves the open term, not while it stays', async () => {
    const { root, opener, opened } = await setUp();
    moveTo(pointOnText(root, 'ICANN'));
    await until(() => opened.length === 1);
    moveTo(pointOnText(root, 'more'));
    await sleep(200);
    expect(opener.close).not.toHaveBeenCalled();
    await until(() => vi.mocked(opener.close).mock.calls.length === 1);
    expect(opener.close).toHaveBeenCalledWith(false);
  });

  it('ignores touch and leaves a page in designMode to its editing', async () => {
    const { root, opened, onDesignMode } = await setUp();
    const at = pointOnText(root, 'ICANN');
    pointer('pointermove', at, 'touch');
    await sleep(120);
    expect(opened).toEqual([]);
    document.designMode = 'on';
    moveTo(at);
    expect(onDesignMode).toHaveBeenCalledOnce();
  });

  it('with trigger "click", opens on the reader\'s click only; a press on the term keeps it, elsewhere closes', async () => {
    const { root, opened, opener } = await setUp({ trigger: 'click' });
    const term = root.querySelector('#icann') as HTMLElement;
    moveTo(pointOnText(root, 'ICANN'));
    await sleep(120);
    term.click(); // a script's click is not the reader's
    expect(opened).toEqual([]);
    await userEvent.click(term);
    expect(opened.map((o) => o.term)).toEqual(['icann']);
    pointer('pointerdown', pointOnText(root, 'ICANN'));
    expect(opener.close).not.toHaveBeenCalled();
    pointer('pointerdown', pointOnText(root, 'more'));
    expect(opener.close).toHaveBeenCalledWith(false);
  });

  it('Escape closes the open popover and returns focus', async () => {
    const { root, opened, opener } = await setUp();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(opener.close).not.toHaveBeenCalled();
    moveTo(pointOnText(root, 'ICANN'));
    await until(() => opened.length === 1);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(opener.close).toHaveBeenCalledWith(true);
  });

  it('forgets the hovered term when the matches change, and dispose removes every listener', async () => {
    const { root, opened, opener, intent } = await setUp();
    const at = pointOnText(root, 'ICANN');
    moveTo(at);
    await until(() => opened.length === 1);
    opener.close(false);
    // Still resting on the same term: nothing new to open.
    moveTo(at);
    await sleep(120);
    expect(opened.length).toBe(1);
    intent.forget();
    moveTo(at);
    await until(() => opened.length === 2);
    opener.close(false);
    intent.dispose();
    moveTo(pointOnText(root, 'neutrality'));
    await sleep(150);
    expect(opened.length).toBe(2);
  });
});
