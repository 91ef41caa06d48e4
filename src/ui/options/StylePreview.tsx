// A sample sentence painted like a page with the chosen highlight style. The message marks the terms
// with [brackets], so translators keep the sentence whole.
import type { HighlightStyle } from '../../core/settings.js';
import { t } from '../../platform/i18n.js';

export function StylePreview({ style }: { style: HighlightStyle }) {
  const parts = t('optionsPreviewSentence').split(/\[([^\]]+)\]/);
  return (
    <figure class="style-preview" aria-labelledby="style-preview-caption">
      <figcaption id="style-preview-caption">{t('optionsPreviewCaption')}</figcaption>
      <p data-style={style}>
        {parts.map((part, i) =>
          i % 2 === 1 ? (
            <span key={i} class={`preview-term preview-${style}`}>
              {part}
            </span>
          ) : (
            part
          ),
        )}
      </p>
    </figure>
  );
}
