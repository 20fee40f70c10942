/**
 * Hostile 1 MB inputs for the engine, per rule, per pass and for the scanner's own steps:
 * shared by the adversarial unit test (test/unit/adversarial.test.ts, which bounds each scan
 * against an indexOf sweep) and `npm run bench` (which prints the worst in milliseconds).
 */
import { createHash } from "node:crypto";
import { listRules, Scanner, type Rule, type ScanOptions } from "../src/engine";
import { ALL_PASSES } from "../src/engine/detect/passes";

/** The issue asks for 1 MB per input; VEIL_ADVERSARIAL_SIZE may lower it for a quick local look. */
export const SIZE = Number(process.env.VEIL_ADVERSARIAL_SIZE) || 1 << 20;
/** Every shape for every rule (see ruleInputs); the default set keeps the unit suite short. */
const FULL = process.env.VEIL_ADVERSARIAL_FULL === "1";

const ALNUM_RUN = "aB3xY7kQ9mZ2";
const B64_LINE = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0";

export function fill(unit: string, size = SIZE): string {
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  // `repeat` builds a rope; files read from disk are flat strings: measure those. Two-byte
  // ones, as is every text holding one character above U+00FF (V8's slower case for some
  // regex features: see src/engine/detect/anyCase.ts).
  return Buffer.from(text, "utf16le").toString("utf16le");
}

/** `head`, then `unit` repeated, then `tail`: SIZE code units in all. */
function framed(head: string, unit: string, tail = ""): string {
  return head + fill(unit, SIZE - head.length - tail.length) + tail;
}

/** The example with its last character swapped for one of another class. */
function breakLast(example: string): string {
  const last = example[example.length - 1];
  return example.slice(0, -1) + (/[A-Za-z0-9]/.test(last) ? "!" : "a");
}

export interface Input {
  /** Rule id, pass id or engine part the input is aimed at. */
  target: string;
  shape: string;
  /** Built when measured: 800 texts of 1 MB held at once would take 1.6 GB. */
  make: () => string;
  options?: ScanOptions;
}

const candidates = new Scanner({ minConfidence: 0 });

/** The value a rule finds in one of its examples (`ghp_…` out of `GITHUB_TOKEN=ghp_…`), or the example. */
function valueIn(rule: Rule, example: string): string {
  const found = candidates.candidates(example).find((c) => c.ruleId === rule.id);
  return found ? example.slice(found.start, found.end) : example;
}

/**
 * Per rule, by default: its first keyword repeated, that keyword with `=` and a run of allowed
 * characters, its first example's value with the last character broken, repeated without a
 * separator, and its first example followed by an endless run of its last character.
 * VEIL_ADVERSARIAL_FULL=1 adds the other keywords, whole-example near-misses (assignment and
 * all; often another rule's match: `GITHUB_TOKEN=ghp_…!` is still a secret assignment), the
 * space-separated near-miss and the second example. Measured on the shared 2-core machine
 * under a load of 15, where a sweep took 15–30× its idle time: default 589 inputs in 7 min,
 * full 936 inputs in 8 min; by that factor, well under a minute on an idle machine. The
 * heavy ones are dense findings: a variable-length token with its last character broken is
 * a shorter token, found again every few dozen characters.
 */
export function ruleInputs(rule: Rule): Input[] {
  const inputs: Input[] = [];
  const add = (shape: string, make: () => string) => inputs.push({ target: rule.id, shape, make });
  // Connection strings list 24 schemes: the first few stand for the rest.
  rule.keywords.slice(0, FULL ? 4 : 1).forEach((keyword) => add(`"${keyword}" repeated`, () => fill(keyword)));
  const first = rule.keywords[0];
  add(`"${first}=" + run of allowed characters`, () => framed(first + "=", ALNUM_RUN));
  (rule.examples?.match ?? []).slice(0, FULL ? 2 : 1).forEach((example, i) => {
    const value = valueIn(rule, example);
    add(`example ${i} value, last char broken, no separator`, () => fill(breakLast(value)));
    if (i > 0) return;
    add(`example ${i} + endless run of its last char`, () => framed(example, example[example.length - 1]));
    if (!FULL) return;
    add(`example ${i}, last char broken, no separator`, () => fill(breakLast(example)));
    add(`example ${i} value, last char broken, space-separated`, () => fill(breakLast(value) + " "));
  });
  return inputs;
}

