import type { Candidate, Pass, PassContext } from "../../types";
import { emit, isAsciiLetter, isDigit, PII } from "./common";
import { ADVICE, CREDENTIALS_PAIR, looksLikeRepliedSecret } from "../../rules/prose";

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/** Top-level "domains" that are really file extensions: `icon@2x.png`, `logo@dark.svg`. */
const FILE_EXTENSIONS = new Set([
  "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff",
  "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts", "css", "scss", "sass", "less", "map",
  "json", "html", "htm", "md", "txt", "lock", "yml", "yaml", "xml", "toml", "vue", "svelte",
  "py", "rb", "go", "rs", "java", "kt", "php", "sh", "woff", "woff2", "ttf", "otf", "eot",
  "mp3", "mp4", "wav", "webm", "pdf", "zip", "gz", "tgz", "wasm", "node",
]);

function isLocalChar(c: number): boolean {
  // RFC 5322 atext, minus the characters that in practice only end an address in prose or code.
  if (c < 128) return isAsciiLetter(c) || isDigit(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39;
  return c >= 0xc0 && c !== 0x2019 && /\p{L}/u.test(String.fromCharCode(c));
}

function isDomainChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 45 || c === 46;
}

/** The [start, end) of the e-mail address whose `@` is at `at`, or undefined. */
export function emailAround(text: string, at: number): [number, number] | undefined {
  // Local part: walk left over local characters, at most 64.
  let start = at;
  const leftLimit = Math.max(0, at - MAX_LOCAL - 1);
  while (start > leftLimit && isLocalChar(text.charCodeAt(start - 1))) start--;
  if (at - start > MAX_LOCAL) return undefined;
  // Quotes, dots and dashes around a word are punctuation, not part of the address.
  while (start < at) {
    const c = text.charCodeAt(start);
    if (c === 46 || c === 39 || c === 45 || c === 43) start++;
    else break;
  }
  if (start === at) return undefined;
  // `@scope/pkg`, `@Component` and `@param` have no local part; `/pkg@1.2.3` is a package spec.
  const before = start > 0 ? text.charCodeAt(start - 1) : 32;
  if (before === 47 || before === 64) return undefined;
  const local = text.slice(start, at);
  if (local.charCodeAt(local.length - 1) === 46 || local.includes("..")) return undefined;

  // Domain: labels of letters, digits and dashes separated by single dots.
  let end = at + 1;
  const rightLimit = Math.min(text.length, at + 1 + MAX_DOMAIN);
  while (end < rightLimit && isDomainChar(text.charCodeAt(end))) end++;
  // A sentence's final dot or a trailing dash is not part of the domain.
  while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
  if (end <= at + 1) return undefined;
  const after = end < text.length ? text.charCodeAt(end) : 32;
  if (after === 64 || after === 95) return undefined;
  const domain = text.slice(at + 1, end);
  const labels = domain.split(".");
  if (labels.length < 2) return undefined;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith("-") || label.endsWith("-")) return undefined;
  }
  const tld = labels[labels.length - 1];
  if (tld.length < 2 || tld.length > 24 || !/^[a-z]+$/i.test(tld)) return undefined;
  if (FILE_EXTENSIONS.has(tld.toLowerCase())) return undefined;
  // Retina assets: `icon@2x.png` is caught above, `icon@2x.dark.webp` here.
  if (/^\d+x$/i.test(labels[0])) return undefined;
  // `git@github.com:org/repo` is the code host's SSH user, shared by everyone: not personal.
  if (local === "git" && after === 58) return undefined;
  return [start, end];
}

/** After a login's e-mail, a slash or a bar, then the password: `` `qa@site.fr` / `QaBrise-4411` ``, `admin@site.fr | Kx7!harbor`. */
const PASSWORD_AFTER_LOGIN = /^[`'"]?[ \t]{0,2}[/|][ \t]{0,2}([`'"])?([^\s`'"<>()[\]{},;|/]{8,64})/;

/**
 * A password written right after its login's e-mail (a ticket's test account, a handover
 * note): the same shape floor as a password given in reply (eight characters or more, letters
 * and digits, and a symbol or both cases), so `jane@site.fr / profile` or a path stays silent.
 */
function passwordAfter(text: string, e: number, out: Candidate[], context: PassContext): void {
  const c = text.charCodeAt(e);
  // A space or the address's closing quote first: `x@y.fr/path` is a URL's.
  if (!(c === 32 || c === 9 || c === 96 || c === 39 || c === 34)) return;
  const m = PASSWORD_AFTER_LOGIN.exec(text.slice(e, e + 80));
  if (!m) return;
  const value = m[2].replace(/[.,:!?]+$/, "");
  if (!looksLikeRepliedSecret(value, m[1] !== undefined)) return;
  if (context.options.disabled.has(CREDENTIALS_PAIR.id) || context.options.disabled.has("password")) return;
  const start = e + m[0].length - m[2].length;
  out.push({ ruleId: CREDENTIALS_PAIR.id, category: "secret", kind: "password", title: CREDENTIALS_PAIR.title, start, end: start + value.length, confidence: 0.8, advice: ADVICE });
}

/** E-mail addresses, found from each `@` outwards. */
export const emailPass: Pass = {
  id: "pii-email",
  category: "pii",
  kinds: ["email"],
  run(text: string, out: Candidate[], context: PassContext): void {
    let at = text.indexOf("@");
    while (at !== -1) {
      let next = at + 1;
      // Cheap rejection first: decorators, JSDoc tags and scopes have no local part.
      if (at > 0 && isLocalChar(text.charCodeAt(at - 1))) {
        const found = emailAround(text, at);
        if (found) {
          emit(out, context, PII.email, found[0], found[1], 0.95);
          next = found[1];
          if (context.options.secret && text.charCodeAt(found[1]) !== 64) passwordAfter(text, found[1], out, context);
        }
      }
      at = text.indexOf("@", next);
    }
  },
};
