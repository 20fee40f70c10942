/**
 * Error and warning texts never quote what the user gave (issue 8, no leaks): a bad allow or
 * term pattern may be a literal secret or a client's name, and a corrupted vault holds the
 * real values. Each check plants a value, breaks the input around it, and asserts the text
 * neither holds the value nor anything the engine finds of its kind.
 */
import * as assert from "node:assert/strict";
import { CorruptVaultError, jsonErrorReason, regexErrorReason, scan, Scanner, Vault } from "../../src/engine";

/** Fake AWS access key id (not a real key); the engine finds it. */
const FAKE_KEY = "AKIAIOSFODNN7EXAMPLF";
const CLIENT = "Zephyra Holdings";

function assertNoValue(text: string, values: readonly string[], what: string): void {
  for (const value of values) {
    assert.ok(!text.includes(value), `${what} quotes a whole value (${value.length} chars): ${text}`);
    // Any run of 8 characters of the value is already too much.
    for (let i = 0; i + 8 <= value.length; i++) assert.ok(!text.includes(value.slice(i, i + 8)), `${what} quotes 8 characters of a value: ${text}`);
  }
  const found = scan(text, { terms: [{ text: CLIENT, kind: "CLIENT" }] }).filter((f) => f.kind === "aws-access-key-id" || f.kind === "CLIENT" || f.kind === "email");
  assert.deepEqual(found.map((f) => f.kind), [], `${what} holds a value the engine finds: ${text}`);
}

describe("no leaks: warnings and errors do not quote user patterns or vault data", () => {
  describe("scanner warnings", () => {
    it("an invalid allow pattern that is a literal secret is named by a few characters", () => {
      const scanner = new Scanner({ allow: { patterns: [`${FAKE_KEY}(`, `[${FAKE_KEY}`] } });
      assert.equal(scanner.warnings.length, 2);
      for (const warning of scanner.warnings) {
        assert.match(warning, /^allow pattern "AKIA…|^allow pattern "\[AKI…/);
        assert.match(warning, /is not a valid regex: (Unterminated group|Unmatched '\)'|Unterminated character class)$/);
        assertNoValue(warning, [FAKE_KEY], "the allow-pattern warning");
      }
    });

    it("an invalid term pattern holding a client's name is named by a few characters", () => {
      const scanner = new Scanner({ terms: [{ text: `(${CLIENT}`, kind: "CLIENT", regex: true }, { text: `${CLIENT} [v`, kind: "CLIENT", regex: true }] });
      assert.equal(scanner.warnings.length, 2);
      for (const warning of scanner.warnings) {
        assert.match(warning, /^term pattern ".{1,4}….{0,4}" is not a valid regex: \w/);
        assertNoValue(warning, [CLIENT, "Zephyra"], "the term-pattern warning");
      }
    });

    it("a short pattern shows one character", () => {
      const [warning] = new Scanner({ allow: { patterns: ["pw("] } }).warnings;
      assert.equal(warning, 'allow pattern "p…" is not a valid regex: Unterminated group');
    });
  });

  describe("Vault.fromJSON", () => {
    const entry = (value: string, rest: string) => `{"placeholder":"[EMAIL_1]","kind":"email","value":"${value}",${rest}}`;
    const broken: Record<string, string> = {
      "unexpected token after a value": `{"version":1,"entries":[${entry(FAKE_KEY, "x")}]}`,
      "a short input that is only a value": FAKE_KEY,
      "an unquoted key after a value": `{"version":1,"entries":[${entry("jo.doe@example.fr", "createdAt:1")}]}`,
      "a value cut in the middle": `{"version":1,"entries":[${entry(FAKE_KEY, "").slice(0, 70)}`,
      "a stray character right after the value": `{"version":1,"entries":[{"value":"${CLIENT}"x}]}`,
      "a byte-order mark then a value": `\uFEFF${CLIENT}`,
    };
    for (const [name, text] of Object.entries(broken)) {
      it(`corrupt JSON text (${name}): the error says where, not what`, () => {
        assert.throws(
          () => Vault.fromJSON(text),
          (error: unknown) => {
            assert.ok(error instanceof CorruptVaultError, String(error));
            assert.match(error.message, /^Veil map is corrupt: not valid JSON \(/);
            assertNoValue(error.message, [FAKE_KEY, CLIENT, "jo.doe@example.fr"], "the vault error");
            return true;
          },
        );
      });
    }

    it("a value where the version or a counter kind belongs is described, not quoted", () => {
      for (const data of [{ version: FAKE_KEY, entries: [] }, { version: 1, entries: [], counters: { [`${CLIENT} x`]: 1 } }, { version: 4111111111111111, entries: [] }]) {
        assert.throws(
          () => Vault.fromJSON(data),
          (error: unknown) => {
            assert.ok(error instanceof CorruptVaultError);
            assertNoValue(error.message, [FAKE_KEY, CLIENT, "4111111111111111"], "the vault error");
            return true;
          },
        );
      }
    });

    it("JSON text with a byte-order mark is read", () => {
      const vault = new Vault();
      const placeholder = vault.placeholderFor(FAKE_KEY, "aws-access-key-id", 1);
      assert.equal(Vault.fromJSON(`\uFEFF${JSON.stringify(vault.toJSON())}`).lookup(placeholder)?.value, FAKE_KEY);
    });
  });

  describe("shared reasons", () => {
    it("jsonErrorReason keeps V8's reason and position, drops the quoted input", () => {
      const reasonOf = (text: string) => {
        try {
          JSON.parse(text);
        } catch (error) {
          return jsonErrorReason(error);
        }
        throw new Error("parsed");
      };
      assert.equal(reasonOf(FAKE_KEY), "Unexpected token 'A'");
      assert.equal(reasonOf(`{"a":"${FAKE_KEY}`), "Unterminated string in JSON at position 26");
      assert.equal(reasonOf(`["${FAKE_KEY}" x]`), "Expected ',' or ']' after array element in JSON at position 24");
    });

    it("regexErrorReason drops the pattern", () => {
      let reason = "";
      try {
        new RegExp(`(${FAKE_KEY}`, "u");
      } catch (error) {
        reason = regexErrorReason(error);
      }
      assert.equal(reason, "Unterminated group");
    });
  });
});
