import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLE_TARGETS, bundleOptions } from '../../../scripts/lib/bundle-options.js';

/** Bundles an entry that imports build/generated/data.json holding `json`, with the extension's options. */
async function bundleImporting(json: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'ngl-json-'));
  mkdirSync(join(root, 'build', 'generated'), { recursive: true });
  writeFileSync(join(root, 'build', 'generated', 'data.json'), json);
  writeFileSync(join(root, 'entry.js'), "import data from './build/generated/data.json';\nglobalThis.out = data;\n");
  const result = await esbuild.build({
    ...bundleOptions(BUNDLE_TARGETS.chrome),
    entryPoints: [join(root, 'entry.js')],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles?.[0]?.text ?? '';
}

describe('the generated JSON in bundles', () => {
  it('is parsed by JSON.parse at run time and gives the same value as the file', async () => {
    const value = { terms: [{ id: 'a', label: 'It\'s "quoted" \\ \u2028 é' }], n: 1.5, none: null };
    const code = await bundleImporting(JSON.stringify(value));
    expect(code).toContain('JSON.parse(');
    const scope: { out?: unknown } = {};
    new Function('globalThis', code)(scope);
    expect(scope.out).toEqual(value);
  });

  it('fails the build, naming the file, when the file is not JSON', async () => {
    await expect(bundleImporting('{"terms": [')).rejects.toThrow(/data\.json/);
  });
});
