// Development aid: loads every corpus page in Chromium with the extension and prints what it finds, with
// context, so that aliases and per-page expectations can be reviewed by reading. Not part of npm test.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from '../lib/static-server.js';
import { projectRoot } from '../dictionary-build.js';
import { CORPUS_MISSING, findCorpus } from '../lib/corpus-root.js';

const corpus = findCorpus();
if (!corpus) {
  console.error(`corpus-report: ${CORPUS_MISSING}`);
  process.exit(1);
}
const server = await startServer({ '/corpus/': corpus });
const ext = join(process.env.NETGOV_DIST ?? join(projectRoot, 'dist'), 'chrome');
const context = await chromium.launchPersistentContext(join(projectRoot, '.tmp', `report-profile-${process.pid}`), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
});
await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort());
const pages = readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
  .flatMap((d) =>
    readdirSync(join(corpus, d.name))
      .filter((f) => f.endsWith('.html'))
      .map((f) => `${d.name}/${f}`),
  );
const report: Record<string, { text: string; context: string }[]> = {};
const terms: Record<string, string[]> = {};
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
for (const p of pages) {
  const page = await context.newPage();
  await page.goto(`${server.url}/corpus/${p}`, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(1500);
  report[p] = await page.evaluate(() => {
    const out: { text: string; context: string }[] = [];
    for (const name of ['netgov-lens-dotted']) {
      const h = CSS.highlights.get(name) as unknown as Set<AbstractRange> | undefined;
      for (const r of h ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const block = (r.startContainer.parentElement?.closest('p,li,td,h1,h2,h3,h4,div,section,article') ??
          r.startContainer.parentElement) as HTMLElement;
        const text = range.toString();
        const full = block?.textContent ?? '';
        const at = full.indexOf(text);
        out.push({ text, context: full.slice(Math.max(0, at - 60), at + text.length + 60).replace(/\s+/g, ' ') });
      }
    }
    return out;
  });
  await page.waitForTimeout(400);
  terms[p] = await sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const stored = await chrome.storage.session.get(`tab:${tab?.id}`);
    const frames = (stored[`tab:${tab?.id}`] ?? {}) as Record<string, { id: string; count: number }[]>;
    return [
      ...new Set(
        Object.values(frames)
          .flat()
          .map((t) => t.id),
      ),
    ].sort();
  });
  console.log(`\n## ${p}: ${report[p]?.length} :: ${terms[p]?.join(' ')}`);
  for (const m of report[p] ?? []) console.log(`  [${m.text}]  …${m.context}…`);
  await page.close();
}
writeFileSync(join(projectRoot, '.tmp', 'corpus-report.json'), JSON.stringify(report, null, 1));
writeFileSync(join(projectRoot, '.tmp', 'corpus-terms.json'), JSON.stringify(terms, null, 1));
await context.close();
await server.close();
