// tests/corpus/manifest.tsv: every file of the real-page corpus with where it came from and its SHA-256 and
// size, so that the repository can declare the corpus (and fetch what can be fetched) without holding a word
// of it. Read by `npm run corpus:fetch`; written by `npm run corpus:manifest` from a copy of the corpus.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MANIFEST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'corpus', 'manifest.tsv');

/**
 * How a corpus file relates to its source, and so whether it can be fetched:
 * - `copy`: byte-identical to the file at repository@commit:path (gunzipped when `gzip` is 1): fetched and verified.
 * - `rendered`: a governance text put into a news-style page by the corpus's maker (the words are the
 *   source's, the markup is the maker's, per document); the renderer was not published, so it cannot be redone.
 * - `cleaned`: a recent article's text, cleaned by hand from the archived source (news2025/README.md says how).
 * - `annotation`: written for the corpus (READMEs, indexes, the term list); no public source.
 */
export type EntryKind = 'copy' | 'rendered' | 'cleaned' | 'annotation';
export const KINDS: readonly EntryKind[] = ['copy', 'rendered', 'cleaned', 'annotation'];

export interface ManifestEntry {
  /** Path under the corpus folder, with forward slashes. */
  name: string;
  kind: EntryKind;
  /** owner/name on GitHub; empty for annotations. */
  repository: string;
  commit: string;
  /** Path of the source file in that repository. */
  path: string;
  /** The repository stores the file gzipped (the corpus holds it decompressed). */
  gzip: boolean;
  /** Of the corpus file (for `copy`, also of the decompressed source). */
  sha256: string;
  bytes: number;
}

export const COLUMNS = ['name', 'kind', 'repository', 'commit', 'path', 'gzip', 'sha256', 'bytes'] as const;

/** Why an entry that is not a plain copy cannot be fetched, in one sentence. */
export function unfetchableReason(kind: EntryKind): string | undefined {
  switch (kind) {
    case 'copy':
      return undefined;
    case 'rendered':
      return 'rendered into a news-style page from its source by the corpus maker, whose per-document renderer is not published, so the bytes cannot be reproduced';
    case 'cleaned':
      return 'cleaned by hand from the archived source (news2025/README.md), so the source is not the file';
    case 'annotation':
      return 'written for the corpus itself; there is no public source to fetch it from';
  }
}

export function parseManifest(text: string, origin = 'manifest'): ManifestEntry[] {
  const lines = text.split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
  const header = lines.shift();
  if (header !== COLUMNS.join('\t')) throw new Error(`${origin}: the header must be: ${COLUMNS.join(' ')}`);
  return lines.map((line, i) => {
    const cells = line.split('\t');
    const where = `${origin}: row ${i + 1}`;
    if (cells.length !== COLUMNS.length)
      throw new Error(`${where}: ${cells.length} columns, expected ${COLUMNS.length}`);
    const [name, kind, repository, commit, path, gzip, sha256, bytes] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!KINDS.includes(kind as EntryKind)) throw new Error(`${where}: unknown kind ${kind}`);
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`${where}: sha256 must be 64 hex digits`);
    if (!/^\d+$/.test(bytes)) throw new Error(`${where}: bytes must be a whole number`);
    if (name.startsWith('/') || name.split('/').some((s) => s === '..' || s === '' || s === '.'))
      throw new Error(`${where}: name must be a relative path inside the corpus`);
    if (kind === 'copy' && (!/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^[0-9a-f]{40}$/.test(commit) || !path))
      throw new Error(`${where}: a copy needs owner/name, a 40-digit commit and a path`);
    if (gzip !== '0' && gzip !== '1') throw new Error(`${where}: gzip must be 0 or 1`);
    return {
      name,
      kind: kind as EntryKind,
      repository,
      commit,
      path,
      gzip: gzip === '1',
      sha256,
      bytes: Number(bytes),
    };
  });
}

export function readManifest(file = MANIFEST): ManifestEntry[] {
  return parseManifest(readFileSync(file, 'utf8'), file);
}

export function formatManifest(entries: ManifestEntry[], comment: string[] = []): string {
  const rows = entries.map((e) =>
    [e.name, e.kind, e.repository, e.commit, e.path, e.gzip ? '1' : '0', e.sha256, String(e.bytes)].join('\t'),
  );
  return [...comment.map((c) => `# ${c}`.trimEnd()), COLUMNS.join('\t'), ...rows].join('\n') + '\n';
}

/** SOURCES.tsv as the shared corpus has it (its news pages' provenance), from the manifest's copies. */
export function sourcesTsv(entries: ManifestEntry[]): string {
  const rows = entries
    .filter((e) => e.kind === 'copy')
    .map((e) => [e.name, e.repository, e.commit, e.path, e.gzip ? '1' : '0', e.sha256, String(e.bytes)].join('\t'));
  return ['page\trepository\tcommit\tpath\tgzip\tsha256\tbytes', ...rows].join('\n') + '\n';
}
