// Counts in words ("1 term", "12 terms"). browser.i18n has no plural rules, so each count has a singular
// and a plural message; the number is formatted for the reader's locale.
import { t } from '../../platform/i18n.js';

export function countText(n: number, oneKey: string, manyKey: string): string {
  return n === 1 ? t(oneKey) : t(manyKey, n.toLocaleString());
}
