// A plain statement of why the popup has nothing to list, with an optional action.
import type { ComponentChildren } from 'preact';
import { t } from '../../platform/i18n.js';

export function Notice({ title, detail, children }: { title: string; detail?: string; children?: ComponentChildren }) {
  return (
    <div class="popup-notice" role="status">
      <p class="popup-notice-title">{title}</p>
      {detail ? <p class="popup-notice-detail">{detail}</p> : null}
      {children ? <p class="popup-notice-actions">{children}</p> : null}
    </div>
  );
}

/** Why a tab cannot be annotated, for the popup and the side panel alike. */
export function RestrictedNotice({ reason }: { reason: 'browser' | 'store' | 'file' }) {
  return (
    <Notice
      title={t('popupRestricted')}
      detail={
        reason === 'store'
          ? t('popupRestrictedStore')
          : reason === 'file'
            ? t('popupRestrictedFile')
            : t('popupRestrictedBrowser')
      }
    />
  );
}
