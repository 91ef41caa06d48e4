// The typed messages between the extension's contexts, each validated on receipt: a content script
// runs next to a page we do not control, so nothing is trusted for its shape alone. Each message type maps
// to the type of its reply (BackgroundReplies, ContentReplies), so that senders and handlers agree.
import type { EntryView } from './entry-view.js';
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
  | { type: 'get-matcher' };

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
