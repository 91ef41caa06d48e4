// The page's reading list: the union of the works cited by the terms found, exported as BibTeX and RIS
// that parse back to the same entries, and copied as an APA list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse } from '@retorquere/bibtex-parser';
import type { DictionaryData } from '../../src/core/dictionary-data.js';
import { expect, needsCorpus, resetSettings, ROOT, tabTerms, test, waitForHighlights } from './fixtures.js';

const data = JSON.parse(readFileSync(join(ROOT, 'build', 'generated', 'dictionary.json'), 'utf8')) as DictionaryData;

needsCorpus('postlight/www.theverge.com.html');

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

test('reading list of a corpus page: grouped by term, exports parse back, APA copy', async ({
  extContext,
  server,
  serviceWorker,
  extensionId,
}) => {
  const page = await extContext.newPage();
  await page.goto(`${server.url}/corpus/postlight/www.theverge.com.html`);
  await waitForHighlights(page, 5);
  const tabId = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  // The terms the corpus test expects on this page that cite works (a reference entry such as the FCC has none).
  const expectations = JSON.parse(
    readFileSync(join(import.meta.dirname, 'corpus-expectations.json'), 'utf8'),
  ) as Record<string, { expected: string[] }>;
  const terms = (expectations['postlight/www.theverge.com.html']?.expected ?? []).filter(
    (id) => (data.terms.find((t) => t.id === id)?.positions.length ?? 0) > 0,
  );
  expect(terms).toEqual(expect.arrayContaining(['net-neutrality', 'open-internet', 'zero-rating']));
  const expectedKeys = new Set(
    data.terms.filter((t) => terms.includes(t.id)).flatMap((t) => t.positions.flatMap((p) => p.cites)),
  );
  // The list reads what the page reported to the background (after a short debounce): wait until it is there.
  await expect
    .poll(async () => (await tabTerms(serviceWorker, tabId as number)).map((t) => t.id))
    .toEqual(expect.arrayContaining(terms));

  const list = await extContext.newPage();
  await list.goto(`chrome-extension://${extensionId}/reading-list.html?tabId=${tabId}`);
  // One section per term found (ordered by how often each occurs on the page).
  await expect(list.getByRole('heading', { level: 2 })).toHaveCount(terms.length);
  expect((await list.getByRole('heading', { level: 2 }).allInnerTexts()).sort()).toEqual(
    terms.map((id) => data.terms.find((t) => t.id === id)?.label).sort(),
  );

  const bib = list.waitForEvent('download');
  await list.getByRole('button', { name: 'Download BibTeX' }).click();
  const bibText = readFileSync((await (await bib).path()) as string, 'utf8');
  const parsed = parse(bibText, { sentenceCase: false, english: false });
  expect(parsed.errors).toEqual([]);
  expect(new Set(parsed.entries.map((e) => e.key))).toEqual(expectedKeys);

  const ris = list.waitForEvent('download');
  await list.getByRole('button', { name: 'Download RIS' }).click();
  const risText = readFileSync((await (await ris).path()) as string, 'utf8');
  const items = new Cite(plugins.input.chain(risText, { generateGraph: false })).data as { title?: string }[];
  expect(items.map((i) => i.title).sort()).toEqual([...expectedKeys].map((k) => data.references[k]?.title).sort());

  // Extension pages cannot be granted clipboard-read here: record what is written.
  await list.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => {
      (window as unknown as { copied: string }).copied = text;
      return write(text);
    };
  });
  await list.getByRole('button', { name: 'Copy as APA list' }).click();
  await expect(list.getByRole('status')).toContainText(`Copied the reading list as APA (${expectedKeys.size})`);
  const apa = (await list.evaluate(() => (window as unknown as { copied?: string }).copied)) ?? '';
  expect(apa.trim().split('\n')).toHaveLength(expectedKeys.size);
  await list.screenshot({ path: 'test-results/screenshots/reading-list.png', fullPage: true });
  await list.close();
  await page.close();
});
