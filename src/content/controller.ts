// Wires the content script together: the extension's storage and messages drive a page session, which
// annotates this page while the settings say so (annotated-page.ts wires the parts of a running page).
// Turning off removes every highlight, listener, observer and the host element.
//
// The import order of the content script's modules sets their order in the bundle, which moves its gzipped
// size by a few hundred bytes against a 30 KB cap: the order here and in annotated-page.ts, page-session.ts
// and pointer-intent.ts was chosen by measuring. Measure again before reordering.
import { type AnnotatedPage, startAnnotatedPage } from './annotated-page.js';
import { parseToContent, type ToContent } from '../core/messages.js';
import { onPersonalMatcherStored } from '../platform/personal-matcher-signal.js';
import { onRuntimeMessage } from '../platform/extension-api.js';
import { createPageSession, type PageSession } from './page-session.js';
import { watchSettings } from '../platform/settings-store.js';
import { PopoverHost } from './popover-host.js';
import { guard } from './guard.js';
import { createEntryCache } from './popover-opener.js';
import { createBackgroundBlockMatcher } from './block-matcher.js';
import { isPersonalTermId } from '../core/personal-id.js';
import { importPopoverUi } from '../platform/content-main.js';

/** Starts the content script on `doc`. Its text is matched by the background (background/match-service.ts). */
export function startController(doc: Document): void {
  PopoverHost.removeStale(doc);
  const entries = createEntryCache();
  const session: PageSession<AnnotatedPage> = createPageSession(doc, {
    matcher: createBackgroundBlockMatcher(),
    startPage: (start) =>
      startAnnotatedPage(doc, start, {
        loadEntry: (id) => entries(id, isPersonalTermId(id)),
        popoverUi: importPopoverUi,
        stop: session.stop,
      }),
  });
  onRuntimeMessage((message) => {
    const msg = parseToContent(message);
    if (!msg) return undefined;
    return Promise.resolve(guard(() => answer(session, msg)) ?? null);
  });
  onPersonalMatcherStored(() => guard(() => session.ownTermsChanged()));
  // The stored settings, then each change: one read of the stores for both.
  watchSettings((parsed) => guard(() => session.apply(parsed.settings)));
}

/** Answers the popup's and the background's messages to this frame. */
function answer(session: PageSession<AnnotatedPage>, msg: ToContent): unknown {
  const page = session.page();
  switch (msg.type) {
    case 'ping':
      // The hostname lets the popup name the site when it cannot read the tab's URL (no activeTab grant).
      return { annotating: !!page, matches: page?.matchCount() ?? 0, hostname: session.hostname() };
    case 'navigate':
      return page?.navigation.step(msg.direction === 'next' ? 1 : -1) ?? false;
    case 'show-term':
      return page?.navigation.showTerm(msg.id) ?? false;
  }
}
