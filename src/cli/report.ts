/** What `veil scan` reports, and its three output formats: text, json, SARIF 2.1.0. */
import type * as NodeCrypto from "node:crypto";
import { listRules, type Category } from "../engine";
import { pathToFileURL } from "node:url";
import type { Severity } from "./config";

/** One finding as the json format prints it; field order follows DESIGN.md. */
export interface ReportFinding {
  /** Relative to the working directory with forward slashes, or absolute when outside it. */
  path: string;
  ruleId: string;
  category: Category;
  kind: string;
  severity: Severity;
  /** UTF-16 code units into the decoded file (after any byte-order mark). */
  offset: number;
  length: number;
  line: number;
  column: number;
  endLine: number;
  /** Exclusive: the column just after the last character, as in SARIF. */
  endColumn: number;
  preview: string;
  /** Extra fields beyond the contract. */
  message: string;
  fingerprint: string;
}

export interface ReportStats {
  files: number;
  bytes: number;
  /** Time spent in the engine alone. */
  scanMs: number;
}

export interface Report {
  findings: ReportFinding[];
  stats: ReportStats;
}

/**
 * Stable across edits that move a finding: the path, the rule and the value, hashed. The
 * value never appears; the path in the hash keeps one file's fingerprints from being
 * compared against another's. Low-entropy values (a phone number) can still be guessed
 * from a fingerprint by brute force, so treat reports as confidential.
 */
export function fingerprint(path: string, ruleId: string, value: string): string {
  // node:crypto's one-shot hash where there is one (Node ≥ 20.12): the engine's sha256Hex digest, cheaper per finding.
  const input = `veil/v1\u0000${path}\u0000${ruleId}\u0000${value}`;
  const crypto = (nodeCrypto ??= process.getBuiltinModule("node:crypto"));
  const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;
  const digest = oneShotHash ? oneShotHash("sha256", input, "hex") : crypto.createHash("sha256").update(input, "utf8").digest("hex");
  return digest.slice(0, 32);
}

/** Loaded by the first finding: a run that finds nothing does not pay for node:crypto (~2 ms). */
let nodeCrypto: typeof NodeCrypto | undefined;

export function formatJson(report: Report): string {
  return JSON.stringify({ version: 1, findings: report.findings, stats: report.stats }, null, 2) + "\n";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `path:line:col  severity  kind  message`, a blank line between files, then a summary. */
export function formatText(report: Report): string {
  const lines: string[] = [];
  let previousPath: string | undefined;
  const files = new Set<string>();
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of report.findings) {
    if (previousPath !== undefined && f.path !== previousPath) lines.push("");
    previousPath = f.path;
    files.add(f.path);
    bySeverity[f.severity]++;
    lines.push(`${f.path}:${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${f.kind}  ${f.message}`);
  }
  const { stats } = report;
  const scanned = `${plural(stats.files, "file")} scanned (${formatBytes(stats.bytes)}, engine ${stats.scanMs.toFixed(1)} ms)`;
  if (report.findings.length === 0) lines.push(`No findings. ${scanned}.`);
  else {
    const parts = (["error", "warning", "note"] as const).filter((s) => bySeverity[s] > 0).map((s) => plural(bySeverity[s], s));
    lines.push("", `${plural(report.findings.length, "finding")} (${parts.join(", ")}) in ${plural(files.size, "file")}. ${scanned}.`);
  }
  return lines.join("\n") + "\n";
}

/** Where the tool's documentation lives; used for SARIF's informationUri and helpUri. */
export const VEIL_HOME = "https://github.com/veil-privacy/veil";

const PII_TITLES: Record<string, string> = {
  email: "E-mail address",
  phone: "Phone number",
  iban: "IBAN (bank account number)",
  "credit-card": "Payment card number",
  "ip-address": "IP address",
  "fr-nir": "French social security number (NIR)",
  "fr-siren": "French company number (SIREN)",
  "fr-siret": "French establishment number (SIRET)",
  "fr-vat": "French VAT number",
  "us-ssn": "US Social Security number",
  money: "Amount of money",
  person: "Person's name",
  "private-link": "Private link",
  "promo-code": "Promo or coupon code",
  date: "Date",
};

function ruleTitle(f: ReportFinding, titles: ReadonlyMap<string, string>): string {
  if (f.category === "term") return `Configured term (${f.kind})`;
  return titles.get(f.ruleId) ?? PII_TITLES[f.kind] ?? `${f.category === "secret" ? "Secret" : "Personal data"}: ${f.kind}`;
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function pathToUriReference(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

export interface SarifContext {
  version: string;
  /** file:// URI of the directory relative paths start from, ending with "/". */
  rootUri: string;
}

/** SARIF 2.1.0, one run; columns in UTF-16 code units like the json format. */
export function formatSarif(report: Report, context: SarifContext): string {
  const titles = new Map(listRules().map((r) => [r.id, r.title]));
  const rules: object[] = [];
  const ruleIndex = new Map<string, number>();
  const results = report.findings.map((f) => {
    let index = ruleIndex.get(f.ruleId);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(f.ruleId, index);
      const title = ruleTitle(f, titles);
      rules.push({
        id: f.ruleId,
        name: f.ruleId.replace(/(^|[-_.\s]+)([a-z0-9])/gi, (_m, _sep, c: string) => c.toUpperCase()),
        shortDescription: { text: title },
        fullDescription: { text: `${title}: ${f.category === "secret" ? "a credential" : f.category === "pii" ? "personal data" : "a name you listed as confidential"} that should not be pasted into an AI assistant.` },
        helpUri: `${VEIL_HOME}#${encodeURIComponent(f.ruleId)}`,
        defaultConfiguration: { level: f.severity },
        properties: { category: f.category, kind: f.kind, tags: ["security", f.category] },
      });
    }
    const absolute = f.path.startsWith("/") || /^[A-Za-z]:\//.test(f.path);
    const artifactLocation = absolute
      ? { uri: pathToFileURL(f.path).href }
      : { uri: pathToUriReference(f.path), uriBaseId: "%SRCROOT%" };
    return {
      ruleId: f.ruleId,
      ruleIndex: index,
      level: f.severity,
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: {
              startLine: f.line,
              startColumn: f.column,
              endLine: f.endLine,
              endColumn: f.endColumn,
              charOffset: f.offset,
              charLength: f.length,
            },
          },
        },
      ],
      partialFingerprints: { "veilFingerprint/v1": f.fingerprint },
      properties: { category: f.category, kind: f.kind, preview: f.preview },
    };
  });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "Veil", semanticVersion: context.version, version: context.version, informationUri: VEIL_HOME, rules } },
        originalUriBaseIds: { "%SRCROOT%": { uri: context.rootUri } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
