/**
 * The engine's public API: the only file the extension and the CLI import.
 * Pure TypeScript: no `vscode`, no Node built-ins.
 */
import { Scanner } from "./detect/scanner";
import type { Finding, ScanOptions } from "./types";

export type { AllowList, Candidate, Category, Finding, Pass, PiiKind, Rule, ScanOptions, TermSpec } from "./types";
export { Scanner, listRules, resolveOptions } from "./detect/scanner";
export { maskValue } from "./detect/preview";
export { isPlaceholderSecret } from "./rules/placeholder";
export { isVeilConfigurationPath, reportableFindings } from "./detect/ownConfig";
export { sha256Hex } from "./validate/sha256";
export { shannonEntropy } from "./validate/entropy";
export { Vault, CorruptVaultError, categoryOfEntry, type VaultData, type VaultEntry, type MergeReport } from "./anonymize/vault";
export { jsonErrorReason, regexErrorReason } from "./util/errors";
export { lastAtOrBefore } from "./util/search";
export { anonymize, restore, type AnonymizeOptions, type AnonymizeReport, type AnonymizeResult, type Replacement, type RestoreResult } from "./anonymize/anonymize";
export { describeReport } from "./anonymize/report";
export { findingsCutToRange, unionFindings } from "./anonymize/cut";
export { restoreAnswer, placementRisk, type AnswerRestoreOptions, type AnswerRestoreResult, type Placement, type PlacementRisk } from "./anonymize/answer";
export { extractErrorSnippet, type SnippetOptions, type ErrorSnippet, type SnippetFrame, type SnippetExcerpt } from "./snippet";
export { placeholderKind, findPlaceholderTokens, type PlaceholderToken } from "./anonymize/placeholders";
export * from "./policy";
export * from "./editor/commentSyntax";
export * from "./editor/envMove";
export * from "./editor/incremental";
export * from "./editor/slices";

const cache = new WeakMap<ScanOptions, Scanner>();
let defaultScanner: Scanner | undefined;

/**
 * Scans a text with the given options. Keep passing the same options object to reuse the
 * compiled scanner; or build a `Scanner` yourself.
 */
export function scan(text: string, options?: ScanOptions): Finding[] {
  if (!options) return (defaultScanner ??= new Scanner()).scan(text);
  let scanner = cache.get(options);
  if (!scanner) cache.set(options, (scanner = new Scanner(options)));
  return scanner.scan(text);
}
export { describeMetadata, stripMetadata, applyStrip, detectMetadataFormat, FORMAT_SNIFF_BYTES, MetadataError, bytesSource, type BytePatch, type ByteSource, type MetadataFormat, type MetadataItem, type MetadataKind, type StripResult } from "./metadata";
