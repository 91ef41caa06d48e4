import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameHasText, whenWorthAnnotating } from '../../../src/content/frame-gate.js';
import { until } from './browser-helpers.js';

let frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const f of frames) f.remove();
  frames = [];
});

const ARTICLE = `<p>${'The multistakeholder model of internet governance is argued over. '.repeat(4)}</p>`;

/** A same-origin subframe of `width` x `height` showing `html`. */
async function frame(html: string, width = 400, height = 200): Promise<HTMLIFrameElement> {
  const f = document.createElement('iframe');
  f.style.width = `${width}px`;
  f.style.height = `${height}px`;
  f.srcdoc = html;
  frames.push(f);
  const loaded = new Promise((resolve) => f.addEventListener('load', resolve, { once: true }));
  document.body.append(f);
  await loaded;
  return f;
}
const docOf = (f: HTMLIFrameElement): Document => f.contentDocument as Document;

describe('frame gate', () => {
  it('lets a subframe with an article or a short embed through at once', async () => {
    expect(frameHasText(docOf(await frame('<p>Inside a frame: net neutrality.</p>')))).toBe(true);
    const start = vi.fn();
    whenWorthAnnotating(docOf(await frame(ARTICLE)), start);
    expect(start).toHaveBeenCalledOnce();
  });

  it('leaves blank, tiny and script-only frames alone', async () => {
    expect(frameHasText(docOf(await frame('')))).toBe(false);
    expect(frameHasText(docOf(await frame('<a href="#">Ad</a><span>Sponsored</span>')))).toBe(false);
    expect(frameHasText(docOf(await frame(ARTICLE, 1, 1)))).toBe(false);
    expect(frameHasText(docOf(await frame(`<script type="text/x-data">${'x'.repeat(5000)}</script>`)))).toBe(false);
  });

  it('starts a blank frame once text arrives', async () => {
    const f = await frame('<p>Loading</p>');
    const start = vi.fn();
    whenWorthAnnotating(docOf(f), start);
    expect(start).not.toHaveBeenCalled();
    const p = docOf(f).createElement('p');
    p.textContent = 'The multistakeholder model of internet governance is argued over. '.repeat(4);
    docOf(f).body.append(p);
    await until(() => start.mock.calls.length > 0, 5000);
    expect(start).toHaveBeenCalledOnce();
  });

  it('starts a frame it cannot measure (a document without a window) rather than wait forever', () => {
    const start = vi.fn();
    whenWorthAnnotating(document.implementation.createHTMLDocument(''), start);
    expect(start).toHaveBeenCalledOnce();
  });
});
