// The content-script stylesheet for each browser. Chromium (highlight inheritance) computes and stores a
// highlight style for every element a ::highlight() rule matches: the universal rule cost 700 bytes per
// element, 8 to 13 MB on a large page, in every frame, even with nothing highlighted. Anchored at :root,
// the same rules reach every text through inheritance and are computed once. Firefox styles a highlight
// from its text's own parent element only, so it keeps the universal rules.
import type { Browser } from '../manifest.js';

export function contentCss(source: string, browser: Browser): string {
  if (browser === 'firefox') return source;
  return source.replace(/^::highlight\(/gm, ':root::highlight(');
}
