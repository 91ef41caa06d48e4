// A term's positions with their citations, shared by the popover and the glossary. The spread comes first:
// every stance on one compact row with who holds it, so that the disagreement is seen before anything is
// read; choosing a row opens its summary and works in place (a disclosure button per position).
import { useState } from 'preact/hooks';
import type { EntryResponse } from '../../platform/messaging.js';
import type { Reference } from '../../core/dictionary-data.js';
import { PROVIDER_NAMES } from '../../core/lookup.js';
import type { ReferenceView } from '../../core/reference-view.js';
import type { CitationFormat, LookupProvider } from '../../core/settings.js';
import { t } from '../../platform/i18n.js';
import { saveToZotero, zoteroMessage } from './save-to-zotero.js';

export interface CitationActions {
  provider: LookupProvider;
  citationFormat: CitationFormat;
  openUrl: (url: string) => void;
  copy: (text: string) => Promise<boolean>;
}

/** "Carr (2015)", "Raymond & DeNardis (2015)", "Clark et al. (2002)": the short form a reader scans. */
function shortCitation(ref: Reference): string {
  const people = ref.authors.length ? ref.authors : ref.editors;
  const names = people.map((p) => p.family);
  const who = names.length > 2 ? `${names[0]} et al.` : names.join(' & ');
  return `${who} (${ref.year ?? 'n.d.'})`;
}

export function Citation({
  reference,
  actions,
  compact = false,
}: {
  reference: ReferenceView;
  actions: CitationActions;
  compact?: boolean;
}) {
  return (
    <li class={compact ? 'citation compact' : 'citation'}>
      {compact ? (
        // One line in the popover, so that the positions themselves stay in view; the full reference is
        // the tooltip, the glossary and the copied citation.
        <span class="citation-text" title={reference.line}>
          <span class="citation-who">{shortCitation(reference)}</span> <cite>{reference.title}</cite>
        </span>
      ) : (
        <span class="citation-text">{reference.line}</span>
      )}
      <CitationLinks reference={reference} actions={actions} />
    </li>
  );
}

/** What a reader can do with one cited work: every action on a citation lives here, in one row. */
function CitationLinks({ reference, actions }: { reference: ReferenceView; actions: CitationActions }) {
  const lookup = reference.lookups[actions.provider];
  const openLabel =
    lookup.kind === 'search'
      ? t('citationSearch', PROVIDER_NAMES[actions.provider])
      : lookup.kind === 'doi'
        ? t('citationOpenDoi')
        : t('citationOpen');
  const copyLabel =
    actions.citationFormat === 'bibtex'
      ? t('citationCopyBibtex')
      : actions.citationFormat === 'chicago'
        ? t('citationCopyChicago')
        : t('citationCopyApa');
  const free = reference.freeCopy;
  // A work whose own address is free to read: "Open" already goes there, so it is only said.
  const freeIsOpen = free?.kind === 'stable' && free.url === lookup.url;
  const onZotero = async (e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    button.disabled = true;
    const reply = await saveToZotero([reference.key]);
    button.disabled = false;
    button.dataset.state = reply.ok ? 'saved' : 'failed';
    button.textContent = zoteroMessage(reply);
    setTimeout(
      () => {
        if (!button.isConnected) return;
        button.dataset.state = '';
        button.textContent = t('zoteroSave');
      },
      reply.ok ? 1600 : 5000,
    );
  };
  const onCopy = async (e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    const ok = await actions.copy(reference.copy[actions.citationFormat]);
    button.dataset.state = ok ? 'copied' : 'failed';
    button.textContent = ok ? t('citationCopied') : t('citationCopyFailed');
    setTimeout(() => {
      if (!button.isConnected) return;
      button.dataset.state = '';
      button.textContent = copyLabel;
    }, 1600);
  };
  return (
    <span class="citation-actions">
      <a
        class="action"
        href={lookup.url}
        target="_blank"
        rel="noopener noreferrer"
        data-lookup={lookup.kind}
        onClick={(e) => {
          e.preventDefault();
          actions.openUrl(lookup.url);
        }}
      >
        {openLabel}
        <span aria-hidden="true"> ↗</span>
      </a>
      {free && !freeIsOpen ? (
        <a
          class="action"
          href={free.url}
          target="_blank"
          rel="noopener noreferrer"
          data-free-copy={free.kind}
          title={free.kind === 'resolver' ? t('freeCopyResolverHint') : t('freeCopyStableHint')}
          onClick={(e) => {
            e.preventDefault();
            actions.openUrl(free.url);
          }}
        >
          {t('freeCopy')}
          <span aria-hidden="true"> ↗</span>
        </a>
      ) : null}
      {freeIsOpen ? (
        <span class="action-note" data-free-copy="stable">
          {t('freeCopyIsOpen')}
        </span>
      ) : null}
      <button type="button" class="action" onClick={onCopy} data-copy={actions.citationFormat}>
        {copyLabel}
      </button>
      {reference.zotero ? (
        <button type="button" class="action" onClick={onZotero} data-zotero="">
          {t('zoteroSave')}
        </button>
      ) : null}
    </span>
  );
}

export function Positions({
  data,
  actions,
  compact = false,
}: {
  data: EntryResponse;
  actions: CitationActions;
  compact?: boolean;
}) {
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const refs = new Map(data.references.map((r) => [r.key, r]));
  const toggle = (i: number): void => {
    const next = new Set(open);
    if (!next.delete(i)) next.add(i);
    // The popover follows its own size (the host's ResizeObserver), so opening a row needs no call back.
    setOpen(next);
  };
  // Each stance is a heading holding a disclosure button (the accordion pattern): its name is the stance,
  // the relation and who holds it; its state is aria-expanded; the summary and works follow it.
  return (
    <ol class="positions" aria-label={t('positionsHeading')}>
      {data.entry.positions.map((p, i) => (
        <li class="position" key={i}>
          <h4>
            <button type="button" class="stance-toggle" aria-expanded={open.has(i)} onClick={() => toggle(i)}>
              <span class="stance">{p.stance}</span>
              {p.relation ? (
                // A word, not a colour: how the position relates to the term, as its editor set it.
                <span class="relation" data-relation={p.relation}>
                  {t(`relation_${p.relation}`)}
                </span>
              ) : null}
              <span class="holders">{p.holders.join('; ')}</span>
            </button>
          </h4>
          <div class="position-detail" hidden={!open.has(i)}>
            <p class="summary">{p.summary}</p>
            <ul class="citations" aria-label={t('citationsLabel')}>
              {p.cites.map((key) => {
                const ref = refs.get(key);
                return ref ? <Citation key={key} reference={ref} actions={actions} compact={compact} /> : null;
              })}
            </ul>
          </div>
        </li>
      ))}
    </ol>
  );
}
