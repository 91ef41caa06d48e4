// Text follows the reader: every font size in our CSS is relative (em, rem, %, a keyword), so the browser's
// own font size setting and the text size option scale it; an absolute unit (px, pt, ...) would ignore both.
// Print rules are exempt: paper has a size.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : [],
  );
}

/** The CSS without comments and without its `@media print { ... }` blocks (braces balanced). */
function screenRules(css: string): string {
  let text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (let start = text.search(/@media\s+print\b/); start >= 0; start = text.search(/@media\s+print\b/)) {
    let depth = 0;
    let end = text.indexOf('{', start);
    for (; end < text.length; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    text = text.slice(0, start) + text.slice(end + 1);
  }
  return text;
}

/** `font-size` and `font` declarations whose value has an absolute length. */
function absoluteFontSizes(css: string): string[] {
  const declarations = [...screenRules(css).matchAll(/(?:^|[;{\s])(font(?:-size)?)\s*:\s*([^;}]+)/g)];
  return declarations
    .map((m) => `${m[1]}: ${(m[2] ?? '').replace(/\s+/g, ' ').trim()}`)
    .filter((d) => /(?:^|[\s(,/:])[-+]?\d*\.?\d+(?:px|pt|pc|cm|mm|in|q)\b/i.test(d));
}

describe('font sizes in our CSS', () => {
  it('finds an absolute size where there is one, and leaves print rules alone', () => {
    expect(absoluteFontSizes('.a { font-size: 14px; } .b { font: 600 12pt/1.2 serif }')).toEqual([
      'font-size: 14px',
      'font: 600 12pt/1.2 serif',
    ]);
    expect(absoluteFontSizes('.a { font-size: calc(1rem + 2px) }')).toEqual(['font-size: calc(1rem + 2px)']);
    expect(
      absoluteFontSizes(
        '.a { font-size: 0.9rem; line-height: 20px; } @media print { body { font-size: 10pt } .x { font: 9pt serif } }',
      ),
    ).toEqual([]);
    expect(absoluteFontSizes('.a { font: 400 medium/1.45 system-ui; font-size: calc(var(--s, 1) * 1em) }')).toEqual([]);
  });

  const files = [...cssFiles(join(ROOT, 'src')), ...cssFiles(join(ROOT, 'extension'))];

  it('covers the popover, the pages and the content CSS', () => {
    const names = files.map((f) => relative(ROOT, f));
    expect(names).toEqual(
      expect.arrayContaining(['src/ui/popover/popover.css', 'src/ui/pages.css', 'extension/content.css']),
    );
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s has only relative font sizes', (_name, file) => {
    expect(absoluteFontSizes(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
