// The reader's text size on an extension page: a percentage of the browser's own font size on the root, so
// every rem and em follows it and browser zoom still applies on top. Follows changes made in the options.
import { TEXT_SCALE, type TextSize } from '../../core/settings.js';
import { loadSettings, onSettingsChanged } from '../../platform/settings-store.js';

export function applyTextSize(size: TextSize, root: HTMLElement = document.documentElement): void {
  root.style.fontSize = size === 'default' ? '' : `${TEXT_SCALE[size] * 100}%`;
  root.dataset.textSize = size;
}

/** Applies the stored text size now and whenever it changes; returns an unsubscribe. */
export function followTextSize(root: HTMLElement = document.documentElement): () => void {
  void loadSettings().then((p) => applyTextSize(p.settings.textSize, root));
  return onSettingsChanged((p) => applyTextSize(p.settings.textSize, root));
}
