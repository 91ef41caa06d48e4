// The CSL engine's APA and Chicago copy of every dictionary work, as the build formatted them
// (scripts/citation-copies.ts): the pages that build citation views themselves (glossary, reading list,
// research log) copy the same text as the popover without bundling the engine.
import copies from '../../../build/generated/citations.json';
import { toApa } from '../../core/cite.js';
import type { CitationStyler } from '../../core/reference-view.js';

const built = copies as { apa: Record<string, string>; chicago: Record<string, string> };

/** The build's copy; a work the build did not see (none, unless the build was skipped) falls back to APA. */
export const builtStyler: CitationStyler = (ref, style) => built[style][ref.key] ?? toApa(ref);
