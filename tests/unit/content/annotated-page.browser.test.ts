import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { type AnnotatedPage, annotatePage } from '../../../src/content/annotated-page.js';
import { HighlightPainter } from '../../../src/content/painter.js';
import { highlighted, mount, pointOnText, testMatcher, testSettings, until } from './browser-helpers.js';
import { popoverUi } from '../../../src/content/popover-ui.js';

let page: AnnotatedPage | null = null;
afterEach(() => {
  page?.dispose();
  page = null;
  document.designMode = 'off';
});

function start(settings = testSettings({ hoverDelayMs: 20 })) {
  const stop = vi.fn(() => {
    page?.dispose();
    page = null;
  });
  const loadEntry = vi.fn(() => Promise.resolve(null));
  page = annotatePage(
    document,
    new HighlightPainter(window),
    { settings, matcher: testMatcher() },
    { loadEntry, stop, popoverUi },
  );
  return { page, stop, loadEntry };
}

const popoverOpen = () =>
  !!document.querySelector('[data-netgov-lens-host]')?.shadowRoot?.querySelector('.frame:not([hidden])');

/** The reader's pointer at (x, y): a trusted move through the browser (the page ignores synthetic ones). */
async function hover(at: { x: number; y: number }): Promise<void> {
  const target = document.elementFromPoint(at.x, at.y) ?? document.body;
  const rect = target.getBoundingClientRect();
  await userEvent.hover(target, { position: { x: at.x - rect.left, y: at.y - rect.top } });
}

describe('an annotated page', () => {
  it('scans, opens a hovered term and counts its matches', async () => {
    const root = mount('<p style="font: 20px sans-serif">ICANN and net neutrality, ICANN.</p>');
    const { page, loadEntry } = start();
    await until(() => page.matchCount() === 3);
    expect(highlighted()).toEqual(['ICANN', 'ICANN', 'net neutrality']);
    await hover(pointOnText(root, 'neutrality'));
    await until(popoverOpen);
    await until(() => loadEntry.mock.calls.length > 0);
    expect(loadEntry).toHaveBeenCalledWith('net-neutrality');
  });

  it('applies new settings in place: style, occurrences, disabled terms', async () => {
    mount('<p>ICANN and net neutrality, ICANN.</p>');
    const { page } = start();
    await until(() => page.matchCount() === 3);
    page.update(testSettings({ highlightStyle: 'solid' }));
    expect(highlighted('netgov-lens-solid')).toHaveLength(3);
    expect(highlighted('netgov-lens-dotted')).toEqual([]);
    page.update(testSettings({ highlightStyle: 'solid', occurrences: 'first' }));
    await until(() => page.matchCount() === 2);
    page.update(testSettings({ highlightStyle: 'solid', occurrences: 'first', disabledTerms: ['icann'] }));
    await until(() => highlighted('netgov-lens-solid').join() === 'net neutrality');
  });

  it('navigates by keyboard and rings the term', async () => {
    mount('<p>ICANN and net neutrality.</p>');
    const { page } = start();
    await until(() => page.matchCount() === 2);
    expect(page.navigation.step(1)).toBe(true);
    expect(highlighted('netgov-lens-focus')).toEqual(['ICANN']);
    expect(popoverOpen()).toBe(true);
    expect(page.navigation.showTerm('net-neutrality')).toBe(true);
    expect(highlighted('netgov-lens-focus')).toEqual(['net neutrality']);
  });

  it('a new matcher re-scans and closes the open popover', async () => {
    mount('<p>ICANN and net neutrality.</p>');
    const { page } = start();
    await until(() => page.matchCount() === 2);
    page.navigation.step(1);
    const matcher = testMatcher(['net-neutrality']);
    page.setMatcher(matcher);
    expect(popoverOpen()).toBe(false);
    await until(() => highlighted().join() === 'ICANN');
  });

  it('a re-scan keeps the old highlights shown until the new scan has its own, and drops them if it finds none', async () => {
    mount('<p>ICANN and net neutrality.</p>');
    const { page } = start();
    await until(() => page.matchCount() === 2);
    // Every state the page shows while the new matcher's answer is out (40 ms), sampled every frame.
    const seen: string[] = [];
    let sampling = true;
    const sample = (): void => {
      seen.push(highlighted().join());
      if (sampling) requestAnimationFrame(sample);
    };
    page.setMatcher(testMatcher(['net-neutrality'], 40));
    sample();
    await until(() => highlighted().join() === 'ICANN');
    sampling = false;
    expect(seen[0]).toBe('ICANN,net neutrality');
    expect(seen.filter((s) => s === '')).toEqual([]);
    expect(page.matchCount()).toBe(1);

    page.setMatcher(testMatcher(['icann', 'net-neutrality'], 40));
    expect(highlighted()).toEqual(['ICANN']);
    await until(() => highlighted().length === 0);
    expect(page.matchCount()).toBe(0);
  });

  it('stops when the document becomes an editor', async () => {
    const root = mount('<p style="font: 20px sans-serif">ICANN</p>');
    const { page, stop } = start();
    await until(() => page.matchCount() === 1);
    document.designMode = 'on';
    await hover(pointOnText(root, 'ICANN'));
    expect(stop).toHaveBeenCalled();
    expect(highlighted()).toEqual([]);
  });

  it('dispose removes every highlight, the host and the listeners', async () => {
    const root = mount('<p style="font: 20px sans-serif">ICANN</p>');
    const { page: running } = start();
    await until(() => running.matchCount() === 1);
    running.navigation.step(1);
    running.dispose();
    page = null;
    expect(highlighted()).toEqual([]);
    expect(CSS.highlights.has('netgov-lens-focus')).toBe(false);
    expect(document.querySelector('[data-netgov-lens-host]')).toBeNull();
    await hover(pointOnText(root, 'ICANN'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.querySelector('[data-netgov-lens-host]')).toBeNull();
  });
});
