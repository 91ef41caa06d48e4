// How terms look on pages, with a live preview.
import type { HighlightStyle, TextSize } from '../../core/settings.js';
import { t } from '../../platform/i18n.js';
import { RadioGroup } from './RadioGroup.js';
import { Section } from './Section.js';
import { StylePreview } from './StylePreview.js';

export function AppearanceSection({
  style,
  onChange,
  textSize,
  onTextSize,
}: {
  style: HighlightStyle;
  onChange: (style: HighlightStyle) => void;
  textSize: TextSize;
  onTextSize: (size: TextSize) => void;
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
      <RadioGroup
        name="textSize"
        legend={t('optionsTextSizeLegend')}
        value={textSize}
        onChange={onTextSize}
        options={[
          { value: 'small', label: t('optionsTextSizeSmall') },
          { value: 'default', label: t('optionsTextSizeDefault') },
          { value: 'large', label: t('optionsTextSizeLarge') },
          { value: 'larger', label: t('optionsTextSizeLarger') },
        ]}
      >
        <p class="hint">{t('optionsThisDeviceHint')}</p>
      </RadioGroup>
    </Section>
  );
}
