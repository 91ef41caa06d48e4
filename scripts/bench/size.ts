// Content-script size: the built files, loader and main script (minified, and gzipped as a store and a disk
// cache would hold them), and what they are made of, from esbuild metafiles of the same entries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { projectRoot } from '../dictionary-build.js';
import { BUNDLE_TARGETS, bundleOptions } from '../lib/bundle-options.js';
import { DIST } from './setup.js';

/** One bundle as built (minified, and gzipped), and what its minified bytes are made of. */
export interface BundleSize {
  file: string;
  minifiedBytes: number;
  gzipBytes: number;
  /** Share of the minified bundle per part (bytes in output), largest first. */
  parts: { part: string; bytes: number }[];
}

/**
 * The content script's three bundles: the loader (content.js), injected into every frame, the main script
 * (content-main.js) it imports in the frames it annotates, and the popover's UI (content-popover.js) that the
 * main script imports when a popover is first about to show.
 */
export interface SizeResult extends BundleSize {
  loader: BundleSize;
  popover: BundleSize;
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

/** `name` as built in dist/chrome, its bytes attributed by bundling `entry` again with the build's options. */
async function measureBundle(name: string, entry: string, format: esbuild.Format): Promise<BundleSize> {
  const built = readFileSync(join(DIST, 'chrome', name));
  const result = await esbuild.build({
    ...bundleOptions(BUNDLE_TARGETS.chrome),
    format,
    entryPoints: [join(projectRoot, 'src', 'content', entry)],
    metafile: true, // in bundleOptions too; written here so that the result's type has the metafile
    write: false,
  });
  const output = Object.values(result.metafile.outputs)[0];
  const bytes = new Map<string, number>();
  for (const [input, info] of Object.entries(output?.inputs ?? {})) {
    const part = partOf(input);
    bytes.set(part, (bytes.get(part) ?? 0) + info.bytesInOutput);
  }
  return {
    file: `dist/chrome/${name}`,
    minifiedBytes: built.length,
    gzipBytes: gzipSync(built, { level: 9 }).length,
    parts: [...bytes].map(([part, b]) => ({ part, bytes: b })).sort((a, b) => b.bytes - a.bytes),
  };
}

export async function measureSize(): Promise<SizeResult> {
  // The same options as scripts/build.ts (the built files themselves are what is reported).
  const main = await measureBundle('content-main.js', 'main.ts', 'esm');
  const loader = await measureBundle('content.js', 'index.ts', 'iife');
  const popover = await measureBundle('content-popover.js', 'popover-ui.ts', 'esm');
  const json = readFileSync(join(projectRoot, 'build', 'generated', 'matcher.json'), 'utf8');
  return {
    ...main,
    loader,
    popover,
    dictionaryJsonBytes: Buffer.byteLength(json),
    dictionaryGzipBytes: gzipSync(json, { level: 9 }).length,
  };
}
