// Whether the reader keeps a research log, as the content script asks it (native APIs: no polyfill in pages).
import { LOCAL_FEATURES_KEY } from '../core/local-features.js';
import { extensionApi } from './extension-api.js';

export async function isResearchLogOn(): Promise<boolean> {
  try {
    const stored = (await extensionApi().storage.local.get(LOCAL_FEATURES_KEY))[LOCAL_FEATURES_KEY] as
      { researchLog?: unknown } | undefined;
    return stored?.researchLog === true;
  } catch {
    return false;
  }
}
