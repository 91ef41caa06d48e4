// Wires the content script together: settings decide whether this page is annotated; when it is, the
// annotator paints terms, pointer and keyboard input open the popover, and results go to the background.
// Turning off removes every highlight, listener, observer and the host element.
import type { CompiledMatcher } from '../core/compiled-matcher.js';
import { PageMatcher } from '../core/page-matcher.js';
import type { PersonalAliases } from '../core/personal-terms.js';
import { parseToContent } from '../core/messages.js';
import type { ParsedSettings, Settings } from '../core/settings.js';
import { isSiteEnabled } from '../core/sites.js';
import { onRuntimeMessage } from '../platform/extension-api.js';
import { t } from '../platform/i18n.js';
import { changeSettings, requestEntry, sendToBackground, type EntryResponse } from '../platform/messaging.js';
import { readStoredMatcher, resolveCompiledMatcher } from '../platform/matcher-store.js';
import { loadPersonalAliases, onPersonalAliasesChanged } from '../platform/personal-terms-store.js';
import { loadSettings, onSettingsChanged } from '../platform/settings-store.js';
import { Annotator, type MatchRecord } from './annotator.js';
import { copyText } from './clipboard.js';
import { caretAt, liveRange, pointInRange } from './hit-test.js';
import { LiveUpdater } from './live.js';
import { highlightApiAvailable, HighlightPainter, type Painter } from './painter.js';
import { isHostElement, PopoverHost } from './popover-host.js';

const CLOSE_GRACE_MS = 350;

const LANGUAGE_MESSAGES: Record<string, string> = { de: 'languageDe', fr: 'languageFr', es: 'languageEs' };

/** The language of the alias a match was found as, when it is not English. */
function languageOf(compiled: CompiledMatcher, rec: MatchRecord): { foundLanguage?: string } {
  const code = compiled.aliasLang[`${rec.term}:${rec.alias}`];
  const key = code ? LANGUAGE_MESSAGES[code] : undefined;
  return key ? { foundLanguage: t(key) } : {};
}

export class Controller {
  #settings: Settings | null = null;
  #matcher: PageMatcher | null = null;
  #personalTerms: PersonalAliases[] = [];
  #painter: Painter | null = null;
  #annotator: Annotator | null = null;
  #live: LiveUpdater | null = null;
  #host: PopoverHost | null = null;
  #listeners: AbortController | null = null;
  #openRecord: MatchRecord | null = null;
  #hoverRecord: MatchRecord | null = null;
  #intentTimer: ReturnType<typeof setTimeout> | undefined;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  #pointer = { x: 0, y: 0 };
  #frameRequested = false;
  #focusIndex = -1;
  readonly #entries = new Map<string, Promise<EntryResponse | null>>();
  #lastCaret: { node: Node; offset: number } | null = null;
  #lastCandidate: MatchRecord | undefined;
  /** The root element when the input listeners were bound: document.open() erases them with the document. */
  #inputRoot: Element | null = null;

  /** The compiled dictionary, parsed when this page is first annotated (see ensureCompiled). */
  #compiled: CompiledMatcher | null = null;
  #storedMatcher: Promise<string | null> | null = null;
  #compiling: Promise<void> | null = null;

  constructor(
    private readonly doc: Document,
    /** This build's compiled-dictionary version (the dictionary itself is in storage; see matcher-store). */
    private readonly matcherVersion: string,
  ) {}

