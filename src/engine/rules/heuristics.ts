/**
 * Checks shared by the rules: is a value a real-looking credential, or a placeholder,
 * a reference to a variable, an identifier, a path, a version, a hash? Each rule's
 * `validate` calls these; they are pure functions over one short string.
 */
import { shannonEntropy } from "../validate/entropy";

const asciiCounts = new Int32Array(128);

/** Shannon entropy in bits per character; an array instead of a Map for ASCII values (validators run per match). */
export function entropyOf(value: string): number {
  const n = value.length;
  if (n === 0) return 0;
  for (let i = 0; i < n; i++) if (value.charCodeAt(i) >= 128) return shannonEntropy(value);
  asciiCounts.fill(0);
  for (let i = 0; i < n; i++) asciiCounts[value.charCodeAt(i)]++;
  let entropy = 0;
  for (let c = 0; c < 128; c++) {
    const count = asciiCounts[c];
    if (count !== 0) {
      const p = count / n;
      entropy -= p * Math.log2(p);
    }
  }
  return entropy;
}

/** Whole values that stand for "put the secret here", not a secret. */
const PLACEHOLDER_VALUE =
  /^(?:x+|\*+|\.+|-+|_+|#+|•+|0+|(?:12345?6?7?8?9?0?)|abc(?:def)?(?:123)?|qwerty|letmein|admin|root|user(?:name)?|guest|default|changeme|change[_-]?it|change[_-]?me|example|sample|dummy|fake|mock|test(?:ing)?|placeholder|redacted|hidden|masked|secret|secrets|password|passwd|password1?2?3?|pwd|token|api[_-]?key|apikey|key|value|string|str|text|number|int|bool|boolean|any|object|none|null|nil|undefined|true|false|yes|no|on|off|empty|blank|n\/?a|todo|tbd|tbc|fixme|foo|bar|baz|foobar|required|optional|your.*|my[_-]?(?:api)?[_-]?(?:key|token|secret|pass(?:word)?|pwd)|(?:some|a|the)[_-]?(?:secret|token|password|key)|replace.*|insert.*|enter.*|put[_-].*|add[_-].*|fill[_-]?in.*|provide.*|set[_-]?(?:me|this|it))$/i;

/** Fragments that mark a documentation value wherever they appear. */
const PLACEHOLDER_FRAGMENT =
  /example|placeholder|dummy|sample|your[_-]|_here\b|replace[_-]?(?:me|with|this)|changeme|change[_-]me|not[_-]?a[_-]?real|fake[_-]?|xxxxx|\*\*\*|•••|redacted|<[^>]*>|\.\.\./i;

/** A value that refers to something else: `${VAR}`, `$VAR`, `{{ x }}`, `%s`, `process.env.X`. */
const REFERENCE_VALUE =
  /^(?:\$\{|\$\(|\$[A-Za-z_]|\{\{|\{%|\{[A-Za-z_][\w.-]*\}|<%|%[sdr(]|%[A-Za-z_]+%|@[A-Za-z_]|!Ref\b|!Sub\b|env[:(.]|process\.env|import\.meta|os\.(?:environ|getenv)|ENV\[|getenv|System\.getenv|secrets\.|vault:|ref\+|arn:|projects\/|secret:\/\/|file:)/i;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.-]*)?$/;
const DOTTED_IDENTIFIER = /^[A-Za-z_$][\w$]*(?:(?:\.|::|->|\?\.)[A-Za-z_$][\w$]*)+$/;
const WORDS = /^[A-Za-z]+(?:[_.-][A-Za-z]+)*$/;
const PATH_LIKE = /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)|\/[\w.-]+\.[A-Za-z]{1,5}$|\.(?:js|ts|json|ya?ml|html?|css|png|jpe?g|svg|gif|md|txt|pem|key|crt|env|sh|py|rb|go|java)$/i;
const HASH_PREFIX = /^(?:sha(?:1|224|256|384|512)|md5|blake2b?)[-:=]/i;
const COLOUR = /^#?(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True when the value is a stand-in for a secret rather than a secret. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (PLACEHOLDER_VALUE.test(v) || REFERENCE_VALUE.test(v) || PLACEHOLDER_FRAGMENT.test(v)) return true;
  // One character repeated (aaaaaaaa, 11111111) or a two-character see-saw (abababab).
  if (/^(.)\1*$/.test(v) || /^(..)\1+$/.test(v)) return true;
  // The shared check (masks, sequences, documented keys) runs in the scanner on every value a
  // rule accepts; not here too, where every candidate of the assignment rules would pay it.
  return false;
}

/** Shapes that are data but not secrets: UUIDs, versions, dates, colours, hashes, paths, URLs. */
export function isBenignShape(value: string): boolean {
  return (
    UUID.test(value) ||
    VERSION.test(value) ||
    ISO_TIME.test(value) ||
    COLOUR.test(value) ||
    HASH_PREFIX.test(value) ||
    value.startsWith("data:") ||
    value.includes("://") ||
    PATH_LIKE.test(value)
  );
}

const CAMEL_WORDS = /^[A-Za-z][a-z]+(?:[A-Z][a-z]+)+(?:V?\d{1,3})?(?:\$\d+)?$/;
// `x.y` anywhere: an identifier character, then only digits, then a dot and an identifier
// start. Same matches as /[A-Za-z_$][\w$]*\.[A-Za-z_$]/, without rescanning the run from
// every start (quadratic in the value's length).
const MEMBER_ACCESS = /[A-Za-z_$]\d*\.[A-Za-z_$]/;

/** Names, not values: `token_sha256_to_refresh`, `PasswordRequiredStateV2`, `SemicolonToken$1`. */
export function isIdentifierLike(value: string): boolean {
  if (WORDS.test(value) || DOTTED_IDENTIFIER.test(value) || CAMEL_WORDS.test(value) || /\$\d+$/.test(value)) return true;
  if (!/[_.-]/.test(value)) return false;
  const parts = value.split(/[_.-]/);
  return parts.length >= 2 && parts.every((p) => /^[A-Za-z]+$/.test(p) || /^[A-Za-z]{0,6}\d{1,4}$/.test(p));
}

/** Unquoted text after `=` that is an expression: `!opts.x`, `t.tokens.length-1`. */
function isCodeExpression(value: string): boolean {
  return /^[!(~]/.test(value) || MEMBER_ACCESS.test(value);
}

function hasDigit(value: string): boolean {
  return /\d/.test(value);
}

function hasLetter(value: string): boolean {
  return /[A-Za-z]/.test(value);
}

/**
 * A value assigned to a `token` / `secret` / `api_key` name that looks machine-generated:
 * long enough, varied enough, neither a placeholder nor an identifier, path or other shape.
 */
export function looksLikeToken(value: string, minLength = 16, minEntropy = 3.3, quoted = true): boolean {
  if (value.length < minLength || entropyOf(value) < minEntropy) return false;
  if (isPlaceholder(value) || isBenignShape(value) || isIdentifierLike(value)) return false;
  if (!quoted && isCodeExpression(value)) return false;
  if (/^\d+$/.test(value)) return false;
  if (!hasLetter(value)) return false;
  // Random strings of this length nearly always hold a digit; words and camelCase never.
  if (!hasDigit(value) && !(value.length >= 24 && /[a-z]/.test(value) && /[A-Z]/.test(value))) return false;
  return entropyOf(value) >= minEntropy;
}

/**
 * A password literal: shorter and less random than a token is fine (`Summer2024!`), but not
 * a word, an identifier, a number, a reference or a placeholder.
 */
export function looksLikePassword(value: string, quoted: boolean): boolean {
  if (value.length < 6 || value.length > 200) return false;
  if (isPlaceholder(value) || isBenignShape(value) || isIdentifierLike(value)) return false;
  if (!quoted && isCodeExpression(value)) return false;
  if (/^\d+(?:\.\d+)?$/.test(value)) return false;
  // Unquoted in code, a bare identifier is a variable; in .env/YAML it would need a digit.
  if (!quoted && /^[A-Za-z_$][\w$]*$/.test(value) && !(hasDigit(value) && hasLetter(value))) return false;
  if (!quoted && /^[A-Z][A-Z0-9_]*$/.test(value)) return false;
  return entropyOf(value) >= 2.3;
}

/** Password part of `user:password` in URLs, `curl -u` and connection strings. */
export function looksLikeUrlPassword(user: string | undefined, password: string): boolean {
  if (password.length < 4) return false;
  if (user !== undefined && user === password) return false;
  if (isPlaceholder(password)) return false;
  if (user !== undefined && isPlaceholder(user) && /^(?:your|<|\$|\{)/i.test(user)) return false;
  return entropyOf(password) >= 1.4;
}

/** Decodes base64 or base64url to a Latin-1 string; returns "" when it is not base64. */
export function decodeBase64(text: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let bits = 0;
  let buffer = 0;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "=") break;
    const v = alphabet.indexOf(c === "-" ? "+" : c === "_" ? "/" : c);
    if (v < 0) return "";
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

/** The text just before the match inside its window, up to `distance` characters. */
export function textBefore(match: RegExpExecArray, distance: number): string {
  return match.input.slice(Math.max(0, match.index - distance), match.index);
}

/**
 * What may sit between a secret's name and its value, in every syntax people write: a closing
 * quote (also `\"` inside a JSON string) or `]`, a type (`var x string =`, `x: &str =`), then
 * `=`, `:=`, `::=`, `:::=`, `?=`, `+=`, `.=`, `??=`, `=>`, `:` (never `==`), `,` (`setProperty("X",`
 * / `define('X',` / CSV), `(` (a setter), a YAML block marker (`: |`), an XML element's `>` or an
 * XML attribute's `" value="` (those may cross lines). Bounded everywhere, so it stays linear.
 */
export const NAME_END = String.raw`(?:\\?["'])?\]?(?:[ \t]{0,4}:?[ \t]{0,4}(?:string|String|str|&str|&'static str|char ?\*|\[\]byte|SecureString)\??)?`;
// `,` only after a quoted name (`setProperty("X", …)`) or right before an unquoted CSV value;
// `(` only before a quote (a setter with a literal): `f(password, 'base64')` is not an assignment.
export const OPERATOR = String.raw`(?:[ \t]{0,4}(?:=>|:{1,3}=|\?\?=|[?+.]?=(?![=~])|:(?![:=])|(?<=["'])[ \t]{0,4},|\((?=[ \t]{0,4}\\?["'\x60]))[ \t]{0,4}(?:[|>][-+]?[ \t]{0,4}\r?\n[ \t]{0,40})?|,(?=[\w+/-])|>\s{0,40}|\s{1,40}value[ \t]{0,2}=[ \t]{0,2})`;
/** The value's opening quote, also escaped (`\"` in a JSON string). */
export const OPEN_QUOTE = String.raw`(?:\\?["'\x60])?`;
/** What may follow a value: a quote, space, punctuation, `<` of a closing tag, `&` of a query, an escaped `\n`. */
export const VALUE_END = String.raw`(?=[\s"'\x60,;)\]}>&<]|\\[nrt"]|$)`;

/** Source of an assignment after the name: NAME_END, OPERATOR and an optional opening quote. */
export const ASSIGN = NAME_END + OPERATOR + OPEN_QUOTE;

/** The text a base64 value decodes to when it is printable (a Kubernetes `data:` value), else "". */
export function decodedText(value: string): string {
  if (value.length < 8 || value.length % 4 === 1 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return "";
  const text = decodeBase64(value);
  return /^[\x20-\x7e]+$/.test(text) ? text : "";
}
