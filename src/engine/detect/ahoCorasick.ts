import { HIGH_FOLD } from "./fold";

/**
 * Aho–Corasick automaton over UTF-16 code units, ASCII case-folded, so one pass over the
 * text finds every keyword of every rule and every user term's first word. Keywords are
 * ASCII; accented Latin letters fold to their base letter (fold.ts); other code units reset
 * to the root cheaply.
 */
export interface KeywordHit {
  /** Index of the keyword in the list given to the constructor. */
  keyword: number;
  /** Offset just past the keyword's last character. */
  end: number;
}

const ALPHABET = 128;

export class KeywordAutomaton {
  private readonly next: Int32Array;
  private readonly outputs: number[][];
  private readonly firstCodes: Uint8Array;
  readonly keywords: readonly string[];

  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    const goto: Int32Array[] = [new Int32Array(ALPHABET).fill(-1)];
    const outputs: number[][] = [[]];
    this.firstCodes = new Uint8Array(ALPHABET);
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const code = fold(keyword.charCodeAt(i));
        if (code >= ALPHABET) throw new Error(`keyword "${keyword}" must be ASCII`);
        if (i === 0) this.firstCodes[code] = 1;
        if (goto[state][code] === -1) {
          goto[state][code] = goto.length;
          goto.push(new Int32Array(ALPHABET).fill(-1));
          outputs.push([]);
        }
        state = goto[state][code];
      }
      outputs[state].push(index);
    });
    // Breadth-first failure links, folded into a dense transition table.
    const states = goto.length;
    const next = new Int32Array(states * ALPHABET);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const s = goto[0][c];
      if (s === -1) next[c] = 0;
      else {
        next[c] = s;
        fail[s] = 0;
        queue.push(s);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const r = queue[qi];
      outputs[r] = outputs[r].concat(outputs[fail[r]]);
      for (let c = 0; c < ALPHABET; c++) {
        const s = goto[r][c];
        if (s === -1) next[r * ALPHABET + c] = next[fail[r] * ALPHABET + c];
        else {
          next[r * ALPHABET + c] = s;
          fail[s] = next[fail[r] * ALPHABET + c];
          queue.push(s);
        }
      }
    }
    this.next = next;
    this.outputs = outputs;
  }

  /** Calls `onHit` for every keyword occurrence, in text order. */
  search(text: string, onHit: (keyword: number, end: number) => void): void {
    const next = this.next;
    const outputs = this.outputs;
    const first = this.firstCodes;
    const length = text.length;
    let state = 0;
    for (let i = 0; i < length; i++) {
      let code = text.charCodeAt(i);
      if (code >= ALPHABET) {
        code = HIGH_FOLD[code];
        if (code === 0) {
          state = 0;
          continue;
        }
      } else if (code >= 65 && code <= 90) code += 32;
      if (state === 0 && first[code] === 0) continue;
      state = next[state * ALPHABET + code];
      const out = outputs[state];
      if (out.length !== 0) for (let k = 0; k < out.length; k++) onHit(out[k], i + 1);
    }
  }
}

function fold(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}
