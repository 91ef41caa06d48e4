import { describe, expect, it, vi } from 'vitest';
import { createPageSession, type RunningPage } from '../../../src/content/page-session.js';
import type { BlockMatcher } from '../../../src/content/block-matcher.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings.js';

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, disabledTerms: [], ...patch });

/** A document as far as the session looks at one. */
function fakeDocument(hostname = 'example.org'): Document {
  return { location: { hostname }, designMode: 'off' } as unknown as Document;
}

function fakeMatcher() {
  return {
    match: vi.fn(() => Promise.resolve(null)),
    setDisabledTerms: vi.fn(),
    ownTermsChanged: vi.fn(),
  } satisfies BlockMatcher;
}

function session(doc = fakeDocument(), matcher = fakeMatcher()) {
  const pages: (RunningPage & { matcher: BlockMatcher; settings: Settings })[] = [];
  const s = createPageSession(doc, {
    matcher,
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
  return { s, pages, matcher, doc };
}

describe('page session', () => {
  it('starts the page at once with the settings of that moment, the disabled terms given to the matcher', () => {
    const { s, pages, matcher } = session();
    s.apply(settings({ disabledTerms: ['icann'] }));
    expect(pages.map((p) => p.settings.disabledTerms)).toEqual([['icann']]);
    expect(matcher.setDisabledTerms).toHaveBeenCalledWith(['icann']);
    expect(s.page()).toBe(pages[0]);
    s.apply(settings({ highlightStyle: 'solid' }));
    expect(pages[0]?.update).toHaveBeenCalledWith(expect.objectContaining({ highlightStyle: 'solid' }));
    expect(pages).toHaveLength(1);
  });

  it('never starts on a site that is switched off, and asks for no matches', () => {
    const { s, matcher } = session(fakeDocument('news.example'));
    s.apply(settings({ deniedSites: ['news.example'] }));
    expect(matcher.match).not.toHaveBeenCalled();
    expect(s.page()).toBeNull();
  });

  it('updates a running page, and ends it when switched off; on again starts with the same matcher', () => {
    const { s, pages } = session();
    s.apply(settings());
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

  it("scans a running page again when the reader's own terms change, the service told to read them", () => {
    const { s, pages, matcher } = session();
    s.ownTermsChanged();
    expect(matcher.ownTermsChanged).toHaveBeenCalledOnce();
    s.apply(settings());
    const page = pages[0];
    s.ownTermsChanged();
    expect(matcher.ownTermsChanged).toHaveBeenCalledTimes(2);
    expect(page?.setMatcher).toHaveBeenCalledWith(matcher);
  });

  it('does not start in a document in designMode, and stop() ends a running page once', () => {
    const doc = fakeDocument();
    (doc as { designMode: string }).designMode = 'on';
    const { s, pages } = session(doc);
    s.apply(settings());
    expect(pages).toEqual([]);
    (doc as { designMode: string }).designMode = 'off';
    s.apply(settings());
    s.stop();
    s.stop();
    expect(pages[0]?.dispose).toHaveBeenCalledOnce();
    expect(s.hostname()).toBe('example.org');
  });
});
