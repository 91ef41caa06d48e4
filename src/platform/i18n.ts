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

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * A count in words ("1 term", "12 terms", French "0 terme"). browser.i18n has no plural rules, so each
 * count has two messages, `${base}One` and `${base}Many` (every category but "one": English and German
 * need no more, nor French outside millions), both with the number as their first placeholder; the
 * language's own rules (Intl.PluralRules, in the language of the messages, not of the browser) choose.
 * `rest` fills the placeholders after it.
 */
export function tCount(base: string, n: number, rest: string[] = []): string {
  const lang = t('htmlLang');
  const locale = /^[a-z]{2}(-[A-Z]{2})?$/.test(lang) ? lang : 'en';
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const form = rules.select(n) === 'one' ? 'One' : 'Many';
  return t(`${base}${form}`, [n.toLocaleString(locale), ...rest]);
}
