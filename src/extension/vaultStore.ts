import * as vscode from "vscode";
import type { Vault } from "../engine";
import { updateShared, WindowLock } from "../workspace/windowLock";
import { engine } from "./engine";

const DAY_MS = 24 * 60 * 60 * 1000;
const KEY_PREFIX = "veil.vault:";

/** What the store does when the stored vault cannot be read (shown once per store). */
export type CorruptVaultReporter = (detail: string) => void;

export interface VaultStoreOptions {
  /** Entries older than this are dropped on load and before each save; read on every use. */
  ttlDays: () => number;
  /** Called once when the stored vault is unreadable and has been reset. */
  onCorrupt?: CorruptVaultReporter;
  now?: () => number;
}

interface WorkspaceShape {
  workspaceFile?: vscode.Uri;
  workspaceFolders?: readonly { uri: vscode.Uri }[];
  name?: string;
}

function workspaceIdentity(workspace: WorkspaceShape): string {
  if (workspace.workspaceFile && workspace.workspaceFile.scheme !== "untitled") return `file:${workspace.workspaceFile.toString()}`;
  if (workspace.workspaceFolders?.length) return `folders:${workspace.workspaceFolders.map((f) => f.uri.toString()).join("\n")}`;
  return `window:${workspace.name ?? ""}`;
}

/**
 * The SecretStorage key of a workspace's vault: one vault per workspace, named by a hash so
 * that folder paths (which may hold a client's name) are not written as key names.
 */
export function vaultKeyFor(workspace: WorkspaceShape): string {
  return KEY_PREFIX + engine().sha256Hex(workspaceIdentity(workspace));
}

/**
 * The same key for a store made at activation: the workspace is read now, the hash is taken
 * on first use, so activation does not load the engine.
 */
export function lazyVaultKeyFor(workspace: WorkspaceShape): () => string {
  const identity = workspaceIdentity(workspace);
  let key: string | undefined;
  return () => (key ??= KEY_PREFIX + engine().sha256Hex(identity));
}

// Writers of one key inside this extension host take turns, so two stores (or two commands)
// never interleave read-modify-write; other windows are handled by re-reading before saving.
const keyLocks = new Map<string, Promise<unknown>>();

function withKeyLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = keyLocks.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  keyLocks.set(key, settled);
  void settled.then(() => {
    if (keyLocks.get(key) === settled) keyLocks.delete(key);
  });
  return run;
}

function emptyVault(): Vault {
  return engine().Vault.fromJSON({ version: 1, entries: [] });
}

function cloneVault(vault: Vault): Vault {
  return engine().Vault.fromJSON(vault.toJSON());
}

function serialize(vault: Vault): string {
  return JSON.stringify(vault.toJSON());
}

/**
 * The workspace's vault of placeholders, kept in SecretStorage (encrypted by the OS keychain,
 * never in a plain file or a setting). Every operation reads the stored vault afresh, so two
 * windows of the same workspace see each other's placeholders; a change is saved at once.
 */
export class VaultStore implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the stored vault changed, here or in another window. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;
  private corruptionReported = false;
  private cached: Vault | undefined;
  private resolvedKey: string | undefined;
  private lock: WindowLock | undefined;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly keySource: string | (() => string),
    private readonly options: VaultStoreOptions,
  ) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key !== this.key) return;
      this.cached = undefined;
      this.changeEmitter.fire();
    });
  }

  /** The SecretStorage key (given, or computed on first use). */
  get key(): string {
    return (this.resolvedKey ??= typeof this.keySource === "string" ? this.keySource : this.keySource());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private maxAgeMs(): number {
    const days = this.options.ttlDays();
    return Number.isFinite(days) && days > 0 ? days * DAY_MS : 30 * DAY_MS;
  }

  /** Reads and parses the stored vault; an unreadable one is reported once and reset. */
  private async readStored(): Promise<Vault> {
    let raw: string | undefined;
    try {
      raw = await this.secrets.get(this.key);
    } catch (error) {
      // The keychain itself failed: work with an empty vault this time, keep what is stored.
      this.report(`the secret storage could not be read (${errorName(error)})`);
      return emptyVault();
    }
    if (raw === undefined || raw === "") return emptyVault();
    try {
      // Parsed by the vault itself: its errors say what is wrong and where, never the values.
      return engine().Vault.fromJSON(raw);
    } catch (error) {
      const reason = error instanceof engine().CorruptVaultError ? (error as { reason: string }).reason : errorName(error);
      this.report(`the stored vault is not valid (${reason}); it was reset`);
      await this.secrets.delete(this.key).then(undefined, () => undefined);
      return emptyVault();
    }
  }

  private report(detail: string): void {
    if (this.corruptionReported) return;
    this.corruptionReported = true;
    this.options.onCorrupt?.(detail);
  }

  /** Windows of one workspace take turns on its vault through a lock entry beside it (src/workspace/windowLock.ts). */
  private get windowLock(): WindowLock {
    return (this.lock ??= new WindowLock(this.secrets, `${this.key}:lock`));
  }

  private async write(vault: Vault): Promise<void> {
    // Stored even when empty: the vault's counters keep old placeholders from being reissued.
    await this.secrets.store(this.key, serialize(vault));
    this.cached = cloneVault(vault);
  }

  /** The current vault (a copy: changes to it are not saved). Expired entries are dropped. */
  async load(): Promise<Vault> {
    return withKeyLock(this.key, async () => {
      const stored = await this.readStored();
      if (stored.expire(this.maxAgeMs(), this.now()) > 0) await this.write(stored);
      this.cached = cloneVault(stored);
      return stored;
    });
  }

  /** The vault as last loaded, without reading storage; undefined before the first load. */
  get snapshot(): Vault | undefined {
    return this.cached ? cloneVault(this.cached) : undefined;
  }

  /**
   * Runs `change` on the current vault and saves the result. If another window saved the
   * vault meanwhile, `change` runs again on the fresh vault (it must only depend on the vault
   * it is given), so one placeholder never stands for two values and no entry is lost.
   */
  async update<T>(change: (vault: Vault) => T | Promise<T>): Promise<T> {
    return withKeyLock(this.key, () =>
      this.windowLock.run(async () => {
        const { result, value } = await updateShared<Vault, T>(
          {
            read: () => this.readStored(),
            write: (vault) => this.write(vault),
            clone: cloneVault,
            serialize,
            merge: (into, other) => void into.merge(other),
            expire: (vault) => void vault.expire(this.maxAgeMs(), this.now()),
          },
          change,
        );
        this.cached = value;
        return result;
      }),
    );
  }

  /**
   * Forgets every value of this workspace. The numbering is kept, so a placeholder seen
   * before the purge is reported unknown instead of being restored to a newer value.
   */
  async purge(): Promise<void> {
    await this.update((vault) => vault.purge());
  }
}

function errorName(error: unknown): string {
  // The message of a parse error can quote the stored text, which holds real values.
  return error instanceof Error ? error.name : typeof error;
}
