import { strict as assert } from "node:assert";
import { parseJsonc, stripJsonComments } from "../../src/workspace/jsonc";
import { readWorkspaceSettings } from "../../src/workspace/guard";

describe("JSONC (settings files and --config)", () => {
  it("drops comments and trailing commas, keeps what strings hold", () => {
    const text = '\uFEFF{\n  // a comment\n  "a": "x//y/*z*/, }",\n  /* block */ "b": [1, 2,],\n  "c": "\\",]",\n}';
    assert.deepEqual(parseJsonc(text), { a: "x//y/*z*/, }", b: [1, 2], c: '",]' });
  });

  it("drops a trailing comma that a comment separates from its bracket", () => {
    assert.deepEqual(parseJsonc('{ "a": 1, // last\n}'), { a: 1 });
    assert.deepEqual(parseJsonc('[1, /* two */\n]'), [1]);
  });

  it("leaves the other commas and bad JSON for JSON.parse to judge", () => {
    assert.equal(stripJsonComments('{"a": 1, "b": 2}'), '{"a": 1, "b": 2}');
    assert.throws(() => parseJsonc('{"a": 1,, }'), SyntaxError);
    assert.throws(() => parseJsonc('{"a": '), SyntaxError);
  });

  it("reads a settings file whose string holds a comma and a bracket as written", () => {
    const settings = readWorkspaceSettings('{ "veil.terms": ["Orion, ]", "Atlas"], }');
    assert.deepEqual(settings.terms.map((t) => t.text), ["Orion, ]", "Atlas"]);
  });
});
