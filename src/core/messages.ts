// The typed messages between the extension's contexts, each validated on receipt: a content script
// runs next to a page we do not control, so nothing is trusted for its shape alone. Each message type maps
// to the type of its reply (BackgroundReplies, ContentReplies), so that senders and handlers agree.
import type { EntryView } from './entry-view.js';
import type { CitationStyle } from './reference-view.js';
import { parseSettingsChange, type SettingsChange } from './settings-change.js';
import type { Settings } from './settings.js';

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
  | { type: 'get-matcher' }
  | { type: 'zotero-save'; keys: string[]; pageUrl?: string }
  | { type: 'zotero-ping' }
  | { type: 'format-references'; keys: string[]; style: CitationStyle }
  | { type: 'article-facts'; title?: string; published?: string; publisher?: string }
  | { type: 'research-log-export'; format: 'markdown' | 'csl-json' }
  | { type: 'research-log-delete'; url?: string };

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
  /** The compiled dictionary as JSON text. */
  'get-matcher': string;
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

export type ToContent =
  { type: 'show-term'; id: string } | { type: 'navigate'; direction: 'next' | 'previous' } | { type: 'ping' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,80}$/.test(v);
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
    case 'get-matcher':
      return { type: 'get-matcher' };
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

export function parseToContent(msg: unknown): ToContent | undefined {
  if (!isObject(msg)) return undefined;
  switch (msg.type) {
    case 'show-term':
      return isId(msg.id) ? { type: 'show-term', id: msg.id } : undefined;
    case 'navigate':
      return msg.direction === 'next' || msg.direction === 'previous'
        ? { type: 'navigate', direction: msg.direction }
        : undefined;
    case 'ping':
      return { type: 'ping' };
    default:
      return undefined;
  }
}
