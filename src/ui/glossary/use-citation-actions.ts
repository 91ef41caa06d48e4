// Lookup and copy for the glossary's citations, with the reader's provider and citation format.
import { useMemo } from 'preact/hooks';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import { openTab } from '../../platform/tabs.js';
import type { CitationActions } from '../components/TermCard.js';
import { useSettings } from '../options/use-settings.js';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function useCitationActions(): CitationActions {
  const { parsed } = useSettings();
  const settings = parsed?.settings ?? DEFAULT_SETTINGS;
  return useMemo(
    () => ({
      provider: settings.lookupProvider,
      citationFormat: settings.citationFormat,
      openUrl: (url: string) => void openTab(url).catch(() => undefined),
      copy,
    }),
    [settings.lookupProvider, settings.citationFormat],
  );
}
