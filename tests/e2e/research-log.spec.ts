// The research log: off by default; switched on in the options it records two articles read (title, address,
// terms), browses them by article and by term, exports an annotated bibliography (Markdown, CSL-JSON with
// notes that parse back with citation-js), deletes one entry, and deletes everything only once the reader
// confirms. Switched off, or on an excluded site, it records nothing more and deletes nothing.
import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { PageProbe } from '../fixtures/pages/hostile/harness.js';
import { expect, resetSettings, test, waitForHighlights } from './fixtures.js';

interface Logged {
  published?: string;
  publisher?: string;
  url: string;
  title?: string;
  terms: string[];
}

async function logged(sw: Worker): Promise<Logged[]> {
  return sw.evaluate(
    async () =>
      ((await chrome.storage.local.get('researchLog')).researchLog as { articles?: Logged[] } | undefined)?.articles ??
      [],
  );
}

async function read(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForHighlights(page, 1);
  await page.waitForTimeout(400);
  await page.close();
}

async function options(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#research-log`);
  return page;
}

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
  await serviceWorker.evaluate(() => chrome.storage.local.remove(['localFeatures', 'researchLog']));
});

test('records two articles, browses and exports them; off or excluded, records nothing more', async ({
  extContext,
  server,
  serviceWorker,
  extensionId,
}) => {
  const demo = `${server.url}/fixtures/demo-article.html`;
  const second = `${server.url}/fixtures/multilingual.html`;
  // Off by default: reading records nothing.
  await read(extContext, demo);
  expect(await logged(serviceWorker)).toEqual([]);

  const opts = await options(extContext, extensionId);
  const box = opts.getByLabel('Keep a research log of the articles I read');
  await expect(box).not.toBeChecked();
  await box.check();
  await expect
    .poll(() => serviceWorker.evaluate(async () => (await chrome.storage.local.get('localFeatures')).localFeatures))
    .toMatchObject({ researchLog: true });
  await opts.locator('#research-log').screenshot({ path: 'test-results/screenshots/options-research-log.png' });

  await read(extContext, demo);
  await read(extContext, second);
  await expect.poll(async () => (await logged(serviceWorker)).map((a) => a.url)).toEqual([second, demo]);
  const [b, a] = await logged(serviceWorker);
  expect(a?.title).toBe('Who runs the internet? Old arguments return as states seek control | The Demo Ledger');
  expect(a?.terms).toEqual(expect.arrayContaining(['icann', 'multistakeholder-model']));
  expect(b?.terms.length).toBeGreaterThan(0);

  const log = await extContext.newPage();
  await log.goto(`chrome-extension://${extensionId}/research-log.html`);
  await expect(log.getByRole('heading', { level: 2 })).toHaveText([b?.title ?? second, a?.title ?? demo]);
  await expect(log.getByText(/^2 articles, with \d+ works? behind the terms found\./)).toBeVisible();
  await log.screenshot({ path: 'test-results/screenshots/research-log-by-article.png', fullPage: true });
  await log.getByLabel('By term').check();
  await expect(log.getByRole('heading', { name: 'ICANN', level: 2 })).toBeVisible();
  await log.screenshot({ path: 'test-results/screenshots/research-log-by-term.png' });

  const md = log.waitForEvent('download');
  await log.getByRole('button', { name: 'Download annotated bibliography (Markdown)' }).click();
  const markdown = readFileSync((await (await md).path()) as string, 'utf8');
  expect(markdown).toMatch(/^# Annotated bibliography/);
  expect(markdown).toContain(`Came up in “${a?.title}”, ${demo}`);
  expect(markdown).toContain(second);
  // Formatted by the CSL engine (APA): Carr (2015) is cited by the multistakeholder model.
  expect(markdown).toContain('- Carr, M. (2015). Power Plays in Global Internet Governance.');

  const csl = log.waitForEvent('download');
  await log.getByRole('button', { name: 'Download CSL-JSON with notes' }).click();
  const items = new Cite(JSON.parse(readFileSync((await (await csl).path()) as string, 'utf8'))).data as {
    id: string;
    note?: string;
  }[];
  const carr = items.find((i) => i.id === 'carr2015powerplays');
  expect(carr?.note).toContain(demo);
  expect(items.every((i) => i.note?.startsWith('Came up in: '))).toBe(true);

  // Delete one entry.
  await log.getByLabel('By article').check();
  await log.getByRole('button', { name: `Delete “${b?.title ?? second}” from the log` }).click();
  await expect.poll(async () => (await logged(serviceWorker)).map((x) => x.url)).toEqual([demo]);
  await expect(log.getByRole('heading', { level: 2 })).toHaveCount(1);
  // Counted in the singular now ("1 article", not "1 articles").
  await expect(log.getByText(/^1 article, with \d+ works? behind the terms found\./)).toBeVisible();

  // Switched off: reading records nothing more, and nothing is deleted.
  await box.uncheck();
  await expect
    .poll(() => serviceWorker.evaluate(async () => (await chrome.storage.local.get('localFeatures')).localFeatures))
    .toMatchObject({ researchLog: false });
  await read(extContext, second);
  expect((await logged(serviceWorker)).map((x) => x.url)).toEqual([demo]);
  await log.reload();
  await expect(log.getByRole('note')).toContainText('The research log is off');

  // On again, with the site excluded: still nothing.
  await box.check();
  const excluded = opts.locator('#research-log');
  await excluded.getByLabel('Exclude site').fill('127.0.0.1');
  await excluded.getByRole('button', { name: 'Add', exact: true }).click();
  await expect
    .poll(() => serviceWorker.evaluate(async () => (await chrome.storage.local.get('localFeatures')).localFeatures))
    .toMatchObject({ researchLog: true, researchLogExcluded: ['127.0.0.1'] });
  await read(extContext, second);
  expect((await logged(serviceWorker)).map((x) => x.url)).toEqual([demo]);

  // "Delete everything" asks first: dismissed, the log stays; accepted, it is empty.
  let asked = '';
  log.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await log.getByRole('button', { name: 'Delete everything' }).click();
  await expect.poll(() => asked).toBe('Delete 1 article from the research log? This cannot be undone.');
  expect(await logged(serviceWorker)).toHaveLength(1);
  log.once('dialog', (d) => void d.accept());
  await log.getByRole('button', { name: 'Delete everything' }).click();
  await expect.poll(() => logged(serviceWorker)).toEqual([]);
  await expect(log.getByText('The log is empty.')).toBeVisible();
  await log.close();
  await opts.close();
});

test('the facts a page states reach the log through article-facts; a content script can neither read nor delete it', async ({
  extContext,
  server,
  serviceWorker,
  extensionId,
}) => {
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({ localFeatures: { zotero: false, researchLog: true, researchLogExcluded: [] } }),
  );
  const demo = `${server.url}/fixtures/demo-article.html`;
  const page = await extContext.newPage();
  await page.goto(demo);
  await waitForHighlights(page, 1);
  await expect.poll(async () => (await logged(serviceWorker)).map((a) => a.url)).toEqual([demo]);
  // What the content script is to send once it reads the page's own metadata (see the message in
  // src/core/messages.ts), sent here from the content script's world.
  const probe = await PageProbe.attach(page, extensionId);
  const replies = await probe.runInContentScript(async () => {
    const send = (m: unknown) => chrome.runtime.sendMessage(m);
    return {
      facts: await send({
        type: 'article-facts',
        title: 'Who runs the internet?',
        published: '2026-03-01T08:00:00Z',
        publisher: 'The Demo Ledger',
      }),
      exported: await send({ type: 'research-log-export', format: 'markdown' }),
      deleted: await send({ type: 'research-log-delete' }),
    };
  });
  await probe.detach();
  expect(replies).toEqual({ facts: true, exported: '', deleted: false });
  const [article] = await logged(serviceWorker);
  expect(article).toMatchObject({
    url: demo,
    title: 'Who runs the internet?',
    published: '2026-03-01',
    publisher: 'The Demo Ledger',
  });
  const log = await extContext.newPage();
  await log.goto(`chrome-extension://${extensionId}/research-log.html`);
  await expect(log.locator('.log-facts')).toContainText('The Demo Ledger · 2026-03-01');
  await log.close();
  await page.close();
});

test("the content script reports an article's stated date and publisher, only while the log is on", async ({
  extContext,
  server,
  serviceWorker,
}) => {
  const url = `${server.url}/generated/article-with-metadata.html`;
  await extContext.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><title>Tab title</title>
        <meta property="og:title" content="ICANN board meets in Kobe">
        <meta property="og:site_name" content="The Daily Packet">
        <meta property="article:published_time" content="2026-03-01T08:00:00Z"></head>
        <body><article><p>ICANN met again this week to discuss the next round of domains.</p></article></body></html>`,
    }),
  );
  await read(extContext, url);
  expect(await logged(serviceWorker)).toEqual([]);
  await serviceWorker.evaluate(() => chrome.storage.local.set({ localFeatures: { researchLog: true } }));
  await read(extContext, url);
  await expect
    .poll(async () => (await logged(serviceWorker)).find((a) => a.url === url))
    .toMatchObject({
      publisher: 'The Daily Packet',
      published: '2026-03-01',
      terms: expect.arrayContaining(['icann']),
    });
  await extContext.unroute(url);
});
