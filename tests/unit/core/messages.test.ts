// The validators every message passes on receipt: the right shapes come through (and only their known
// fields), every wrong shape is refused, and nothing thrown at them makes them throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseBlockMatches,
  parseToBackground,
  parseToContent,
  type ToBackground,
  type ToContent,
} from '../../../src/core/messages.js';

const VALID_BACKGROUND: ToBackground[] = [
  { type: 'page-terms', terms: [] },
  { type: 'page-terms', terms: [{ id: 'icann', count: 3 }] },
  { type: 'get-entry', id: 'multistakeholder-model' },
  { type: 'open-url', url: 'https://doi.org/10.1000/182' },
  { type: 'open-glossary' },
  { type: 'open-glossary', id: 'icann' },
  { type: 'open-options' },
  { type: 'match-texts', texts: [], disabled: [] },
  { type: 'match-texts', texts: ['ICANN met.', ''], disabled: ['icann'], reloadOwnTerms: true },
  { type: 'get-tab-terms', tabId: 0 },
  { type: 'get-tab-terms', tabId: 1234 },
  { type: 'change-settings', change: { kind: 'toggle-site', hostname: 'example.org', enabled: false } },
  { type: 'change-settings', change: { kind: 'toggle-site', hostname: 'example.org' } },
  { type: 'change-settings', change: { kind: 'hide-term', id: 'icann' } },
  { type: 'change-settings', change: { kind: 'patch', patch: { trigger: 'click', deniedSites: ['example.org'] } } },
  { type: 'change-settings', change: { kind: 'patch', patch: {} } },
];

const INVALID_BACKGROUND: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['a string', 'get-entry'],
  ['a boolean', true],
  ['an array', [{ type: 'get-entry', id: 'icann' }]],
  ['an empty object', {}],
  ['an unknown type', { type: 'drop-tables' }],
  ['a type in other case', { type: 'GET-ENTRY', id: 'icann' }],
  ['a type with spaces', { type: ' get-entry', id: 'icann' }],
  ['a type that is not a string', { type: ['get-entry'], id: 'icann' }],
  ['get-entry without id', { type: 'get-entry' }],
  ['get-entry with a numeric id', { type: 'get-entry', id: 42 }],
  ['get-entry with an empty id', { type: 'get-entry', id: '' }],
  ['get-entry with a path', { type: 'get-entry', id: '../manifest.json' }],
  ['get-entry with upper case', { type: 'get-entry', id: 'ICANN' }],
  ['get-entry with markup', { type: 'get-entry', id: '<img src=x onerror=alert(1)>' }],
  ['get-entry with an 81-character id', { type: 'get-entry', id: 'a'.repeat(81) }],
  ['page-terms without terms', { type: 'page-terms' }],
  ['page-terms with a string', { type: 'page-terms', terms: 'icann' }],
  ['page-terms with an object', { type: 'page-terms', terms: { 0: { id: 'icann', count: 1 }, length: 1 } }],
  ['page-terms with null in the list', { type: 'page-terms', terms: [null] }],
  ['page-terms with a zero count', { type: 'page-terms', terms: [{ id: 'icann', count: 0 }] }],
  ['page-terms with a negative count', { type: 'page-terms', terms: [{ id: 'icann', count: -1 }] }],
  ['page-terms with a fractional count', { type: 'page-terms', terms: [{ id: 'icann', count: 1.5 }] }],
  ['page-terms with NaN', { type: 'page-terms', terms: [{ id: 'icann', count: Number.NaN }] }],
  ['page-terms with Infinity', { type: 'page-terms', terms: [{ id: 'icann', count: Number.POSITIVE_INFINITY }] }],
  ['page-terms with a string count', { type: 'page-terms', terms: [{ id: 'icann', count: '1' }] }],
  ['page-terms with a bad id', { type: 'page-terms', terms: [{ id: 'Icann!', count: 1 }] }],
  [
    'page-terms with 5001 entries',
    { type: 'page-terms', terms: Array.from({ length: 5001 }, () => ({ id: 'icann', count: 1 })) },
  ],
  ['open-url without url', { type: 'open-url' }],
  ['open-url with an empty url', { type: 'open-url', url: '' }],
  ['open-url with a URL object', { type: 'open-url', url: { href: 'https://example.org' } }],
  ['open-url with 4001 characters', { type: 'open-url', url: `https://e.org/${'a'.repeat(3987)}` }],
  ['open-glossary with a bad id', { type: 'open-glossary', id: 'no such term' }],
  ['open-glossary with a null id', { type: 'open-glossary', id: null }],
  ['get-tab-terms without tabId', { type: 'get-tab-terms' }],
  ['get-tab-terms with a negative tabId', { type: 'get-tab-terms', tabId: -1 }],
  ['get-tab-terms with a fractional tabId', { type: 'get-tab-terms', tabId: 1.5 }],
  ['get-tab-terms with a string tabId', { type: 'get-tab-terms', tabId: '1' }],
  ['get-tab-terms with NaN', { type: 'get-tab-terms', tabId: Number.NaN }],
  ['the old set-site-enabled', { type: 'set-site-enabled', hostname: 'example.org', enabled: true }],
  ['change-settings without a change', { type: 'change-settings' }],
  ['change-settings of an unknown kind', { type: 'change-settings', change: { kind: 'drop' } }],
  [
    'toggle-site with a string enabled',
    { type: 'change-settings', change: { kind: 'toggle-site', hostname: 'example.org', enabled: 'true' } },
  ],
  ['toggle-site with an empty hostname', { type: 'change-settings', change: { kind: 'toggle-site', hostname: '' } }],
  [
    'toggle-site with a long hostname',
    { type: 'change-settings', change: { kind: 'toggle-site', hostname: 'a'.repeat(254) } },
  ],
  ['toggle-site with markup', { type: 'change-settings', change: { kind: 'toggle-site', hostname: '<script>' } }],
  ['hide-term with a bad id', { type: 'change-settings', change: { kind: 'hide-term', id: 'ICANN!' } }],
  ['a patch of an unknown setting', { type: 'change-settings', change: { kind: 'patch', patch: { admin: true } } }],
  [
    'a patch with an invalid value',
    { type: 'change-settings', change: { kind: 'patch', patch: { hoverDelayMs: -5 } } },
  ],
  ['a patch that is an array', { type: 'change-settings', change: { kind: 'patch', patch: [true] } }],
  ['a type carried only by __proto__', JSON.parse('{"__proto__":{"type":"open-options"}}')],
];