const DATES: ScanOptions = { dates: true };
const TERMS: ScanOptions = { terms: [{ text: "Orion Cloud", kind: "CLIENT" }, { text: "Société Générale", kind: "CLIENT" }, { text: "Nebula", kind: "CODENAME" }] };

/** Inputs aimed at the passes and at the scanner's own steps. */
export const OTHER_INPUTS: Input[] = [
  // Private keys: BEGIN with no END, BEGIN after BEGIN, escaped in JSON, headers only.
  { target: "private-key", shape: "RSA BEGIN + base64 lines, no END", make: () => framed("-----BEGIN RSA PRIVATE KEY-----\n", B64_LINE + "\n") },
  { target: "private-key", shape: "BEGIN + one base64 line, repeated", make: () => fill(`-----BEGIN RSA PRIVATE KEY-----\n${B64_LINE}\n`) },
  { target: "private-key", shape: "BEGIN + base64 on one line, no END", make: () => framed("-----BEGIN PRIVATE KEY-----", B64_LINE) },
  { target: "private-key", shape: "escaped \\n BEGIN in JSON, no END", make: () => framed('{"k":"-----BEGIN PRIVATE KEY-----\\n', B64_LINE + "\\n") },
  { target: "private-key", shape: "BEGIN + Proc-Type headers repeated", make: () => fill("-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n") },
  { target: "private-key", shape: "BEGIN + low-entropy body, repeated", make: () => fill(`-----BEGIN PRIVATE KEY-----\n${"A".repeat(400)}\n`) },
  // E-mail pass.
  { target: "pii-email", shape: "@ run", make: () => fill("@") },
  { target: "pii-email", shape: "a@a@a@…", make: () => fill("a@") },
  { target: "pii-email", shape: "a.a@b.b repeated, no separator", make: () => fill("a.a@b.b") },
  { target: "pii-email", shape: "100-char local parts + @", make: () => fill("a".repeat(100) + "@") },
  { target: "pii-email", shape: "a@ + endless b.b.b. domain", make: () => framed("a@", "b.") },
  { target: "pii-email", shape: "dense valid e-mails", make: () => fill("jo.doe@example.fr ") },
  { target: "pii-email", shape: "e-mails with file-extension TLDs", make: () => fill("icon@2x.png ") },
  // Numbers pass: digit runs, separators, IBAN, cards, phones, French ids.
  { target: "pii-numbers", shape: "digit run", make: () => fill("1") },
  { target: "pii-numbers", shape: "1.1.1.1…", make: () => fill("1.") },
  { target: "pii-numbers", shape: "1 1 1 1…", make: () => fill("1 ") },
  { target: "pii-numbers", shape: "(1) (1)…", make: () => fill("(1) ") },
  { target: "pii-numbers", shape: "12-34-56-78 groups, no end", make: () => fill("12-34-") },
  { target: "pii-numbers", shape: "+33 +33 …", make: () => fill("+33 ") },
  { target: "pii-numbers", shape: "phone near-miss after tél, repeated", make: () => fill("tél +33 6 12 34 56 7 ") },
  { target: "pii-numbers", shape: "dense valid phones", make: () => fill("+33 6 12 34 56 78\n") },
  { target: "pii-numbers", shape: "IBAN near-miss repeated", make: () => fill("FR76 3000 6000 0112 3456 7890 18 ") },
  { target: "pii-numbers", shape: "FR + endless digit groups", make: () => framed("FR76 ", "3000 ") },
  { target: "pii-numbers", shape: "country codes and digits, no spaces", make: () => fill("GB82WEST12") },
  { target: "pii-numbers", shape: "card near-miss repeated", make: () => fill("card 4111 1111 1111 111 ") },
  { target: "pii-numbers", shape: "VAT near-miss repeated", make: () => fill("FR40 303 265 04 ") },
  { target: "pii-numbers", shape: "dotted quads", make: () => fill("192.168.1.1 ") },
  { target: "pii-numbers", shape: "SSN-like dashes", make: () => fill("078-05-112") },
  // IPv6 pass.
  { target: "pii-ipv6", shape: "::::", make: () => fill(":") },
  { target: "pii-ipv6", shape: "a:a:a:a…", make: () => fill("a:") },
  { target: "pii-ipv6", shape: "1::1::1…", make: () => fill("1::") },
  { target: "pii-ipv6", shape: "ffff:1.2.3.4 repeated", make: () => fill("::ffff:1.2.3.4:") },
  { target: "pii-ipv6", shape: "hex run then one colon", make: () => framed("", "abcdef0123456789", ":1") },
  // Money pass.
  { target: "pii-money", shape: "$ run", make: () => fill("$") },
  { target: "pii-money", shape: "$1$1$1…", make: () => fill("$1") },
  { target: "pii-money", shape: "€ after digit groups", make: () => framed("", "1 000 ", "€") },
  { target: "pii-money", shape: "1,1,1,… then $", make: () => framed("", "1,", "$") },
  { target: "pii-money", shape: "EUR EUR …", make: () => fill("EUR ") },
  { target: "pii-money", shape: "euros d'euros …", make: () => fill("3 d'euros ") },
  { target: "pii-money", shape: "dense amounts", make: () => fill("1 250,50 € ") },
  // Date pass (opt-in: measured switched on).
  { target: "pii-date", shape: "1/1/1/1…", make: () => fill("1/"), options: DATES },
  { target: "pii-date", shape: "12.12.12.12… (version-like)", make: () => fill("12."), options: DATES },
  { target: "pii-date", shape: "dense valid dates", make: () => fill("12/03/2026 "), options: DATES },
  { target: "pii-date", shape: "month words without day or year", make: () => fill("mars mai juin may "), options: DATES },
  { target: "pii-date", shape: "day + month, no year, repeated", make: () => fill("12 mars "), options: DATES },
  { target: "pii-date", shape: "weekday run", make: () => fill("lundi, mardi, "), options: DATES },
  { target: "pii-date", shape: "ISO near-miss 2026-13-45", make: () => fill("2026-13-45-"), options: DATES },
  // Prose secrets and promo codes: keyword, connector, values that fail the shape floor.
  { target: "prose-password-fr", shape: "mot de passe du du du …", make: () => framed("mot de passe", " du x"), options: undefined },
  { target: "prose-password-fr", shape: "mdp : word, repeated", make: () => fill("mdp : oublié ") },
  { target: "promo-code", shape: "code promo + lowercase words", make: () => fill("code promo pour la rentrée ") },
  { target: "pii-promo-column", shape: "coupon CSV, codes in every cell", make: () => framed("coupon;code;ref\n", "ABCD10;EFGH20;IJKL30\n") },
  { target: "pii-promo-column", shape: "promo word then ;;;; rows", make: () => framed("promo\n", ";;;;\n") },
  { target: "pii-promo-column", shape: "one long line of caps cells after a promo header", make: () => framed("code promo|x\n", "|ABCD10") },
  { target: "link-internal-host", shape: "a.a.a.a… after a scheme", make: () => framed("https://", "a.") },
  { target: "link-notion", shape: "notion.so/ + endless dashed title", make: () => framed("https://www.notion.so/", "ab-") },
  // Person pass: capitalised runs, cues, tables, mentions, parts of a full name.
  { target: "pii-person", shape: "dense full names", make: () => fill("Camille Devaux ") },
  { target: "pii-person", shape: "capitalised non-ASCII run", make: () => fill("Éa ") },
  { target: "pii-person", shape: "greeting + name repeated on one line", make: () => fill("Bonjour Camille, ") },
  { target: "pii-person", shape: "chat speakers", make: () => fill("[10:02] Camille : ") },
  { target: "pii-person", shape: "Markdown table of names", make: () => framed("| Nom | Tel |\n|---|---|\n", "| Camille Devaux | 06 |\n") },
  { target: "pii-person", shape: "CSV header, no body", make: () => fill("Nom,Tel\n") },
  { target: "pii-person", shape: "one long line with commas and capitals", make: () => fill("Zoltan Kovacs, ") },
  { target: "pii-person", shape: "@mentions", make: () => fill("@camille ") },
  { target: "pii-person", shape: "a full name, then its surname repeated", make: () => framed("Camille Devaux\n", "Devaux ") },
  { target: "pii-person", shape: "titles without names", make: () => fill("Mme ") },
  { target: "pii-person", shape: "labels without values", make: () => fill("From: \n") },
  // Address pass: street words with and without numbers, boxes, numbered lines.
  { target: "pii-address", shape: "number + street word repeated", make: () => fill("12 rue ") },
  { target: "pii-address", shape: "street word run", make: () => fill("rue ") },
  { target: "pii-address", shape: "suffix street + number repeated", make: () => fill("Strasse 1 ") },
  { target: "pii-address", shape: "BP + number repeated", make: () => fill("BP 1 ") },
  { target: "pii-address", shape: "number-name-number lines", make: () => fill("1 Abc 1\n") },
  { target: "pii-address", shape: "unit lines", make: () => fill("Suite 1\n") },
  { target: "pii-address", shape: "dense French addresses", make: () => fill("12 rue des Lilas, 75011 Paris\n") },
  { target: "pii-address", shape: "non-ASCII street words", make: () => fill("allée ") },
  // Directives, terms, overlap resolution, long lines and odd code units.
  { target: "directives", shape: "veil:allow packed on one line", make: () => framed("x@example.fr ", "veil:allow ") },
  { target: "directives", shape: "next-line directive on every line", make: () => fill("// veil:allow-next-line\nmail jo@example.fr\n") },
  { target: "terms", shape: "term near-miss repeated", make: () => fill("Orion Clou "), options: TERMS },
  { target: "terms", shape: "term prefix packed", make: () => fill("Orion"), options: TERMS },
  { target: "terms", shape: "accented term near-miss", make: () => fill("Societe Général "), options: TERMS },
  { target: "terms", shape: "slug near-miss repeated", make: () => fill("orion-clou_"), options: TERMS },
  { target: "terms", shape: "camel-case term prefix packed", make: () => fill("xOrionCloux"), options: TERMS },
  { target: "terms", shape: "joined words, gap runs", make: () => fill("Orion%20%20 "), options: TERMS },
  { target: "overlaps", shape: "secret inside e-mail inside URL, repeated", make: () => fill("https://u:AKIAIOSFODNN7EXAMPLF@x.example.com/?a=jo@example.fr ") },
  { target: "overlaps", shape: "phone digits inside card-like runs", make: () => fill("card 4111 1111 1111 1111 06 12 34 56 78 ") },
  { target: "scanner", shape: "one 1 MB line of code with keywords", make: () => fill('const token = get(password, "api_key"); ') },
  { target: "scanner", shape: "CRLF lines of assignments", make: () => fill("password=Tr0ub4dor&3\r\n") },
  { target: "scanner", shape: "lone surrogates and keywords", make: () => fill("\uD800token\uDC00=") },
  { target: "scanner", shape: "emoji run", make: () => fill("🙂") },
  { target: "scanner", shape: "RTL marks and combining accents around keywords", make: () => fill("\u202Epassword\u200F=e\u0301\u0301x ") },
  { target: "url-credentials", shape: "://:// …", make: () => fill("a://") },
  { target: "url-credentials", shape: "a://b:c near-miss, no @", make: () => fill("a://b:" + "c".repeat(50)) },
];

/** Every input: each rule's (see ruleInputs) and those aimed at the passes and the scanner. */
export function adversarialInputs(): Input[] {
  return [...listRules().flatMap(ruleInputs), ...OTHER_INPUTS];
}

/** Rule ids and pass ids that no input aims at (should be none). */
export function untargeted(inputs: readonly Input[]): string[] {
  const targets = new Set(inputs.map((i) => i.target));
  return [...listRules().map((r) => r.id), ...ALL_PASSES.map((p) => p.id)].filter((id) => !targets.has(id));
}

/** Identifies an input's text and options: rules that share a keyword build the same text, measured once. */
export function inputKey(text: string, options: ScanOptions | undefined): string {
  return createHash("sha1").update(text).update(JSON.stringify(options ?? {})).digest("hex");
}
