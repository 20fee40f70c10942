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
import { performance } from "node:perf_hooks";
import { listRules, Scanner, type ScanOptions } from "../../src/engine";
import { ALL_PASSES } from "../../src/engine/detect/passes";
import { adversarialInputs, fill, inputKey, SIZE, untargeted, type Input } from "../adversarial-inputs";

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
 * None at the moment: pii-numbers and secret-assignment were listed until session 3 (see
 * docs/robustness-notes.md, "Open").
 */
const KNOWN_SLOW: Record<string, string> = {};

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}


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

/** The scan once, then again with a fresh baseline while over the bound or below `runs`: best of 5 at most (a machine busy with the rest of the suite puts a linear pass a few percent over). */
function measure(scanner: Scanner, input: Input, text: string, runs = 1): Measure {
  let best: Measure | undefined;
  for (let run = 0; run < 5; run++) {
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
  const inputs = adversarialInputs();

  it("has hostile inputs for every rule and every pass", () => {
    assert.ok(rules.length > 100 && ALL_PASSES.length >= 4 && inputs.length > rules.length, `${inputs.length} inputs for ${rules.length} rules`);
    assert.deepEqual(untargeted(inputs), [], "rules and passes without an input");
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
      const key = inputKey(text, input.options);
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
    // An input over its bound was measured up to five times (see measure), then again after the
    // whole run, on its own text built afresh (best of 3): a heap full of the inputs before it
    // can push one borderline figure over (seen on the shared machine: 105, then 40 alone).
    // Its best counts; a slow pass stays slow in both.
    const failing = results
      .filter((m) => m.ratio > m.bound && !m.known)
      .map((m) => {
        const again = measure(scannerFor(m.input.options), m.input, m.input.make(), 3);
        return again.ratio < m.ratio ? again : m;
      })
      .filter((m) => m.ratio > m.bound);
    assert.deepEqual(
      failing.map((m) => `${m.input.target}: ${m.input.shape} (ratio ${m.ratio.toFixed(0)} > ${m.bound.toFixed(0)})`),
      [],
      "over the bound",
    );
  });
});
