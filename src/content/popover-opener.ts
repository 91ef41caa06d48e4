// Opens the popover for a match: what the popover shows (the term, the words it was found as, their
// language) and what its buttons do (look up, copy, open, hide), with the entries fetched from the background.
import { isPersonalTermId } from '../core/personal-id.js';
import { t } from '../platform/i18n.js';
import { changeSettings, requestEntry, sendToBackground, type EntryResponse } from '../platform/messaging.js';
import type { MatchRecord } from './annotator.js';
import { copyText } from './clipboard.js';
import { guard } from './guard.js';
import { liveRange } from './hit-test.js';
import type { PageState } from './page-state.js';
import type { Painter } from './painter.js';
import type { PopoverHost } from './popover-host.js';
import type { PopoverLink } from '../ui/popover/Popover.js';

const LANGUAGE_MESSAGES: Record<string, string> = { de: 'languageDe', fr: 'languageFr', es: 'languageEs' };

/** The language of the alias a match was found as, when it is not English. */
function languageOf(rec: MatchRecord): { foundLanguage?: string } {
  const key = rec.lang ? LANGUAGE_MESSAGES[rec.lang] : undefined;
  return key ? { foundLanguage: t(key) } : {};
}

/**
 * Entries asked of the background, one request per term for the life of the page (across switching off
 * and on); the reader's own terms change while pages stay open, so they are asked for each time (`fresh`).
 * A failed request is forgotten, so the next open asks again.
 */
export function createEntryCache(): (id: string, fresh: boolean) => Promise<EntryResponse | null> {
  const entries = new Map<string, Promise<EntryResponse | null>>();
  return (id, fresh) => {
    if (fresh) return requestEntry(id).catch(() => null);
    let p = entries.get(id);
    if (!p) {
      p = requestEntry(id).catch(() => null);
      entries.set(id, p);
      void p.then((v) => v === null && entries.delete(id));
    }
    return p;
  };
}

export interface PopoverOpener {
  /** The match whose popover is open. */
  openRecord(): MatchRecord | null;
  /**
   * Asks for `rec`'s entry now, ahead of an open that may follow (the pointer came to rest on it), so that
   * the background's answer arrives during the intent delay instead of after the popover opened.
   */
  prefetch(rec: MatchRecord): void;
  /**
   * Renders `rec`'s popover hidden once its prefetched entry is at hand (the pointer still rests on it), so
   * that the open that follows only places and reveals it. Nothing while another popover is open.
   */
  prerender(rec: MatchRecord): void;
  /**
   * Opens `rec`'s popover, next to `point` when the pointer opened it, offering `link` when a tap opened
   * it instead of the link the term is in; false when its text is gone.
   */
  open(rec: MatchRecord, fromKeyboard: boolean, point?: { x: number; y: number }, link?: PopoverLink): boolean;
  /** Closes the popover, if open, and clears the focus ring. */
  close(restoreFocus: boolean): void;
}

const ignore = (): undefined => undefined;

/**
 * Opens popovers in `host` from what `state` holds at that moment. `loadEntry` fetches a term's entry;
 * `beforeOpen` runs as a popover opens (pointer intent cancels a pending close).
 */
export function createPopoverOpener(
  doc: Document,
  host: PopoverHost,
  painter: Painter,
  state: Readonly<Pick<PageState, 'settings'>>,
  loadEntry: (id: string) => Promise<EntryResponse | null>,
  beforeOpen: () => void,
): PopoverOpener {
  let openRecord: MatchRecord | null = null;
  /** The popover closed, by itself (Escape, close button, term scrolled away) or through close(). */
  const closed = (): void => {
    openRecord = null;
    painter.setFocus(null);
  };
  host.onClosed = closed;
  /**
   * The entry asked for by prefetch, handed to the next open of that term (own terms are not cached); its
   * answer, once there, is rendered with the popover's first frame.
   */
  let ahead: { id: string; entry: Promise<EntryResponse | null>; answer?: EntryResponse | null } | null = null;
  const load = (id: string): Promise<EntryResponse | null> => {
    const early = ahead?.id === id ? ahead.entry : null;
    ahead = null;
    return early ?? loadEntry(id);
  };
  const send = (message: Parameters<typeof sendToBackground>[0]): void => void sendToBackground(message).catch(ignore);
  /** What the popover of `rec` (found as `range`, `termId` in the dictionary) shows and does. */
  const popoverProps = (
    rec: MatchRecord,
    range: Range,
    termId: string,
    ready: EntryResponse | undefined,
    fromKeyboard: boolean,
    link?: PopoverLink,
  ): Parameters<PopoverHost['open']>[1] => {
    const { settings } = state;
    return {
      termId,
      foundAs: range.toString().replace(/\s+/g, ' ').trim(),
      ...languageOf(rec),
      load,
      ...(ready ? { ready } : {}),
      actions: {
        provider: settings.lookupProvider,
        citationFormat: settings.citationFormat,
        openUrl: (url) => send({ type: 'open-url', url }),
        copy: (text) => copyText(doc, text),
      },
      onHideTerm: (id) => void changeSettings({ kind: 'hide-term', id }),
      // The reader's own terms are edited in the options page; dictionary terms have a glossary section.
      onOpenGlossary: (id) => send(isPersonalTermId(id) ? { type: 'open-options' } : { type: 'open-glossary', id }),
      focusOnOpen: fromKeyboard,
      ...(link ? { link } : {}),
    };
  };
  return {
    openRecord: () => openRecord,
    prefetch(rec) {
      const id = rec.term.id;
      if (ahead?.id === id) return;
      host.prepare();
      const asked: NonNullable<typeof ahead> = { id, entry: loadEntry(id) };
      void asked.entry.then((answer) => (asked.answer = answer));
      ahead = asked;
    },
    prerender(rec) {
      const asked = ahead;
      if (!asked || asked.id !== rec.term.id) return;
      const render = (answer: EntryResponse | null): void => {
        // Only with the entry (a popover saying "loading" gains nothing), and only while it is still the next.
        const range = answer && ahead === asked ? liveRange(doc, rec.range) : null;
        if (answer && range) host.prerender(popoverProps(rec, range, asked.id, answer, false));
      };
      if (asked.answer !== undefined) render(asked.answer);
      else void asked.entry.then((answer) => guard(() => render(answer)));
    },
    open(rec, fromKeyboard, point, link) {
      const range = liveRange(doc, rec.range);
      const termId = rec.term.id;
      if (!range) return false;
      openRecord = rec;
      beforeOpen();
      // A settled answer is shown at once; one still on its way is handed over through load().
      const early = ahead?.id === termId ? ahead : null;
      const ready = early?.answer ?? undefined;
      if (early?.answer !== undefined) ahead = null;
      host.open(
        { range, ...(point ? { point } : {}) },
        popoverProps(rec, range, termId, ready, fromKeyboard, link),
        closed,
      );
      return true;
    },
    close(restoreFocus) {
      if (host.isOpen || host.opening) host.close(restoreFocus);
      closed();
    },
  };
}
