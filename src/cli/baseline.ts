/** `--baseline FILE`: findings already in an earlier json report are not reported again. */

export class BaselineError extends Error {}

/**
 * Keys of the findings of a `veil scan --format json` report: path, rule id and
 * fingerprint. The fingerprint ignores where in the file the value sits, so a finding
 * that only moved stays suppressed; a changed value or a new file shows up again.
 */
export function parseBaseline(text: string, file: string): Set<string> {
  const fail = (message: string): never => {
    throw new BaselineError(`baseline ${file}: ${message}`);
  };
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message}); make one with veil scan --format json > ${file}`);
  }
  const findings = (root as { findings?: unknown } | null)?.findings;
  if (typeof root !== "object" || root === null || !Array.isArray(findings)) {
    return fail(`expected a veil scan --format json report with a "findings" array`);
  }
  const keys = new Set<string>();
  findings.forEach((entry: unknown, i: number) => {
    const f = entry as Record<string, unknown> | null;
    for (const field of ["path", "ruleId", "fingerprint"]) {
      if (typeof f?.[field] !== "string") fail(`findings[${i}].${field} is missing or not a string (reports from this veil version carry a fingerprint)`);
    }
    keys.add(baselineKey(f!.path as string, f!.ruleId as string, f!.fingerprint as string));
  });
  return keys;
}

export function baselineKey(path: string, ruleId: string, fingerprint: string): string {
  return `${path}\u0000${ruleId}\u0000${fingerprint}`;
}
