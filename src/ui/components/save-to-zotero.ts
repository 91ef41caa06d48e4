// "Save to Zotero" for a citation or a whole list: asks the background, which alone may reach Zotero's local
// server, and turns its reply into what the button says.
import type { ZoteroReply } from '../../core/messages.js';
import { t } from '../../platform/i18n.js';
import { sendToBackground } from '../../platform/messaging.js';

export async function saveToZotero(keys: string[]): Promise<ZoteroReply> {
  try {
    return (await sendToBackground({ type: 'zotero-save', keys })) ?? { ok: false, reason: 'failed' };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

/** What to tell the reader about a save (or a check). */
export function zoteroMessage(reply: ZoteroReply): string {
  if (reply.ok) return t('zoteroSaved', String(reply.saved));
  switch (reply.reason) {
    case 'not-running':
      return t('zoteroNotRunning');
    case 'off':
      return t('zoteroOff');
    case 'refused':
      return t('zoteroRefused');
    default:
      return t('zoteroFailed');
  }
}
