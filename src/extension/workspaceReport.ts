// Pure pieces of "Veil: Scan Workspace": counting and the Markdown report (reading files:
// src/workspace/fileText.ts, ignore files: src/workspace/ignoreFile.ts). No `vscode` import, so unit
// tests run them in plain Node.
import type { Category } from "../engine";
import { engine } from "./engine";

/** What the report knows of one file: its workspace-relative path and its findings' kinds, never a value. */
export interface FileFindings {
  path: string;
  findings: readonly { category: Category; kind: string }[];
}

export interface SkippedCounts {
  excluded: number;
  binary: number;
  tooLarge: number;
  unreadable: number;
}

export interface WorkspaceScanSummary {
  /** Files found by the search (before Veil's own excludes). */
  filesFound: number;
  filesScanned: number;
  skipped: SkippedCounts;
  /** Only files with at least one finding. */
  files: readonly FileFindings[];
  cancelled: boolean;
  elapsedMs: number;
}

export interface CategoryCounts {
  total: number;
  files: number;
  byCategory: Record<Category, number>;
  byKind: Record<string, number>;
}

export function countFindings(files: readonly FileFindings[]): CategoryCounts {
  const counts: CategoryCounts = { total: 0, files: 0, byCategory: { secret: 0, pii: 0, term: 0 }, byKind: {} };
  for (const file of files) {
    if (file.findings.length === 0) continue;
    counts.files++;
    for (const finding of file.findings) {
      counts.total++;
      counts.byCategory[finding.category]++;
      counts.byKind[finding.kind] = (counts.byKind[finding.kind] ?? 0) + 1;
    }
  }
  return counts;
}

/** Zero-based line and character of a UTF-16 offset, as `document.positionAt` gives. */
export function positionAt(starts: readonly number[], offset: number): { line: number; character: number } {
  const line = engine().lastAtOrBefore(starts, offset);
  return { line, character: offset - starts[line] };
}

/** The report's words, so the extension can pass them translated. */
export interface ReportStrings {
  title: string;
  /** "{0} findings in {1} files" */
  totals: string;
  scanned: string;
  skipped: string;
  cancelled: string;
  kinds: string;
  files: string;
  kind: string;
  count: string;
  file: string;
  categories: Record<Category, string>;
  reasons: Record<keyof SkippedCounts, string>;
  note: string;
}

export const ENGLISH_REPORT: ReportStrings = {
  title: "Veil workspace scan",
  totals: "{0} findings in {1} files",
  scanned: "Files scanned: {0} of {1} found",
  skipped: "Skipped",
  cancelled: "The scan was cancelled: this report covers the files scanned before that.",
  kinds: "By kind",
  files: "By file",
  kind: "Kind",
  count: "Findings",
  file: "File",
  categories: { secret: "secrets", pii: "personal data", term: "terms" },
  reasons: { excluded: "excluded", binary: "binary", tooLarge: "too large", unreadable: "unreadable" },
  note: "This report names files, kinds and counts only: no value found is written here.",
};

function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (token, index: string) => (Number(index) < values.length ? String(values[Number(index)]) : token));
}

/** A Markdown cell: pipes and line breaks of a file name must not break the table. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ").replace(/`/g, "'");
}

/** The Markdown report: files, kinds and counts, never a value. */
export function buildWorkspaceReport(summary: WorkspaceScanSummary, strings: ReportStrings = ENGLISH_REPORT, date = new Date()): string {
  const counts = countFindings(summary.files);
  const lines: string[] = [`# ${strings.title}`, "", `_${date.toISOString().slice(0, 16).replace("T", " ")} UTC_`, ""];
  const categories = (Object.keys(counts.byCategory) as Category[]).filter((c) => counts.byCategory[c] > 0).map((c) => `${counts.byCategory[c]} ${strings.categories[c]}`);
  lines.push(`**${fill(strings.totals, counts.total, counts.files)}**${categories.length ? `: ${categories.join(", ")}` : ""}`, "");
  lines.push(`- ${fill(strings.scanned, summary.filesScanned, summary.filesFound)}`);
  const skipped = (Object.keys(summary.skipped) as (keyof SkippedCounts)[]).filter((k) => summary.skipped[k] > 0).map((k) => `${summary.skipped[k]} ${strings.reasons[k]}`);
  if (skipped.length) lines.push(`- ${strings.skipped}: ${skipped.join(", ")}`);
  if (summary.cancelled) lines.push("", `> ${strings.cancelled}`);
  lines.push("", `> ${strings.note}`, "");
  if (counts.total > 0) {
    lines.push(`## ${strings.kinds}`, "", `| ${strings.kind} | ${strings.count} |`, "|---|---:|");
    for (const [kind, n] of Object.entries(counts.byKind).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`| ${cell(kind)} | ${n} |`);
    lines.push("", `## ${strings.files}`, "", `| ${strings.file} | ${strings.count} | ${strings.kind} |`, "|---|---:|---|");
    const files = [...summary.files].filter((f) => f.findings.length > 0).sort((a, b) => b.findings.length - a.findings.length || a.path.localeCompare(b.path));
    for (const file of files) {
      const kinds = new Map<string, number>();
      for (const f of file.findings) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
      const detail = [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${cell(k)} × ${n}`).join(", ");
      lines.push(`| \`${cell(file.path)}\` | ${file.findings.length} | ${detail} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
