// corpus:fetch against a raw-file server on 127.0.0.1 with generated files: what verifies is written, what
// does not is refused and leaves nothing behind, and files that are not plain copies are never fetched.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCorpus, mismatch, rawUrl } from '../../scripts/lib/corpus-fetch.js';
import {
  formatManifest,
  type ManifestEntry,
  parseManifest,
  readManifest,
  sourcesTsv,
} from '../../scripts/lib/corpus-manifest.js';
import { findCorpus } from '../../scripts/lib/corpus-root.js';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const COMMIT = 'a'.repeat(40);
const page = (n: number) => Buffer.from(`<!doctype html><title>page ${n}</title><p>${'x'.repeat(1000 * n)}</p>\n`);

/** Raw files the server holds: `/${repo}/${commit}/${path}` -> bytes. */
const served = new Map<string, Buffer>();
let server: Server;
let base = '';
const requests: string[] = [];

function copy(name: string, path: string, content: Buffer, stored = content, gzip = false): ManifestEntry {
  served.set(`/owner/repo/${COMMIT}/${path}`, stored);
  return {
    name,
    kind: 'copy',
    repository: 'owner/repo',
    commit: COMMIT,
    path,
    gzip,
    sha256: sha(content),
    bytes: content.length,
  };
}

const good = copy('news/good.html', 'pages/good.html', page(1));
const zipped = copy('news/zipped.html', 'html/zipped.html.gz', page(2), gzipSync(page(2)), true);
const spaced = copy('news/spaced.html', 'test pages/ü spaced.html', page(3));
// The server's bytes differ from what the manifest declares: same size, other content.
const wrongHash = { ...copy('news/wrong-hash.html', 'pages/wrong-hash.html', page(4)), sha256: sha('something else') };
const wrongSize = { ...copy('news/wrong-size.html', 'pages/wrong-size.html', page(5)), bytes: 17 };
const notGzip = copy('news/not-gzip.html', 'html/not-gzip.html.gz', page(6), page(6), true);
const missing: ManifestEntry = { ...good, name: 'news/missing.html', path: 'pages/missing.html' };
const rendered: ManifestEntry = { ...good, name: 'govtext/rendered.html', kind: 'rendered', path: 'src/doc.md' };
const cleaned: ManifestEntry = { ...good, name: 'news2025/cleaned.md', kind: 'cleaned', path: 'a.md' };
served.set(`/owner/repo/${COMMIT}/src/doc.md`, page(1)); // even where the source is served, it is not fetched

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const body = served.get(path);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    if (path.endsWith('/cut.html')) {
      // Announces the whole file, sends half and drops the connection.
      res.writeHead(200, { 'Content-Length': body.length });
      res.write(body.subarray(0, body.length >> 1), () => res.destroy());
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const tempDir = () => mkdtempSync(join(tmpdir(), 'netgov-corpus-fetch-'));
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();

describe('corpus:fetch', () => {
  it('writes what verifies, refuses the rest, and leaves nothing half-written', async () => {
    const dest = tempDir();
    const entries = [good, zipped, spaced, wrongHash, wrongSize, notGzip, missing, rendered, cleaned];
    const report = await fetchCorpus({ entries, dest, baseUrl: base });

    expect(report.fetched).toEqual(['news/good.html', 'news/spaced.html', 'news/zipped.html']);
    expect(readFileSync(join(dest, 'news/zipped.html'))).toEqual(page(2)); // gunzipped
    expect(Object.fromEntries(report.failed.map((f) => [f.name, f.reason]))).toEqual({
      'news/wrong-hash.html': expect.stringMatching(
        /^SHA-256 [0-9a-f]{64}, the manifest says .*refused, nothing written$/,
      ),
      'news/wrong-size.html': expect.stringMatching(/bytes, the manifest says 17: refused/),
      'news/not-gzip.html': expect.stringMatching(/not a gzip file/),
      'news/missing.html': expect.stringMatching(/HTTP 404/),
    });
    expect(report.unfetchable.map((u) => u.name)).toEqual(['govtext/rendered.html', 'news2025/cleaned.md']);
    expect(report.unfetchable[0]?.reason).toMatch(/renderer is not published/);
    expect(requests).not.toContain(`/owner/repo/${COMMIT}/src/doc.md`);
    // Only verified files, the regenerated SOURCES.tsv and index.tsv: no temporary or refused file.
    expect(tree(dest)).toEqual(['SOURCES.tsv', 'index.tsv', 'news/good.html', 'news/spaced.html', 'news/zipped.html']);
    expect(readFileSync(join(dest, 'SOURCES.tsv'), 'utf8')).toBe(sourcesTsv(entries));
    const index = readFileSync(join(dest, 'index.tsv'), 'utf8').trim().split('\n');
    expect(index[0]).toBe('path\tbytes\tsha256\tkind\tsource');
    expect(index.slice(1).map((l) => l.split('\t')[0])).toEqual([
      'news/good.html',
      'news/zipped.html',
      'news/spaced.html',
    ]);
    rmSync(dest, { recursive: true });
  });

  it('keeps a verified file, replaces a damaged one and removes one it cannot verify', async () => {
    const dest = tempDir();
    mkdirSync(join(dest, 'news'));
    writeFileSync(join(dest, 'news/good.html'), page(1));
    writeFileSync(join(dest, 'news/zipped.html'), 'damaged');
    writeFileSync(join(dest, 'news/wrong-hash.html'), 'an old copy');
    const before = requests.length;
    const report = await fetchCorpus({ entries: [good, zipped, wrongHash], dest, baseUrl: base });
    expect(report.present).toEqual(['news/good.html']);
    expect(report.fetched).toEqual(['news/zipped.html']);
    expect(report.failed.map((f) => f.name)).toEqual(['news/wrong-hash.html']);
    expect(requests.slice(before)).not.toContain(`/owner/repo/${COMMIT}/pages/good.html`);
    expect(readFileSync(join(dest, 'news/zipped.html'))).toEqual(page(2));
    expect(existsSync(join(dest, 'news/wrong-hash.html'))).toBe(false);
    rmSync(dest, { recursive: true });
  });

  it('refuses a download cut short', async () => {
    const dest = tempDir();
    const cut = copy('news/cut.html', 'pages/cut.html', page(20));
    const report = await fetchCorpus({ entries: [cut], dest, baseUrl: base });
    expect(report.failed.map((f) => f.name)).toEqual(['news/cut.html']);
    expect(tree(dest)).toEqual(['SOURCES.tsv']); // and no index.tsv: no page is here
    rmSync(dest, { recursive: true });
  });

  it('takes every kind from a local copy, verified', async () => {
    const from = tempDir();
    const dest = tempDir();
    mkdirSync(join(from, 'govtext'));
    writeFileSync(join(from, 'govtext/rendered.html'), page(1));
    mkdirSync(join(from, 'news2025'));
    writeFileSync(join(from, 'news2025/cleaned.md'), 'not the cleaned text');
    const report = await fetchCorpus({ entries: [rendered, cleaned], dest, baseUrl: base, from });
    expect(report.fetched).toEqual(['govtext/rendered.html']);
    expect(report.failed.map((f) => f.name)).toEqual(['news2025/cleaned.md']);
    rmSync(from, { recursive: true });
    rmSync(dest, { recursive: true });
  });

  it('builds raw URLs from repository, commit and path', () => {
    expect(rawUrl('https://raw.example/', spaced)).toBe(
      `https://raw.example/owner/repo/${COMMIT}/test%20pages/%C3%BC%20spaced.html`,
    );
  });
});

describe('tests/corpus/manifest.tsv', () => {
  const entries = readManifest();
  it('parses, and round-trips through the formatter', () => {
    expect(parseManifest(formatManifest(entries))).toEqual(entries);
  });
  it('declares each file once, with a source for everything but annotations', () => {
    expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
    for (const e of entries)
      expect(e.kind === 'annotation' || (e.repository !== '' && e.commit.length === 40)).toBe(true);
  });
  it('declares the news pages as copies and the governance texts as rendered', () => {
    expect(
      entries
        .filter((e) => e.kind === 'copy')
        .every((e) => /^(readability|postlight|scrapinghub|trafilatura)\//.test(e.name)),
    ).toBe(true);
    expect(
      entries
        .filter((e) => e.name.startsWith('govtext/') && e.name.endsWith('.html'))
        .every((e) => e.kind === 'rendered'),
    ).toBe(true);
  });
  it('refuses rows that are not well formed', () => {
    const header = 'name\tkind\trepository\tcommit\tpath\tgzip\tsha256\tbytes\n';
    expect(() => parseManifest(`${header}../x\tcopy\to/r\t${COMMIT}\tp\t0\t${'0'.repeat(64)}\t1\n`)).toThrow(
      /relative path/,
    );
    expect(() => parseManifest(`${header}x\tcopy\to/r\t${COMMIT}\tp\t0\tabc\t1\n`)).toThrow(/sha256/);
    expect(() => parseManifest(`${header}x\tstolen\to/r\t${COMMIT}\tp\t0\t${'0'.repeat(64)}\t1\n`)).toThrow(/kind/);
  });
});

// Only where a corpus is here (NETGOV_CORPUS, .cache/corpus, ../shared/corpus): the manifest still describes it.
const corpus = findCorpus();
describe.skipIf(!corpus)('the corpus found here', () => {
  // Reads and hashes every page of the corpus: 5 to 8 s on a busy two-core machine, past vitest's 5 s default.
  it('matches the manifest, file by file', { timeout: 60_000 }, () => {
    const root = corpus as string;
    // index.tsv is corpus:fetch's own in a cache (the shared corpus's has page statistics).
    const present = readManifest().filter((e) => e.name !== 'index.tsv' && existsSync(join(root, e.name)));
    expect(present.length).toBeGreaterThan(0);
    const wrong = present.flatMap((e) => {
      const why = mismatch(e, readFileSync(join(root, e.name)));
      return why ? [`${e.name}: ${why}`] : [];
    });
    expect(wrong, `${root} differs from tests/corpus/manifest.tsv (npm run corpus:manifest?)`).toEqual([]);
  });
});
