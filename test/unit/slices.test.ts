import * as assert from "node:assert/strict";
import fc from "fast-check";
import { DIRECTIVE_HINT, PiecewiseText, planSlices, safeCut, scanInSlices, Scanner, SlicedScan, SLICE_MARGIN, type Finding } from "../../src/engine";

const scanner = new Scanner({ terms: [{ text: "Orion", kind: "CLIENT" }] });
const scan = (text: string) => scanner.scan(text);

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomString(random: () => number, length: number, alphabet: string): string {
  let s = "";
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

/** An obviously fake PEM private-key block of `bodyLines` lines of 64 characters. */
function pemBlock(random: () => number, bodyLines: number, eol = "\n"): string {
  const lines = [];
  for (let i = 0; i < bodyLines; i++) lines.push(randomString(random, 64, B64));
  return `-----BEGIN RSA PRIVATE KEY-----${eol}${lines.join(eol)}${eol}-----END RSA PRIVATE KEY-----`;
}

/** Log-like lines, with secrets, e-mails, a term, directives and key blocks scattered. */
function logText(seed: number, lines: number): string {
  const random = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const r = random();
    const n = String(i).padStart(6, "0");
    if (r < 0.04) out.push(`${n} WARN key=AKIA${randomString(random, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")} region=eu-west-3`);
    else if (r < 0.08) out.push(`${n} INFO mail sent to user${i}.test@example-mail.fr for Orion`);
    else if (r < 0.1) out.push(`${n} DEBUG token ghp_${randomString(random, 36, ALNUM)}`);
    else if (r < 0.11) out.push(`# veil:allow-next-line`);
    else if (r < 0.12) out.push(`${n} key=AKIA${randomString(random, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")} # gitleaks:allow`);
    else if (r < 0.125) out.push(pemBlock(random, 4 + Math.floor(random() * 30)));
    else if (r < 0.13) out.push(`${n} call +33 6 12 34 56 78 or IBAN FR76 3000 6000 0112 3456 7890 189`);
    else out.push(`${n} INFO GET /api/items/${Math.floor(random() * 1e6)} 200 ${Math.floor(random() * 900)}ms`);
  }
  return out.join(random() < 0.5 ? "\n" : "\r\n") + "\n";
}

/** One minified line: code with secrets and e-mails in it, no line break at all. */
function minifiedLine(seed: number, chars: number, extra = ""): string {
  const random = rng(seed);
  const parts: string[] = [];
  let length = 0;
  let i = 0;
  while (length < chars) {
    const r = random();
    let part: string;
    if (r < 0.03) part = `var k${i}="AKIA${randomString(random, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}";`;
    else if (r < 0.06) part = `send("dev${i}@example-mail.fr");`;
    else if (r < 0.07) part = `t${i}="ghp_${randomString(random, 36, ALNUM)}",`;
    else part = `function f${i}(a,b){return a*${Math.floor(random() * 1000)}+b.map(x=>x.id)}`;
    parts.push(part);
    length += part.length;
    i++;
    if (extra && i === 40) parts.push(extra);
  }
  return parts.join("");
}

/** One line of long delimiter-free runs (a data blob) with values between them: cuts fall anywhere. */
function blobLine(seed: number, chars: number): string {
  const random = rng(seed);
  const values = [() => `user${Math.floor(random() * 1e4)}@example-mail.fr`, () => `AKIA${randomString(random, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}`, () => `ghp_${randomString(random, 36, ALNUM)}`];
  let s = "";
  while (s.length < chars) s += `${randomString(random, 300 + Math.floor(random() * 200), ALNUM)}|${values[Math.floor(random() * values.length)]()}|`;
  return s;
}

const spans = (findings: readonly Finding[]) => findings.map((f) => `${f.start}-${f.end} ${f.ruleId}`);

/** How many findings cross a core boundary of the plan (start before it, end after it). */
function crossings(text: string, findings: readonly Finding[], sliceChars: number, margin = SLICE_MARGIN): number {
  const plan = planSlices(text, sliceChars, margin);
  let n = 0;
  for (const f of findings) if (plan.some((s) => f.start < s.coreEnd && f.end > s.coreEnd)) n++;
  return n;
}

function assertSameAsOneShot(text: string, sliceChars: number, margin = SLICE_MARGIN): Finding[] {
  const want = scan(text);
  const got = scanInSlices(text, scan, { sliceChars, margin });
  assert.deepEqual(spans(got), spans(want), `slices of ${sliceChars} differ from one scan`);
  assert.deepEqual(got, want);
  return want;
}

