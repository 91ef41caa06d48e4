// Whether the popup's site is annotated, and why not; and which background messages switch it.
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

export interface SiteChange {
  hostname: string;
  enabled: boolean;
}

/**
 * The `set-site-enabled` changes that make `hostname` annotated (or not). Switching on lifts every deny
 * entry that covers the host (a parent domain too, or the switch would seem to do nothing); with no such
 * entry the host itself is allowed. Switching off denies exactly this host.
 */
export function siteChanges(settings: SiteSettings, hostname: string, enable: boolean): SiteChange[] {
  if (!enable) return [{ hostname, enabled: false }];
  const covering = settings.deniedSites.filter((d) => hostMatches(hostname, d));
  return covering.length ? covering.map((d) => ({ hostname: d, enabled: true })) : [{ hostname, enabled: true }];
}
