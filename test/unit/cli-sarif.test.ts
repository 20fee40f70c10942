import * as assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { FAKE_AWS_KEY, tempTree, veil, type TempTree } from "./cli-helpers";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function positiveInt(value: unknown, what: string, min = 1): number {
  assert.ok(Number.isInteger(value) && (value as number) >= min, `${what} must be an integer ≥ ${min}, got ${String(value)}`);
  return value as number;
}

function absoluteUri(value: unknown, what: string): void {
  assert.equal(typeof value, "string", what);
  assert.doesNotThrow(() => new URL(value as string), `${what} must be an absolute URI`);
}

/**
 * Checks what SARIF 2.1.0 requires of the parts Veil writes (§3.13 sarifLog, §3.14 run,
 * §3.18–3.19 tool/driver, §3.49 reportingDescriptor, §3.27 result, §3.28–3.30 locations,
 * §3.4 artifactLocation, §3.30 region) plus what code-scanning UIs rely on.
 */
function validateSarif(log: unknown, secret: string): Json[] {
  assert.ok(isObject(log));
  assert.equal(log.version, "2.1.0");
  assert.match(String(log.$schema), /sarif-2\.1\.0/);
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
  const run = log.runs[0] as Json;
  assert.ok(isObject(run.tool) && isObject(run.tool.driver));
  const driver = run.tool.driver as Json;
  assert.equal(driver.name, "Veil");
  absoluteUri(driver.informationUri, "driver.informationUri");
  assert.match(String(driver.version), /^\d+\.\d+\.\d+/);
  assert.ok(Array.isArray(driver.rules));
  const rules = driver.rules as Json[];
  const ids = rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, "rule ids are unique");
  for (const rule of rules) {
    assert.equal(typeof rule.id, "string");
    assert.ok(isObject(rule.shortDescription) && typeof rule.shortDescription.text === "string" && rule.shortDescription.text.length > 0, `rule ${rule.id} shortDescription`);
    absoluteUri(rule.helpUri, `rule ${rule.id} helpUri`);
    if (rule.defaultConfiguration !== undefined) assert.ok(["none", "note", "warning", "error"].includes((rule.defaultConfiguration as Json).level as string));
  }
  assert.ok(isObject(run.originalUriBaseIds));
  const base = (run.originalUriBaseIds as Json)["%SRCROOT%"] as Json;
  absoluteUri(base.uri, "%SRCROOT% uri");
  assert.ok(String(base.uri).endsWith("/"), "a base URI ends with a slash (§3.14.14)");
  assert.equal(run.columnKind, "utf16CodeUnits");
  assert.ok(Array.isArray(run.results));
  const results = run.results as Json[];
  for (const result of results) {
    assert.equal(typeof result.ruleId, "string");
    const index = positiveInt(result.ruleIndex, "ruleIndex", 0);
    assert.equal(rules[index]?.id, result.ruleId, "ruleIndex points at the rule with that id");
    assert.ok(["none", "note", "warning", "error"].includes(result.level as string));
    assert.ok(isObject(result.message) && typeof result.message.text === "string" && result.message.text.length > 0);
    assert.ok(!String(result.message.text).includes(secret), "message never holds the value");
    assert.ok(Array.isArray(result.locations) && result.locations.length === 1);
    const physical = (result.locations[0] as Json).physicalLocation as Json;
    assert.ok(isObject(physical));
    const artifact = physical.artifactLocation as Json;
    const uri = String(artifact.uri);
    assert.ok(!uri.includes("\\") && !uri.startsWith("/") && !/^[a-z]+:/i.test(uri), `relative URI reference with forward slashes: ${uri}`);
    assert.equal(artifact.uriBaseId, "%SRCROOT%");
    assert.doesNotThrow(() => new URL(uri, String(base.uri)));
    const region = physical.region as Json;
    const startLine = positiveInt(region.startLine, "startLine");
    const startColumn = positiveInt(region.startColumn, "startColumn");
    const endLine = positiveInt(region.endLine, "endLine");
    const endColumn = positiveInt(region.endColumn, "endColumn");
    assert.ok(endLine > startLine || (endLine === startLine && endColumn > startColumn), "region is not empty and ends after it starts");
    positiveInt(region.charOffset, "charOffset", 0);
    positiveInt(region.charLength, "charLength");
    assert.ok(isObject(result.partialFingerprints));
    for (const value of Object.values(result.partialFingerprints)) assert.equal(typeof value, "string");
  }
  return results;
}

describe("cli: veil scan --format sarif", () => {
  let tree: TempTree;
  afterEach(() => tree?.cleanup());

  it("writes a valid SARIF 2.1.0 log whose regions point at the findings", async () => {
    const content = `# notes 🙂\r\nid = ${FAKE_AWS_KEY}\r\nother = ${FAKE_AWS_KEY}\n`;
    tree = tempTree({ "sub dir/config file.ini": content, "clean.txt": "nothing\n" });
    const r = await veil(tree.root, "scan", "--format", "sarif");
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as Json;
    const results = validateSarif(log, FAKE_AWS_KEY);
    const aws = results.filter((x) => x.ruleId === "aws-access-key-id");
    assert.equal(aws.length, 2);
    const rules = ((log.runs as Json[])[0].tool as Json).driver as Json;
    assert.equal((rules.rules as Json[]).filter((x) => x.id === "aws-access-key-id").length, 1, "one rule entry for two results");
    const base = (((log.runs as Json[])[0].originalUriBaseIds as Json)["%SRCROOT%"] as Json).uri;
    assert.equal(base, pathToFileURL(tree.root + "/").href);
    const [first, second] = aws.map((x) => (x.locations as Json[])[0].physicalLocation as Json);
    assert.equal((first.artifactLocation as Json).uri, "sub%20dir/config%20file.ini");
    assert.deepEqual(first.region, { startLine: 2, startColumn: 6, endLine: 2, endColumn: 26, charOffset: content.indexOf(FAKE_AWS_KEY), charLength: 20 });
    assert.equal((second.region as Json).startLine, 3);
    assert.equal((aws[0] as Json).level, "error");
    assert.notDeepEqual(aws[0].partialFingerprints, {});
  });

  it("writes an empty but valid log for a clean tree, exit 0", async () => {
    tree = tempTree({ "a.txt": "hello\n" });
    const r = await veil(tree.root, "scan", "--format", "sarif");
    assert.equal(r.code, 0);
    const log = JSON.parse(r.stdout) as Json;
    assert.deepEqual(validateSarif(log, FAKE_AWS_KEY), []);
  });
});
