import type { Category } from "../types";

/**
 * What each workspace label implies. A label says how strict Veil is in a workspace:
 *
 * - `public`: open-source or published work. A leaked secret ends up on the internet, so
 *   secrets are errors; personal data is a warning; the user's own terms only informative,
 *   since a public project rarely carries client names.
 * - `sandbox`: experiments and throwaway code, usually with fake data. Everything stays
 *   visible but quiet: secrets are warnings, personal data information, terms hints.
 * - `pro`: client work under NDA. Secrets and personal data are errors, client terms
 *   warnings; copying a selection with findings offers the anonymized copy instead (copy
 *   guard), and values are masked on screen by default. Dates are looked for too (launch
 *   dates and embargoes are what an NDA protects); elsewhere every timestamp in code and
 *   logs would be one, so they are off.
 * - unlabeled: Veil does not know yet; it behaves like a quieter `public` (secrets are
 *   warnings, not errors, so installing Veil on an old project does not paint it red)
 *   and the status bar invites the user to pick a label.
 */
export type WorkspaceLabelName = "public" | "sandbox" | "pro";
export type PolicyKey = WorkspaceLabelName | "unlabeled";

export const WORKSPACE_LABELS: readonly WorkspaceLabelName[] = ["public", "sandbox", "pro"];

/** Mirrors VS Code's DiagnosticSeverity names; `off` = no diagnostic for that category. */
export type PolicySeverity = "error" | "warning" | "information" | "hint" | "off";
export const POLICY_SEVERITIES: readonly PolicySeverity[] = ["error", "warning", "information", "hint", "off"];

export interface LabelPolicy {
  severity: Readonly<Record<Category, PolicySeverity>>;
  /**
   * People's names (kind `person`) apart from other personal data: code and docs are full of
   * authors, contributors and maintainers, so outside `pro` they are information or hints and
   * the Problems panel stays readable; in `pro` (client briefs under NDA) they are warnings.
   * Dates (when on) take the same severity: changelogs and docs are full of them.
   */
  names: PolicySeverity;
  /** Copying a selection with findings offers "Copy anonymized" instead. */
  copyGuard: boolean;
  /** Sensitive values are masked on screen by default. */
  masking: boolean;
  /** Dates are personal data here (opt-in kind `date`); `veil.categories.dates` overrides it. */
  dates: boolean;
}

/** How a user overrides a label's defaults in `veil.policies`, with the settings' names. */
export interface PolicyOverride {
  secrets?: PolicySeverity;
  personalData?: PolicySeverity;
  names?: PolicySeverity;
  terms?: PolicySeverity;
  copyGuard?: boolean;
  masking?: boolean;
  dates?: boolean;
}

const DEFAULT_POLICIES: Readonly<Record<PolicyKey, LabelPolicy>> = {
  public: { severity: { secret: "error", pii: "warning", term: "information" }, names: "information", copyGuard: false, masking: false, dates: false },
  sandbox: { severity: { secret: "warning", pii: "information", term: "hint" }, names: "hint", copyGuard: false, masking: false, dates: false },
  pro: { severity: { secret: "error", pii: "error", term: "warning" }, names: "warning", copyGuard: true, masking: true, dates: true },
  unlabeled: { severity: { secret: "warning", pii: "information", term: "information" }, names: "hint", copyGuard: false, masking: false, dates: false },
};

/**
 * The severity a finding gets under a policy: people's names and dates (values read from
 * context, common in code and docs) have the `names` severity, the rest their category's.
 */
export function severityUnder(policy: LabelPolicy, finding: { category: Category; kind: string }): PolicySeverity {
  if (finding.category === "pii" && (finding.kind === "person" || finding.kind === "date")) {
    // Switching personal data off switches names off too.
    return policy.severity.pii === "off" ? "off" : policy.names;
  }
  return policy.severity[finding.category];
}

export function isWorkspaceLabel(value: unknown): value is WorkspaceLabelName {
  return typeof value === "string" && (WORKSPACE_LABELS as readonly string[]).includes(value);
}

export function defaultPolicy(label: WorkspaceLabelName | undefined): LabelPolicy {
  const base = DEFAULT_POLICIES[label ?? "unlabeled"];
  return { ...base, severity: { ...base.severity } };
}

export interface ResolvedPolicy {
  policy: LabelPolicy;
  /** Entries of the overrides that were ignored, for the user to fix: `pro.secrets: "loud"`. */
  problems: string[];
}

/**
 * The label's defaults with the user's `veil.policies` entry for that label merged on top.
 * `overrides` comes straight from settings, so every field is checked; a bad field is
 * reported and skipped, the rest still applies.
 */
export function resolvePolicy(label: WorkspaceLabelName | undefined, overrides?: unknown): ResolvedPolicy {
  const key: PolicyKey = label ?? "unlabeled";
  const policy = defaultPolicy(label);
  const problems: string[] = [];
  if (overrides === undefined || overrides === null) return { policy, problems };
  if (typeof overrides !== "object" || Array.isArray(overrides)) {
    problems.push("veil.policies must be an object keyed by label");
    return { policy, problems };
  }
  const entry = (overrides as Record<string, unknown>)[key];
  if (entry === undefined || entry === null) return { policy, problems };
  if (typeof entry !== "object" || Array.isArray(entry)) {
    problems.push(`${key}: must be an object`);
    return { policy, problems };
  }
  const severity = { ...policy.severity };
  const fields: Array<[keyof PolicyOverride, Category]> = [
    ["secrets", "secret"],
    ["personalData", "pii"],
    ["terms", "term"],
  ];
  const record = entry as Record<string, unknown>;
  for (const [field, category] of fields) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value === "string" && (POLICY_SEVERITIES as readonly string[]).includes(value)) severity[category] = value as PolicySeverity;
    else problems.push(`${key}.${field}: expected one of ${POLICY_SEVERITIES.join(", ")}`);
  }
  let { copyGuard, masking, names, dates } = policy;
  if (record.names !== undefined) {
    if (typeof record.names === "string" && (POLICY_SEVERITIES as readonly string[]).includes(record.names)) names = record.names as PolicySeverity;
    else problems.push(`${key}.names: expected one of ${POLICY_SEVERITIES.join(", ")}`);
  }
  if (record.copyGuard !== undefined) {
    if (typeof record.copyGuard === "boolean") copyGuard = record.copyGuard;
    else problems.push(`${key}.copyGuard: expected true or false`);
  }
  if (record.masking !== undefined) {
    if (typeof record.masking === "boolean") masking = record.masking;
    else problems.push(`${key}.masking: expected true or false`);
  }
  if (record.dates !== undefined) {
    if (typeof record.dates === "boolean") dates = record.dates;
    else problems.push(`${key}.dates: expected true or false`);
  }
  for (const field of Object.keys(record)) {
    if (!["secrets", "personalData", "names", "terms", "copyGuard", "masking", "dates"].includes(field)) problems.push(`${key}.${field}: unknown field`);
  }
  return { policy: { severity, names, copyGuard, masking, dates }, problems };
}
