// The reader's input on hostile pages: typing in editors, designMode, the text under the pointer removed or
// rewritten, resting on a term's first letter (hostile-helpers.ts).
import { type HighlightInfo, NO_ERRORS, settledCount, until } from '../fixtures/pages/hostile/harness.js';
import { expect, popover } from './fixtures.js';
import { close, hoverTerm, open, settleTo, test, texts, watch } from './hostile-helpers.js';

test('contenteditable regions, textareas and inputs are never annotated and typing is untouched', async ({
  extContext,
  server,
  extensionId,
}) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/editable.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => t.length >= 4,
  );
  await settledCount(o.probe);
  const where = async () => [...new Set((await o.probe.highlights()).map((h) => h.within))].sort();
  expect(await where()).toEqual(['later', 'read', 'title']);
  // Typing terms into the editors: the text is what was typed, and still nothing is annotated there.
  await o.page.locator('#rich').focus();
  await o.page.keyboard.press('Control+End');
  const typed = ' ICANN and net neutrality';
  await o.page.keyboard.type(typed);
  await o.page.locator('#plain').focus();
  await o.page.keyboard.press('Control+End');
  await o.page.keyboard.type(typed);
  expect(await o.page.locator('#plain').textContent()).toBe(`A plain editor about internet governance.${typed}`);
  expect(await o.probe.runInPage(() => (window as unknown as { inputEvents: number }).inputEvents)).toBe(typed.length);
  await o.page.waitForTimeout(600);
  expect(await where()).toEqual(['later', 'read', 'title']);
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

test('a document in designMode from the start is not annotated', async ({ extContext, server, extensionId }) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/design-mode.html`, extensionId);
  // The content script has started (it answers in its world) and chose not to annotate.
  await until(
    () => o.probe.runInContentScript(() => document.readyState),
    (s) => s === 'complete',
  );
  await o.page.waitForTimeout(1000);
  expect(await o.probe.highlightCount()).toBe(0);
  expect(await o.page.evaluate(() => document.designMode)).toBe('on');
  await o.page.locator('#text').click();
  await o.page.keyboard.type(' typed');
  expect(await o.page.locator('#text').textContent()).toContain('typed');
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

test('the page removes the text under the pointer while the popover is open', async ({
  extContext,
  server,
  extensionId,
}) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/remove-under-pointer.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => t.length >= 3,
  );
  await hoverTerm(o.page, o.probe, 'ICANN');
  await o.probe.runInPage(() => (window as unknown as { removeDoomed: () => void }).removeDoomed());
  // The popover goes with its term; the correction the page posts is annotated in its turn.
  await expect(popover(o.page)).toBeHidden();
  await settleTo(o.probe, ['data localisation', 'net neutrality']);
  expect(await o.probe.runInPage(() => (window as unknown as { pageLog: string[] }).pageLog)).toEqual([
    'removed',
    'corrected',
  ]);
  // The pointer still rests where the term was: moving over the new text opens the new term.
  await hoverTerm(o.page, o.probe, 'data localisation');
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

test('the page rewrites the text node under an open popover', async ({ extContext, server, extensionId }) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/remove-under-pointer.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => t.length >= 3,
  );
  await hoverTerm(o.page, o.probe, 'multistakeholder model');
  await o.probe.runInPage(() => (window as unknown as { replaceDoomedText: () => void }).replaceDoomedText());
  await expect(popover(o.page)).toBeHidden();
  await settleTo(o.probe, ['net neutrality']);
  // Moving the pointer over the rewritten text is harmless and opens nothing.
  await o.page.mouse.move(320, 95, { steps: 4 });
  await o.page.waitForTimeout(500);
  await expect(popover(o.page)).toBeHidden();
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

// Regression: resting on a term's first letter, arriving from above, opens it (hit-test cache checks the rect).
test('resting on the first letter of a term, arriving from above, opens it', async ({
  extContext,
  server,
  extensionId,
}) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/first-letter.html`, extensionId);
  const term = (
    await until(
      () => o.probe.highlights(),
      (h) => h.length > 0,
    )
  )[0] as HighlightInfo;
  await o.page.mouse.move(term.x + 2, term.y - 30); // in the heading's top margin, above the "I"
  await o.page.waitForTimeout(200);
  await o.page.mouse.move(term.x + 3, term.y + term.height / 2); // on the "I"
  await expect(popover(o.page)).toBeVisible();
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});
