// The in-page popover: a term's definition and, on the same first screen, every scholarly position on it
// as one row (opened in place for its summary and lookups),
// related terms (shown in place, with a way back), "hide this term" and "open in glossary".
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntryResponse } from '../../platform/messaging.js';
import { t, tCount } from '../../platform/i18n.js';
import { DebateLinks, EntryFacts } from '../components/EntryFacts.js';
import { type CitationActions, Positions } from '../components/TermCard.js';
import { PersonalBody } from './PersonalBody.js';

/** The link a term sits in, when a tap opened the popover instead of following it. */
export interface PopoverLink {
  /** Where it goes (host and path). */
  label: string;
  open: () => void;
}

export interface PopoverProps {
  termId: string;
  /** The text the term was found as on the page. */
  foundAs?: string;
  /** The language of that text when it is not English (the explanation stays English). */
  foundLanguage?: string;
  load: (id: string) => Promise<EntryResponse | null>;
  /** termId's entry when it is already at hand (asked for while the pointer rested): shown in the first render. */
  ready?: EntryResponse;
  actions: CitationActions;
  onHideTerm: (id: string) => void;
  onOpenGlossary: (id: string) => void;
  onClose: () => void;
  /** Offered as "Open link" (see followable-link.ts). */
  link?: PopoverLink;
  /** Move focus into the popover (when opened from the keyboard). */
  focusOnOpen: boolean;
  /** Called after each render that changes the content size, to reposition. */
  onContentChange: () => void;
  /** Pinning (keeps the popover open where the reader puts it), when the host offers it. */
  pin?: PinControls;
}

export interface PinControls {
  pinned: boolean;
  toggle: () => void;
  /** Docks the pinned popover to the next corner (the move handle's click: moving without dragging). */
  nextCorner: () => void;
  /** Moves the pinned popover by (dx, dy) CSS pixels (the move handle's arrow keys). */
  nudge: (dx: number, dy: number) => void;
}

const NUDGE: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The pin toggle and, while pinned, the move handle (click: next corner; arrow keys: move, Shift: faster). */
function PinButtons({ pin }: { pin: PinControls }) {
  return (
    <>
      {pin.pinned ? (
        <button
          type="button"
          class="icon-button move"
          aria-label={t('popoverMove')}
          title={t('popoverMove')}
          onClick={pin.nextCorner}
          onKeyDown={(e) => {
            const d = NUDGE[e.key];
            if (!d) return;
            e.preventDefault();
            const step = e.shiftKey ? 64 : 16;
            pin.nudge(d[0] * step, d[1] * step);
          }}
        >
          ✥
        </button>
      ) : null}
      <button
        type="button"
        class="icon-button pin"
        aria-pressed={pin.pinned}
        aria-label={t('popoverPin')}
        title={t('popoverPin')}
        onClick={pin.toggle}
      >
        <svg viewBox="0 0 16 16" width="0.8em" height="0.8em" aria-hidden="true">
          <path fill="currentColor" d="M5 1h6v1.5L10 3.5V7l2.5 2.5V11H8.75v4L8 16l-.75-1v-4H3.5V9.5L6 7V3.5L5 2.5z" />
        </svg>
      </button>
    </>
  );
}

type Loaded = { status: 'loading' } | { status: 'ready'; data: EntryResponse } | { status: 'missing' };

