// The skeleton of BENCHMARKS.md, used only when the file is missing or has lost its markers; the run fills
// in the part between the markers and leaves the rest (the hand-written analysis) alone.
import { MARKERS } from './report.js';

export const TEMPLATE = `# Benchmarks

How much a page load costs with Netgov Lens, against the physical floor and against what other extensions
use, measured in one headless Chromium run. Reproduce with:

\`\`\`sh
npm install
npm run build     # compiles the dictionary (build/generated/matcher.json) and dist/chrome
npm run bench     # a few minutes on two cores; writes bench/results.json and the tables below
\`\`\`

## Results

${MARKERS.START}

${MARKERS.END}
`;
