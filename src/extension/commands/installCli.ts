// "Veil: Install Command-Line Tool…": a `veil` launcher in a directory on the user's PATH that
// runs the CLI bundle shipped in the extension (dist/cli.js) with VS Code's own runtime, the
// way VS Code installs its `code` command. Node only: main.ts leaves it out of the web build.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import { CommandId } from "./ids";
import { registerCommand } from "./register";
import type { ExtensionServices } from "../services";

export const INSTALL_CLI_COMMAND = CommandId.installCli;
const MARKER = "installed by the Veil VS Code extension (veil.veil)";
const STATE_KEY = "veil.cliLauncher";
const isWindows = process.platform === "win32";
const launcherName = isWindows ? "veil.cmd" : "veil";

function bundlePath(context: vscode.ExtensionContext): string {
  return path.join(context.extensionPath, "dist", "cli.js");
}

/** The launcher's text: VS Code's runtime as Node (ELECTRON_RUN_AS_NODE) on the shipped bundle. */
export function launcherText(runtime: string, bundle: string): string {
  if (isWindows) return `@echo off\r\nrem veil: ${MARKER}\r\nset ELECTRON_RUN_AS_NODE=1\r\n"${runtime}" "${bundle}" %*\r\n`;
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `#!/bin/sh\n# veil: ${MARKER}. It runs the command-line tool shipped with the extension.\nELECTRON_RUN_AS_NODE=1 exec ${quote(runtime)} ${quote(bundle)} "$@"\n`;
}

function isWritableDirectory(directory: string): boolean {
  try {
    return fs.statSync(directory).isDirectory() && (fs.accessSync(directory, fs.constants.W_OK), true);
  } catch {
    return false;
  }
}

/** Directories on PATH the user can write to, the ones under the home directory first; ~/.local/bin offered when missing. */
export function candidateDirectories(env: NodeJS.ProcessEnv = process.env): { directory: string; onPath: boolean }[] {
  const home = os.homedir();
  const onPath = [...new Set((env.PATH ?? "").split(path.delimiter).filter((d) => d && path.isAbsolute(d)))];
  const writable = onPath.filter(isWritableDirectory).sort((a, b) => Number(!a.startsWith(home)) - Number(!b.startsWith(home)));
  const result = writable.map((directory) => ({ directory, onPath: true }));
  const local = path.join(home, ".local", "bin");
  if (!isWindows && !result.some((r) => r.directory === local)) result.push({ directory: local, onPath: onPath.includes(local) });
  return result;
}

/** Writes the launcher into `directory` (created if missing); refuses to replace a `veil` Veil did not install. */
export function installLauncher(directory: string, runtime: string, bundle: string): string {
  fs.mkdirSync(directory, { recursive: true });
  const target = path.join(directory, launcherName);
  let existing: string | undefined;
  try {
    existing = fs.readFileSync(target, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (existing !== undefined && !existing.includes(MARKER)) {
    throw new LauncherConflict(target);
  }
  const temporary = `${target}.veil-${process.pid}.tmp`;
  fs.writeFileSync(temporary, launcherText(runtime, bundle), { mode: 0o755 });
  fs.renameSync(temporary, target);
  return target;
}

export class LauncherConflict extends Error {
  constructor(readonly target: string) {
    super("a veil command that Veil did not install is already there");
    this.name = "LauncherConflict";
  }
}

async function pickDirectory(): Promise<string | undefined> {
  const items: (vscode.QuickPickItem & { directory?: string })[] = candidateDirectories().map(({ directory, onPath }) => ({
    label: directory,
    description: onPath ? vscode.l10n.t("on your PATH") : vscode.l10n.t("not on your PATH yet"),
    directory,
  }));
  items.push({ label: vscode.l10n.t("Choose another directory…") });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t("Veil: where to install the veil command"), placeHolder: vscode.l10n.t("A directory on your PATH") });
  if (!picked) return undefined;
  if (picked.directory) return picked.directory;
  const chosen = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: vscode.l10n.t("Install Here") });
  return chosen?.[0]?.fsPath;
}

/** The command. `options.directory` (automation, tests): install there without asking. */
export async function installCli(context: vscode.ExtensionContext, services: ExtensionServices, options?: { directory?: string }): Promise<string | undefined> {
  const bundle = bundlePath(context);
  if (!fs.existsSync(bundle)) {
    void vscode.window.showErrorMessage(vscode.l10n.t("This build of Veil does not include the command-line tool (dist/cli.js is missing)."));
    return undefined;
  }
  let directory = typeof options?.directory === "string" ? options.directory : undefined;
  if (directory === undefined) {
    directory = await pickDirectory();
    if (directory === undefined) return undefined;
    const install = vscode.l10n.t("Install");
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t("Install the veil command in {0}? It runs the command-line tool shipped with this extension.", directory),
      { modal: true },
      install,
    );
    if (answer !== install) return undefined;
  }
  let target: string;
  try {
    target = installLauncher(directory, process.execPath, bundle);
  } catch (error) {
    if (error instanceof LauncherConflict) {
      void vscode.window.showErrorMessage(vscode.l10n.t("There is already a veil command in {0} that Veil did not install. Remove it or choose another directory.", directory));
    } else {
      void vscode.window.showErrorMessage(vscode.l10n.t("Veil could not write the veil command in {0}: {1}", directory, (error as NodeJS.ErrnoException).code ?? "error"));
    }
    return undefined;
  }
  await context.globalState.update(STATE_KEY, target);
  services.output.appendLine(`[${new Date().toISOString()}] installed the veil command: ${target}`);
  const onPath = (process.env.PATH ?? "").split(path.delimiter).includes(directory);
  if (!options?.directory) {
    void vscode.window.showInformationMessage(
      onPath
        ? vscode.l10n.t("The veil command is installed in {0}. Open a new terminal and run veil --help.", directory)
        : vscode.l10n.t("The veil command is installed in {0}, which is not on your PATH yet: add it to PATH, then run veil --help.", directory),
    );
  }
  return target;
}

/**
 * An extension update moves the bundle (the version is in the extension's folder name): the
 * launcher installed before is pointed at the new one, if it is still Veil's.
 */
function refreshLauncher(context: vscode.ExtensionContext): void {
  const target = context.globalState.get<string>(STATE_KEY);
  if (!target) return;
  try {
    const text = fs.readFileSync(target, "utf8");
    const wanted = launcherText(process.execPath, bundlePath(context));
    if (text.includes(MARKER) && text !== wanted && fs.existsSync(bundlePath(context))) installLauncher(path.dirname(target), process.execPath, bundlePath(context));
  } catch {
    // Removed by the user, or unreadable: leave it.
  }
}

export function registerInstallCli(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, INSTALL_CLI_COMMAND, (options) => installCli(context, services, options as { directory?: string } | undefined));
  const timer = setTimeout(() => refreshLauncher(context), 2000);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}
