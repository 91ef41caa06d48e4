// The typed messages between the extension's contexts, each validated on receipt: a content script
// runs next to a page we do not control, so nothing is trusted for its shape alone. Each message type maps
// to the type of its reply (BackgroundReplies, ContentReplies), so that senders and handlers agree.
import type { EntryView } from './entry-view.js';
import type { CitationStyle } from './reference-view.js';
import { parseSettingsChange, type SettingsChange } from './settings-change.js';
import type { Settings } from './settings.js';
import { isId, isObject, type ToContent } from './content-messages.js';

export { parseToContent, type ToContent } from './content-messages.js';

export interface TermCount {
  id: string;
  count: number;
}

export type ToBackground =
  | { type: 'page-terms'; terms: TermCount[] }
  | { type: 'get-entry'; id: string }
  | { type: 'open-url'; url: string }
  | { type: 'open-glossary'; id?: string }
  | { type: 'open-options' }
  | { type: 'get-tab-terms'; tabId: number }
  | { type: 'change-settings'; change: SettingsChange }
  | { type: 'match-texts'; texts: string[]; disabled: string[]; reloadOwnTerms?: true }
  | { type: 'zotero-save'; keys: string[]; pageUrl?: string }
  | { type: 'zotero-ping' }
  | { type: 'format-references'; keys: string[]; style: CitationStyle }
  | { type: 'article-facts'; title?: string; published?: string; publisher?: string }
  | { type: 'research-log-export'; format: 'markdown' | 'csl-json' }
  | { type: 'research-log-delete'; url?: string };

/** A term found on a page, as far as the page needs it (popover, keyboard navigation, counts). */
export interface MatchedTerm {
  id: string;
  label: string;
  category: string;
  /** One of the reader's own terms (edited in the options page, no glossary section). */
  personal: boolean;
}

/**
 * The matches in a batch of texts, as flat arrays with one entry per match, in order within each text: the
 * index of its text in the request, its start and end there (UTF-16 code units, end exclusive), its term (an
 * index into `terms`, which lists each term found once) and the language code of the alias it was found as
 * ('' for English). Flat arrays of numbers cost the structured clone far less than one object per match.
 */
export interface BlockMatches {
  text: number[];
  start: number[];
  end: number[];
  term: number[];
  lang: string[];
  terms: MatchedTerm[];
}

/** What saving to Zotero (or checking that it runs) came to: `off` when the reader has not switched it on. */
export type ZoteroReply =
  { ok: true; saved: number } | { ok: false; reason: 'off' | 'not-running' | 'refused' | 'failed' | 'unknown-work' };

/** The reply to each message the background handles. */
export interface BackgroundReplies {
  'page-terms': boolean;
  'get-entry': EntryView | null;
  'open-url': boolean;
  'open-glossary': boolean;
  'open-options': boolean;
  'get-tab-terms': { terms: TermCount[] };
  /** The settings as stored after the change, or why it could not be saved (e.g. the sync quota). */
  'change-settings': { ok: true; settings: Settings } | { ok: false; error: string };
  /** The terms found in each text (the background's match service). */
  'match-texts': BlockMatches;
  'zotero-save': ZoteroReply;
  'zotero-ping': ZoteroReply;
  /** The references formatted by the CSL engine, one per line. */
  'format-references': string;
  /** Whether the facts were added to a logged article. */
  'article-facts': boolean;
  'research-log-export': string;
  'research-log-delete': boolean;
}

/** What the content script says about itself when pinged. */
interface PingReply {
  annotating: boolean;
  matches: number;
  hostname?: string;
}

/** The reply to each message a content script handles. */
interface ContentReplies {
  'show-term': boolean;
  navigate: boolean;
  ping: PingReply;
}

export type BackgroundReply<M extends ToBackground> = BackgroundReplies[M['type']];
export type ContentReply<M extends ToContent> = ContentReplies[M['type']];

const isShortString = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max;
/** Reference keys as the dictionary writes them (BibTeX keys, lower case), at most 1,000 at a time. */
const isKeyList = (v: unknown): v is string[] =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.length <= 1000 &&
  v.every((k) => typeof k === 'string' && /^[a-z0-9]{1,120}$/.test(k));

/** The optional text fields of `article-facts`, each kept only when it is a short string. */
function articleFacts(msg: Record<string, unknown>): ToBackground {
  const out: { type: 'article-facts'; title?: string; published?: string; publisher?: string } = {
    type: 'article-facts',
  };
  if (isShortString(msg.title, 500)) out.title = msg.title;
  if (isShortString(msg.published, 40)) out.published = msg.published;
  if (isShortString(msg.publisher, 200)) out.publisher = msg.publisher;
  return out;
}

// A batch is about 16 K characters of segments (annotator.ts), but one segment is as long as its block:
// these bounds only keep a compromised renderer from making the background match without end.
const MAX_TEXTS = 20_000;
const MAX_CHARS = 16_000_000;

