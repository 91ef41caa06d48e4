// The popover body for one of the reader's own terms: their note and links, marked as theirs.
import type { EntryResponse } from '../../platform/messaging.js';
import { t } from '../../platform/i18n.js';

export function PersonalBody({
  personal,
  openUrl,
}: {
  personal: NonNullable<EntryResponse['personal']>;
  openUrl: (url: string) => void;
}) {
  return (
    <>
      <p class="definition" id="ngl-definition">
        {personal.note || t('popoverPersonalNoNote')}
      </p>
      {personal.links.length > 0 ? (
        <>
          <h3 class="section-title">{t('popoverPersonalLinks')}</h3>
          <ul class="citations">
            {personal.links.map((link) => (
              <li class="citation compact" key={link.url}>
                <span class="citation-text">{link.text}</span>
                <span class="citation-actions">
                  <a
                    class="action"
                    href={link.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    onClick={(e) => {
                      e.preventDefault();
                      openUrl(link.url);
                    }}
                  >
                    {link.kind === 'isbn' ? t('popoverPersonalSearchIsbn') : t('citationOpen')}
                    <span aria-hidden="true"> ↗</span>
                  </a>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
