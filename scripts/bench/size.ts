// Content-script size: the built file (minified, and gzipped as a store and a disk cache would hold it), and
// what it is made of, from an esbuild metafile of the same entry with the build's options.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { projectRoot } from '../dictionary-build.js';
import { BUNDLE_TARGETS, bundleOptions } from '../lib/bundle-options.js';
import { DIST } from './setup.js';

export interface SizeResult {
  file: string;
  minifiedBytes: number;
  gzipBytes: number;
  /** Share of the minified bundle per part (bytes in output), largest first. */
  parts: { part: string; bytes: number }[];
  /**
   * The compiled dictionary, which is not in the content script: the background keeps it in storage.local
   * and annotated pages read it from there (src/platform/matcher-store.ts). JSON bytes and gzipped.
   */
  dictionaryJsonBytes: number;
  dictionaryGzipBytes: number;
}

function partOf(input: string): string {
  if (input.includes('build/generated/matcher.json')) return 'compiled dictionary (matcher.json)';
  if (input.includes('node_modules/preact')) return 'preact';
  if (input.includes('node_modules/webextension-polyfill')) return 'webextension-polyfill';
  if (input.endsWith('.css')) return 'popover CSS';
  if (input.startsWith('src/ui/')) return 'popover UI (src/ui)';
  if (input.startsWith('src/content/')) return 'content script code (src/content)';
  if (input.startsWith('src/core/')) return 'core code (src/core)';
  if (input.startsWith('src/platform/')) return 'platform code (src/platform)';
  return 'other';
}

export async function measureSize(): Promise<SizeResult> {
  const file = join(DIST, 'chrome', 'content.js');
  const built = readFileSync(file);
  // The same options as scripts/build.ts, to attribute the bytes (the built file itself is what is reported).
  const result = await esbuild.build({
    ...bundleOptions(BUNDLE_TARGETS.chrome),
    entryPoints: [join(projectRoot, 'src', 'content', 'index.ts')],
    metafile: true, // in bundleOptions too; written here so that the result's type has the metafile
    write: false,
  });
  const output = Object.values(result.metafile.outputs)[0];
  const bytes = new Map<string, number>();
  for (const [input, info] of Object.entries(output?.inputs ?? {})) {
    const part = partOf(input);
    bytes.set(part, (bytes.get(part) ?? 0) + info.bytesInOutput);
  }
  const parts = [...bytes].map(([part, b]) => ({ part, bytes: b })).sort((a, b) => b.bytes - a.bytes);
  const json = readFileSync(join(projectRoot, 'build', 'generated', 'matcher.json'), 'utf8');
  return {
    file: 'dist/chrome/content.js',
    minifiedBytes: built.length,
    gzipBytes: gzipSync(built, { level: 9 }).length,
    parts,
    dictionaryJsonBytes: Buffer.byteLength(json),
    dictionaryGzipBytes: gzipSync(json, { level: 9 }).length,
  };
}
