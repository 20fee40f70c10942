import * as assert from "node:assert/strict";
import { defaultPolicy, isWorkspaceLabel, resolvePolicy, WORKSPACE_LABELS } from "../../src/engine";

describe("workspace label policy", () => {
  it("makes pro the strictest label and sandbox the quietest", () => {
    const rank = { error: 4, warning: 3, information: 2, hint: 1, off: 0 } as const;
    for (const category of ["secret", "pii", "term"] as const) {
      assert.ok(rank[defaultPolicy("pro").severity[category]] >= rank[defaultPolicy("public").severity[category]], category);
      assert.ok(rank[defaultPolicy("public").severity[category]] >= rank[defaultPolicy("sandbox").severity[category]], category);
    }
    assert.equal(defaultPolicy("pro").severity.secret, "error");
    assert.equal(defaultPolicy("pro").severity.pii, "error");
    assert.equal(defaultPolicy("public").severity.secret, "error");
    assert.equal(defaultPolicy("sandbox").severity.term, "hint");
  });

  it("turns the copy guard and masking on for pro only", () => {
    assert.deepEqual(
      WORKSPACE_LABELS.map((l) => [l, defaultPolicy(l).copyGuard, defaultPolicy(l).masking]),
      [
        ["public", false, false],
        ["sandbox", false, false],
        ["pro", true, true],
      ],
    );
    assert.equal(defaultPolicy(undefined).copyGuard, false);
  });

  it("treats an unlabeled workspace as visible but not red", () => {
    const p = defaultPolicy(undefined);
    assert.equal(p.severity.secret, "warning");
    assert.equal(p.severity.pii, "information");
  });

  it("returns a fresh object each time so callers cannot corrupt the defaults", () => {
    const p = defaultPolicy("pro") as { severity: Record<string, string> };
    p.severity.secret = "off";
    assert.equal(defaultPolicy("pro").severity.secret, "error");
  });

  it("merges the label's entry of veil.policies over its defaults", () => {
    const { policy, problems } = resolvePolicy("pro", { pro: { personalData: "warning", copyGuard: false }, public: { secrets: "off" } });
    assert.deepEqual(problems, []);
    assert.deepEqual(policy.severity, { secret: "error", pii: "warning", term: "warning" });
    assert.equal(policy.copyGuard, false);
    assert.equal(policy.masking, true);
    assert.equal(resolvePolicy("public", { pro: { secrets: "off" } }).policy.severity.secret, "error");
  });

  it("applies an 'unlabeled' entry to a workspace without a label", () => {
    assert.equal(resolvePolicy(undefined, { unlabeled: { secrets: "error" } }).policy.severity.secret, "error");
  });

  it("reports bad override fields and still applies the good ones", () => {
    const { policy, problems } = resolvePolicy("sandbox", { sandbox: { secrets: "loud", terms: "off", copyGuard: "yes", colour: 1 } });
    assert.equal(policy.severity.secret, "warning");
    assert.equal(policy.severity.term, "off");
    assert.equal(policy.copyGuard, false);
    assert.equal(problems.length, 3);
    assert.ok(problems.some((p) => p.startsWith("sandbox.secrets")));
    assert.ok(problems.some((p) => p.startsWith("sandbox.colour")));
    assert.equal(resolvePolicy("pro", ["x"]).problems.length, 1);
    assert.equal(resolvePolicy("pro", { pro: 3 }).problems.length, 1);
  });

  it("recognises only the three labels", () => {
    assert.ok(isWorkspaceLabel("pro"));
    assert.ok(!isWorkspaceLabel("Pro"));
    assert.ok(!isWorkspaceLabel("unlabeled"));
    assert.ok(!isWorkspaceLabel(undefined));
  });
});
