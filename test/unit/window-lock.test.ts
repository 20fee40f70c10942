// The vault's cross-window protocol (src/workspace/windowLock.ts) against a fake SecretStorage
// whose reads and writes take random time, as two VS Code windows of one workspace see it.
import * as assert from "node:assert/strict";
import { updateShared, WindowLock, type KeyValueStore, type SharedValueOps } from "../../src/workspace/windowLock";

/** A store shared by every "window", each call taking 0–`maxDelayMs` ms. */
class SlowStore implements KeyValueStore {
  private readonly data = new Map<string, string>();
  constructor(private readonly maxDelayMs: number, private random: () => number) {}
  private delay<T>(value: () => T): Promise<T> {
    return new Promise((resolve) => setTimeout(() => resolve(value()), this.random() * this.maxDelayMs));
  }
  get(key: string) {
    return this.delay(() => this.data.get(key));
  }
  store(key: string, value: string) {
    return this.delay(() => void this.data.set(key, value));
  }
  delete(key: string) {
    return this.delay(() => void this.data.delete(key));
  }
}

/** A seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A vault in miniature: value → number, numbers handed out in order. */
type Mini = { next: number; entries: Record<string, number> };
function opsFor(store: KeyValueStore, key: string): SharedValueOps<Mini> {
  return {
    read: async () => JSON.parse((await store.get(key)) ?? '{"next":1,"entries":{}}') as Mini,
    write: (value) => Promise.resolve(store.store(key, JSON.stringify(value))),
    clone: (value) => JSON.parse(JSON.stringify(value)) as Mini,
    serialize: (value) => JSON.stringify(value),
    merge: (into, other) => {
      for (const [v, n] of Object.entries(other.entries)) if (!(v in into.entries)) into.entries[v] = n;
      into.next = Math.max(into.next, other.next);
    },
  };
}
const add = (value: string) => (vault: Mini) => {
  if (!(value in vault.entries)) vault.entries[value] = vault.next++;
};

const TIMING = { settleMs: 12, leaseMs: 2_000, giveUpMs: 10_000 };

describe("Cross-window vault protocol", function () {
  this.timeout(60_000);

  it("a plain read-modify-write over the slow store loses values (the race is real)", async () => {
    const random = seeded(7);
    const store = new SlowStore(8, random);
    const ops = opsFor(store, "vault");
    const naive = async (value: string) => {
      const vault = await ops.read();
      add(value)(vault);
      await ops.write(vault);
    };
    await Promise.all(Array.from({ length: 12 }, (_, i) => naive(`v${i}`)));
    const final = await ops.read();
    assert.ok(Object.keys(final.entries).length < 12, "the fake store must reproduce lost updates");
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`two windows adding values at once keep every value, each with its own number (seed ${seed})`, async () => {
      const random = seeded(seed);
      const store = new SlowStore(6, random);
      const windows = [0, 1].map(() => ({ lock: new WindowLock(store, "vault:lock", TIMING, Date.now, random), ops: opsFor(store, "vault") }));
      const values = Array.from({ length: 16 }, (_, i) => `value-${i}`);
      await Promise.all(
        values.map((value, i) => {
          const w = windows[i % 2];
          return new Promise((r) => setTimeout(r, random() * 10)).then(() => w.lock.run(() => updateShared(w.ops, add(value))));
        }),
      );
      const final = await windows[0].ops.read();
      assert.deepEqual(Object.keys(final.entries).sort(), [...values].sort(), "no value lost");
      const numbers = Object.values(final.entries);
      assert.equal(new Set(numbers).size, numbers.length, "no number stands for two values");
      assert.equal(await store.get("vault:lock"), undefined, "the lock is released");
    });
  }

  it("frees a lock whose window died once its lease is over", async () => {
    const store = new SlowStore(1, seeded(9));
    await store.store("vault:lock", JSON.stringify({ token: "dead-window", at: Date.now() - 5_000 }));
    const lock = new WindowLock(store, "vault:lock", TIMING);
    const started = Date.now();
    assert.equal(await lock.run(async () => "ran"), "ran");
    assert.ok(Date.now() - started < 1_000, "did not wait for a stale lock");
  });

  it("runs the task anyway after giving up on a lock that stays held", async () => {
    const store = new SlowStore(1, seeded(11));
    const lock = new WindowLock(store, "vault:lock", { settleMs: 2, leaseMs: 60_000, giveUpMs: 150 });
    await store.store("vault:lock", JSON.stringify({ token: "other", at: Date.now() }));
    assert.equal(await lock.run(async () => "ran"), "ran");
    assert.match((await store.get("vault:lock")) ?? "", /"other"/, "another window's lock is left alone");
  });

  it("updateShared redoes a change when the stored value moved meanwhile", async () => {
    const store = new SlowStore(0, seeded(3));
    const ops = opsFor(store, "vault");
    let runs = 0;
    await updateShared(ops, async (vault) => {
      runs++;
      if (runs === 1) await store.store("vault", JSON.stringify({ next: 2, entries: { other: 1 } }));
      add("mine")(vault);
    });
    assert.equal(runs, 2);
    assert.deepEqual((await ops.read()).entries, { other: 1, mine: 2 });
  });
});
