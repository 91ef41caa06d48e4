// One page while it is annotated: the painter, the popover host, the current scan (annotator and live
// updates) and the input that opens popovers, wired together. It exists only while the page is annotated,
// so none of its parts is ever missing; a change of settings or of the reader's terms updates it in place.
import { type Settings, TEXT_SCALE } from '../core/settings.js';
import { isHostElement, PopoverHost, type PopoverUiSource } from './popover-host.js';
import { highlightApiAvailable, HighlightPainter, type Painter } from './painter.js';
import { createPopoverOpener } from './popover-opener.js';
import { createKeyboardNavigation, type KeyboardNavigation } from './keyboard-navigation.js';
import type { PageState } from './page-state.js';
import { createPointerIntent } from './pointer-intent.js';
import { sendToBackground, type EntryResponse } from '../platform/messaging.js';
import { LiveUpdater } from './live.js';
import { Annotator } from './annotator.js';
import { reportArticleFacts } from './article-facts.js';
import type { BlockMatcher } from './block-matcher.js';

/** What a page is annotated with. */
export interface PageStart {
  settings: Settings;
  /** Where the page's text is matched (the background's match service; tests give an in-page one). */
  matcher: BlockMatcher;
}

/** What the annotated page needs from the session around it. */
export interface PageContext {
  loadEntry(id: string): Promise<EntryResponse | null>;
  /** The popover's UI (imported on the first open in the content script). */
  popoverUi: PopoverUiSource;
  /** Ends the annotation (the document became an editor). */
  stop(): void;
}

export interface AnnotatedPage {
  matchCount(): number;
  readonly navigation: KeyboardNavigation;
  /** Applies new settings without reloading the page: restyles, re-scans, re-binds only what changed. */
  update(next: Settings): void;
  /** The reader's own terms changed (or tests swap the matcher): scans again with `matcher`. */
  setMatcher(matcher: BlockMatcher): void;
  /** Removes every highlight, listener, observer and the host element, and tells the background. */
  dispose(): void;
}

const ignore = (): undefined => undefined;

/** Annotates `doc`; null where the Highlight API is missing (the page is then left alone). */
export function startAnnotatedPage(doc: Document, start: PageStart, context: PageContext): AnnotatedPage | null {
  const win = doc.defaultView;
  // Every browser version the manifest admits (Chrome 121+, Firefox 140+) has the Highlight API; where it
  // is missing anyway (switched off), the page is left alone rather than its text wrapped.
  if (!win || !highlightApiAvailable(win)) return null;
  return annotatePage(doc, new HighlightPainter(win), start, context);
}

/** Wires the parts of an annotated page around `painter` and starts the first scan. */
export function annotatePage(
  doc: Document,
  painter: Painter,
  { settings, matcher }: PageStart,
  context: PageContext,
): AnnotatedPage {
  const state: PageState = { settings, matcher, annotator: null };
  let live: LiveUpdater | null = null;
  painter.setStyle(settings.highlightStyle);
  const host = new PopoverHost(doc, context.popoverUi);
  host.setTextScale(TEXT_SCALE[settings.textSize]);
  const opener = createPopoverOpener(doc, host, painter, state, context.loadEntry, () => intent.cancelClose());
  const intent = createPointerIntent(doc, host, state, opener, context.stop);
  const navigation = createKeyboardNavigation(doc, painter, state, opener, host, context.loadEntry);
  const isOwnNode = (node: Node): boolean =>
    host.contains(node) || (node.nodeType === 1 && isHostElement(node as Element));

  let factsSent = false;
  /** `replacesPainted`: the painter still shows the previous scan's highlights (see `rescan`). */
  const startScan = (replacesPainted = false): void => {
    const annotator = new Annotator(doc, state.matcher, painter, {
      firstOnly: state.settings.occurrences === 'first',
      isOwnElement: isHostElement,
      replacesPainted,
      onResults: (terms) => {
        if (doc.designMode === 'on') {
          context.stop();
          return;
        }
        void sendToBackground({ type: 'page-terms', terms })
          .then(() => {
            // The research log records an article once terms were found in it (see article-facts.ts).
            if (terms.length > 0 && !factsSent) {
              factsSent = true;
              return reportArticleFacts(doc);
            }
          })
          .catch(ignore);
        const open = opener.openRecord();
        if (open && !annotator.inOrder().includes(open)) intent.close(false);
      },
    });
    state.annotator = annotator;
    live = new LiveUpdater(annotator, isOwnNode);
    // document.open() erased our listeners with the document: bind them again at once. (Waiting for the
    // rescan's throttled results left a window in which pointer input went unheard.)
    live.onDocumentChildren = intent.rebindIfDocumentReplaced;
    live.observe(doc);
    annotator.scanDocument();
  };
  const stopScan = (keepPainted = false): void => {
    live?.disconnect();
    live = null;
    state.annotator?.dispose(keepPainted);
    state.annotator = null;
    navigation.reset();
    intent.forget();
  };
  // The old highlights stay painted until the new scan paints (or finds nothing): clearing them first left
  // the page bare for a round trip to the background, a visible flash on every change of the own terms.
  const rescan = (): void => {
    intent.close(false);
    painter.setFocus(null);
    stopScan(true);
    startScan(true);
  };

  startScan();
  intent.bind(settings.trigger);
  return {
    matchCount: () => state.annotator?.matchCount ?? 0,
    navigation,
    update(next) {
      const previous = state.settings;
      state.settings = next;
      painter.setStyle(next.highlightStyle);
      host.setTextScale(TEXT_SCALE[next.textSize]);
      if (previous.occurrences !== next.occurrences || previous.disabledTerms.join() !== next.disabledTerms.join()) {
        state.matcher.setDisabledTerms(next.disabledTerms);
        rescan();
      }
      if (previous.trigger !== next.trigger) intent.bind(next.trigger);
    },
    setMatcher(next) {
      state.matcher = next;
      rescan();
    },
    dispose() {
      intent.close(false);
      stopScan();
      intent.dispose();
      painter.dispose();
      host.destroy();
      void sendToBackground({ type: 'page-terms', terms: [] }).catch(ignore);
    },
  };
}
