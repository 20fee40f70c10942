// One way to read a workspace file (src/workspace/fileText.ts) for `veil scan` and Scan Workspace.
import * as assert from "node:assert/strict";
import fc from "fast-check";
import { decodeText as cliDecode } from "../../src/cli/text";
import { decodeText, hasBinaryExtension, lineStarts, looksBinary, sniffEncoding } from "../../src/workspace/fileText";

const KEY = "AKIAIOSFODNN7EXAMPLF";

function utf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const body = Buffer.from(text, "utf16le");
  if (endian === "be") body.swap16();
  const mark = endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), body]) : body);
}

describe("Workspace file text (shared by the CLI and the extension)", () => {
  it("decodes UTF-16 with a byte-order mark, both byte orders, and does not call it binary", () => {
    for (const endian of ["le", "be"] as const) {
      const bytes = utf16(`aws_access_key_id = ${KEY}\n`, endian, true);
      assert.equal(looksBinary(bytes), false);
      assert.equal(sniffEncoding(bytes), endian === "le" ? "utf-16le" : "utf-16be");
      assert.equal(decodeText(bytes).text, `aws_access_key_id = ${KEY}\n`, "the mark is not part of the text");
    }
  });

  it("reads UTF-16 without a byte-order mark as VS Code guesses it (every other byte NUL at the start), both byte orders", () => {
    for (const endian of ["le", "be"] as const) {
      const bytes = utf16(`aws_access_key_id = ${KEY}\r\nrégion = eu-west-3\r\n`, endian, false);
      assert.equal(looksBinary(bytes), false);
      assert.equal(sniffEncoding(bytes), endian === "le" ? "utf-16le" : "utf-16be");
      assert.equal(decodeText(bytes).text, `aws_access_key_id = ${KEY}\r\nrégion = eu-west-3\r\n`);
    }
  });

  it("keeps other files with NUL bytes binary: no guess past the pattern", () => {
    // UTF-16 without a mark whose start is not ASCII-range text: VS Code does not guess it either.
    assert.equal(looksBinary(utf16("ab東京の顧客リスト", "le", false)), true);
    // A PNG header, little-endian integers, a NUL-padded record.
    assert.equal(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), true);
    assert.equal(looksBinary(new Uint8Array([1, 0, 2, 0, 0, 0, 3, 0])), true);
    assert.equal(looksBinary(new TextEncoder().encode("name\0\0\0\0value")), true);
    assert.equal(looksBinary(new Uint8Array([0])), true);
  });

  it("drops a UTF-8 byte-order mark and replaces invalid sequences", () => {
    assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), { text: "A", encoding: "utf-8-bom" });
    assert.equal(decodeText(new Uint8Array([0x41, 0xff, 0x42])).text, "A\uFFFDB");
    assert.equal(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42])).text, "A\uFFFD", "odd trailing byte");
  });

  it("gives the CLI's Buffer fast path exactly the text TextDecoder gives, on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), (body, mark) => {
        const bytes = new Uint8Array([...mark, ...body]);
        assert.deepEqual(cliDecode(bytes), decodeText(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it("knows binary extensions, case-insensitively, and not dot files", () => {
    assert.equal(hasBinaryExtension("a/b/photo.JPG"), true);
    assert.equal(hasBinaryExtension("a/.png"), false);
    assert.equal(hasBinaryExtension("a/notes.txt"), false);
  });

  it("finds line starts for \\n, \\r\\n and a lone \\r", () => {
    assert.deepEqual(lineStarts("a\nb\r\nc\rd"), [0, 2, 5, 7]);
  });
});
