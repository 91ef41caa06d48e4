// The state of an annotated page that its parts read at each event: settings and the page matcher change
// while the page stays annotated, and each re-scan brings a new annotator.
import type { PageMatcher } from '../core/page-matcher.js';
import type { Settings } from '../core/settings.js';
import type { Annotator } from './annotator.js';

export interface PageState {
  settings: Settings;
  matcher: PageMatcher;
  /** The scan of the moment (null between two scans). */
  annotator: Annotator | null;
}
