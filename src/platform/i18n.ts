// Every UI string goes through the browser's i18n, with the key itself as a last resort so that a
// missing translation shows something readable instead of nothing.
import { extensionApi } from './extension-api.js';

export function t(key: string, substitutions?: string | string[]): string {
  try {
    const s = extensionApi().i18n.getMessage(key, substitutions);
    if (s) return s;
  } catch {
    // i18n unavailable (tests, playground)
  }
  return key;
}

/** Sets the page's lang attribute to the language its messages are in (screen readers pronounce by it). */
export function applyDocumentLanguage(doc: Document = document): void {
  const lang = t('htmlLang');
  if (/^[a-z]{2}(-[A-Z]{2})?$/.test(lang)) doc.documentElement.lang = lang;
}
