// The research log's one writer: records the articles the reader reads while the log is on (the terms the
// content script reports, the page's address and title from the sender, the facts the page states when the
// content script sends them), and exports it as an annotated bibliography. Nothing is recorded while the log
// is off or on an excluded site; nothing is ever deleted without the reader asking.
import dictionary from '../../build/generated/dictionary.json';
import { toCslJsonFile } from '../core/csl-json.js';
import type { DictionaryData } from '../core/dictionary-data.js';
import {
  addArticleFacts,
  annotatedWorks,
  annotation,
  type ArticleVisit,
  articleUrl,
  isExcludedSite,
  removeArticle,
  recordVisit,
  type ResearchLog,
  toAnnotatedMarkdown,
} from '../core/research-log.js';
import { loadLocalFeatures, loadResearchLog, saveResearchLog } from '../platform/local-features-store.js';
import { styleReference } from './citation-engine.js';

const data = dictionary as unknown as DictionaryData;

/** Writes run one after another: frames report at once, and each write reads what the previous one stored. */
let queue: Promise<unknown> = Promise.resolve();
function update(change: (log: ResearchLog) => ResearchLog): Promise<void> {
  const next = queue.then(async () => {
    const before = await loadResearchLog();
    const after = change(before);
    if (after !== before) await saveResearchLog(after);
  });
  queue = next.catch(() => undefined);
  return next;
}

/** The reader's local date, YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Whether the log takes this page now: switched on, an http(s) address, not on an excluded site. */
async function accepts(url: string | undefined): Promise<string | undefined> {
  const features = await loadLocalFeatures();
  if (!features.researchLog || !url) return undefined;
  const article = articleUrl(url);
  if (!article) return undefined;
  return isExcludedSite(new URL(article).hostname, features.researchLogExcluded) ? undefined : article;
}

export async function logVisit(visit: ArticleVisit): Promise<void> {
  const url = await accepts(visit.url);
  if (!url) return;
  await update((log) => recordVisit(log, { ...visit, url }, today()));
}

export async function logArticleFacts(
  pageUrl: string | undefined,
  facts: { title?: string; published?: string; publisher?: string },
): Promise<boolean> {
  const url = await accepts(pageUrl);
  if (!url) return false;
  let added = false;
  await update((log) => {
    const next = addArticleFacts(log, { url, ...facts });
    added = next !== log;
    return next;
  });
  return added;
}

export async function deleteFromLog(url?: string): Promise<boolean> {
  await update((log) => (url === undefined ? { articles: [] } : removeArticle(log, url)));
  return true;
}

export async function exportLog(format: 'markdown' | 'csl-json'): Promise<string> {
  const works = annotatedWorks(await loadResearchLog(), data);
  if (format === 'markdown') return toAnnotatedMarkdown(works, (ref) => styleReference(ref, 'apa'));
  return toCslJsonFile(
    works.map((w) => w.reference),
    new Map(works.map((w) => [w.reference.key, annotation(w)])),
  );
}