function matchTexts(msg: Record<string, unknown>): ToBackground | undefined {
  const { texts, disabled } = msg;
  if (!Array.isArray(texts) || texts.length > MAX_TEXTS) return undefined;
  let chars = 0;
  for (const t of texts) {
    if (typeof t !== 'string') return undefined;
    chars += t.length;
  }
  if (chars > MAX_CHARS || !Array.isArray(disabled) || disabled.length > 5000 || !disabled.every(isId)) {
    return undefined;
  }
  return {
    type: 'match-texts',
    texts: texts as string[],
    disabled: disabled as string[],
    ...(msg.reloadOwnTerms === true ? { reloadOwnTerms: true as const } : {}),
  };
}

const isIndexIn = (v: unknown, length: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < length;

function isMatchedTerm(v: unknown): v is MatchedTerm {
  return (
    isObject(v) &&
    isId(v.id) &&
    typeof v.label === 'string' &&
    v.label.length <= 500 &&
    typeof v.category === 'string' &&
    v.category.length <= 80 &&
    typeof v.personal === 'boolean'
  );
}

/**
 * The background's answer to `match-texts` about `texts`, or null when it is not one: every offset must fall
 * inside its text, every term index inside `terms`. The page builds ranges from these numbers.
 */
export function parseBlockMatches(v: unknown, texts: readonly string[]): BlockMatches | null {
  if (!isObject(v)) return null;
  const { text, start, end, term, lang, terms } = v;
  if (!Array.isArray(text) || !Array.isArray(start) || !Array.isArray(end) || !Array.isArray(term)) return null;
  if (!Array.isArray(lang) || !Array.isArray(terms) || !terms.every(isMatchedTerm)) return null;
  const n = text.length;
  if (start.length !== n || end.length !== n || term.length !== n || lang.length !== n) return null;
  for (let i = 0; i < n; i++) {
    const t = text[i] as unknown;
    if (!isIndexIn(t, texts.length) || !isIndexIn(term[i], terms.length) || typeof lang[i] !== 'string') return null;
    const s = start[i] as unknown;
    const e = end[i] as unknown;
    if (!isIndexIn(s, (texts[t] as string).length) || typeof e !== 'number' || !Number.isInteger(e)) return null;
    if (e <= s || e > (texts[t] as string).length) return null;
  }
  return v as unknown as BlockMatches;
}

export function parseToBackground(msg: unknown): ToBackground | undefined {
  if (!isObject(msg)) return undefined;
  switch (msg.type) {
    case 'page-terms': {
      const terms = msg.terms;
      if (!Array.isArray(terms) || terms.length > 5000) return undefined;
      const ok = terms.every((t) => isObject(t) && isId(t.id) && Number.isInteger(t.count) && (t.count as number) > 0);
      return ok
        ? { type: 'page-terms', terms: terms.map((t) => ({ id: t.id as string, count: t.count as number })) }
        : undefined;
    }
    case 'get-entry':
      return isId(msg.id) ? { type: 'get-entry', id: msg.id } : undefined;
    case 'open-url':
      return isShortString(msg.url, 4000) ? { type: 'open-url', url: msg.url } : undefined;
    case 'open-glossary':
      if (msg.id === undefined) return { type: 'open-glossary' };
      return isId(msg.id) ? { type: 'open-glossary', id: msg.id } : undefined;
    case 'open-options':
      return { type: 'open-options' };
    case 'match-texts':
      return matchTexts(msg);
    case 'get-tab-terms':
      return Number.isInteger(msg.tabId) && (msg.tabId as number) >= 0
        ? { type: 'get-tab-terms', tabId: msg.tabId as number }
        : undefined;
    case 'change-settings': {
      const change = parseSettingsChange(msg.change);
      return change ? { type: 'change-settings', change } : undefined;
    }
    case 'zotero-save':
      if (!isKeyList(msg.keys)) return undefined;
      if (msg.pageUrl === undefined) return { type: 'zotero-save', keys: [...msg.keys] };
      return isShortString(msg.pageUrl, 4000)
        ? { type: 'zotero-save', keys: [...msg.keys], pageUrl: msg.pageUrl }
        : undefined;
    case 'zotero-ping':
      return { type: 'zotero-ping' };
    case 'format-references':
      return isKeyList(msg.keys) && (msg.style === 'apa' || msg.style === 'chicago')
        ? { type: 'format-references', keys: [...msg.keys], style: msg.style }
        : undefined;
    case 'article-facts':
      return articleFacts(msg);
    case 'research-log-export':
      return msg.format === 'markdown' || msg.format === 'csl-json'
        ? { type: 'research-log-export', format: msg.format }
        : undefined;
    case 'research-log-delete':
      if (msg.url === undefined) return { type: 'research-log-delete' };
      return isShortString(msg.url, 4000) ? { type: 'research-log-delete', url: msg.url } : undefined;
    default:
      return undefined;
  }
}
