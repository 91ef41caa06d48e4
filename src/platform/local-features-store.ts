// The reader's per-browser features (core/local-features.ts) and the research log, both in storage.local:
// never synced. The log is written by the background only; pages read it and ask the background to change it.
import { LOCAL_FEATURES_KEY, type LocalFeatures, parseLocalFeatures } from '../core/local-features.js';
import { parseResearchLog, type ResearchLog } from '../core/research-log.js';
import { browser } from './browser.js';

/** storage.local: the research log. */
const RESEARCH_LOG_KEY = 'researchLog';

export async function loadLocalFeatures(): Promise<LocalFeatures> {
  try {
    return parseLocalFeatures((await browser.storage.local.get(LOCAL_FEATURES_KEY))[LOCAL_FEATURES_KEY]);
  } catch {
    return parseLocalFeatures(undefined);
  }
}

export async function saveLocalFeatures(features: LocalFeatures): Promise<void> {
  await browser.storage.local.set({ [LOCAL_FEATURES_KEY]: features });
}

export function onLocalFeaturesChanged(listener: (features: LocalFeatures) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && LOCAL_FEATURES_KEY in changes)
      listener(parseLocalFeatures(changes[LOCAL_FEATURES_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

export async function loadResearchLog(): Promise<ResearchLog> {
  try {
    return parseResearchLog((await browser.storage.local.get(RESEARCH_LOG_KEY))[RESEARCH_LOG_KEY]);
  } catch {
    return { articles: [] };
  }
}

export async function saveResearchLog(log: ResearchLog): Promise<void> {
  await browser.storage.local.set({ [RESEARCH_LOG_KEY]: log });
}

export function onResearchLogChanged(listener: (log: ResearchLog) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && RESEARCH_LOG_KEY in changes)
      listener(parseResearchLog(changes[RESEARCH_LOG_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
