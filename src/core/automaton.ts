// Aho–Corasick automaton over normalised alias strings.
//
// The build stores the trie in breadth-first order with each state's edges sorted by character. In that
// order the children of every state are numbered consecutively, so edge k always leads to state k + 1 and
// the compiled form needs only two strings: the edge labels and each state's child count. Failure links
// are derived when the automaton is loaded, in one linear pass; shipping them would quadruple the data
// the content script carries, for a saving of well under a millisecond.

export interface CompiledTrie {
  /** Edge labels in breadth-first order, one UTF-16 code unit per edge. */
  labels: string;
  /** Child count per state, one code unit per state (String.fromCharCode(count)). */
  childCounts: string;
  /** For each pattern, the state at which it ends. */
  patternEnds: number[];
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
    if (codes.length > 0xffff) throw new Error('too many children for one state');
    childCounts += String.fromCharCode(codes.length);
    for (const code of codes) {
      const child = node.children.get(code) as MutableNode;
      child.id = nextId++;
      labels += String.fromCharCode(code);
      queue.push(child);
    }
  }
  return { labels, childCounts, patternEnds };
}

/** A loaded automaton: call `step` per normalised character; `firstOutput` lists patterns ending there. */
export class Automaton {
  readonly stateCount: number;
  private readonly edgeStart: Int32Array;
  private readonly labels: Uint16Array;
  private readonly fail: Int32Array;
  /** Direct transitions from the root for ASCII, the most common case. */
  private readonly rootAscii: Int32Array;
  /** First pattern reported at a state (own or through failure links), or -1. */
  readonly firstOutput: Int32Array;
  /** Next pattern in the same state's output list, or -1. Indexed by output slot. */
  readonly outputPattern: Int32Array;
  readonly outputNext: Int32Array;

  constructor(trie: CompiledTrie) {
    const n = trie.childCounts.length;
    this.stateCount = n;
    this.edgeStart = new Int32Array(n + 1);
    for (let s = 0; s < n; s++) {
      this.edgeStart[s + 1] = (this.edgeStart[s] as number) + trie.childCounts.charCodeAt(s);
    }
    if (this.edgeStart[n] !== trie.labels.length || trie.labels.length !== n - 1) {
      throw new Error('compiled trie is inconsistent');
    }
    this.labels = new Uint16Array(trie.labels.length);
    for (let i = 0; i < trie.labels.length; i++) this.labels[i] = trie.labels.charCodeAt(i);

    this.rootAscii = new Int32Array(128);
    for (let k = this.edgeStart[0] as number; k < (this.edgeStart[1] as number); k++) {
      const code = this.labels[k] as number;
      if (code < 128) this.rootAscii[code] = k + 1;
    }

    // Failure links in breadth-first order: parents are processed before children by construction.
    this.fail = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      const from = this.edgeStart[s] as number;
      const to = this.edgeStart[s + 1] as number;
      for (let k = from; k < to; k++) {
        const child = k + 1;
        if (s === 0) {
          this.fail[child] = 0;
          continue;
        }
        let f = this.fail[s] as number;
        let target = this.transition(f, this.labels[k] as number);
        while (target < 0 && f !== 0) {
          f = this.fail[f] as number;
          target = this.transition(f, this.labels[k] as number);
        }
        this.fail[child] = target < 0 ? 0 : target;
      }
    }

    // Output lists: a state's own patterns, then those of its failure state (already complete: BFS).
    const own: number[][] = Array.from({ length: n }, () => []);
    trie.patternEnds.forEach((state, pattern) => (own[state] as number[]).push(pattern));
    const pat: number[] = [];
    const next: number[] = [];
    this.firstOutput = new Int32Array(n).fill(-1);
    for (let s = 1; s < n; s++) {
      let head = this.firstOutput[this.fail[s] as number] as number;
      const mine = own[s] as number[];
      for (let i = mine.length - 1; i >= 0; i--) {
        pat.push(mine[i] as number);
        next.push(head);
        head = pat.length - 1;
      }
      this.firstOutput[s] = head;
    }
    this.outputPattern = Int32Array.from(pat);
    this.outputNext = Int32Array.from(next);
  }

  /** The child of `state` on `code`, or -1. */
  private transition(state: number, code: number): number {
    if (state === 0 && code < 128) {
      const t = this.rootAscii[code] as number;
      return t === 0 ? -1 : t;
    }
    let lo = this.edgeStart[state] as number;
    let hi = (this.edgeStart[state + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const label = this.labels[mid] as number;
      if (label === code) return mid + 1;
      if (label < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The state after reading `code` in `state` (following failure links). */
  step(state: number, code: number): number {
    let s = state;
    for (;;) {
      const t = this.transition(s, code);
      if (t >= 0) return t;
      if (s === 0) return 0;
      s = this.fail[s] as number;
    }
  }
}
