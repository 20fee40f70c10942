/**
 * The map file of `veil anonymize --map` and `veil snippet --map`: placeholders and the real
 * values behind them. One reader and one writer for both commands, so both keep it private
 * (mode 0600, written atomically) and both warn when git would commit it.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { CorruptVaultError, Vault } from "../engine";

/** A map that cannot be read, parsed or written; the message starts with the command's name. */
export class MapFileError extends Error {}

/** The reason of a file system error, without a stack or the errno number. */
export function fsErrorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === "ENOENT") return "no such file";
  if (e?.code === "EACCES" || e?.code === "EPERM") return "permission denied";
  if (e?.code === "EISDIR") return "is a directory";
  return e?.message ?? String(error);
}

/** The map file's text, or `undefined` when it does not exist. */
export function readMapText(path: string, shown: string, command: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === "ENOENT") return undefined;
    throw new MapFileError(`${command}: cannot read map ${shown}: ${fsErrorText(error)}`);
  }
}

/** Parses a map's text. The error says what is wrong and where, never the values around it. */
export function parseMap(text: string, shown: string, command: string): Vault {
  try {
    return Vault.fromJSON(text);
  } catch (error) {
    const reason = error instanceof CorruptVaultError ? error.reason : "unreadable content";
    throw new MapFileError(`${command}: map ${shown} is unusable: ${reason}. It was left as it is; fix it, or move it away to start a new map`);
  }
}

/** Reads a map file; a missing file is an empty map when `missingOk`. */
export function readMap(path: string, shown: string, command: string, missingOk: boolean): Vault {
  const text = readMapText(path, shown, command);
  if (text === undefined) {
    if (missingOk) return new Vault();
    throw new MapFileError(`${command}: cannot read map ${shown}: no such file`);
  }
  return parseMap(text, shown, command);
}

/**
 * Writes the map through a 0600 temporary file renamed over it, so it is never half-written
 * nor readable by others, whatever the umask and whatever the mode of the file it replaces.
 */
export function writeMap(path: string, vault: Vault, shown: string, command: string, whatWasNotDone: string): void {
  const temp = resolve(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync(temp, "wx", 0o600);
    let written = false;
    try {
      fchmodSync(fd, 0o600);
      writeSync(fd, JSON.stringify(vault.toJSON(), null, 2) + "\n");
      fsyncSync(fd);
      written = true;
    } finally {
      closeSync(fd);
      if (!written) unlinkSync(temp);
    }
    try {
      renameSync(temp, path);
    } catch (error) {
      unlinkSync(temp);
      throw error;
    }
  } catch (error) {
    throw new MapFileError(`${command}: cannot write map ${shown}: ${fsErrorText(error)}; ${whatWasNotDone}`);
  }
}

/**
 * An existing map reused without change keeps its content; its mode is narrowed to 0600 when
 * others (or the group) could read it. A map we may not chmod (another user's) is left as is.
 */
export function keepPrivate(path: string): void {
  try {
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  } catch {
    // Not ours to change, or gone meanwhile: reading it already worked, nothing to narrow.
  }
}

/** A warning when `path` is inside a git work tree and git would not ignore it. */
export function gitExposureWarning(path: string, shown: string, env: Record<string, string | undefined>): string | undefined {
  const result = spawnSync("git", ["check-ignore", "-q", "--", basename(path)], {
    cwd: dirname(path),
    env: { ...process.env, ...env, GIT_OPTIONAL_LOCKS: "0" },
    stdio: "ignore",
    timeout: 5000,
  });
  // Status 1: inside a work tree and not ignored. 0: ignored. 128 or an error: no repository, no git.
  if (result.error || result.status !== 1) return undefined;
  return `map ${shown} is inside a git work tree and not ignored by git: add it to .gitignore so the real values are never committed`;
}
