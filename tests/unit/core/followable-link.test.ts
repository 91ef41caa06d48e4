import { describe, expect, it } from 'vitest';
import { followableLink, type LinkFacts } from '../../../src/core/followable-link.js';

const facts = (patch: Partial<LinkFacts>): LinkFacts => ({
  href: 'https://www.example.org/news/icann-board',
  target: '',
  rel: '',
  referrerPolicy: '',
  download: false,
  framed: false,
  ...patch,
});

describe('followableLink', () => {
  it('follows an http(s) link in its own frame, named by host and path', () => {
    expect(followableLink(facts({}))).toEqual({
      href: 'https://www.example.org/news/icann-board',
      label: 'example.org/news/icann-board',
      newTab: false,
    });
    expect(followableLink(facts({ href: 'http://example.org/' }))).toEqual({
      href: 'http://example.org/',
      label: 'example.org',
      newTab: false,
    });
  });

  it('shows the real host of a link that hides it behind credentials, and hides the query', () => {
    expect(followableLink(facts({ href: 'https://trusted.example@evil.example/a?b=c' }))?.label).toBe(
      'evil.example/a?…',
    );
  });

  it('shortens a long address to 48 characters', () => {
    const label = followableLink(facts({ href: `https://example.org/${'a'.repeat(100)}` }))?.label ?? '';
    expect(label).toHaveLength(48);
    expect(label.endsWith('…')).toBe(true);
    expect(label.startsWith('example.org/aaa')).toBe(true);
  });

  it.each([
    ['', false],
    ['_self', false],
    ['_SELF', false],
    ['_blank', true],
  ])('target %j opens in a new tab: %s', (target, newTab) => {
    expect(followableLink(facts({ target }))?.newTab).toBe(newTab);
  });

  it('_top and _parent are this frame at the top, somewhere it cannot reach inside a frame', () => {
    for (const target of ['_top', '_parent']) {
      expect(followableLink(facts({ target }))?.newTab).toBe(false);
      expect(followableLink(facts({ target, framed: true }))).toBeNull();
    }
    expect(followableLink(facts({ target: 'reader-window' }))).toBeNull();
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'mailto:a@example.org', 'tel:+4930123', 'blob:x', 'not a url'])(
    'never follows %j itself',
    (href) => {
      expect(followableLink(facts({ href }))).toBeNull();
    },
  );

  it('leaves downloads and links with their own referrer or opener rules to the page', () => {
    expect(followableLink(facts({ download: true }))).toBeNull();
    expect(followableLink(facts({ referrerPolicy: 'no-referrer' }))).toBeNull();
    expect(followableLink(facts({ rel: 'nofollow noreferrer' }))).toBeNull();
    expect(followableLink(facts({ rel: 'opener', target: '_blank' }))).toBeNull();
    expect(followableLink(facts({ rel: 'noopener nofollow', target: '_blank' }))?.newTab).toBe(true);
  });
});