export function Popover(props: PopoverProps) {
  const [stack, setStack] = useState<string[]>([props.termId]);
  const [state, setState] = useState<Loaded>(
    props.ready ? { status: 'ready', data: props.ready } : { status: 'loading' },
  );
  const titleRef = useRef<HTMLHeadingElement>(null);
  const current = stack[stack.length - 1] as string;

  useEffect(() => setStack([props.termId]), [props.termId]);

  useEffect(() => {
    let live = true;
    if (current === props.termId && props.ready) {
      setState({ status: 'ready', data: props.ready });
      return;
    }
    setState({ status: 'loading' });
    props
      .load(current)
      .then((data) => live && setState(data ? { status: 'ready', data } : { status: 'missing' }))
      .catch(() => live && setState({ status: 'missing' }));
    return () => {
      live = false;
    };
  }, [current]);

  // focusOnOpen too: a popover rendered ahead of its open (hidden) gets it only when the keyboard opens it.
  useEffect(() => {
    props.onContentChange();
    if (state.status === 'ready' && (props.focusOnOpen || stack.length > 1)) titleRef.current?.focus();
  }, [state, stack.length, props.focusOnOpen]);

  const data = state.status === 'ready' ? state.data : null;
  const facts = data ? <EntryFacts entry={data.entry} openUrl={props.actions.openUrl} /> : null;
  return (
    <div class="popover" role="dialog" aria-labelledby="ngl-title" aria-describedby="ngl-definition">
      <div class="header">
        {stack.length > 1 ? (
          <button
            type="button"
            class="icon-button"
            aria-label={t('popoverBack')}
            title={t('popoverBack')}
            onClick={() => setStack(stack.slice(0, -1))}
          >
            ←
          </button>
        ) : null}
        <div class="titles">
          <h2 id="ngl-title" tabIndex={-1} ref={titleRef}>
            {data ? data.entry.label : state.status === 'loading' ? t('popoverLoading') : t('popoverMissing')}
          </h2>
          {data ? (
            <p class="meta">
              <span class="category">{data.categoryLabel}</span>
              {props.foundAs && stack.length === 1 && props.foundLanguage ? (
                <span class="found-as">{t('popoverFoundAsIn', [props.foundAs, props.foundLanguage])}</span>
              ) : props.foundAs &&
                stack.length === 1 &&
                props.foundAs.toLowerCase() !== data.entry.label.toLowerCase() ? (
                <span class="found-as">{t('popoverFoundAs', props.foundAs)}</span>
              ) : null}
            </p>
          ) : null}
          {props.link ? (
            <p class="meta link-to">
              <span>{t('popoverLinkTo', props.link.label)}</span>
              <button type="button" class="action" onClick={props.link.open}>
                {t('popoverOpenLink')}
              </button>
            </p>
          ) : null}
        </div>
        {props.pin ? <PinButtons pin={props.pin} /> : null}
        <button
          type="button"
          class="icon-button close"
          aria-label={t('popoverClose')}
          title={t('popoverClose')}
          onClick={props.onClose}
        >
          ×
        </button>
      </div>
      {data ? (
        <div class="body">
          {data.personal ? (
            <PersonalBody personal={data.personal} openUrl={props.actions.openUrl} />
          ) : (
            <>
              <p class="definition" id="ngl-definition">
                {data.entry.definition}
              </p>
              {data.entry.kind === 'reference' ? facts : null}
              <DebateLinks
                debates={data.debates}
                render={(debate, content) => (
                  <button type="button" class="debate-link" onClick={() => setStack([...stack, debate.id])}>
                    {content}
                  </button>
                )}
              />
              {data.entry.positions.length > 0 ? (
                <>
                  <h3 class="section-title">
                    {t('positionsHeading')}{' '}
                    <span class="spread-count">{tCount('positionsCount', data.entry.positions.length)}</span>
                  </h3>
                  <Positions key={current} data={data} actions={props.actions} compact />
                </>
              ) : null}
              {/* A debate's as-of date follows its positions, so that the first screen is the spread. */}
              {data.entry.kind === 'debate' ? facts : null}
            </>
          )}
          {data.entry.related.length > 0 ? (
            <nav class="related" aria-label={t('relatedHeading')}>
              <h3 class="section-title">{t('relatedHeading')}</h3>
              <ul>
                {data.entry.related.map((id) => (
                  <li key={id}>
                    <button type="button" class="chip" onClick={() => setStack([...stack, id])}>
                      {data.relatedLabels[id] ?? id}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div class="footer">
            <button type="button" class="action" onClick={() => props.onHideTerm(current)}>
              {t('popoverHideTerm')}
            </button>
            <button type="button" class="action" onClick={() => props.onOpenGlossary(current)}>
              {data.personal ? t('popoverEditMyTerm') : t('popoverOpenGlossary')}
            </button>
          </div>
        </div>
      ) : (
        <p class="definition" id="ngl-definition">
          {state.status === 'loading' ? '' : t('popoverMissingDetail')}
        </p>
      )}
    </div>
  );
}
