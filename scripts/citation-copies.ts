// The dictionary's APA and Chicago copies, formatted at build time by the background's own CSL engine
// (src/background/citation-engine.ts) and written to build/generated/citations.json: a fresh service worker
// then serves a popover's copy text at once instead of starting citeproc first. Skipped when neither the
// references nor the styles changed (the hash), since a full pass takes a few seconds.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import chicago from '../src/background/csl/chicago-author-date.json' with { type: 'json' };
import { styleEach } from '../src/background/citation-engine.js';
import type { DictionaryData } from '../src/core/dictionary-data.js';

export interface CitationCopies {
  hash: string;
  apa: Record<string, string>;
  chicago: Record<string, string>;
}

export function writeCitationCopies(data: DictionaryData, generated: string): void {
  const refs = Object.values(data.references);
  // The references, the style and the mapping to CSL-JSON each change the text.
  const mapping = readFileSync(join(import.meta.dirname, '..', 'src', 'core', 'csl-json.ts'), 'utf8');
  const hash = createHash('sha256')
    .update(JSON.stringify(refs))
    .update(chicago.xml)
    .update(mapping)
    .digest('hex')
    .slice(0, 16);
  const file = join(generated, 'citations.json');
  if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { hash?: string }).hash === hash) return;
  const copies: CitationCopies = { hash, apa: styleEach(refs, 'apa'), chicago: styleEach(refs, 'chicago') };
  writeFileSync(file, JSON.stringify(copies));
  console.log(`citations: ${refs.length} references formatted as APA and Chicago`);
}