  async start(): Promise<void> {
    PopoverHost.removeStale(this.doc);
    onSettingsChanged((parsed) => this.#guard(() => this.#apply(parsed)));
    onRuntimeMessage((message) => {
      const msg = parseToContent(message);
      if (!msg) return undefined;
      return Promise.resolve(this.#guard(() => this.#handleMessage(msg)) ?? null);
    });
    onPersonalAliasesChanged((terms) => this.#guard(() => this.#applyPersonalTerms(terms)));
    // Read alongside the settings so that an annotated page waits for no extra round trip.
    this.#storedMatcher = readStoredMatcher(this.matcherVersion);
    const [settings, personal] = await Promise.all([loadSettings(), loadPersonalAliases()]);
    this.#personalTerms = personal;
    this.#apply(settings);
  }

  /**
   * Loads the compiled dictionary, then applies the settings of that moment again. Frames that are never
   * annotated (switched off, sites not listed) never parse it.
   */
  #ensureCompiled(): void {
    if (this.#compiling) return;
    this.#storedMatcher ??= readStoredMatcher(this.matcherVersion);
    this.#compiling = resolveCompiledMatcher(this.#storedMatcher).then(
      (compiled) => {
        this.#compiled = compiled;
        this.#storedMatcher = null;
        const settings = this.#settings;
        if (settings) this.#guard(() => this.#apply({ settings, invalid: [] }));
      },
      (e: unknown) => console.warn('[Netgov Lens] no dictionary:', e),
    );
  }

  /** The reader added, edited or removed own terms: a new page matcher (the dictionary's is reused), re-scan. */
  #applyPersonalTerms(terms: PersonalAliases[]): void {
    this.#personalTerms = terms;
    if (!this.#annotator || !this.#settings || !this.#compiled) {
      this.#matcher = null;
      return;
    }
    this.#matcher = new PageMatcher(this.#compiled, terms);
    this.#matcher.setDisabledTerms(this.#settings.disabledTerms);
    this.#closePopover(false);
    this.#teardownAnnotator();
    this.#setupAnnotator(this.#settings);
  }

  /** Runs `fn`, keeping any exception inside the extension. */
  #guard<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      console.warn('[Netgov Lens]', e);
      return undefined;
    }
  }

  get #hostname(): string {
    return this.doc.location?.hostname ?? '';
  }

  #apply(parsed: ParsedSettings): void {
    const previous = this.#settings;
    const next = parsed.settings;
    this.#settings = next;
    const shouldRun = isSiteEnabled(next, this.#hostname) && this.doc.designMode !== 'on';
    if (!shouldRun) {
      this.#teardown();
      return;
    }
    if (!this.#annotator) {
      if (this.#compiled) this.#setup(this.#compiled, next);
      else this.#ensureCompiled();
      return;
    }
    // Running already: apply what changed without reloading the page.
    this.#painter?.setStyle(next.highlightStyle);
    const rescan =
      !previous ||
      previous.occurrences !== next.occurrences ||
      previous.disabledTerms.join() !== next.disabledTerms.join();
    if (rescan) {
      this.#matcher?.setDisabledTerms(next.disabledTerms);
      this.#closePopover(false);
      this.#teardownAnnotator();
      this.#setupAnnotator(next);
    }
    if (!previous || previous.trigger !== next.trigger) this.#bindInput(next);
  }

  #setup(compiled: CompiledMatcher, settings: Settings): void {
    if (!this.#matcher) this.#matcher = new PageMatcher(compiled, this.#personalTerms);
    this.#matcher.setDisabledTerms(settings.disabledTerms);
    const win = this.doc.defaultView as Window;
    // Every browser version the manifest admits (Chrome 121+, Firefox 140+) has the Highlight API; where it
    // is missing anyway (switched off), the page is left alone rather than its text wrapped.
    if (!highlightApiAvailable(win)) return;
    this.#painter = new HighlightPainter(win);
    this.#painter.setStyle(settings.highlightStyle);
    this.#host = new PopoverHost(this.doc);
    this.#host.onPointerEnter = () => this.#cancelClose();
    this.#host.onPointerLeave = () => this.#scheduleClose();
    this.#host.onClosed = () => this.#afterClose();
    this.#setupAnnotator(settings);
    this.#bindInput(settings);
  }

  #setupAnnotator(settings: Settings): void {
    const annotator = new Annotator(this.doc, this.#matcher as PageMatcher, this.#painter as Painter, {
      firstOnly: settings.occurrences === 'first',
      isOwnElement: isHostElement,
      onResults: (terms) => {
        if (this.doc.designMode === 'on') {
          this.#teardown();
          return;
        }
        void sendToBackground({ type: 'page-terms', terms }).catch(() => undefined);
        if (this.#openRecord && !annotator.inOrder().includes(this.#openRecord)) this.#closePopover(false);
      },
    });
    this.#annotator = annotator;
    this.#live = new LiveUpdater(annotator, (node) => this.#isOwnNode(node));
    // document.open() replaced the document and erased our listeners with it: bind them again at once.
    // (Waiting for the rescan's throttled results left a window in which pointer input went unheard.)
    this.#live.onDocumentChildren = () => {
      if (this.#settings && this.#listeners && this.doc.documentElement !== this.#inputRoot)
        this.#bindInput(this.#settings);
    };
    this.#live.observe(this.doc);
    annotator.scanDocument();
  }

  #isOwnNode(node: Node): boolean {
    if (this.#host?.contains(node)) return true;
    return node.nodeType === 1 && isHostElement(node as Element);
  }

  #teardownAnnotator(): void {
    this.#live?.disconnect();
    this.#live = null;
    this.#annotator?.dispose();
    this.#annotator = null;
    this.#focusIndex = -1;
    this.#hoverRecord = null;
    this.#lastCaret = null;
    this.#lastCandidate = undefined;
  }

  #teardown(): void {
    if (!this.#annotator && !this.#host) return;
    this.#closePopover(false);
    this.#teardownAnnotator();
    this.#listeners?.abort();
    this.#listeners = null;
    this.#painter?.dispose();
    this.#painter = null;
    this.#host?.destroy();
    this.#host = null;
    clearTimeout(this.#intentTimer);
    clearTimeout(this.#closeTimer);
    void sendToBackground({ type: 'page-terms', terms: [] }).catch(() => undefined);
  }

  /** Pointer and key listeners, all passive and removed together through one AbortSignal. */
  #bindInput(settings: Settings): void {
    this.#listeners?.abort();
    const ac = new AbortController();
    this.#listeners = ac;
    this.#inputRoot = this.doc.documentElement;
    // A frame callback requested before document.open() never runs; do not wait for it.
    this.#frameRequested = false;
    const opts = { passive: true, capture: true, signal: ac.signal } as const;
    const win = this.doc.defaultView as Window;
    if (settings.trigger === 'hover') {
      win.addEventListener('pointermove', (e) => this.#guard(() => this.#onPointerMove(e)), opts);
    }
    win.addEventListener('click', (e) => this.#guard(() => this.#onClick(e)), opts);
    win.addEventListener('pointerdown', (e) => this.#guard(() => this.#onPointerDown(e)), opts);
    win.addEventListener('keydown', (e) => this.#guard(() => this.#onKeyDown(e)), { capture: true, signal: ac.signal });
  }

  #onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    if (this.doc.designMode === 'on') {
      // The whole document became an editor: annotations would get in the way of editing.
      this.#teardown();
      return;
    }
    // No layout work at all while there is nothing to hover.
    if (!this.#annotator || this.#annotator.matchCount === 0) return;
    this.#pointer = { x: e.clientX, y: e.clientY };
    if (this.#host?.contains(e.target as Node)) return;
    if (this.#frameRequested) return;
    this.#frameRequested = true;
    requestAnimationFrame(() => {
      this.#frameRequested = false;
      this.#guard(() => this.#checkHover());
    });
  }

  #hitTest(x: number, y: number): MatchRecord | null {
    const annotator = this.#annotator;
    if (!annotator) return null;
    const caret = caretAt(this.doc, x, y, annotator.shadowRootList);
    if (!caret) return null;
    // Same caret position as last time: same candidate without a lookup. The point test below still runs,
    // because the pointer may have moved from beside the glyph (caret snapped to it) onto it.
    let rec: MatchRecord | undefined;
    if (this.#lastCaret && this.#lastCaret.node === caret.node && this.#lastCaret.offset === caret.offset) {
      rec = this.#lastCandidate;
    } else {
      this.#lastCaret = caret;
      rec = annotator.matchAt(caret.node, caret.offset) ?? annotator.matchAt(caret.node, caret.offset - 1);
      this.#lastCandidate = rec;
    }
    if (!rec) return null;
    const range = liveRange(this.doc, rec.range);
    return range && pointInRange(range, x, y) ? rec : null;
  }

  #checkHover(): void {
    const rec = this.#hitTest(this.#pointer.x, this.#pointer.y);
    if (rec === this.#hoverRecord) return;
    this.#hoverRecord = rec;
    clearTimeout(this.#intentTimer);
    if (rec) {
      this.#cancelClose();
      if (rec === this.#openRecord) return;
      const delay = this.#settings?.hoverDelayMs ?? 300;
      this.#intentTimer = setTimeout(() => this.#guard(() => this.#openFor(rec, false, this.#pointer)), delay);
    } else if (this.#openRecord) {
      this.#scheduleClose();
    }
  }

  #onClick(e: MouseEvent): void {
    if (!this.#settings || this.#settings.trigger !== 'click' || !e.isTrusted) return;
    if (this.#host?.contains(e.target as Node)) return;
    this.#lastCaret = null;
    const rec = this.#hitTest(e.clientX, e.clientY);
    if (rec) this.#openFor(rec, false, { x: e.clientX, y: e.clientY });
  }

  #onPointerDown(e: PointerEvent): void {
    if (!this.#host?.isOpen) return;
    if (this.#host.contains(e.target as Node)) return;
    if (this.#settings?.trigger === 'click') {
      this.#lastCaret = null;
      if (this.#hitTest(e.clientX, e.clientY) === this.#openRecord) return;
    }
    this.#closePopover(false);
  }

  #onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.#host?.isOpen) {
      this.#closePopover(true);
    }
  }

  #cancelClose(): void {
    clearTimeout(this.#closeTimer);
    this.#closeTimer = undefined;
  }

  #scheduleClose(): void {
    if (this.#settings?.trigger === 'click') return;
    this.#cancelClose();
    this.#closeTimer = setTimeout(() => this.#guard(() => this.#closePopover(false)), CLOSE_GRACE_MS);
  }

  #loadEntry(id: string): Promise<EntryResponse | null> {
    // The reader's own terms change while pages stay open: asked for afresh each time, never cached.
    if (this.#personalTerms.some((term) => term.id === id)) return requestEntry(id).catch(() => null);
    let p = this.#entries.get(id);
    if (!p) {
      p = requestEntry(id).catch(() => null);
      this.#entries.set(id, p);
      void p.then((v) => v === null && this.#entries.delete(id));
    }
    return p;
  }

  #openFor(rec: MatchRecord, fromKeyboard: boolean, point?: { x: number; y: number }): void {
    if (!this.#host || !this.#settings || !this.#annotator) return;
    const range = liveRange(this.doc, rec.range);
    if (!range) return;
    const termId = this.#matcher?.data.terms[rec.term] as string;
    this.#openRecord = rec;
    this.#cancelClose();
    const settings = this.#settings;
    this.#host.open(
      { range, ...(point ? { point } : {}) },
      {
        termId,
        foundAs: range.toString().replace(/\s+/g, ' ').trim(),
        ...(this.#compiled ? languageOf(this.#compiled, rec) : {}),
        load: (id) => this.#loadEntry(id),
        actions: {
          provider: settings.lookupProvider,
          citationFormat: settings.citationFormat,
          openUrl: (url) => void sendToBackground({ type: 'open-url', url }).catch(() => undefined),
          copy: (text) => copyText(this.doc, text),
        },
        onHideTerm: (id) => void this.#hideTerm(id),
        // The reader's own terms are edited in the options page; dictionary terms have a glossary section.
        onOpenGlossary: (id) =>
          void sendToBackground(
            this.#matcher?.isPersonal(this.#matcher.data.terms.indexOf(id))
              ? { type: 'open-options' }
              : { type: 'open-glossary', id },
          ).catch(() => undefined),
        focusOnOpen: fromKeyboard,
      },
      () => this.#afterClose(),
    );
  }

  #afterClose(): void {
    this.#openRecord = null;
    this.#painter?.setFocus(null);
  }

  #closePopover(restoreFocus: boolean): void {
    clearTimeout(this.#intentTimer);
    this.#cancelClose();
    if (this.#host?.isOpen) this.#host.close(restoreFocus);
    this.#afterClose();
  }

  async #hideTerm(id: string): Promise<void> {
    await changeSettings({ kind: 'hide-term', id });
  }

  #handleMessage(msg: NonNullable<ReturnType<typeof parseToContent>>): unknown {
    switch (msg.type) {
      case 'ping':
        // The hostname lets the popup name the site when it cannot read the tab's URL (no activeTab grant).
        return { annotating: !!this.#annotator, matches: this.#annotator?.matchCount ?? 0, hostname: this.#hostname };
      case 'navigate':
        return this.#navigate(msg.direction === 'next' ? 1 : -1);
      case 'show-term': {
        const list = this.#annotator?.inOrder() ?? [];
        const index = list.findIndex((r) => this.#matcher?.data.terms[r.term] === msg.id);
        if (index < 0) return false;
        this.#focusAt(index);
        return true;
      }
    }
  }

  #navigate(step: 1 | -1): boolean {
    const list = this.#annotator?.inOrder() ?? [];
    if (list.length === 0) return false;
    const current = this.#openRecord ? list.indexOf(this.#openRecord) : this.#focusIndex;
    const from = current < 0 ? (step === 1 ? -1 : 0) : current;
    this.#focusAt((from + step + list.length) % list.length);
    return true;
  }

  #focusAt(index: number): void {
    const rec = this.#annotator?.inOrder()[index];
    if (!rec) return;
    this.#focusIndex = index;
    const reduce = this.doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const el = rec.nodes[0]?.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'instant' });
    this.#painter?.setFocus(rec.range);
    this.#openFor(rec, true);
    // openFor clears nothing of the focus ring; afterClose removes it when the popover closes.
    this.#painter?.setFocus(rec.range);
  }
}
