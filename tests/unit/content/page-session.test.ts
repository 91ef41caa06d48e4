import { describe, expect, it, vi } from 'vitest';
import { createPageSession, type RunningPage } from '../../../src/content/page-session.js';
import { compileMatcher } from '../../../src/core/compile-matcher.js';
import type { PageMatcher } from '../../../src/core/page-matcher.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings.js';
import { personalMatcherTerms } from '../../../src/core/personal-terms.js';

const compiled = compileMatcher([{ id: 'icann', label: 'ICANN', category: 'institution', aliases: ['ICANN'] }]).matcher;
const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, disabledTerms: [], ...patch });

/** A document as far as the session looks at one. */
function fakeDocument(hostname = 'example.org'): Document {
  return { location: { hostname }, designMode: 'off' } as unknown as Document;
}

function session(doc = fakeDocument(), loadDictionary = vi.fn(() => Promise.resolve(compiled))) {
  const pages: (RunningPage & { matcher: PageMatcher; settings: Settings })[] = [];
  const s = createPageSession(doc, {
    loadDictionary,
    startPage: (start) => {
      const page = {
        matcher: start.matcher,
        settings: start.settings,
        update: vi.fn(),
        setMatcher: vi.fn(),
        dispose: vi.fn(),
      };
      pages.push(page);
      return page;
    },
  });
  return { s, pages, loadDictionary, doc };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('page session', () => {
  it('loads the dictionary once, then starts the page with the settings of that moment', async () => {
    const { s, pages, loadDictionary } = session();
    s.apply(settings());
    s.apply(settings({ highlightStyle: 'solid' }));
    expect(pages).toEqual([]);
    await settle();
    expect(loadDictionary).toHaveBeenCalledOnce();
    expect(pages.map((p) => p.settings.highlightStyle)).toEqual(['solid']);
    expect(s.page()).toBe(pages[0]);
  });

  it('never loads the dictionary on a site that is switched off', async () => {
    const { s, loadDictionary } = session(fakeDocument('news.example'));
    s.apply(settings({ deniedSites: ['news.example'] }));
    await settle();
    expect(loadDictionary).not.toHaveBeenCalled();
    expect(s.page()).toBeNull();
  });

  it('updates a running page, and ends it when switched off; on again reuses the matcher', async () => {
    const { s, pages } = session();
    s.apply(settings());
    await settle();
    const first = pages[0];
    s.apply(settings({ trigger: 'click' }));
    expect(first?.update).toHaveBeenCalledWith(expect.objectContaining({ trigger: 'click' }));
    s.apply(settings({ enabled: false }));
    expect(first?.dispose).toHaveBeenCalledOnce();
    expect(s.page()).toBeNull();
    s.apply(settings({ disabledTerms: ['icann'] }));
    expect(pages).toHaveLength(2);
    expect(pages[1]?.matcher).toBe(first?.matcher);
  });

  it('gives a running page a new matcher when the reader changes own terms', async () => {
    const { s, pages } = session();
    s.setPersonalMatcher(
      compileMatcher(personalMatcherTerms([{ id: 'my-a', label: 'A', aliases: ['alpha term'] }])).matcher,
    );
    expect(s.isPersonalTerm('my-a')).toBe(true);
    s.apply(settings());
    await settle();
    const page = pages[0];
    s.setPersonalMatcher(null);
    expect(s.isPersonalTerm('my-a')).toBe(false);
    expect(page?.setMatcher).toHaveBeenCalledOnce();
    expect(vi.mocked(page?.setMatcher ?? vi.fn()).mock.calls[0]?.[0]).not.toBe(page?.matcher);
  });

  it('does not start in a document in designMode, and stop() ends a running page once', async () => {
    const doc = fakeDocument();
    (doc as { designMode: string }).designMode = 'on';
    const { s, pages } = session(doc);
    s.apply(settings());
    await settle();
    expect(pages).toEqual([]);
    (doc as { designMode: string }).designMode = 'off';
    s.apply(settings());
    await settle();
    s.stop();
    s.stop();
    expect(pages[0]?.dispose).toHaveBeenCalledOnce();
    expect(s.hostname()).toBe('example.org');
  });
});
