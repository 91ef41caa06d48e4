// Shared by the content script's browser tests (vitest.browser.config.ts): a small compiled dictionary,
// settings, test pages mounted in the document, and the painted highlights read back.
import { compileMatcher } from '../../../src/core/compile-matcher.js';
import type { CompiledMatcher } from '../../../src/core/compiled-matcher.js';
import { PageMatcher } from '../../../src/core/page-matcher.js';
import { matchBlocks } from '../../../src/background/match-service.js';
import type { BlockMatcher } from '../../../src/content/block-matcher.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings.js';

/** A few terms of the real dictionary's kinds: a name, a phrase with a German alias, a plural. */
export const TEST_TERMS = [
  { id: 'icann', label: 'ICANN', category: 'institution', aliases: ['ICANN'] },
  {
    id: 'net-neutrality',
    label: 'net neutrality',
    category: 'concept',
    aliases: ['net neutrality', { text: 'Netzneutralität', lang: 'de' as const }],
  },
  { id: 'internet-governance', label: 'internet governance', category: 'concept', aliases: ['internet governance'] },
];

let compiled: CompiledMatcher | undefined;

export function testDictionary(): CompiledMatcher {
  compiled ??= compileMatcher(TEST_TERMS).matcher;
  return compiled;
}

/**
 * The match service's own matching, in the page: answers each batch in a later microtask, as a message
 * would (later still: a task after `delayMs`, when given). `calls` counts the batches asked for.
 */
export function inPageMatcher(
  matcher: PageMatcher,
  delayMs?: number,
): BlockMatcher & { calls: number; reloads: number } {
  const block = {
    calls: 0,
    reloads: 0,
    match(texts: string[]) {
      block.calls++;
      const answer = matchBlocks(matcher, texts);
      return delayMs === undefined
        ? Promise.resolve(answer)
        : new Promise<typeof answer>((resolve) => setTimeout(() => resolve(answer), delayMs));
    },
    setDisabledTerms(ids: readonly string[]) {
      matcher.setDisabledTerms(ids);
    },
    ownTermsChanged() {
      block.reloads++;
    },
  };
  return block;
}

export function testMatcher(disabled: string[] = [], delayMs?: number): ReturnType<typeof inPageMatcher> {
  const matcher = new PageMatcher(testDictionary());
  matcher.setDisabledTerms(disabled);
  return inPageMatcher(matcher, delayMs);
}

export function testSettings(patch: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, disabledTerms: [], ...patch };
}

/** Replaces the test document's body with our own constant markup. */
export function mount(html: string): HTMLElement {
  const root = document.createElement('main');
  root.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  document.body.replaceChildren(root);
  return root;
}

/** The text of every range registered under `name` (a netgov-lens-* highlight), sorted. */
export function highlighted(name = 'netgov-lens-dotted'): string[] {
  const h = CSS.highlights.get(name) as unknown as Set<AbstractRange> | undefined;
  return [...(h ?? [])].map(rangeText).sort();
}

export function rangeText(r: AbstractRange): string {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
}

/** The centre of the first box of the text `text` inside `el`, in viewport coordinates. */
export function pointOnText(el: Element, text: string): { x: number; y: number } {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n.textContent ?? '').indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + text.length);
    const rect = range.getClientRects()[0];
    if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error(`no text "${text}"`);
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true (or fails the test after `timeout` ms). */
export async function until(check: () => boolean, timeout = 2000): Promise<void> {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await sleep(10);
  }
}
