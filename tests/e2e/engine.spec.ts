// Detection on crafted pages: inline boundaries, invisible characters, skipped regions, shadow roots,
// frames, live changes, first-occurrence mode and guards.
import type { Frame, Page } from '@playwright/test';
import {
  expect,
  highlightedRanges,
  popover,
  resetSettings,
  serializeDom,
  setSettings,
  test,
  waitForHighlights,
} from './fixtures.js';

async function texts(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const h = CSS.highlights.get('netgov-lens-dotted') as unknown as Set<AbstractRange> | undefined;
    for (const r of h ?? []) {
      // A static range can be stale for a moment after the page edits its text (until the next batch).
      try {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push(range.toString());
      } catch {
        out.push('(stale)');
      }
    }
    return out.sort();
  });
}

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

test('finds terms across inline elements and invisible characters, and nowhere it should not', async ({
  extContext,
  server,
}) => {
  const page = await extContext.newPage();
  await page.goto(`${server.url}/fixtures/engine.html`);
  await waitForHighlights(page, 6);
  await page.waitForTimeout(500);
  const found = await texts(page);
  expect(found).toEqual(
    [
      'Internet Governance Forum',
      'multi-stakeholder',
      'multi\u00ADstakeholder',
      'ICANN',
      'Regional Internet Registries',
      'RIRs',
      'IANA transition',
      'mass surveillance',
    ].sort(),
  );
  // Same-origin frame: the content script runs there too.
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame).toBeTruthy();
  await expect.poll(() => texts(frame as Frame)).toEqual(['net neutrality']);
  await page.close();
});

test('follows live changes: added text is annotated, removed text drops its highlights', async ({
  extContext,
  server,
}) => {
  const page = await extContext.newPage();
  await page.goto(`${server.url}/fixtures/engine.html`);
  await waitForHighlights(page, 6);
  const before = await serializeDom(page);
  await page.evaluate(() => {
    const li = document.createElement('li');
    li.textContent = 'Live blog: the Budapest Convention gains a new party.';
    document.getElementById('live')?.append(li);
  });
  await expect.poll(() => texts(page)).toContain('Budapest Convention');
  await page.evaluate(() => document.getElementById('first-live')?.remove());
  await expect.poll(() => texts(page)).not.toContain('IANA transition');
  // Text edited in place.
  await page.evaluate(() => {
    const p = document.getElementById('plural');
    if (p?.firstChild) (p.firstChild as Text).data = 'Nothing to see here any more, ';
  });
  await expect.poll(async () => (await texts(page)).filter((t) => /Regional|stale/.test(t))).toEqual([]);
  expect(await serializeDom(page)).not.toBe(before); // the page's own changes, not ours
  await page.close();
});

test('a term split over several text nodes gets one highlight that spans them', async ({ extContext, server }) => {
  const page = await extContext.newPage();
  await page.goto(`${server.url}/fixtures/engine.html`);
  await waitForHighlights(page, 6);
  const spans = await page.evaluate(() => {
    for (const r of CSS.highlights.get('netgov-lens-dotted') as unknown as Set<AbstractRange>) {
      if (r.startContainer !== r.endContainer) return [r.startContainer.textContent, r.endContainer.textContent];
    }
    return null;
  });
  expect(spans).not.toBeNull();
  await page.close();
});

test('first-occurrence mode shows each term once', async ({ extContext, server, serviceWorker }) => {
  await setSettings(serviceWorker, { occurrences: 'first' });
  const page = await extContext.newPage();
  await page.goto(`${server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  await page.waitForTimeout(600);
  const all = (await highlightedRanges(page)).map((r) => r.text);
  expect(all.filter((t) => t === 'ICANN')).toHaveLength(1);
  expect(all.filter((t) => t === 'IANA transition')).toHaveLength(1);
  // The first ICANN in document order is the one shown.
  const y = (await highlightedRanges(page)).find((r) => r.text === 'ICANN')?.y ?? 0;
  const firstIcannY = await page.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes('ICANN'));
    return p?.getBoundingClientRect().top ?? 0;
  });
  expect(y).toBeGreaterThanOrEqual(firstIcannY);
  expect(y).toBeLessThan(firstIcannY + 60);
  await page.close();
});

test('the highlight style setting switches the registered highlight', async ({ extContext, server, serviceWorker }) => {
  const page = await extContext.newPage();
  await page.goto(`${server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  await setSettings(serviceWorker, { highlightStyle: 'background' });
  await expect
    .poll(() =>
      page.evaluate(() => CSS.highlights.has('netgov-lens-background') && !CSS.highlights.has('netgov-lens-dotted')),
    )
    .toBe(true);
  await page.screenshot({
    path: 'test-results/screenshots/highlight-background.png',
    clip: { x: 280, y: 300, width: 720, height: 300 },
  });
  await page.close();
});

test('a term found as a German alias says so in the popover', async ({ extContext, server }) => {
  const page = await extContext.newPage();
  await page.goto(`${server.url}/fixtures/multilingual.html`);
  await waitForHighlights(page, 2);
  const target = (await highlightedRanges(page)).find((r) => r.text === 'Netzneutralität' && r.y > 100);
  expect(target).toBeTruthy();
  await page.mouse.move(1, 1);
  await page.mouse.move((target?.x ?? 0) + 10, (target?.y ?? 0) + (target?.height ?? 0) / 2);
  const pop = popover(page);
  await expect(pop.locator('h2')).toHaveText('Net neutrality');
  await expect(pop.locator('.found-as')).toHaveText(
    'found as “Netzneutralität” (German); the explanation is in English',
  );
  await page.close();
});
