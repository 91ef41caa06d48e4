// The research log: every article read with the log on, browsed by article or by term, each with the works
// behind its terms; exports as an annotated bibliography (Markdown, or CSL-JSON whose notes name the
// articles); deleting one entry, or everything after a confirmation. The background is the log's one writer.
import { useEffect, useMemo, useState } from 'preact/hooks';
import dictionary from '../../../build/generated/dictionary.json';
import type { DictionaryData } from '../../core/dictionary-data.js';
import { referenceView } from '../../core/reference-view.js';
import {
  annotatedWorks,
  articlesByTerm,
  type LoggedArticle,
  type ResearchLog,
  worksOf,
} from '../../core/research-log.js';
import { t, tCount } from '../../platform/i18n.js';
import { loadResearchLog, onResearchLogChanged } from '../../platform/local-features-store.js';
import { sendToBackground } from '../../platform/messaging.js';
import { builtStyler } from '../components/built-citations.js';
import { Citation } from '../components/TermCard.js';
import { useCitationActions } from '../glossary/use-citation-actions.js';
import { downloadText } from '../options/download.js';
import { useLocalFeatures } from '../options/use-local-features.js';

const data = dictionary as unknown as DictionaryData;
const labels = new Map(data.terms.map((term) => [term.id, term.label]));

type View = 'article' | 'term';

function ArticleHeading({ article, level }: { article: LoggedArticle; level: 'h2' | 'h3' }) {
  const Heading = level;
  const facts = [article.publisher, article.published].filter(Boolean).join(' · ');
  return (
    <>
      <Heading class="log-title">
        <a href={article.url} target="_blank" rel="noopener noreferrer">
          {article.title ?? article.url}
        </a>
      </Heading>
      <p class="hint log-facts">
        {facts ? `${facts} · ` : ''}
        {t('researchLogRead', article.read)}
      </p>
    </>
  );
}

function DeleteButton({ article }: { article: LoggedArticle }) {
  return (
    <button
      type="button"
      class="button"
      aria-label={t('researchLogDeleteLabel', article.title ?? article.url)}
      onClick={() => void sendToBackground({ type: 'research-log-delete', url: article.url })}
    >
      {t('researchLogDelete')}
    </button>
  );
}

export function ResearchLogApp() {
  const [log, setLog] = useState<ResearchLog | null>(null);
  const [view, setView] = useState<View>(() =>
    new URLSearchParams(location.search).get('by') === 'term' ? 'term' : 'article',
  );
  const features = useLocalFeatures();
  const actions = useCitationActions();
  useEffect(() => {
    void loadResearchLog().then(setLog);
    return onResearchLogChanged(setLog);
  }, []);
  const works = useMemo(() => (log ? annotatedWorks(log, data) : []), [log]);
  if (!log || !features) return <main class="page" aria-busy="true" />;

  const stamp = new Date().toISOString().slice(0, 10);
  const exportAs = async (format: 'markdown' | 'csl-json') => {
    const text = await sendToBackground({ type: 'research-log-export', format });
    if (!text) return;
    if (format === 'markdown') downloadText(text, `netgov-lens-research-log-${stamp}.md`, 'text/markdown');
    else downloadText(text, `netgov-lens-research-log-${stamp}.json`, 'application/vnd.citationstyles.csl+json');
  };
  const deleteAll = () => {
    if (confirm(tCount('researchLogConfirmAll', log.articles.length))) {
      void sendToBackground({ type: 'research-log-delete' });
    }
  };

  return (
    <main class="page research-log">
      <h1>{t('researchLogTitle')}</h1>
      {features.researchLog ? null : (
        <p class="notice" role="note">
          {t('researchLogOff')}
        </p>
      )}
      {log.articles.length === 0 ? (
        <p>{t('researchLogEmpty')}</p>
      ) : (
        <>
          <p class="hint">
            {t('researchLogIntro', [
              tCount('researchLogArticles', log.articles.length),
              tCount('researchLogWorks', works.length),
            ])}
          </p>
          <div class="button-row">
            <button type="button" class="button primary" onClick={() => void exportAs('markdown')}>
              {t('researchLogExportMarkdown')}
            </button>
            <button type="button" class="button" onClick={() => void exportAs('csl-json')}>
              {t('researchLogExportCsl')}
            </button>
            <button type="button" class="button" onClick={deleteAll}>
              {t('researchLogDeleteAll')}
            </button>
          </div>
          <fieldset class="log-view">
            <legend>{t('researchLogView')}</legend>
            {(['article', 'term'] as const).map((v) => (
              <label key={v}>
                <input type="radio" name="view" value={v} checked={view === v} onChange={() => setView(v)} />{' '}
                {v === 'article' ? t('researchLogByArticle') : t('researchLogByTerm')}
              </label>
            ))}
          </fieldset>
          {view === 'article'
            ? log.articles.map((a) => (
                <section class="card" key={a.url}>
                  <ArticleHeading article={a} level="h2" />
                  <p class="log-terms">{a.terms.map((id) => labels.get(id) ?? id).join(' · ')}</p>
                  <details>
                    <summary>{t('researchLogWorks')}</summary>
                    <ul class="citations">
                      {worksOf(a, data).map((r) => (
                        <Citation key={r.key} reference={referenceView(r, builtStyler)} actions={actions} />
                      ))}
                    </ul>
                  </details>
                  <DeleteButton article={a} />
                </section>
              ))
            : articlesByTerm(log).map(({ termId, articles }) => (
                <section class="card" key={termId}>
                  <h2>{labels.get(termId) ?? termId}</h2>
                  <ul class="log-articles">
                    {articles.map((a) => (
                      <li key={a.url}>
                        <ArticleHeading article={a} level="h3" />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
        </>
      )}
    </main>
  );
}
