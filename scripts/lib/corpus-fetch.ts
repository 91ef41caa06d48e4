// Fills a corpus folder (by default .cache/corpus) from tests/corpus/manifest.tsv: each `copy` is downloaded
// from its repository at its commit (raw file host, configurable), gunzipped where the repository stores it
// gzipped, checked against the manifest's size and SHA-256, and only then moved into place. A file that does
// not verify is never written (and a stale copy that does not verify is removed). Files that are not plain
// copies (rendered, cleaned, annotations) cannot be fetched: they are reported with the reason, unless a
// local copy of the corpus is given (`from`), whose files are verified the same way.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type ManifestEntry, sourcesTsv, unfetchableReason } from './corpus-manifest.js';

export const DEFAULT_BASE_URL = 'https://raw.githubusercontent.com';

export interface FetchOptions {
  entries: ManifestEntry[];
  /** The corpus folder to fill. */
  dest: string;
  /** Raw file host: `${baseUrl}/${repository}/${commit}/${path}`. */
  baseUrl?: string;
  /** A local copy of the corpus to take files from instead of the network (every kind, verified). */
  from?: string;
  /** Only the entries whose name passes. */
  only?: (name: string) => boolean;
  timeoutMs?: number;
  concurrency?: number;
  log?: (line: string) => void;
}

export interface FetchReport {
  /** Downloaded (or copied from `from`) and verified. */
  fetched: string[];
  /** Already in place and verified. */
  present: string[];
  /** Could have been fetched, but the download failed or did not verify: nothing written. */
  failed: { name: string; reason: string }[];
  /** Not a plain copy of a public file: not fetched, with the reason. */
  unfetchable: { name: string; reason: string }[];
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Why `content` is not the manifest's file, or undefined when it is. */
export function mismatch(entry: ManifestEntry, content: Buffer): string | undefined {
  if (content.length !== entry.bytes) return `${content.length} bytes, the manifest says ${entry.bytes}`;
  const got = sha256(content);
  if (got !== entry.sha256) return `SHA-256 ${got}, the manifest says ${entry.sha256}`;
  return undefined;
}

export function rawUrl(baseUrl: string, e: ManifestEntry): string {
  const path = e.path.split('/').map(encodeURIComponent).join('/');
  return `${baseUrl.replace(/\/+$/, '')}/${e.repository}/${e.commit}/${path}`;
}

async function download(url: string, timeoutMs: number): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
  return Buffer.from(await res.arrayBuffer());
}

/** The entries the folder holds as the manifest declares them. */
export function verifiedIn(dir: string, entries: ManifestEntry[]): ManifestEntry[] {
  return entries.filter((e) => {
    const file = join(dir, e.name);
    return existsSync(file) && mismatch(e, readFileSync(file)) === undefined;
  });
}

export async function fetchCorpus(options: FetchOptions): Promise<FetchReport> {
  const { entries, dest } = options;
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const report: FetchReport = { fetched: [], present: [], failed: [], unfetchable: [] };
  // Downloads land here first and are renamed into place only once verified (same file system, atomic).
  const partial = join(dest, '.partial');
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  let serial = 0;

  // Written below from the manifest itself.
  const generated = new Set(['index.tsv', 'SOURCES.tsv']);
  const wanted = entries.filter((e) => !generated.has(e.name) && (!options.only || options.only(e.name)));

  async function one(e: ManifestEntry): Promise<void> {
    const target = join(dest, e.name);
    if (existsSync(target)) {
      if (mismatch(e, readFileSync(target)) === undefined) {
        report.present.push(e.name);
        return;
      }
      rmSync(target, { force: true }); // a stale or damaged copy must not pass for the real one
      log(`removed ${e.name}: it did not match the manifest`);
    }
    const reason = unfetchableReason(e.kind);
    if (reason && !options.from) {
      report.unfetchable.push({ name: e.name, reason });
      return;
    }
    let content: Buffer;
    try {
      if (options.from) {
        const file = join(options.from, e.name);
        if (!existsSync(file)) throw new Error(`not in ${options.from}`);
        content = readFileSync(file);
      } else {
        content = await download(rawUrl(baseUrl, e), timeoutMs);
        if (e.gzip) {
          try {
            content = gunzipSync(content);
          } catch {
            throw new Error('not a gzip file, although the manifest says the repository stores it gzipped');
          }
        }
      }
    } catch (err) {
      report.failed.push({ name: e.name, reason: (err as Error).message });
      return;
    }
    const wrong = mismatch(e, content);
    if (wrong) {
      report.failed.push({ name: e.name, reason: `${wrong}: refused, nothing written` });
      return;
    }
    const temp = join(partial, `${serial++}.part`);
    writeFileSync(temp, content);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(temp, target);
    report.fetched.push(e.name);
    log(`fetched ${e.name} (${content.length} bytes, verified)`);
  }

  const queue = [...wanted];
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, async () => {
    for (let e = queue.shift(); e; e = queue.shift()) await one(e);
  });
  try {
    await Promise.all(workers);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }

  // SOURCES.tsv comes back byte for byte from the manifest; index.tsv (the marker that a corpus is here, see
  // corpus-root.ts) lists what the folder now holds, verified, or is removed when it holds no page at all.
  const atomicWrite = (name: string, text: string) => {
    writeFileSync(join(dest, `${name}.part`), text);
    renameSync(join(dest, `${name}.part`), join(dest, name));
  };
  const sources = entries.find((e) => e.name === 'SOURCES.tsv');
  const sourcesText = sourcesTsv(entries);
  if (!sources || mismatch(sources, Buffer.from(sourcesText)) === undefined) atomicWrite('SOURCES.tsv', sourcesText);
  const held = verifiedIn(dest, entries).filter((e) => !generated.has(e.name));
  if (held.some((e) => /\.html?$/.test(e.name))) {
    atomicWrite(
      'index.tsv',
      [
        'path\tbytes\tsha256\tkind\tsource',
        ...held.map((e) =>
          [e.name, e.bytes, e.sha256, e.kind, e.repository ? `${e.repository}@${e.commit}:${e.path}` : ''].join('\t'),
        ),
      ].join('\n') + '\n',
    );
  } else {
    rmSync(join(dest, 'index.tsv'), { force: true });
  }
  for (const list of [report.fetched, report.present]) list.sort();
  return report;
}
