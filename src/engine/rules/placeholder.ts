import { decodeBase64 } from "./heuristics";
/**
 * The one placeholder check: is a matched secret value a stand-in (`ghp_xxxx…`,
 * `AKIAXXXXXXXXXXXXXXXX`, `1234567890abcdef…`, `YOUR_TOKEN_HERE`, AWS's documented example
 * key) rather than a credential? The scanner runs it on every secret candidate of every
 * rule, so no rule keeps its own allowlist of samples. Pure and linear in the value.
 */

/**
 * Keys that vendors print in their documentation: found in READMEs and tutorials, never
 * live. Matched anywhere in the value (a JWT that carries jwt.io's signature is jwt.io's).
 */
const DOCUMENTED_EXAMPLES: readonly string[] = [
  // AWS access key id and secret key of the IAM and CLI docs.
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
  // Stripe's API reference test keys.
  "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
  "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
  "pk_test_TYooMQauvdEDq54NiTphI7jx",
  // jwt.io's default token signature (HS256, secret "your-256-bit-secret").
  "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
  // Slack's docs token.
  "xoxb-not-a-real-token-this-will-not-work",
];

/**
 * Words that mark documentation, in the three spellings people write them (`EXAMPLE`,
 * `Example`, `example`): exact case keeps random base64 from spelling one by chance.
 */
const MARKER_WORDS = ["example", "sample", "dummy", "fake", "redacted", "placeholder", "changeme", "notreal", "not_real", "not-a-real", "insert", "replace"];
const MARKER = new RegExp(
  MARKER_WORDS.flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()]).join("|") +
    // `your-token-here`, `YOUR_API_KEY`, `<token>`, `${TOKEN}`, `{{ token }}`, `…`, `***`, `•••`.
    String.raw`|(?:^|[^A-Za-z])(?:your|YOUR|Your)[_-]|[_-](?:here|HERE)(?:$|[^A-Za-z])|^<[^>]*>$|\$\{|\{\{|\.\.\.|…|\*\*\*|•••`,
);

/** Masks typed by hand: `xxxxx`, `XXXXX`, `#####`, `_____`, eight zeros. */
const MASK_RUN = /x{5}|X{5}|#{5}|_{5}|0{8}/;

/** Order in which a run counts as a sequence: `0123456789`, then `0` again after `9`, then letters. */
function rank(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 97 && code <= 122) return code - 97 + 10; // a-z
  if (code >= 65 && code <= 90) return code - 65 + 10; // A-Z
  return -100;
}

/**
 * Ascending or descending runs (`123456`, `abcdef`, `1234567890`, `aBcDeF`, `987654`) of 5 or
 * more: the longest one and how many characters such runs cover.
 */
function sequenceRuns(value: string): { longest: number; covered: number } {
  let longest = 0;
  let covered = 0;
  let length = 1;
  let direction = 0;
  let previous = rank(value.charCodeAt(0));
  const close = () => {
    if (length >= 5) {
      covered += length;
      if (length > longest) longest = length;
    }
  };
  for (let i = 1; i < value.length; i++) {
    const current = rank(value.charCodeAt(i));
    // "9" then "0" continues 1234567890; "9" then "a" continues 0123456789abcdef.
    const step = previous === 9 && current === 0 ? 1 : current - previous;
    const d = previous >= 0 && current >= 0 && (step === 1 || step === -1) ? step : 0;
    if (d !== 0 && (direction === 0 || d === direction)) {
      length++;
      direction = d;
    } else {
      close();
      length = 1;
      direction = d;
      if (d !== 0) length = 2;
    }
    previous = current;
  }
  close();
  return { longest, covered };
}

const alnumCounts = new Int32Array(128);

/** Share of the letters and digits taken by the most frequent one, and how many there are. */
function dominantShare(value: string): { share: number; alnum: number } {
  alnumCounts.fill(0);
  let alnum = 0;
  let top = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) continue;
    alnum++;
    const n = ++alnumCounts[c];
    if (n > top) top = n;
  }
  return { share: alnum === 0 ? 1 : top / alnum, alnum };
}

/** The part after a vendor prefix (`ghp_`, `sk_live_`, `glpat-`, `xoxb-123-`): where a mask or a sequence would sit. */
function body(value: string): string {
  const m = /^(?:[A-Za-z0-9]{1,10}[_-]){1,3}/.exec(value);
  return m && m[0].length < value.length ? value.slice(m[0].length) : value;
}

/** True when the value is a stand-in for a credential: a mask, a sequence, a marker word or a documented example. */
/** Words a base64-encoded sample often spells (`cGFzc3dvcmQ=` is "password"): values in Kubernetes Secrets and Basic headers. */
const ENCODED_SAMPLE = /^(?:password|passwd|secret|changeme|admin|root|test|user(?:name)?|token|example|sample|dummy|foo|bar|123456)[\d!]*$/i;

/** A short base64 value whose decoded text is a sample word, or itself a placeholder. */
function encodesPlaceholder(value: string): boolean {
  if (value.length < 8 || value.length > 64 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const decoded = decodeBase64(value);
  if (!/^[\x20-\x7e]{4,}$/.test(decoded)) return false;
  return ENCODED_SAMPLE.test(decoded) || MARKER.test(decoded);
}

export function isPlaceholderSecret(value: string): boolean {
  if (value.length === 0) return true;
  for (const example of DOCUMENTED_EXAMPLES) if (value.includes(example)) return true;
  if (MASK_RUN.test(value)) return true;
  // Long values and key blocks (their headers hold hex like DEK-Info's) are checked for masks only: a marker word or a
  // sequence spelled by chance somewhere in 2,000 base64 characters is not a sign.
  if (value.length > 300 || value.startsWith("-----")) return dominantShare(value).share >= 0.5;
  if (MARKER.test(value)) return true;
  if (encodesPlaceholder(value)) return true;
  const rest = body(value);
  const { share, alnum } = dominantShare(rest);
  if (alnum >= 6 && share >= 0.5) return true;
  if (alnum >= 4 && /^(.)\1*$|^(..)\2+$/.test(rest)) return true;
  const { longest, covered } = sequenceRuns(rest);
  return longest >= 10 || (longest >= 6 && covered * 2 >= rest.length);
}
