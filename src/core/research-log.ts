// The research log: for each article the reader read with the log switched on, its address, title, date and
// publisher where the page states them, the terms found there, and through them the works behind it. Kept in
// storage.local only (never synced, never sent); the background is its one writer.
import type { DictionaryData, Reference } from './dictionary-data.js';
import { hostMatches } from './sites.js';

export interface LoggedArticle {
  /** The article's address without its fragment: the entry's identity. */
  url: string;
  title?: string;
  /** The publication date the page states (YYYY-MM-DD). */
  published?: string;
  /** The publisher or site name the page states. */
  publisher?: string;
  /** The day the reader first read it here (YYYY-MM-DD, the reader's local date). */
  read: string;
  /** Ids of the terms found on it, in the order they were first found. */
  terms: string[];
}

export interface ResearchLog {
  articles: LoggedArticle[];
}

/** What the background learns about a page: from the content script's term counts and its article facts. */
export interface ArticleVisit {
  url: string;
  title?: string;
  published?: string;
  publisher?: string;
  terms: readonly string[];
}

/** At most this many articles are kept; the oldest go first. */
export const MAX_ARTICLES = 3000;
const MAX_TERMS = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.trim() && v.length <= max ? v.replace(/\s+/g, ' ').trim() : undefined;
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The address an article is kept under: http(s) only, without fragment or credentials; undefined otherwise. */
export function articleUrl(raw: string): string | undefined {
  try {
    const u = new URL(raw);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    u.hash = '';
    u.username = '';
    u.password = '';
    return u.href.length <= 2000 ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A stated publication date as YYYY-MM-DD ("2026-03-04T10:00:00Z", "2026-03-04"), or undefined. */
export function publishedDay(raw: string | undefined): string | undefined {
  const m = raw?.trim().match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function parseArticle(v: unknown): LoggedArticle | undefined {
  if (!isObject(v)) return undefined;
  const url = typeof v.url === 'string' ? articleUrl(v.url) : undefined;
  if (!url || !isDay(v.read) || !Array.isArray(v.terms)) return undefined;
  const terms = v.terms.filter((t): t is string => typeof t === 'string' && /^[a-z0-9-]{1,80}$/.test(t));
  const title = text(v.title, 500);
  const publisher = text(v.publisher, 200);
  return {
    url,
    read: v.read,
    terms: terms.slice(0, MAX_TERMS),
    ...(title ? { title } : {}),
    ...(isDay(v.published) ? { published: v.published } : {}),
    ...(publisher ? { publisher } : {}),
  };
}

/** Reads the stored log; a damaged entry costs only itself. */
export function parseResearchLog(stored: unknown): ResearchLog {
  if (!isObject(stored) || !Array.isArray(stored.articles)) return { articles: [] };
  return { articles: stored.articles.flatMap((a) => parseArticle(a) ?? []) };
}

/** True when the log must skip `hostname` (a site the reader excluded, subdomains included). */
export function isExcludedSite(hostname: string, excluded: readonly string[]): boolean {
  return excluded.some((d) => hostMatches(hostname, d));
}

/**
 * The log with `visit` recorded: a new article first, or the known one with the new terms and any facts it
 * lacked. A visit without terms records nothing (the log is about the terms and their works).
 */
export function recordVisit(log: ResearchLog, visit: ArticleVisit, today: string): ResearchLog {
  const url = articleUrl(visit.url);
  if (!url || visit.terms.length === 0) return log;
  const title = text(visit.title, 500);
  const publisher = text(visit.publisher, 200);
  const published = publishedDay(visit.published);
  const known = log.articles.find((a) => a.url === url);
  const terms = [...new Set([...(known?.terms ?? []), ...visit.terms])].slice(0, MAX_TERMS);
  const article: LoggedArticle = {
    url,
    read: known?.read ?? today,
    terms,
    ...(known?.title || title ? { title: known?.title ?? title } : {}),
    ...(known?.published || published ? { published: known?.published ?? published } : {}),
    ...(known?.publisher || publisher ? { publisher: known?.publisher ?? publisher } : {}),
  };
  const others = log.articles.filter((a) => a.url !== url);
  return { articles: [article, ...others].slice(0, MAX_ARTICLES) };
}

/** The facts a page states about itself, added to an article already in the log (never creates one). */
export function addArticleFacts(
  log: ResearchLog,
  facts: { url: string; title?: string; published?: string; publisher?: string },
): ResearchLog {
  const url = articleUrl(facts.url);
  if (!url || !log.articles.some((a) => a.url === url)) return log;
  const title = text(facts.title, 500);
  const publisher = text(facts.publisher, 200);
  const published = publishedDay(facts.published);
  return {
    articles: log.articles.map((a) =>
      a.url === url
        ? {
            ...a,
            ...(title ? { title } : {}),
            ...(published ? { published } : {}),
            ...(publisher ? { publisher } : {}),
          }
        : a,
    ),
  };
}

export function removeArticle(log: ResearchLog, url: string): ResearchLog {
  return { articles: log.articles.filter((a) => a.url !== url) };
}

/** The works behind an article: every work cited by the positions of its terms, once each. */
export function worksOf(article: LoggedArticle, data: DictionaryData): Reference[] {
  const byId = new Map(data.terms.map((t) => [t.id, t]));
  const keys = new Set(article.terms.flatMap((id) => byId.get(id)?.positions.flatMap((p) => p.cites) ?? []));
  return [...keys].flatMap((k) => data.references[k] ?? []);
}

/** Each logged term with the articles it came up in, most articles first. */
export function articlesByTerm(log: ResearchLog): { termId: string; articles: LoggedArticle[] }[] {
  const map = new Map<string, LoggedArticle[]>();
  for (const a of log.articles) for (const id of a.terms) map.set(id, [...(map.get(id) ?? []), a]);
  return [...map.entries()]
    .map(([termId, articles]) => ({ termId, articles }))
    .sort((x, y) => y.articles.length - x.articles.length || x.termId.localeCompare(y.termId));
}

/** "Title" (Publisher, 2026-03-04), <url>: one article as the bibliography's annotation names it. */
export function articleLabel(a: LoggedArticle): string {
  const facts = [a.publisher, a.published].filter(Boolean).join(', ');
  return `“${a.title ?? a.url}”${facts ? ` (${facts})` : ''}, ${a.url}`;
}

export interface AnnotatedWork {
  reference: Reference;
  /** The articles it came up in, with the terms there that cite it. */
  cameUpIn: { article: LoggedArticle; terms: string[] }[];
}

/** Every work behind the logged articles, with where it came up, sorted by first author and year. */
export function annotatedWorks(log: ResearchLog, data: DictionaryData): AnnotatedWork[] {
  const byId = new Map(data.terms.map((t) => [t.id, t]));
  const works = new Map<string, AnnotatedWork>();
  for (const article of log.articles) {
    for (const termId of article.terms) {
      const term = byId.get(termId);
      for (const key of new Set(term?.positions.flatMap((p) => p.cites) ?? [])) {
        const reference = data.references[key];
        if (!reference || !term) continue;
        const work = works.get(key) ?? { reference, cameUpIn: [] };
        const seen = work.cameUpIn.find((c) => c.article.url === article.url);
        if (seen) seen.terms.push(term.label);
        else work.cameUpIn.push({ article, terms: [term.label] });
        works.set(key, work);
      }
    }
  }
  const sortKey = (r: Reference): string =>
    `${((r.authors[0] ?? r.editors[0])?.family ?? r.title).toLowerCase()} ${r.year ?? 0} ${r.title.toLowerCase()}`;
  return [...works.values()].sort((a, b) => sortKey(a.reference).localeCompare(sortKey(b.reference)));
}

/** The annotation of one work: the articles where it came up and the terms that led to it. */
export function annotation(work: AnnotatedWork): string {
  return `Came up in: ${work.cameUpIn.map((c) => `${articleLabel(c.article)} [${c.terms.join('; ')}]`).join(' | ')}`;
}

/**
 * The annotated bibliography in Markdown: one item per work, formatted by `format` (the CSL engine's APA),
 * each followed by the articles where it came up.
 */
export function toAnnotatedMarkdown(works: readonly AnnotatedWork[], format: (ref: Reference) => string): string {
  const lines = ['# Annotated bibliography (Netgov Lens research log)', ''];
  for (const w of works) {
    lines.push(`- ${format(w.reference)}`);
    for (const c of w.cameUpIn)
      lines.push(`  - Came up in ${articleLabel(c.article)}, read ${c.article.read}: ${c.terms.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
