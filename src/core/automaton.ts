// The trie of normalised alias strings, compiled at build time and loaded by the content script.
//
// The build stores the trie in breadth-first order with each state's edges sorted by character. In that
// order the children of every state are numbered consecutively, so edge k always leads to state k + 1 and
// the compiled form needs only two strings: the edge labels and each state's child count.

export interface CompiledTrie {
  /** Edge labels in breadth-first order, one UTF-16 code unit per edge. */
  labels: string;
  /**
   * Child count per state, one code unit per state: String.fromCharCode(COUNT_OFFSET + count), printable,
   * so that the JSON that carries it needs no \u escapes (a third of its size, and slower to parse).
   */
  childCounts: string;
  /** For each pattern, the state at which it ends. */
  patternEnds: number[];
}

const COUNT_OFFSET = 0x20;

/** The child count of state `s` from a compiled `childCounts` string. */
export function childCountAt(childCounts: string, s: number): number {
  return childCounts.charCodeAt(s) - COUNT_OFFSET;
}

interface MutableNode {
  children: Map<number, MutableNode>;
  id: number;
  patterns: number[];
}

/** Builds the trie for `patterns` (already normalised, non-empty). Pattern i ends at patternEnds[i]. */
export function compileTrie(patterns: readonly string[]): CompiledTrie {
  const root: MutableNode = { children: new Map(), id: 0, patterns: [] };
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) throw new Error(`pattern ${index} is empty`);
    let node = root;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let next = node.children.get(code);
      if (!next) {
        next = { children: new Map(), id: -1, patterns: [] };
        node.children.set(code, next);
      }
      node = next;
    }
    node.patterns.push(index);
  });

  let labels = '';
  let childCounts = '';
  const patternEnds = new Array<number>(patterns.length).fill(-1);
  const queue: MutableNode[] = [root];
  let nextId = 1;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as MutableNode;
    for (const p of node.patterns) patternEnds[p] = node.id;
    const codes = [...node.children.keys()].sort((a, b) => a - b);
    if (codes.length > 0xffff - COUNT_OFFSET) throw new Error('too many children for one state');
    childCounts += String.fromCharCode(COUNT_OFFSET + codes.length);
    for (const code of codes) {
      const child = node.children.get(code) as MutableNode;
      child.id = nextId++;
      labels += String.fromCharCode(code);
      queue.push(child);
    }
  }
  return { labels, childCounts, patternEnds };
}

/**
 * A loaded trie. Every match must start at a word boundary, so the matcher walks the trie from each word
 * start instead of running an Aho–Corasick automaton over every character: no failure links, no output
 * lists, and most walks end after one or two characters.
 */
export class Trie {
  readonly stateCount: number;
  /**
   * Edges of state s are labels[edgeStart[s]] .. labels[edgeStart[s + 1] - 1], sorted; edge k leads to k + 1.
   * Filled in lazily up to `known`: breadth-first ids grow with depth and most walks stay shallow, so a page
   * with few candidates never pays for the deep states.
   */
  private readonly edgeStart: Int32Array;
  private known = 0;
  private readonly counts: string;
  private readonly labels: string;
  /** Direct transitions from the root for ASCII, the most common case (0: none). */
  readonly rootAscii: Int32Array;
  /**
   * Direct ASCII transitions from the root's children (states 1 .. rootChildren): entry (s - 1) * 128 + code,
   * 0 for none. Nearly every word start takes these two steps; a binary search for the second one cost more
   * than the rest of the walk.
   */
  private readonly depth1: Int32Array;
  private readonly rootChildren: number;
  /**
   * One more than the first pattern ending exactly at a state, 0 for none; then through `nextPattern` (also
   * one more), in index order. Stored plus one so that fresh (zeroed) arrays need no fill on every load.
   */
  readonly firstPattern: Int32Array;
  readonly nextPattern: Int32Array;

  constructor(trie: CompiledTrie) {
    const n = trie.childCounts.length;
    this.stateCount = n;
    if (trie.labels.length !== n - 1) throw new Error('compiled trie is inconsistent');
    const edgeStart = new Int32Array(n + 1);
    this.edgeStart = edgeStart;
    this.counts = trie.childCounts;
    this.extendTo(Math.min(n, 1024));
    // Read in place (charCodeAt on a flat string is as fast as an array): no copy on every page load.
    const labels = trie.labels;
    this.labels = labels;

    this.rootAscii = new Int32Array(128);
    for (let k = 0; k < (edgeStart[1] as number); k++) {
      const code = labels.charCodeAt(k);
      if (code < 128) this.rootAscii[code] = k + 1;
    }
    const rootChildren = n > 1 ? (edgeStart[1] as number) : 0;
    this.rootChildren = rootChildren;
    this.extendTo(rootChildren + 1);
    this.depth1 = new Int32Array(rootChildren * 128);
    for (let s = 1; s <= rootChildren; s++) {
      for (let k = edgeStart[s] as number; k < (edgeStart[s + 1] as number); k++) {
        const code = labels.charCodeAt(k);
        if (code < 128) this.depth1[(s - 1) * 128 + code] = k + 1;
      }
    }

    this.firstPattern = new Int32Array(n);
    this.nextPattern = new Int32Array(trie.patternEnds.length);
    for (let p = trie.patternEnds.length - 1; p >= 0; p--) {
      const state = trie.patternEnds[p] as number;
      this.nextPattern[p] = this.firstPattern[state] as number;
      this.firstPattern[state] = p + 1;
    }
  }

  /** Computes edgeStart up to index `index` (at most the state count). */
  private extendTo(index: number): void {
    const edgeStart = this.edgeStart;
    const counts = this.counts;
    let k = this.known;
    let sum = edgeStart[k] as number;
    while (k < index) {
      sum += counts.charCodeAt(k) - COUNT_OFFSET;
      edgeStart[++k] = sum;
    }
    this.known = k;
  }

  /** The child of `state` on `code`, or -1. */
  child(state: number, code: number): number {
    if (code < 128 && state <= this.rootChildren) {
      const t = (state === 0 ? this.rootAscii[code] : this.depth1[(state - 1) * 128 + code]) as number;
      return t === 0 ? -1 : t;
    }
    // In chunks, so that the ids a walk meets next are usually known already.
    if (state >= this.known) this.extendTo(Math.min(this.stateCount, state + 1024));
    const labels = this.labels;
    let lo = this.edgeStart[state] as number;
    let hi = (this.edgeStart[state + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const label = labels.charCodeAt(mid);
      if (label === code) return mid + 1;
      if (label < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
