// What a research log needs of an article that the tab's address and title do not say: its title, date and
// publisher where the page states them in its metadata. Read in the top frame only, once per document, and
// only when the reader keeps a research log (the background checks again and records nothing otherwise).
import { sendToBackground } from '../platform/messaging.js';
import { isResearchLogOn } from '../platform/research-log-flag.js';

/** The first non-empty value among these metadata selectors (a meta's content, else a datetime). */
function first(doc: Document, selectors: string[], max: number): string | undefined {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const value = (el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? '').trim();
    if (value) return value.slice(0, max);
  }
  return undefined;
}

export function readArticleFacts(doc: Document): { title?: string; published?: string; publisher?: string } {
  const title = first(doc, ['meta[property="og:title"]'], 500);
  const published = first(
    doc,
    [
      'meta[property="article:published_time"]',
      'meta[name="date"]',
      '[itemprop="datePublished"]',
      'article time[datetime]',
    ],
    40,
  );
  const publisher = first(doc, ['meta[property="og:site_name"]', 'meta[name="publisher"]'], 200);
  return { ...(title ? { title } : {}), ...(published ? { published } : {}), ...(publisher ? { publisher } : {}) };
}

/** Sends the article's facts once per document, after terms were found, if the research log is on. */
export async function reportArticleFacts(doc: Document): Promise<void> {
  if (doc.defaultView !== doc.defaultView?.top) return;
  if (!(await isResearchLogOn())) return;
  await sendToBackground({ type: 'article-facts', ...readArticleFacts(doc) });
}
