// The features a reader switches on for this browser only, kept in storage.local (never synced): saving to
// Zotero (which also needs the host permission for Zotero's local server, asked for when it is switched on)
// and the research log, with the sites it skips. Every field is validated on read, as settings are.
import { parseSiteEntry } from './sites.js';

export interface LocalFeatures {
  zotero: boolean;
  researchLog: boolean;
  /** Sites the research log never records (subdomains included), as the site lists store them. */
  researchLogExcluded: string[];
}

export const DEFAULT_LOCAL_FEATURES: Readonly<LocalFeatures> = Object.freeze({
  zotero: false,
  researchLog: false,
  researchLogExcluded: [],
});

/** storage.local: the features above. */
export const LOCAL_FEATURES_KEY = 'localFeatures';

export function parseLocalFeatures(stored: unknown): LocalFeatures {
  const out: LocalFeatures = { ...DEFAULT_LOCAL_FEATURES, researchLogExcluded: [] };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return out;
  const s = stored as Record<string, unknown>;
  if (typeof s.zotero === 'boolean') out.zotero = s.zotero;
  if (typeof s.researchLog === 'boolean') out.researchLog = s.researchLog;
  if (Array.isArray(s.researchLogExcluded)) {
    out.researchLogExcluded = s.researchLogExcluded.slice(0, 500).flatMap((d) => {
      if (typeof d !== 'string') return [];
      const parsed = parseSiteEntry(d);
      return 'domain' in parsed && parsed.domain === d ? [d] : [];
    });
  }
  return out;
}