describe('parseToBackground', () => {
  it.each(VALID_BACKGROUND.map((m) => [m.type, m] as const))('accepts a well-formed %s', (_type, msg) => {
    expect(parseToBackground(msg)).toEqual(msg);
  });

  it.each(INVALID_BACKGROUND)('rejects %s', (_name, msg) => {
    expect(parseToBackground(msg)).toBeUndefined();
  });

  it('accepts the limits exactly', () => {
    expect(
      parseToBackground({ type: 'page-terms', terms: Array.from({ length: 5000 }, () => ({ id: 'icann', count: 1 })) }),
    ).toBeDefined();
    expect(parseToBackground({ type: 'get-entry', id: 'a'.repeat(80) })).toBeDefined();
    expect(parseToBackground({ type: 'open-url', url: `https://e.org/${'a'.repeat(3986)}` })).toBeDefined();
    expect(
      parseToBackground({ type: 'change-settings', change: { kind: 'toggle-site', hostname: 'a'.repeat(253) } }),
    ).toBeDefined();
  });

  it('keeps only the known fields (nothing extra reaches a handler)', () => {
    expect(parseToBackground({ type: 'get-entry', id: 'icann', tabId: 7, url: 'https://evil.example' })).toEqual({
      type: 'get-entry',
      id: 'icann',
    });
    expect(
      parseToBackground({ type: 'page-terms', terms: [{ id: 'icann', count: 2, html: '<b>x</b>' }], frameId: 3 }),
    ).toEqual({ type: 'page-terms', terms: [{ id: 'icann', count: 2 }] });
    expect(parseToBackground({ type: 'open-options', url: 'https://evil.example' })).toEqual({ type: 'open-options' });
  });

  it('returns fresh objects, not the sender-controlled input', () => {
    const terms = [{ id: 'icann', count: 1 }];
    const parsed = parseToBackground({ type: 'page-terms', terms });
    expect(parsed?.type === 'page-terms' && parsed.terms[0]).not.toBe(terms[0]);
  });

  it('never throws, and whatever it accepts is a fixed point', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (value) => {
        const parsed = parseToBackground(value);
        if (parsed !== undefined) expect(parseToBackground(parsed)).toEqual(parsed);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on near-miss messages (a known type with random fields)', () => {
    const types = [
      'page-terms',
      'get-entry',
      'open-url',
      'open-glossary',
      'open-options',
      'get-tab-terms',
      'change-settings',
      'match-texts',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.dictionary(
          fc.constantFrom('id', 'terms', 'url', 'tabId', 'hostname', 'enabled', 'change', 'texts', 'disabled'),
          fc.anything(),
        ),
        (type, fields) => {
          const parsed = parseToBackground({ ...fields, type });
          if (parsed !== undefined) expect(parseToBackground(parsed)).toEqual(parsed);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parseToContent', () => {
  const valid: ToContent[] = [
    { type: 'show-term', id: 'icann' },
    { type: 'navigate', direction: 'next' },
    { type: 'navigate', direction: 'previous' },
    { type: 'ping' },
  ];

  it.each(valid.map((m) => [m.type, m] as const))('accepts a well-formed %s', (_type, msg) => {
    expect(parseToContent(msg)).toEqual(msg);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ping'],
    ['an array', [{ type: 'ping' }]],
    ['an unknown type', { type: 'eval', code: 'alert(1)' }],
    ['a background message', { type: 'get-entry', id: 'icann' }],
    ['show-term without id', { type: 'show-term' }],
    ['show-term with a bad id', { type: 'show-term', id: 'ICANN<script>' }],
    ['navigate without direction', { type: 'navigate' }],
    ['navigate sideways', { type: 'navigate', direction: 'sideways' }],
    ['navigate with a number', { type: 'navigate', direction: 1 }],
  ] as [string, unknown][])('rejects %s', (_name, msg) => {
    expect(parseToContent(msg)).toBeUndefined();
  });

  it('keeps only the known fields', () => {
    expect(parseToContent({ type: 'ping', reply: 'https://evil.example' })).toEqual({ type: 'ping' });
    expect(parseToContent({ type: 'show-term', id: 'icann', range: [0, 5] })).toEqual({
      type: 'show-term',
      id: 'icann',
    });
  });

  it('never throws, and whatever it accepts is a fixed point', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true }), (value) => {
        const parsed = parseToContent(value);
        if (parsed !== undefined) expect(parseToContent(parsed)).toEqual(parsed);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseBlockMatches (the match service answer, checked by the page)', () => {
  const texts = ['ICANN met.', 'net neutrality'];
  const term = { id: 'icann', label: 'ICANN', category: 'institution', personal: false };
  const valid = { text: [0], start: [0], end: [5], term: [0], lang: [''], terms: [term] };

  it('accepts an answer whose offsets fall inside the texts sent', () => {
    expect(parseBlockMatches(valid, texts)).toEqual(valid);
    expect(parseBlockMatches({ text: [], start: [], end: [], term: [], lang: [], terms: [] }, texts)).not.toBeNull();
  });

  it.each([
    ['null', null],
    ['a text index past the batch', { ...valid, text: [2] }],
    ['an end past its text', { ...valid, end: [11] }],
    ['an empty match', { ...valid, end: [0] }],
    ['a negative start', { ...valid, start: [-1] }],
    ['a fractional offset', { ...valid, start: [0.5] }],
    ['a term index past the list', { ...valid, term: [1] }],
    ['arrays of different lengths', { ...valid, lang: [] }],
    ['a term with a bad id', { ...valid, terms: [{ ...term, id: '<img>' }] }],
    ['a language that is not a string', { ...valid, lang: [1] }],
  ] as [string, unknown][])('refuses %s', (_name, reply) => {
    expect(parseBlockMatches(reply, texts)).toBeNull();
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true }), (value) => {
        parseBlockMatches(value, texts);
      }),
      { numRuns: 1000 },
    );
  });
});
