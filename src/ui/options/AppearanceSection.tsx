// How terms look on pages, with a live preview.
import type { HighlightStyle } from '../../core/settings.js';
import { t } from '../../platform/i18n.js';
import { RadioGroup } from './RadioGroup.js';
import { Section } from './Section.js';
import { StylePreview } from './StylePreview.js';

export function AppearanceSection({
  style,
  onChange,
}: {
  style: HighlightStyle;
  onChange: (style: HighlightStyle) => void;
}) {
  return (
    <Section id="appearance" title={t('optionsAppearanceHeading')}>
      <RadioGroup
        name="highlightStyle"
        legend={t('optionsStyleLegend')}
        value={style}
        onChange={onChange}
        options={[
          { value: 'dotted', label: t('optionsStyleDotted') },
          { value: 'solid', label: t('optionsStyleSolid') },
          { value: 'background', label: t('optionsStyleBackground') },
        ]}
      >
        <StylePreview style={style} />
      </RadioGroup>
    </Section>
  );
}
