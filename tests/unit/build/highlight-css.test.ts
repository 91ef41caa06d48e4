import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentCss } from '../../../scripts/lib/highlight-css.js';

const source = readFileSync(join(__dirname, '..', '..', '..', 'extension', 'content.css'), 'utf8');
const selectors = (css: string): string[] =>
  [...css.matchAll(/^([^\s/*][^{\n]*)\{/gm)].map((m) => (m[1] as string).trim());

describe('the content-script stylesheet', () => {
  it('anchors every highlight rule at :root for Chromium, so it is not computed and stored per element', () => {
    const chromium = selectors(contentCss(source, 'chrome'));
    expect(chromium.length).toBe(selectors(source).length);
    expect(chromium.length).toBeGreaterThanOrEqual(4);
    for (const s of chromium) expect(s).toMatch(/^:root::highlight\(netgov-lens-[a-z]+\)$/);
  });

  it('keeps the universal rules for Firefox, which styles a highlight from its own text only', () => {
    expect(contentCss(source, 'firefox')).toBe(source);
    for (const s of selectors(source)) expect(s).toMatch(/^::highlight\(netgov-lens-[a-z]+\)$/);
  });

  it('changes nothing but the selectors', () => {
    expect(contentCss(source, 'chrome').replaceAll(':root::highlight(', '::highlight(')).toBe(source);
  });
});