describe("sliced scan", () => {
  it("finds the same as one scan on a log, with findings across slice boundaries", () => {
    const text = logText(1, 4000);
    let crossed = 0;
    for (const size of [997, 4096, 10_007, 65_536, 1_000_000]) {
      const want = assertSameAsOneShot(text, size);
      if (size < 65_536) crossed += crossings(text, want, size);
    }
    assert.ok(crossed > 5, `only ${crossed} findings crossed a boundary`);
  });

  it("finds a private-key block cut by several slice boundaries exactly once", () => {
    const random = rng(2);
    const key = pemBlock(random, 60);
    const text = `intro line\n${"filler text line\n".repeat(50)}${key}\n${"more filler\n".repeat(50)}`;
    const want = assertSameAsOneShot(text, 500);
    assert.equal(want.filter((f) => f.kind === "private-key").length, 1);
    const plan = planSlices(text, 500);
    const keyFinding = want.find((f) => f.kind === "private-key")!;
    assert.ok(plan.filter((s) => s.coreEnd > keyFinding.start && s.coreEnd < keyFinding.end).length >= 5, "the key spans several cores");
  });

  it("finds the longest private-key block a rule allows across boundaries (margin wide enough)", () => {
    const random = rng(3);
    // ~30,000 characters of body: about the most the private-key rule takes.
    const key = pemBlock(random, 460);
    const text = `${"line before\n".repeat(3000)}${key}\n${"line after\n".repeat(3000)}`;
    const want = assertSameAsOneShot(text, 8_000);
    const found = want.find((f) => f.kind === "private-key");
    assert.ok(found && found.end - found.start > 29_000);
  });

  it("keeps ignore directives working when a directive is the line before a slice", () => {
    const random = rng(4);
    const lines: string[] = [];
    for (let i = 0; i < 600; i++) {
      lines.push(i % 2 === 0 ? "# veil:allow-next-line" : `k${i} = "AKIA${randomString(random, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}"`);
    }
    const text = lines.join("\n");
    // Every secret is silenced: the sliced scan must see each directive too.
    assert.equal(scan(text).length, 0);
    let afterDirective = 0;
    for (const size of [40, 97, 500, 3_000]) {
      const plan = planSlices(text, size, 200);
      afterDirective += plan.filter((s) => s.coreStart > 0 && text.slice(s.coreStart - 23, s.coreStart) === "# veil:allow-next-line\n").length;
      assert.deepEqual(scanInSlices(text, scan, { sliceChars: size, margin: 200 }), []);
    }
    assert.ok(afterDirective > 10, `only ${afterDirective} cores start right after a directive`);
    // And without directives the same text is full of findings (the test above can fail).
    assert.equal(new Scanner({ directives: false }).scan(text).length, 300);
  });

  it("finds the same as one scan on a single minified line (cut inside the line)", () => {
    const text = minifiedLine(5, 150_000) + blobLine(5, 150_000);
    assert.equal(text.indexOf("\n"), -1);
    let crossed = 0;
    for (const size of [1_000, 7_777, 50_000]) {
      const want = assertSameAsOneShot(text, size);
      assert.ok(want.length > 100);
      crossed += crossings(text, want, size);
    }
    assert.ok(crossed > 0, "no finding crossed a cut");
  });

  it("keeps a directive on a long line silencing all of it, in every slice", () => {
    const text = minifiedLine(6, 200_000, "/* veil:allow */");
    assert.equal(scan(text).length, 0);
    assert.deepEqual(scanInSlices(text, scan, { sliceChars: 5_000 }), []);
    // A next-line directive before a long line, and one at the end of a long line.
    const two = `// veil:allow-next-line\n${minifiedLine(7, 150_000)}\n${minifiedLine(8, 100_000)}/* veil:allow-next-line */\n${minifiedLine(9, 120_000)}\ntail ghp_${"aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5"}\n`;
    const want = assertSameAsOneShot(two, 6_000);
    assert.ok(want.length > 50, "the middle line keeps its findings");
  });

  it("recognizes every directive the scanner honours by its hint", () => {
    const key = 'k = "AKIAIOSFODNN7EXAMPLF"';
    const tokens = ["veil:allow", "veil:allow-next-line", "gitleaks:allow", "pragma: allowlist secret", "pragma: allowlist nextline secret", "secretlint-disable-line", "secretlint-disable-next-line"];
    for (const token of tokens) {
      assert.equal(scan(`# ${token}\n${key} # ${token}`).length, 0, `${token} is a directive`);
      assert.ok(DIRECTIVE_HINT.test(token.toUpperCase()), `${token} has a hint`);
      // On a line longer than a slice, with the directive far from the key.
      const long = `/* ${token} */ ${"x = 1; ".repeat(20_000)}${key}`;
      assert.deepEqual(scanInSlices(long, scan, { sliceChars: 4_000 }), scan(long), token);
    }
  });

  it("honours `directives: false` the same way", () => {
    const noDirectives = new Scanner({ directives: false });
    const text = minifiedLine(10, 120_000, "/* veil:allow */");
    const want = noDirectives.scan(text);
    assert.ok(want.length > 0);
    assert.deepEqual(scanInSlices(text, (t) => noDirectives.scan(t), { sliceChars: 4_000, directives: false }), want);
  });

  it("never cuts a surrogate pair or before a '-'", () => {
    const emoji = "🙂".repeat(50_000);
    for (const slice of planSlices(emoji, 999, 333)) {
      for (const at of [slice.coreStart, slice.coreEnd, slice.scanStart, slice.scanEnd]) {
        if (at > 0 && at < emoji.length) assert.ok(emoji.charCodeAt(at) >= 0xd800 && emoji.charCodeAt(at) <= 0xdbff, `cut at ${at} splits a pair`);
      }
    }
    const dashes = "veil:allow-next-line".repeat(1000);
    assert.notEqual(dashes.charCodeAt(safeCut(dashes, 10, 1)), 45);
  });

  it("covers the text with contiguous cores, each scanned inside its margins", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "🙂", "-", ";"), maxLength: 3000 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 300 }), (text, size, margin) => {
        const plan = planSlices(text, size, margin);
        let at = 0;
        for (const s of plan) {
          assert.equal(s.coreStart, at);
          assert.ok(s.coreEnd > s.coreStart || text.length === 0);
          assert.ok(s.scanStart <= s.coreStart && s.scanEnd >= s.coreEnd);
          at = s.coreEnd;
        }
        assert.equal(at, text.length);
      }),
    );
  });

  it("finds the same as one scan on random assemblies of lines, secrets, keys and directives", () => {
    const random = rng(11);
    const key = pemBlock(random, 12);
    const crlfKey = pemBlock(random, 8, "\r\n");
    const pieces = [
      "plain words here\n",
      'k = "AKIAIOSFODNN7EXAMPLF"\n',
      "mail: jane.doe@example-mail.fr ",
      "Orion ",
      "# veil:allow-next-line\n",
      "x = ghp_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5 // veil:allow\n",
      key + "\n",
      crlfKey + "\r\n",
      "{\"a\":1,\"b\":[2,3]};",
      "🙂 café ",
      "\n",
      "tel +33 6 12 34 56 78\n",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), fc.integer({ min: 20, max: 3_000 }), (parts, size) => {
        const text = parts.join("");
        assert.deepEqual(spans(scanInSlices(text, scan, { sliceChars: size })), spans(scan(text)));
      }),
      { numRuns: 150 },
    );
  });

  it("reads a text given in pieces like the same text in one string", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\n", "🙂", "-", " "), maxLength: 400 }), fc.array(fc.nat(), { maxLength: 8 }), fc.array(fc.integer({ min: -5, max: 410 }), { minLength: 1, maxLength: 10 }), (text, cuts, probes) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let at = 0;
        for (const p of points) {
          pieces.push(text.slice(at, p));
          at = p;
        }
        pieces.push(text.slice(at));
        const piecewise = new PiecewiseText(pieces);
        assert.equal(piecewise.length, text.length);
        for (const p of probes) {
          assert.equal(piecewise.indexOf("\n", p), text.indexOf("\n", p), `indexOf ${p}`);
          assert.equal(piecewise.lastIndexOf("\n", p), text.lastIndexOf("\n", p), `lastIndexOf ${p}`);
          assert.ok(Object.is(piecewise.charCodeAt(p), text.charCodeAt(p)), `charCodeAt ${p}`);
          for (const q of probes) assert.equal(piecewise.slice(p, q), p < 0 ? text.slice(0, Math.max(0, q)) : text.slice(p, Math.max(p, q)), `slice ${p} ${q}`);
        }
      }),
    );
    const text = logText(13, 2000);
    const pieces = text.match(/(?:[^\n]*\n){1,300}|[^\n]+$/g)!;
    assert.ok(pieces.length > 3);
    assert.deepEqual(scanInSlices(new PiecewiseText(pieces), scan, { sliceChars: 5_000 }), scan(text));
  });

  it("lets the slice size change between steps", () => {
    const text = logText(12, 3000);
    const sliced = new SlicedScan(text, scan, { sliceChars: 1_000 });
    let steps = 0;
    while (sliced.step()) {
      steps++;
      sliced.sliceChars = steps % 2 === 0 ? 700 : 20_000;
      assert.ok(sliced.progress <= text.length);
    }
    assert.ok(sliced.done);
    assert.equal(sliced.sliceCount, steps);
    assert.ok(steps > 5);
    assert.deepEqual(sliced.findings, scan(text));
    assert.equal(sliced.step(), false);
  });

  it("handles an empty text and a text shorter than a slice", () => {
    assert.deepEqual(scanInSlices("", scan), []);
    const short = 'k = "AKIAIOSFODNN7EXAMPLF"';
    assert.deepEqual(scanInSlices(short, scan), scan(short));
    assert.equal(planSlices(short).length, 1);
  });
});
