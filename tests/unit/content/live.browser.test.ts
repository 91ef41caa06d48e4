import { afterEach, describe, expect, it } from 'vitest';
import { Annotator } from '../../../src/content/annotator.js';
import { LiveUpdater } from '../../../src/content/live.js';
import { HighlightPainter } from '../../../src/content/painter.js';
import { highlighted, mount, testMatcher, until } from './browser-helpers.js';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

/**
 * An annotated page that follows its changes, as the content script runs it. Only the live updater knows
 * <our-ui> as ours (the annotator would scan it), so that a test sees what the updater leaves out.
 */
async function liveAnnotation(html: string) {
  const root = mount(html);
  const painter = new HighlightPainter(window);
  const annotator = new Annotator(document, testMatcher(), painter, {
    firstOnly: false,
    isOwnElement: () => false,
    onResults: () => undefined,
  });
  const live = new LiveUpdater(annotator, (node) => node.nodeType === 1 && (node as Element).tagName === 'OUR-UI');
  live.observe(document);
  annotator.scanDocument();
  await annotator.idle;
  cleanup.push(() => {
    live.disconnect();
    annotator.dispose();
    painter.dispose();
  });
  return { root, live, annotator };
}

describe('LiveUpdater in Chromium', () => {
  it('annotates paragraphs the page adds (infinite scroll, live blogs)', async () => {
    const { root } = await liveAnnotation('<p>ICANN</p>');
    const p = document.createElement('p');
    p.textContent = 'Update: net neutrality rules change.';
    root.append(p);
    await until(() => highlighted().length === 2);
    expect(highlighted()).toEqual(['ICANN', 'net neutrality']);
  });

  it('drops the matches of removed and rewritten text', async () => {
    const { root } = await liveAnnotation('<p id="a">ICANN</p><p id="b">net neutrality</p>');
    root.querySelector('#a')?.remove();
    ((root.querySelector('#b') as HTMLElement).firstChild as Text).data = 'internet governance';
    await until(() => highlighted().join() === 'internet governance');
  });

  it('finds a term that a text change completes across inline elements', async () => {
    const { root } = await liveAnnotation('<p id="a"><b>net</b> </p>');
    expect(highlighted()).toEqual([]);
    (root.querySelector('#a') as HTMLElement).append('neutrality');
    await until(() => highlighted().join() === 'net neutrality');
  });

  it('drops the highlights of a region made editable or hidden, and restores them when it is not', async () => {
    const { root } = await liveAnnotation('<div id="a"><p>ICANN</p></div><p>net neutrality</p>');
    const region = root.querySelector('#a') as HTMLElement;
    region.contentEditable = 'true';
    await until(() => highlighted().join() === 'net neutrality');
    region.removeAttribute('contenteditable');
    await until(() => highlighted().length === 2);
    region.hidden = true;
    await until(() => highlighted().join() === 'net neutrality');
  });

  it('ignores changes inside our own elements', async () => {
    const { root } = await liveAnnotation('<p>ICANN</p><our-ui></our-ui>');
    (root.querySelector('our-ui') as HTMLElement).textContent = 'net neutrality';
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(highlighted()).toEqual(['ICANN']);
  });

  it('follows shadow roots found during the scan', async () => {
    const root = mount('<div id="host"></div>');
    const shadow = (root.querySelector('#host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>ICANN</p>';
    // mount() again would replace the host: annotate what is there now.
    const painter = new HighlightPainter(window);
    const annotator = new Annotator(document, testMatcher(), painter, {
      firstOnly: false,
      isOwnElement: () => false,
      onResults: () => undefined,
    });
    const live = new LiveUpdater(annotator, () => false);
    cleanup.push(() => {
      live.disconnect();
      annotator.dispose();
      painter.dispose();
    });
    live.observe(document);
    annotator.scanDocument();
    await annotator.idle;
    const p = document.createElement('p');
    p.textContent = 'net neutrality';
    shadow.append(p);
    await until(() => highlighted().length === 2);
  });

  it('reports, in the same task, that the document itself lost its children', async () => {
    const { live } = await liveAnnotation('<p>ICANN</p>');
    let calls = 0;
    live.onDocumentChildren = () => calls++;
    // Replacing <html> is what document.open() does to the document's own children.
    const html = document.documentElement;
    document.replaceChild(html.cloneNode(true), html);
    await until(() => calls === 1);
    document.replaceChild(html, document.documentElement);
  });
});
