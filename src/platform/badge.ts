// The toolbar badge: how many distinct terms the tab's page has.
import { browser } from './browser.js';

const BADGE_COLOUR = '#0b57a4';

export async function setBadgeCount(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  } catch {
    // the tab is gone
  }
}
