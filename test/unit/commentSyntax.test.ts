import * as assert from "node:assert/strict";
import { commentSyntaxFor, ignoreDirectiveInsertion, Scanner } from "../../src/engine";

describe("ignore directive insertion", () => {
  const cases: Array<[string, string, string]> = [
    ["javascript", 'const k = "AKIAIOSFODNN7EXAMPLF";', 'const k = "AKIAIOSFODNN7EXAMPLF"; // veil:allow'],
    ["typescript", 'const k = "AKIAIOSFODNN7EXAMPLF";   ', 'const k = "AKIAIOSFODNN7EXAMPLF"; // veil:allow   '],
    ["go", 'k := "AKIAIOSFODNN7EXAMPLF"', 'k := "AKIAIOSFODNN7EXAMPLF" // veil:allow'],
    ["python", 'k = "AKIAIOSFODNN7EXAMPLF"', 'k = "AKIAIOSFODNN7EXAMPLF" # veil:allow'],
    ["yaml", "key: AKIAIOSFODNN7EXAMPLF", "key: AKIAIOSFODNN7EXAMPLF # veil:allow"],
    ["html", "<p>AKIAIOSFODNN7EXAMPLF</p>", "<p>AKIAIOSFODNN7EXAMPLF</p> <!-- veil:allow -->"],
    ["markdown", "key AKIAIOSFODNN7EXAMPLF", "key AKIAIOSFODNN7EXAMPLF <!-- veil:allow -->"],
    ["css", "/* AKIAIOSFODNN7EXAMPLF */", "/* AKIAIOSFODNN7EXAMPLF */ /* veil:allow */"],
    ["sql", "select 'AKIAIOSFODNN7EXAMPLF';", "select 'AKIAIOSFODNN7EXAMPLF'; -- veil:allow"],
    ["latex", "AKIAIOSFODNN7EXAMPLF", "AKIAIOSFODNN7EXAMPLF % veil:allow"],
  ];
  for (const [language, line, expected] of cases) {
    it(`writes a trailing comment in ${language}`, () => {
      const ins = ignoreDirectiveInsertion(language, line, 7);
      assert.ok(ins);
      assert.equal(ins.line, 7);
      assert.equal(line.slice(0, ins.character) + ins.text + line.slice(ins.character), expected);
    });
  }

  for (const language of ["dotenv", "properties", "ini"]) {
    it(`puts a next-line directive above in ${language}, where a trailing comment would join the value`, () => {
      const ins = ignoreDirectiveInsertion(language, "  KEY=AKIAIOSFODNN7EXAMPLF", 3, { eol: "\r\n" });
      assert.ok(ins);
      assert.deepEqual([ins.line, ins.character], [3, 0]);
      assert.match(ins.text, /^ {2}[#;] veil:allow-next-line\r\n$/);
    });
  }

  it("uses the line above for a multi-line finding and after a continuation backslash", () => {
    assert.equal(ignoreDirectiveInsertion("javascript", "const pem = `-----BEGIN", 2, { multiLine: true })?.text, "// veil:allow-next-line\n");
    assert.equal(ignoreDirectiveInsertion("shellscript", "  curl -H 'k: AKIAIOSFODNN7EXAMPLF' \\", 0)?.text, "  # veil:allow-next-line\n");
  });

  it("offers nothing for languages without comments", () => {
    assert.equal(commentSyntaxFor("json"), undefined);
    assert.equal(ignoreDirectiveInsertion("json", '"k": "AKIAIOSFODNN7EXAMPLF"', 0), undefined);
    assert.equal(ignoreDirectiveInsertion("plaintext", "AKIAIOSFODNN7EXAMPLF", 0), undefined);
    assert.ok(commentSyntaxFor("jsonc"));
  });

  it("produces text the scanner honours", () => {
    const scanner = new Scanner();
    for (const [language, line] of cases) {
      assert.equal(scanner.scan(line).length, 1, `${language}: the fixture must have a finding`);
      const ins = ignoreDirectiveInsertion(language, line, 0)!;
      assert.equal(scanner.scan(line.slice(0, ins.character) + ins.text + line.slice(ins.character)).length, 0, language);
    }
    const above = ignoreDirectiveInsertion("dotenv", "KEY=AKIAIOSFODNN7EXAMPLF", 0)!;
    assert.equal(scanner.scan(above.text + "KEY=AKIAIOSFODNN7EXAMPLF").length, 0);
  });
});

describe("narrow ignore directive insertion", () => {
  it("names the rule it allows", () => {
    assert.deepEqual(ignoreDirectiveInsertion("markdown", "Tel 06 12 34 56 78", 3, { id: "pii-phone" }), { line: 3, character: 18, text: " <!-- veil:allow pii-phone -->" });
    assert.deepEqual(ignoreDirectiveInsertion("javascript", 'const k = "x";  ', 0, { id: "aws-access-key-id" }), { line: 0, character: 14, text: " // veil:allow aws-access-key-id" });
  });

  it("adds an id to a named directive already on the line", () => {
    assert.deepEqual(ignoreDirectiveInsertion("markdown", "a <!-- veil:allow pii-phone -->", 0, { id: "pii-email" }), { line: 0, character: 27, text: " pii-email" });
  });

  it("adds an id to a next-line directive above", () => {
    assert.deepEqual(ignoreDirectiveInsertion("dotenv", "KEY=x", 1, { id: "pii-email", previousLine: "# veil:allow-next-line pii-phone" }), { line: 0, character: 32, text: " pii-email" });
  });
});
