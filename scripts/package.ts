// npm run package: zips dist/chrome and dist/firefox for the stores (run after npm run build). Only these
// shipped folders, never the e2e variants beside them (dist/e2e-*, whose popover root is open).
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import yazl from 'yazl';
import { projectRoot } from './dictionary-build.js';
import { assertShadowMode, buildDir } from './lib/shadow-variant.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const dist = process.env.NETGOV_DIST ?? join(projectRoot, 'dist');

async function zip(browser: 'chrome' | 'firefox', version: string): Promise<string> {
  const dir = buildDir(dist, browser, 'shipped');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run npm run build first`);
  assertShadowMode(dir, 'closed');
  const out = join(dist, `netgov-lens-${browser}-${version}.zip`);
  const archive = new yazl.ZipFile();
  // Fixed timestamps and sorted entries: the same build gives the same zip.
  for (const file of files(dir).sort()) {
    archive.addBuffer(readFileSync(file), relative(dir, file), { mtime: new Date('2026-01-01T00:00:00Z') });
  }
  archive.end();
  await new Promise<void>((resolve, reject) => {
    archive.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject);
  });
  return out;
}

const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
for (const b of ['chrome', 'firefox'] as const) console.log(`wrote ${relative(projectRoot, await zip(b, version))}`);
