// Windows of one workspace take turns on a shared entry of a key-value store (VS Code's
// SecretStorage, shared by every window) through a lock entry beside it. No `vscode`: the
// protocol is tested against a fake store with the latencies that make two windows race.

/** The part of VS Code's SecretStorage that the lock and the vault use. */
export interface KeyValueStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export interface LockTiming {
  /** How long a window waits after writing its token before reading it back: longer than one store takes. */
  settleMs: number;
  /** A lock older than this belongs to a window that died: it is free. */
  leaseMs: number;
  /** After this long the task runs without the lock (the caller's read-back still catches most races). */
  giveUpMs: number;
}

export const DEFAULT_LOCK_TIMING: LockTiming = { settleMs: 40, leaseMs: 5_000, giveUpMs: 15_000 };

declare function setTimeout(callback: () => void, ms: number): unknown;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Fischer's mutual exclusion over a store: write your token when the lock is free, wait
 * longer than a store takes, read it back; whoever reads their own token holds it.
 */
export class WindowLock {
  constructor(
    private readonly store: KeyValueStore,
    readonly key: string,
    private readonly timing: LockTiming = DEFAULT_LOCK_TIMING,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  /** The lock entry as stored; undefined when free, unreadable or not a lock. */
  private async read(): Promise<{ token: string; at: number } | undefined> {
    let raw: string | undefined;
    try {
      raw = await this.store.get(this.key);
    } catch {
      return undefined;
    }
    return parseLock(raw);
  }

  /** Runs `task` while holding the lock; never blocks forever (see LockTiming.giveUpMs). */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const token = `${this.now()}-${this.random().toString(36).slice(2)}`;
    const started = this.now();
    let held = false;
    while (!held && this.now() - started < this.timing.giveUpMs) {
      const current = await this.read();
      if (current && current.token !== token && this.now() - current.at < this.timing.leaseMs) {
        await sleep(5 + this.random() * 20);
        continue;
      }
      await this.store.store(this.key, JSON.stringify({ token, at: this.now() }));
      await sleep(this.timing.settleMs);
      held = (await this.read())?.token === token;
      if (!held) await sleep(5 + this.random() * 20);
    }
    try {
      return await task();
    } finally {
      if (held && (await this.read())?.token === token) {
        await Promise.resolve(this.store.delete(this.key)).then(undefined, () => undefined);
      }
    }
  }
}

function parseLock(raw: string | undefined): { token: string; at: number } | undefined {
  if (!raw) return undefined;
  try {
    const lock = JSON.parse(raw) as { token?: unknown; at?: unknown };
    return typeof lock.token === "string" && typeof lock.at === "number" ? { token: lock.token, at: lock.at } : undefined;
  } catch {
    return undefined;
  }
}

/** How to compare, copy and reconcile the shared value (a vault) for {@link updateShared}. */
export interface SharedValueOps<V> {
  read(): Promise<V>;
  write(value: V): Promise<void>;
  clone(value: V): V;
  serialize(value: V): string;
  /** Keeps both sides' entries, the last resort after repeated races. */
  merge(into: V, other: V): void;
  /** Drops what has expired (applied to every version read). */
  expire?(value: V): void;
}

/**
 * Runs `change` on the stored value and saves the result. When another writer saved
 * meanwhile, `change` runs again on the fresh value (it must depend only on what it is given),
 * so no entry is lost and one key never stands for two values; after a save, the value is read
 * back, because a save can still cross another writer's.
 */
export async function updateShared<V, T>(ops: SharedValueOps<V>, change: (value: V) => T | Promise<T>, maxAttempts = 8): Promise<{ result: T; value: V }> {
  let base = await ops.read();
  for (let attempt = 1; ; attempt++) {
    ops.expire?.(base);
    const before = ops.serialize(base);
    const working = ops.clone(base);
    const result = await change(working);
    if (ops.serialize(working) === before) return { result, value: working };
    const latest = await ops.read();
    ops.expire?.(latest);
    if (ops.serialize(latest) === before || attempt >= maxAttempts) {
      if (ops.serialize(latest) !== before) ops.merge(working, latest);
      await ops.write(working);
      const stored = await ops.read();
      if (attempt >= maxAttempts || ops.serialize(stored) === ops.serialize(working)) return { result, value: working };
      base = stored;
      continue;
    }
    base = latest;
  }
}
