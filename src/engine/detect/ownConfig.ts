/**
 * Veil's own configuration is where the user listed their confidential names on purpose:
 * the terms found there are not reported (secrets and personal data there still are).
 * `path` is a workspace-relative or absolute path with `/` or `\` separators.
 */
export function isVeilConfigurationPath(path: string): boolean {
  const p = path.replace(/\\/g, "/").toLowerCase();
  return p.endsWith("/.vscode/settings.json") || p === ".vscode/settings.json" || p.endsWith(".code-workspace");
}

/** The findings to report for a file: without the terms when it is Veil's own configuration. */
export function reportableFindings<T extends { category: string }>(path: string, findings: readonly T[]): readonly T[] {
  return isVeilConfigurationPath(path) ? findings.filter((f) => f.category !== "term") : findings;
}
