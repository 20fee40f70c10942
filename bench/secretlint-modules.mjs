// secretlint's core and recommended preset for the bench's CLI-equivalent process, from the
// cache folder bench/secretlint.mjs installs them into (profiler off: the CLI only profiles
// when asked).
import { loadSecretlint as install } from "./secretlint.mjs";

export async function loadSecretlint() {
  const { lintSource, recommended, secretLintProfiler, version } = await install();
  secretLintProfiler.setEnabled(false);
  return { lintSource, version, config: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }] } };
}
