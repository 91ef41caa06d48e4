// The esbuild options every extension context is bundled with: used by the build and, so that its byte
// attribution matches the built file, by the benchmark's size measurement.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/**
 * CSS imported as text (the popover's stylesheet, inlined into its shadow root) is minified like the code
 * around it: the content script is injected into every frame, so its bytes count.
 */
const minifiedCssText: esbuild.Plugin = {
  name: 'minified-css-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await esbuild.transform(readFileSync(args.path, 'utf8'), {
        loader: 'css',
        minify: true,
        target: build.initialOptions.target as string[],
      });
      return { contents: code, loader: 'text' };
    });
  },
};

/**
 * citation-js (the background's CSL engine) can fetch URLs through node-fetch and sync-fetch; the extension
 * never asks it to, so its fetchFile module is replaced by one that refuses, and no fetching code is bundled.
 */
const citationJsWithoutFetch: esbuild.Plugin = {
  name: 'citation-js-without-fetch',
  setup(build) {
    build.onResolve({ filter: /(^|\/)fetchFile(\.js)?$/ }, (args) =>
      args.importer.includes('@citation-js')
        ? { path: join(import.meta.dirname, 'citation-js-no-fetch.js') }
        : undefined,
    );
  },
};

/**
 * The build's own JSON (build/generated: the dictionary, the compiled matcher, the term index, the citation
 * copies) is bundled as `JSON.parse('…')` rather than as an object literal: V8 parses a megabyte of JSON
 * three to four times faster than the same literal (dictionary.json: about 5 ms against 20 in Node), and the
 * background pays it at every service-worker start, the glossary and the panel at every opening. These files
 * are imported only as default imports (no named ones, which this form would not provide).
 */
const generatedJsonParsed: esbuild.Plugin = {
  name: 'generated-json-parsed',
  setup(build) {
    build.onLoad({ filter: /[\\/]build[\\/]generated[\\/][^\\/]+\.json$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      // Parsed here first: a malformed file fails the build, naming it, not the extension at run time.
      try {
        JSON.parse(text);
      } catch (e) {
        return { errors: [{ text: `${args.path} is not valid JSON: ${(e as Error).message}` }] };
      }
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

/** The browser versions each build targets (the manifest's minimum versions). */
export const BUNDLE_TARGETS = { chrome: ['chrome121'], firefox: ['firefox140'] } as const;

/**
 * `shadowMode` is the popover's shadow root mode (`__NGL_SHADOW_MODE__`, src/build-defines.d.ts): closed
 * unless asked, so every build that ships (and the benchmark's size measurement) is the closed one; only
 * the e2e variant asks for "open".
 */
export function bundleOptions(
  target: readonly string[],
  { shadowMode = 'closed' }: { shadowMode?: ShadowRootMode } = {},
): esbuild.BuildOptions {
  return {
    bundle: true,
    minify: true,
    format: 'iife',
    target: [...target],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    legalComments: 'none',
    logLevel: 'warning',
    // No eval, no remote code: everything is bundled and static.
    define: { 'process.env.NODE_ENV': '"production"', __NGL_SHADOW_MODE__: JSON.stringify(shadowMode) },
    metafile: true,
    plugins: [minifiedCssText, citationJsWithoutFetch, generatedJsonParsed],
  };
}
