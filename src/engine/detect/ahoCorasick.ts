import { HIGH_FOLD, HIGH_FOLD_CODES } from "./fold";

/**
 * Aho–Corasick automaton over UTF-16 code units, ASCII case-folded, so one pass over the
 * text finds every keyword of every rule and every user term's first word. Keywords are
 * ASCII; accented Latin letters fold to their base letter (fold.ts).
 *
 * This loop is about half of the engine's time, so the table is kept small and the loop
 * short: code units map to a class (one per character used in some keyword; class 0 for
 * every other character, whose column is the root in every row, so the loop has no branch for it);
 * transitions hold the next state's row offset (state × classes), and states that end a
 * keyword are numbered last, so "is this a hit" is one comparison.
 */
const ALPHABET = 128;

export class KeywordAutomaton {
  /** Code unit → character class; 0 = in no keyword. */
  private readonly classOf: Uint8Array;
  private readonly classes: number;
  /** Row offset of the next state, by (row offset of this state + class). */
  private readonly next: Int32Array;
  /** Rows from this offset on belong to states that end at least one keyword. */
  private readonly firstHitRow: number;
  /** Keywords ending at each state, by state number. */
  private readonly outputs: readonly (readonly number[])[];
  readonly keywords: readonly string[];

  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    const classOf = new Uint8Array(0x10000);
    let classes = 1;
    for (const keyword of keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const code = fold(keyword.charCodeAt(i));
        if (code >= ALPHABET) throw new Error(`keyword "${keyword}" must be ASCII`);
        if (classOf[code] === 0) classOf[code] = classes++;
      }
    }
    // Upper-case ASCII and accented letters take the class of the letter they fold to.
    for (let code = 65; code <= 90; code++) classOf[code] = classOf[code + 32];
    for (const code of HIGH_FOLD_CODES) classOf[code] = classOf[HIGH_FOLD[code]];
    this.classOf = classOf;
    this.classes = classes;

    // Built at a scanner's first scan, in cold code: JavaScript loops only over states and
    // edges; the dense rows are native copies of the failure state's row (docs/speed.md).
    let capacity = 1;
    for (const keyword of keywords) capacity += keyword.length;
    const goto = new Int32Array(capacity * classes).fill(-1);
    // Trie edges as lists: first child of a state, next sibling, class of the edge into a state.
    const firstChild = new Int32Array(capacity).fill(-1);
    const sibling = new Int32Array(capacity);
    const edgeClass = new Int32Array(capacity);
    const outputs: number[][] = [[]];
    let states = 1;
    for (let index = 0; index < keywords.length; index++) {
      const keyword = keywords[index];
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = classOf[fold(keyword.charCodeAt(i))];
        const cell = state * classes + c;
        if (goto[cell] === -1) {
          const child = states++;
          goto[cell] = child;
          edgeClass[child] = c;
          sibling[child] = firstChild[state];
          firstChild[state] = child;
          outputs.push([]);
        }
        state = goto[cell];
      }
      outputs[state].push(index);
    }
    // Breadth-first failure links; a state's outputs take its failure state's after its own.
    const fail = new Int32Array(states);
    const queue = new Int32Array(states);
    let tail = 0;
    for (let s = firstChild[0]; s !== -1; s = sibling[s]) queue[tail++] = s;
    for (let head = 0; head < tail; head++) {
      const r = queue[head];
      const inherited = outputs[fail[r]];
      if (inherited.length > 0) outputs[r] = outputs[r].concat(inherited);
      for (let s = firstChild[r]; s !== -1; s = sibling[s]) {
        const c = edgeClass[s];
        let f = fail[r];
        while (f !== 0 && goto[f * classes + c] === -1) f = fail[f];
        const target = goto[f * classes + c];
        fail[s] = target === -1 ? 0 : target;
        queue[tail++] = s;
      }
    }
    // Renumber: the root stays 0, states with hits go last (order kept within each group).
    const renamed = new Int32Array(states);
    const order: number[] = [];
    for (let s = 0; s < states; s++) if (outputs[s].length === 0) order.push(s);
    const firstHit = order.length;
    for (let s = 0; s < states; s++) if (outputs[s].length > 0) order.push(s);
    for (let i = 0; i < states; i++) renamed[order[i]] = i;
    // Dense rows of row offsets, in breadth-first order so that a failure state's row is
    // complete before it is copied: a state's row is its failure state's, but for its own edges.
    const rows = new Int32Array(states * classes);
    for (let s = firstChild[0]; s !== -1; s = sibling[s]) rows[edgeClass[s]] = renamed[s] * classes;
    for (let head = 0; head < tail; head++) {
      const r = queue[head];
      const to = renamed[r] * classes;
      const from = renamed[fail[r]] * classes;
      rows.copyWithin(to, from, from + classes);
      for (let s = firstChild[r]; s !== -1; s = sibling[s]) rows[to + edgeClass[s]] = renamed[s] * classes;
    }
    this.next = rows;
    this.outputs = order.map((old) => outputs[old]);
    this.firstHitRow = firstHit === states ? Number.MAX_SAFE_INTEGER : firstHit * classes;
  }

  /** Calls `onHit` for every keyword occurrence, in text order. */
  search(text: string, onHit: (keyword: number, end: number) => void): void {
    const classOf = this.classOf;
    const next = this.next;
    const firstHitRow = this.firstHitRow;
    const classes = this.classes;
    const length = text.length;
    let row = 0;
    for (let i = 0; i < length; i++) {
      // Class 0 leads every row back to the root: no branch, which the CPU mispredicted often.
      row = next[row + classOf[text.charCodeAt(i)]];
      if (row >= firstHitRow) {
        const out = this.outputs[row / classes];
        for (let k = 0; k < out.length; k++) onHit(out[k], i + 1);
      }
    }
  }
}

function fold(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}
