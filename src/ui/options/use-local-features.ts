// The per-browser features (Zotero, research log) as Preact state, following changes made in other tabs.
import { useEffect, useState } from 'preact/hooks';
import type { LocalFeatures } from '../../core/local-features.js';
import { loadLocalFeatures, onLocalFeaturesChanged } from '../../platform/local-features-store.js';

export function useLocalFeatures(): LocalFeatures | null {
  const [features, setFeatures] = useState<LocalFeatures | null>(null);
  useEffect(() => {
    void loadLocalFeatures().then(setFeatures);
    return onLocalFeaturesChanged(setFeatures);
  }, []);
  return features;
}
