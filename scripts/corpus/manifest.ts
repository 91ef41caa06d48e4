// npm run corpus:manifest [-- --from DIR]: writes tests/corpus/manifest.tsv from a full copy of the corpus
// (default: NETGOV_CORPUS, else ../shared/corpus). Hashes every file and takes each one's source from the
// corpus's own records: SOURCES.tsv (news pages), govtext/index.tsv (column `source`, owner/repo@commit:path,
// also in each page's <meta name="source">), news2025/index.tsv. Writes names and hashes only, never text.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusCandidates } from '../lib/corpus-root.js';
import { formatManifest, MANIFEST, type ManifestEntry, sourcesTsv } from '../lib/corpus-manifest.js';

const { values } = parseArgs({ options: { from: { type: 'string' }, out: { type: 'string' } } });
const full = (dir: string) => existsSync(join(dir, 'SOURCES.tsv')) && existsSync(join(dir, 'govtext', 'index.tsv'));
const from = values.from
  ? resolve(values.from)
  : corpusCandidates()
      .map((c) => c.dir)
      .find(full);
if (!from || !full(from)) {
  console.error('corpus:manifest: needs a full copy of the corpus (SOURCES.tsv, govtext/, news2025/): pass --from DIR');
  process.exit(1);
}

function tsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const cols = (header ?? '').split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i] ?? `col${i}`, v])));
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : [],
  );
}

const problems: string[] = [];
const hashed = new Map<string, { sha256: string; bytes: number; text: Buffer }>();
for (const file of files(from)) {
  const text = readFileSync(file);
  hashed.set(relative(from, file).split(sep).join('/'), {
    sha256: createHash('sha256').update(text).digest('hex'),
    bytes: text.length,
    text,
  });
}

const entries: ManifestEntry[] = [];
const take = (name: string, e: Omit<ManifestEntry, 'name' | 'sha256' | 'bytes'>) => {
  const h = hashed.get(name);
  if (!h) return problems.push(`${name}: listed in the corpus's records but not there`);
  entries.push({ name, ...e, sha256: h.sha256, bytes: h.bytes });
  hashed.delete(name);
};

// News pages: SOURCES.tsv order, so that corpus:fetch can write the same SOURCES.tsv back.
for (const r of tsv(join(from, 'SOURCES.tsv'))) {
  const name = r.page ?? '';
  const h = hashed.get(name);
  if (h && (h.sha256 !== r.sha256 || String(h.bytes) !== r.bytes))
    problems.push(`${name}: differs from its SOURCES.tsv row (sha256 or size)`);
  take(name, {
    kind: 'copy',
    repository: r.repository ?? '',
    commit: r.commit ?? '',
    path: r.path ?? '',
    gzip: r.gzip === '1',
  });
}

const split = (source: string) => /^([^@]+)@([0-9a-f]{40}):(.+)$/.exec(source);
for (const r of tsv(join(from, 'govtext', 'index.tsv'))) {
  const name = `govtext/${r.short_name}.html`;
  const m = split(r.source ?? '');
  if (!m) {
    problems.push(`${name}: source ${r.source} is not owner/repo@commit:path`);
    continue;
  }
  const meta = /<meta name="source" content="([^"]*)">/.exec(hashed.get(name)?.text.toString('utf8') ?? '')?.[1];
  if (meta !== r.source) problems.push(`${name}: <meta name="source"> (${meta}) differs from govtext/index.tsv`);
  take(name, { kind: 'rendered', repository: m[1] ?? '', commit: m[2] ?? '', path: m[3] ?? '', gzip: false });
}
for (const r of tsv(join(from, 'news2025', 'index.tsv'))) {
  take(`news2025/${r.name}.md`, {
    kind: 'cleaned',
    repository: r.source_repository ?? '',
    commit: r.commit ?? '',
    path: r.path ?? '',
    gzip: false,
  });
}
for (const name of [...hashed.keys()].sort()) {
  take(name, { kind: 'annotation', repository: '', commit: '', path: '', gzip: false });
}

if (sourcesTsv(entries) !== readFileSync(join(from, 'SOURCES.tsv'), 'utf8'))
  problems.push('SOURCES.tsv would not be written back byte for byte from the manifest');
if (problems.length > 0) {
  console.error(`corpus:manifest: ${problems.length} problem(s) in ${from}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const count = (k: string) => entries.filter((e) => e.kind === k).length;
const out = values.out ? resolve(values.out) : MANIFEST;
writeFileSync(
  out,
  formatManifest(entries, [
    'The real-page corpus, declared: every file, where it came from, its SHA-256 and size. No page text.',
    'Written by `npm run corpus:manifest` from a full copy of the corpus; read by `npm run corpus:fetch`.',
    'kind: copy = byte-identical to repository@commit:path (gunzipped when gzip is 1), fetched and verified;',
    '  rendered = governance text put into a news-style page by the corpus maker (words from the source, markup',
    '  theirs; renderer not published), cleaned = article text cleaned by hand from the source (news2025/README.md),',
    '  annotation = written for the corpus. Only copies can be fetched; the others are declared, not fetchable.',
    'sha256 and bytes are of the file in the corpus (for copies, also of the decompressed source file).',
  ]),
);
console.log(
  `corpus:manifest: ${entries.length} files from ${from} -> ${relative(process.cwd(), out)} ` +
    `(${count('copy')} copies, ${count('rendered')} rendered, ${count('cleaned')} cleaned, ${count('annotation')} annotations)`,
);
