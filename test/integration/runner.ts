// Drives mocha inside the extension host and hands the results to the harness.
// Shared by the Node entry (index.ts) and the web-worker entry (web/index.ts), so it uses
// no Node built-ins: options and results travel through the workspace folder
// (`.veil-test/`) with vscode.workspace.fs, which works in both extension hosts.
import * as vscode from "vscode";

/** What the harness asks for (written to `.veil-test/options.json`, or in env variables). */
export interface RunOptions {
  grep?: string;
  /** Run the tests that do NOT match `grep`. */
  invert?: boolean;
  /** "trusted" or "untrusted": the workspace trust the harness started the server with. */
  trust?: "trusted" | "untrusted";
  timeoutMs?: number;
}

export interface FailedTest {
  title: string;
  error: string;
}

export interface RunResult {
  vscodeVersion: string;
  host: "node" | "web";
  uiKind: "desktop" | "web";
  /** "Node x.y.z" or "no Node (web worker)": where the tests really ran. */
  runtime: string;
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  failed: FailedTest[];
  output: string[];
}

/** Prefix of every line the harness relays from the console. */
export const LINE_PREFIX = "[veil-test] ";

// The part of mocha's API this file uses (the Node build and the browser build both have it).
interface MochaRunner {
  on(event: "fail", listener: (test: { fullTitle(): string }, error: { stack?: string; message?: string }) => void): MochaRunner;
}
export interface MochaLike {
  grep(pattern: RegExp): unknown;
  invert(): unknown;
  run(done: (failures: number) => void): MochaRunner;
}
export interface MochaReporterBase {
  consoleLog: (...args: unknown[]) => void;
}

function runOptionsFromEnv(): RunOptions | undefined {
  const env = typeof process !== "undefined" && process.env ? process.env : undefined;
  if (!env?.VEIL_TEST_OPTIONS) return undefined;
  return JSON.parse(env.VEIL_TEST_OPTIONS) as RunOptions;
}

function resultsFolder(): vscode.Uri | undefined {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root && vscode.Uri.joinPath(root, ".veil-test");
}

export async function readRunOptions(): Promise<RunOptions> {
  const fromEnv = runOptionsFromEnv();
  if (fromEnv) return fromEnv;
  const folder = resultsFolder();
  if (!folder) return {};
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, "options.json"));
    return JSON.parse(new TextDecoder().decode(bytes)) as RunOptions;
  } catch {
    return {};
  }
}

let cachedOptions: RunOptions | undefined;
/** The options of the current run, for tests that depend on the harness mode. */
export function currentRunOptions(): RunOptions {
  return cachedOptions ?? {};
}

async function writeResults(result: RunResult): Promise<void> {
  const folder = resultsFolder();
  if (!folder) return;
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, "results.json"), new TextEncoder().encode(JSON.stringify(result, null, 2)));
}

// printf-style formatting for the few patterns mocha's reporters use (%s, %d, %%).
function format(args: unknown[]): string {
  if (args.length === 0) return "";
  const [first, ...rest] = args;
  if (typeof first !== "string") return args.map(String).join(" ");
  let index = 0;
  const text = first.replace(/%[sdi%]/g, (token) => {
    if (token === "%%") return "%";
    return index < rest.length ? String(rest[index++]) : token;
  });
  return [text, ...rest.slice(index).map(String)].join(" ");
}

function errorText(error: { stack?: string; message?: string }): string {
  return (error.stack || error.message || String(error)).split("\n").slice(0, 12).join("\n");
}

/**
 * Runs the suite. Every line mocha's spec reporter prints goes to the console with
 * LINE_PREFIX (the harness relays it live) and into the results file (read at the end).
 */
export async function runMocha(mocha: MochaLike, reporterBase: MochaReporterBase, host: "node" | "web"): Promise<RunResult> {
  const options = await readRunOptions();
  cachedOptions = options;
  if (options.grep) mocha.grep(new RegExp(options.grep));
  if (options.grep && options.invert) mocha.invert();

  const output: string[] = [];
  const originalLog = reporterBase.consoleLog;
  reporterBase.consoleLog = (...args: unknown[]) => {
    for (const line of format(args).split("\n")) {
      output.push(line);
      console.log(LINE_PREFIX + line);
    }
  };
  // What the code actually runs on, not what the entry claims: a web worker has no Node.
  const runtime = typeof process !== "undefined" && process.versions?.node ? `Node ${process.versions.node}` : "no Node (web worker)";
  const header = `VS Code ${vscode.version} (${host} extension host on ${runtime}, ${vscode.env.uiKind === vscode.UIKind.Web ? "web" : "desktop"} UI, workspace ${vscode.workspace.isTrusted ? "trusted" : "untrusted"})`;
  console.log(LINE_PREFIX + header);
  output.push(header);

  const started = Date.now();
  const failed: FailedTest[] = [];
  let runner: (MochaRunner & { stats?: { passes: number; failures: number; pending: number } }) | undefined;
  try {
    const failures = await new Promise<number>((resolve) => {
      runner = mocha.run(resolve);
      runner.on("fail", (test, error) => failed.push({ title: test.fullTitle(), error: errorText(error) }));
    });
    const stats = runner?.stats ?? { passes: 0, failures: 0, pending: 0 };
    const result: RunResult = {
      vscodeVersion: vscode.version,
      host,
      uiKind: vscode.env.uiKind === vscode.UIKind.Web ? "web" : "desktop",
      runtime,
      passes: stats.passes,
      failures: Math.max(failures, stats.failures),
      pending: stats.pending,
      durationMs: Date.now() - started,
      failed,
      output,
    };
    await writeResults(result);
    return result;
  } finally {
    reporterBase.consoleLog = originalLog;
  }
}
