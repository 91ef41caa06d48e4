// The site's name, whether it is annotated, and the one-click switch for it.
import { t } from '../../platform/i18n.js';
import type { SiteState } from './site-state.js';

export function SiteSwitch({
  hostname,
  state,
  busy,
  onToggle,
}: {
  hostname: string;
  state: Exclude<SiteState, 'global-off'>;
  busy: boolean;
  onToggle: (enable: boolean) => void;
}) {
  const on = state === 'on';
  const stateText =
    state === 'on' ? t('popupSiteOn') : state === 'denied' ? t('popupSiteOffDenied') : t('popupSiteOffListed');
  return (
    <section class="site" aria-labelledby="popup-site-host">
      <div class="site-text">
        <h2 class="site-host" id="popup-site-host" title={hostname}>
          {hostname}
        </h2>
        <p class="site-state" id="popup-site-state" data-state={on ? 'on' : 'off'}>
          {stateText}
        </p>
      </div>
      <button
        type="button"
        role="switch"
        class="switch-button"
        aria-checked={on}
        aria-label={t('popupSiteSwitch', hostname)}
        aria-describedby="popup-site-state"
        aria-busy={busy}
        onClick={() => onToggle(!on)}
      >
        <span class="switch-track" aria-hidden="true">
          <span class="switch-thumb" />
        </span>
      </button>
    </section>
  );
}
