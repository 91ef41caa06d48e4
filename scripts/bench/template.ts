// The skeleton of BENCHMARKS.md, used only when the file is missing or has lost its markers; the run fills
// in the part between the markers and leaves the rest (the hand-written analysis) alone.
import { MARKERS } from './report.js';

export const TEMPLATE = `# Benchmarks

What a page load costs with Netgov Lens, against the physical floor and against what other extensions use,
measured in one headless Chromium run on the pages of the real-page corpus (\`tests/corpus/manifest.tsv\`) and on synthetic pages.

\`\`\`sh
npm install
npm run build     # compiles the dictionary (build/generated/matcher.json) and dist/chrome
npm run bench     # under 12 minutes on two cores; prints the table, writes bench/results.json and this file
npm run bench -- --pages='aclu|5mb' --repeats=3 --no-extension   # a quick look (leaves this file alone)
npx tsx scripts/bench/profile.ts hrpc-research ours              # CPU profile of one contender on one page
\`\`\`

## How it is measured

- **Pages**: the 25 news pages and 15 governance texts of the corpus, served from 127.0.0.1 with page
  scripts switched off (\`Content-Security-Policy: script-src 'none'\`, so every load is the same document) and
  cross-origin isolated (so \`performance.now()\` resolves to 5 µs, not 100 µs). Every host name but 127.0.0.1
  fails to resolve inside the browser. Three synthetic pages are generated from a fixed seed: 1 MB and 5 MB of
  article-like text with governance terms at news density, and a list of 200,000 small text nodes.
- **Contenders**, each on its own fresh load (garbage collected first), alternated, medians reported:
  - *floor*: one \`TreeWalker(SHOW_TEXT)\` pass reading every text node's \`data\`, nothing else;
  - *ours*: the real content-script pipeline, bundled from \`src/\`: the compiled dictionary parsed from its JSON
    text (as the content script reads it from storage) and \`new Matcher(…)\`, the
    \`Annotator\` (SegmentWalker, Matcher, HighlightPainter, in 8 ms slices) with the \`LiveUpdater\` watching,
    from the start until the last highlight is registered (\`annotator.idle\`); *busy* is the sum of our own
    tasks, the rest is the browser's work between our slices;
  - *one RegExp*: the honest competitor, what a developer writes without a matcher of their own: on each load,
    the pattern list parsed from JSON (as from storage), one \`\\b(?:p1|p2|…)\\b\` RegExp of every pattern (escaped,
    longest first, separators as \`[\\s-]+\`, flags \`giu\` because some patterns are not ASCII), a
    \`TreeWalker(SHOW_TEXT)\` over the whole document with no skipping, one \`StaticRange\` per match, all in one
    \`Highlight\` registered in \`CSS.highlights\`; timed from the start until it is registered, like ours. One task
    from start to end. Its errors are counted beside its time (after the clock stops, on its first load of each
    page): highlights in text that is never rendered (script, style, noscript, template, head), in form fields
    and editable text, in hidden regions (\`[hidden]\`, \`aria-hidden\`, \`display: none\`), inside a longer word
    (ASCII \`\\b\` next to ß, ä, é), and whole words it misses (a pattern that starts or ends with a non-ASCII
    letter), the last two against the same alternation with Unicode word boundaries. Ours goes through the same
    checks;
  - *markRegExp*: mark.js 8 \`markRegExp\` with one \`\\b(?:…)\\b\` \`gi\` RegExp of every pattern (longest first,
    separators as \`[\\s-]+\`), the fair way to use mark.js with a dictionary;
  - *mark()*: mark.js \`mark(patterns, { accuracy: 'exactly', separateWordSearch: false })\`, in chunks of 50
    (one call with all of them overflows the stack); it makes one DOM pass per pattern, so it stops after 0.5 s
    and its time is extrapolated (marked ≈);
  - *naive*: one RegExp per pattern over every text node, counting matches; stops after 1 s, extrapolated.
  - Loads per page: floor and ours 5, the 10x dictionary and the one RegExp 3, markRegExp 2, naive and mark() 1;
    on pages over 2 MB at most 3, the one RegExp 2 and the slow contenders 1 (they take seconds there and their
    ratios to ours are large), so that the whole run stays under 12 minutes.
- **Scaling**: the real dictionary plus synthetic aliases (recombined words of the real ones, and acronyms)
  up to ten times the aliases, compiled with \`compileDictionary\`.
- **Longest task**: every entry point of ours is timed (set-up, each scan slice, the mutation callback and the
  live updater's flush), cross-checked with the Long Tasks API; the worst of all runs is reported (target 25 ms).
- **Burst**: after the scan of the 1 MB page, 1,000 paragraphs are appended in one task; the real
  \`LiveUpdater\` batches them and the annotator scans them.
- **Size**: the content script's two bundles as built, and gzipped (Node's zlib, level 9): the loader
  \`dist/chrome/content.js\` (every frame) and the main script \`dist/chrome/content-main.js\` (imported in annotated
  frames only); the parts come from esbuild metafiles. The compiled dictionary is not part of them (the background
  keeps it in \`storage.local\`); its size is reported beside.
- **Cost per frame**: the content script runs in every frame. Three pages of 40 small same-origin frames are
  loaded with the built extension under a Chromium trace, alternated: *annotated* (each frame an article
  paragraph with terms), *blank and tiny* (ad slots: about:blank, empty documents, a linked image with a one-line
  label) and *switched off* (the article frames with the site in the reader's switched-off sites). The
  main-thread time of the events attributed to the extension's scripts (the loader \`content.js\` and the main
  script \`content-main.js\` it imports: compiling and evaluating them, then every call into them) is summed over the 41 documents of a load and divided by 41; the non-annotated pages are the ones with a
  target (0.3 ms per frame). Promise continuations are not attributed to a script in the trace and are left out.
- **Memory**: the page's heap (V8 and Blink, after two forced garbage collections, once the highlights stop
  changing) with the built extension loaded, minus the same page in a Chromium without any extension (both
  persistent profiles started with the same flags, loads alternated), on a representative subset of the corpus
  (12 pages: the largest by HTML and by text, the densest governance texts, ordinary news) and the 5 MB page;
  and, in the bench page, what the scan itself keeps, per page, with its text and its matches beside it.
- **Hover**: the built extension, the demo article, the pointer moved onto a term: time from the pointer event
  until the popover is shown and until its entry is rendered, minus the 300 ms intent delay; the first hover
  (which creates the host, imports the popover's UI, \`content-popover.js\`, and mounts it) apart from the median of
  the eight later ones.

## Results

${MARKERS.START}

${MARKERS.END}
`;
