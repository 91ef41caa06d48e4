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

  it('leaves an ad creative alone: a linked banner with a label and a line of copy', async () => {
    // The bench's ad slot (scripts/bench/synthetic.ts): 44 characters, past the plain text threshold.
    const bench =
      '<a href="#"><img alt="" width="300" height="100"></a>' +
      '<p style="font:11px sans-serif">Advertisement · Sponsored by Example Networks</p>';
    expect(frameHasText(docOf(await frame(bench, 300, 120)))).toBe(false);
    const display =
      '<div>Advertisement</div><a href="https://ads.example/click"><img width="300" height="250"></a>' +
      '<a href="https://ads.example/click">Fast broadband for your business. Learn more</a>';
    expect(frameHasText(docOf(await frame(display, 300, 300)))).toBe(false);
  });

  it('reads an embed with a sentence beside a small linked avatar, and a sentence beside a linked banner', async () => {
    const post =
      '<a href="https://social.example/@eff"><img width="48" height="48" alt="EFF"></a>' +
      '<p>Net neutrality rules are back in court this week.</p><a href="https://social.example/p/1">10:31 AM</a>';
    expect(frameHasText(docOf(await frame(post, 500, 200)))).toBe(true);
    const story =
      '<a href="/story"><img width="400" height="120"></a><p>' +
      'The regulator adopted the net neutrality order after a year of public comment, over two dissents.</p>';
    expect(frameHasText(docOf(await frame(story, 400, 200)))).toBe(true);
  });

  it('in the top frame asks only for some text, whatever its size or images', async () => {
    const banner = '<a href="#"><img width="300" height="100"></a><p>Advertisement · Sponsored by Example Networks</p>';
    expect(frameHasText(docOf(await frame(banner, 300, 120)), true)).toBe(true);
    expect(frameHasText(docOf(await frame(ARTICLE, 1, 1)), true)).toBe(true);
    expect(frameHasText(docOf(await frame('<h1>40 frames</h1>')), true)).toBe(false);
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
