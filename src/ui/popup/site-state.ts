// Whether the popup's site is annotated, and why not (the switch itself: core/sites.ts toggleSite).
import type { Settings } from '../../core/settings.js';
import { hostMatches } from '../../core/sites.js';

export type SiteState = 'on' | 'global-off' | 'denied' | 'not-listed';

type SiteSettings = Pick<Settings, 'enabled' | 'siteMode' | 'deniedSites' | 'allowedSites'>;

export function siteState(settings: SiteSettings, hostname: string): SiteState {
  if (!settings.enabled) return 'global-off';
  if (settings.deniedSites.some((d) => hostMatches(hostname, d))) return 'denied';
  if (settings.siteMode === 'listed' && !settings.allowedSites.some((d) => hostMatches(hostname, d)))
    return 'not-listed';
  return 'on';
}
