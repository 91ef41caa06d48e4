// The state of an annotated page that its parts read at each event: settings and the matcher change
// while the page stays annotated, and each re-scan brings a new annotator.
import type { Settings } from '../core/settings.js';
import type { Annotator } from './annotator.js';
import type { BlockMatcher } from './block-matcher.js';

export interface PageState {
  settings: Settings;
  matcher: BlockMatcher;
  /** The scan of the moment (null between two scans). */
  annotator: Annotator | null;
}
