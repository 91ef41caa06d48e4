// The trie of normalised alias strings, compiled at build time and loaded by the content script.
//
// The build stores the trie in breadth-first order with each state's edges sorted by character. In that
// order the children of every state are numbered consecutively, so edge k always leads to state k + 1 and
// the compiled form needs only strings: the edge labels, each state's child count, and every BLOCK-th
// state's first edge (so that no page load adds up the child counts of every state before the one it needs).

export interface CompiledTrie {
  /** Edge labels in breadth-first order, one UTF-16 code unit per edge. */
  labels: string;
  /**
   * Child count per state, one code unit per state: String.fromCharCode(COUNT_OFFSET + count), printable,
   * so that the JSON that carries it needs no \u escapes (a third of its size, and slower to parse).
   */
  childCounts: string;
  /**
   * The index of the first edge of every BLOCK-th state (states 0, BLOCK, 2 * BLOCK, ...), each as DIGITS
   * printable base-64 digits. A state's first edge is then its block's entry plus at most BLOCK - 1 child
   * counts: the cost of a lookup no longer grows with the dictionary.
   */
  blockEdges: string;
  /** For each pattern, the state at which it ends. */
  patternEnds: number[];
}

const COUNT_OFFSET = 0x20;
const BLOCK_SHIFT = 3;
const BLOCK = 1 << BLOCK_SHIFT;
const DIGITS = 4;
const DIGIT_OFFSET = 0x30;
/** 64 ** DIGITS: states and edges a compiled trie may have. */
const MAX_EDGES = 64 ** DIGITS;

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
  let blockEdges = '';
  const patternEnds = new Array<number>(patterns.length).fill(-1);
  const queue: MutableNode[] = [root];
  let nextId = 1;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as MutableNode;
    for (const p of node.patterns) patternEnds[p] = node.id;
    if (node.id % BLOCK === 0) blockEdges += encodeNumber(labels.length);
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
  if (queue.length > MAX_EDGES) throw new Error('too many states for the compiled trie');
  return { labels, childCounts, blockEdges, patternEnds };
}

function encodeNumber(value: number): string {
  let out = '';
  for (let d = DIGITS - 1; d >= 0; d--) out += String.fromCharCode(DIGIT_OFFSET + (Math.floor(value / 64 ** d) % 64));
  return out;
}

/** The length `blockEdges` must have for a trie of `states` states. */
export function blockEdgesLength(states: number): number {
  return Math.ceil(states / BLOCK) * DIGITS;
}

/**
 * A loaded trie. Every match must start at a word boundary, so the matcher walks the trie from each word
 * start instead of running an Aho–Corasick automaton over every character: no failure links, no output
 * lists, and most walks end after one or two characters.
 */
export class Trie {
  readonly stateCount: number;
  /**
   * The first edge of each state plus one, 0 while not yet known; the edges of state s are labels[first]
   * .. labels[first + count - 1], sorted, and edge k leads to state k + 1. Found from the state's block
   * entry on first use: a page visits a few thousand states at most, whatever the dictionary's size.
   */
  private readonly firstEdge: Int32Array;
  private readonly counts: string;
  private readonly labels: string;
  private readonly blockEdges: string;
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
    if (trie.labels.length !== n - 1 || trie.blockEdges.length !== blockEdgesLength(n)) {
      throw new Error('compiled trie is inconsistent');
    }
    this.firstEdge = new Int32Array(n);
    this.counts = trie.childCounts;
    this.blockEdges = trie.blockEdges;
    // Read in place (charCodeAt on a flat string is as fast as an array): no copy on every page load.
    const labels = trie.labels;
    this.labels = labels;

    this.rootAscii = new Int32Array(128);
    const rootChildren = n > 1 ? this.countOf(0) : 0;
    for (let k = 0; k < rootChildren; k++) {
      const code = labels.charCodeAt(k);
      if (code < 128) this.rootAscii[code] = k + 1;
    }
    this.rootChildren = rootChildren;
    this.depth1 = new Int32Array(rootChildren * 128);
    // The root's children are states 1 .. rootChildren, whose edges follow one another from edge rootChildren.
    let k = rootChildren;
    for (let s = 1; s <= rootChildren; s++) {
      for (const end = k + this.countOf(s); k < end; k++) {
        const code = labels.charCodeAt(k);
        if (code < 128) this.depth1[(s - 1) * 128 + code] = k + 1;
      }
    }

    this.firstPattern = new Int32Array(n);
    this.nextPattern = new Int32Array(trie.patternEnds.length);
    for (let p = trie.patternEnds.length - 1; p >= 0; p--) {
      const state: unknown = trie.patternEnds[p];
      // A damaged entry (the dictionary is kept in extension storage) ends no pattern instead of breaking the scan.
      if (typeof state !== 'number' || !(state >= 0 && state < n) || state % 1 !== 0) continue;
      this.nextPattern[p] = this.firstPattern[state] as number;
      this.firstPattern[state] = p + 1;
    }
  }

  private countOf(s: number): number {
    return this.counts.charCodeAt(s) - COUNT_OFFSET;
  }

  /** The index of the first edge of state `s`: its block's entry plus the child counts before it. */
  private firstEdgeOf(s: number): number {
    const known = this.firstEdge[s] as number;
    if (known !== 0) return known - 1;
    const blockEdges = this.blockEdges;
    const at = (s >>> BLOCK_SHIFT) * DIGITS;
    let edge = 0;
    for (let d = 0; d < DIGITS; d++) edge = edge * 64 + blockEdges.charCodeAt(at + d) - DIGIT_OFFSET;
    const counts = this.counts;
    for (let t = s & ~(BLOCK - 1); t < s; t++) edge += counts.charCodeAt(t) - COUNT_OFFSET;
    this.firstEdge[s] = edge + 1;
    return edge;
  }

  /** The child of `state` on `code`, or -1. */
  child(state: number, code: number): number {
    if (code < 128 && state <= this.rootChildren) {
      const t = (state === 0 ? this.rootAscii[code] : this.depth1[(state - 1) * 128 + code]) as number;
      return t === 0 ? -1 : t;
    }
    const labels = this.labels;
    let lo = this.firstEdgeOf(state);
    let hi = lo + this.countOf(state) - 1;
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
