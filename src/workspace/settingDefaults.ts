// The defaults of Veil's plain settings, one copy for the extension's reader, the CLI and the
// test that holds package.json's contributed defaults to them.
export const SETTING_DEFAULTS = {
  debounceMs: 150,
  /** Files above this are not scanned (the CLI's --max-size default too). */
  maxFileSizeKB: 5120,
  "snippet.contextLines": 3,
  "vault.ttlDays": 30,
  "copyGuard.enabled": true,
  "screenShare.autoForPro": false,
  "workspaceScan.respectGitignore": true,
} as const;
