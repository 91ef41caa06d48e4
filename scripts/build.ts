// npm run build: validate and compile the dictionary, bundle every context with esbuild, render the icons,
// and write dist/chrome and dist/firefox, each an unpacked extension with its own manifest, and beside each
// its e2e variant (dist/e2e-chrome, dist/e2e-firefox; scripts/lib/shadow-variant.ts), the tests' copy.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as esbuild from 'esbuild';
import { termIndex } from '../src/core/dictionary-data.js';
import { writeCitationCopies } from './citation-copies.js';
import { buildDictionary, DictionaryError, projectRoot } from './dictionary-build.js';
import { BUNDLE_TARGETS, bundleOptions } from './lib/bundle-options.js';
import { contentCss } from './lib/highlight-css.js';
import { assertShadowMode, buildDir } from './lib/shadow-variant.js';
import { browserManifest, type Browser } from './manifest.js';

const BROWSERS: Browser[] = ['chrome', 'firefox'];
const generated = join(projectRoot, 'build', 'generated');
// NETGOV_DIST lets parallel work build into separate folders (tests read the same variable).
const dist = process.env.NETGOV_DIST ?? join(projectRoot, 'dist');

function compileDictionaryFiles(): void {
  const { matcher, data, stats } = buildDictionary();
  mkdirSync(generated, { recursive: true });
  const matcherJson = JSON.stringify(matcher);
  writeFileSync(join(generated, 'matcher.json'), matcherJson);
  writeFileSync(join(generated, 'dictionary.json'), JSON.stringify(data));
  writeFileSync(join(generated, 'term-index.json'), JSON.stringify(termIndex(data)));
  writeCitationCopies(data, generated);
  console.log(
    `dictionary: ${stats.terms} terms, ${stats.positions} positions, ${stats.references} references, ${stats.patterns} patterns, ${stats.states} states`,
  );
}

/**
 * The content script is three bundles: content.js, the small loader the manifest injects into every frame;
 * content-main.js, an ES module (the scan, the highlights, the input, the popover's host) that the loader
 * imports only in frames it annotates; and content-popover.js, an ES module (Preact, the popover's components
 * and CSS) that the main script imports when a popover is first about to show. The matcher itself is the
 * background's, src/background/match-service.ts (src/content/loader.ts, src/platform/content-main.ts).
 */
const CONTENT_MAIN_ENTRY = 'src/content/main.ts';
const CONTENT_POPOVER_ENTRY = 'src/content/popover-ui.ts';

function contentMainBuild(outdir: string, options: esbuild.BuildOptions): Promise<esbuild.BuildResult> {
  return esbuild.build({
    ...options,
    format: 'esm',
    entryPoints: { 'content-main': join(projectRoot, CONTENT_MAIN_ENTRY) },
    outdir,
  });
}

async function bundle(outdir: string, target: readonly string[]): Promise<void> {
  const common = bundleOptions(target);
  const entries: Record<string, string> = {
    content: 'src/content/index.ts',
    background: 'src/background/index.ts',
    options: 'src/ui/options/index.tsx',
    popup: 'src/ui/popup/index.tsx',
    glossary: 'src/ui/glossary/index.tsx',
    'reading-list': 'src/ui/reading-list/index.tsx',
    'research-log': 'src/ui/research-log/index.tsx',
    sidepanel: 'src/ui/sidepanel/index.tsx',
  };
  await Promise.all([
    ...Object.entries(entries).map(([name, entry]) =>
      esbuild.build({ ...common, entryPoints: { [name]: join(projectRoot, entry) }, outdir }),
    ),
    contentMainBuild(outdir, common),
    esbuild.build({
      ...common,
      format: 'esm',
      entryPoints: { 'content-popover': join(projectRoot, CONTENT_POPOVER_ENTRY) },
      outdir,
    }),
  ]);
  // Page styles: a CSS bundle (theme + pages), linked from the HTML shells.
  await esbuild.build({
    entryPoints: { pages: join(projectRoot, 'src/ui/pages.css') },
    bundle: true,
    minify: true,
    outdir,
    logLevel: 'warning',
  });
}

/**
 * The e2e variant: a copy of the shipped build whose main content script (the only bundle that creates the
 * popover's host) is bundled again with an open shadow root. Only one bundle more per browser, so `npm test` stays as fast.
 */
async function writeE2eVariant(shipped: string, e2e: string, target: readonly string[]): Promise<void> {
  rmSync(e2e, { recursive: true, force: true });
  cpSync(shipped, e2e, { recursive: true });
  await contentMainBuild(e2e, bundleOptions(target, { shadowMode: 'open' }));
}

/** The extension pages: one HTML shell each, all alike (stylesheet, mount point, script). */
const PAGES = ['options', 'popup', 'glossary', 'reading-list', 'sidepanel', 'research-log'] as const;

function writePageShells(outdir: string): void {
  for (const page of PAGES) {
    const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>Netgov Lens</title>
    <link rel="stylesheet" href="pages.css" />
  </head>
  <body class="${page}${page === 'reading-list' ? '-page' : ''}">
    <div id="app"></div>
    <script src="${page}.js"></script>
  </body>
</html>
`;
    writeFileSync(join(outdir, `${page}.html`), html);
  }
}

function renderIcons(outdir: string): void {
  const svg = readFileSync(join(projectRoot, 'extension', 'icons', 'icon.svg'));
  mkdirSync(join(outdir, 'icons'), { recursive: true });
  for (const size of [16, 32, 48, 128]) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    writeFileSync(join(outdir, 'icons', `icon-${size}.png`), png);
  }
}

async function main(): Promise<void> {
  compileDictionaryFiles();
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const source = JSON.parse(readFileSync(join(projectRoot, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  for (const browser of BROWSERS) {
    const outdir = buildDir(dist, browser, 'shipped');
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    cpSync(join(projectRoot, 'extension'), outdir, { recursive: true, filter: (src) => !src.endsWith('.svg') });
    renderIcons(outdir);
    const css = join(outdir, 'content.css');
    writeFileSync(css, contentCss(readFileSync(css, 'utf8'), browser));
    writePageShells(outdir);
    await bundle(outdir, BUNDLE_TARGETS[browser]);
    writeFileSync(
      join(outdir, 'manifest.json'),
      `${JSON.stringify(browserManifest(source, browser, version), null, 2)}\n`,
    );
    const e2e = buildDir(dist, browser, 'e2e');
    await writeE2eVariant(outdir, e2e, BUNDLE_TARGETS[browser]);
    // The store zips are made from the shipped folders: they must hold the closed root, the variant the open one.
    assertShadowMode(outdir, 'closed');
    assertShadowMode(e2e, 'open');
  }
  console.log(
    `built ${BROWSERS.map((b) => `dist/${b}`).join(' and ')} (version ${version}), and their e2e variants ` +
      `(open shadow root, for the tests) ${BROWSERS.map((b) => `dist/e2e-${b}`).join(' and ')}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof DictionaryError ? e.message : e);
  process.exit(1);
});
