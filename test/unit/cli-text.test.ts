import * as assert from "node:assert/strict";
import fc from "fast-check";
import { IgnoreFile } from "../../src/cli/ignore";
import { PathGlobs } from "../../src/workspace/globs";
import { decodeText, hasBinaryExtension, LineIndex, looksBinary } from "../../src/cli/text";
import { sniffEncoding } from "../../src/workspace/fileText";

describe("cli: decoding files", () => {
  it("decodes UTF-8 exactly as the WHATWG decoder does, invalid bytes included", () => {
    const decoder = new TextDecoder("utf-8");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        // A UTF-16 byte-order mark (or the BOM-less UTF-16 pattern) switches the decoding; those cases are the next tests'.
        fc.pre(!(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff) && sniffEncoding(bytes) !== "utf-16le" && sniffEncoding(bytes) !== "utf-16be");
        assert.equal(decodeText(bytes).text, decoder.decode(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it("decodes UTF-16 by byte-order mark, LE and BE, an odd last byte becoming U+FFFD", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
        const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
        assert.equal(decodeText(le).text, text);
        assert.equal(decodeText(be).text, text);
        assert.equal(decodeText(le).encoding, "utf-16le");
        assert.equal(decodeText(be).encoding, "utf-16be");
      }),
    );
    assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42])).text, "A\uFFFD");
  });

  it("drops a UTF-8 byte-order mark", () => {
    assert.deepEqual(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41])), { text: "A", encoding: "utf-8-bom" });
  });

  it("calls a file binary on a NUL byte in its first 8 KB, unless it is UTF-16", () => {
    assert.equal(looksBinary(Buffer.from("abc\0def")), true);
    assert.equal(looksBinary(Buffer.concat([Buffer.alloc(8192, 0x41), Buffer.from([0])])), false);
    assert.equal(looksBinary(Buffer.from([0xff, 0xfe, 0x41, 0x00])), false);
    assert.equal(looksBinary(Buffer.from("plain text")), false);
    assert.equal(hasBinaryExtension("a/b/logo.PNG"), true);
    assert.equal(hasBinaryExtension("a/b.png/readme"), false);
    assert.equal(hasBinaryExtension(".gitignore"), false);
  });
});

describe("cli: decoding, fast path", () => {
  it("pure-ASCII files decode to the same string as UTF-8 decoding, NUL found only in the first 8 KB", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (raw, asciiOnly) => {
        const bytes = Buffer.from(asciiOnly ? raw.map((b) => b & 0x7f) : raw);
        if (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe) return;
        // Every other byte NUL from the start is UTF-16 without a mark (file-text.test.ts).
        if (sniffEncoding(bytes) !== "utf-8") return;
        assert.equal(decodeText(bytes).text, bytes.toString("utf8"));
        assert.equal(looksBinary(bytes), bytes.includes(0));
      }),
    );
    const late = Buffer.alloc(9000, 0x61);
    late[8500] = 0;
    assert.equal(looksBinary(late), false);
    late[8191] = 0;
    assert.equal(looksBinary(late), true);
  });
});

describe("cli: line index", () => {
  it("counts LF, CRLF and lone CR as line breaks, columns in UTF-16 units", () => {
    const text = "a🙂b\r\ncd\re\n\nf";
    const index = new LineIndex(text);
    const at = (s: string) => index.position(text.indexOf(s));
    assert.deepEqual(at("a"), { line: 1, column: 1 });
    assert.deepEqual(at("b"), { line: 1, column: 4 });
    assert.deepEqual(at("\r\n"), { line: 1, column: 5 });
    assert.deepEqual(at("c"), { line: 2, column: 1 });
    assert.deepEqual(at("e"), { line: 3, column: 1 });
    assert.deepEqual(at("f"), { line: 5, column: 1 });
    assert.deepEqual(index.position(text.length), { line: 5, column: 2 });
  });

  it("agrees with a naive split on random text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\n", "\r", "é", "🙂"), maxLength: 60 }), fc.nat(), (text, n) => {
        const offset = text.length === 0 ? 0 : n % (text.length + 1);
        const before = text.slice(0, offset).split(/\r\n|\r|\n/);
        // A CR at offset-1 followed by LF at offset: the position is still on the CR's line.
        const splitsCrlf = offset > 0 && text[offset - 1] === "\r" && text[offset] === "\n";
        const expected = splitsCrlf
          ? { line: before.length - 1, column: before[before.length - 2].length + 2 }
          : { line: before.length, column: before[before.length - 1].length + 1 };
        assert.deepEqual(new LineIndex(text).position(offset), expected);
      }),
    );
  });
});

describe("cli: line index, asked many times", () => {
  it("one index answers offsets in any order like a fresh one each time", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\n", "\r", "é", "🙂"), maxLength: 60 }), fc.array(fc.nat(), { maxLength: 12 }), (text, ns) => {
        const shared = new LineIndex(text);
        for (const n of ns) {
          const offset = n % (text.length + 1);
          assert.deepEqual(shared.position(offset), new LineIndex(text).position(offset));
        }
      }),
    );
  });
});

describe("cli: ignore rules", () => {
  it("reads .veilignore like .gitignore", () => {
    const file = new IgnoreFile("# comment\n\nbuild/\n*.log\n!keep.log\n/root-only.txt\ndocs/*.md\n\\#hash\n");
    assert.equal(file.size, 6);
    assert.equal(file.ignores("build", true), true);
    assert.equal(file.ignores("a/build", true), true);
    assert.equal(file.ignores("build", false), false, "trailing slash: directories only");
    assert.equal(file.ignores("x/y.log", false), true);
    assert.equal(file.ignores("x/keep.log", false), false);
    assert.equal(file.ignores("root-only.txt", false), true);
    assert.equal(file.ignores("a/root-only.txt", false), false);
    assert.equal(file.ignores("docs/a.md", false), true);
    assert.equal(file.ignores("docs/deep/a.md", false), false);
    assert.equal(file.ignores("#hash", false), true);
    assert.equal(file.ignores("src/main.ts", false), false);
  });

  it("matches --exclude globs with dot files, base names and directory pruning", () => {
    const globs = new PathGlobs(["dist/**", "*.min.js", "./fixtures", "**/.env*"]);
    assert.equal(globs.matches("dist", true), true);
    assert.equal(globs.matches("dist/a/b.js", false), true);
    assert.equal(globs.matches("src/x.min.js", false), true);
    assert.equal(globs.matches("fixtures", true), true);
    assert.equal(globs.matches("a/.env.local", false), true);
    assert.equal(globs.matches("src/main.js", false), false);
    assert.equal(new PathGlobs([]).matches("anything", false), false);
  });
});
