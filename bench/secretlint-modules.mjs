// secretlint's core and recommended preset, as the bench uses them (profiler off: the CLI
// only profiles when asked).
export async function loadSecretlint() {
  const { lintSource } = await import("@secretlint/core");
  const { creator: recommended } = await import("@secretlint/secretlint-rule-preset-recommend");
  const { secretLintProfiler } = await import("@secretlint/profiler");
  secretLintProfiler.setEnabled(false);
  return { lintSource, config: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }] } };
}
