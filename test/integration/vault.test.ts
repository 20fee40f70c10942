// The workspace vault in SecretStorage: persistence (read back through a fresh store, as a
// reloaded window would), purge, expiry, concurrent writers, corrupted data.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { anonymize, restore, Vault } from "../../src/engine";
import { VaultStore, vaultKeyFor } from "../../src/extension/vaultStore";
import { activateVeil, readClipboard, runCommand } from "./helpers";
import { FAKE_AWS_KEY_1, FAKE_AWS_KEY_2, FAKE_AWS_KEY_3, forgetAll, freshVaultStore, placeholdersIn, readVault, testHooks, closeEditorsReverting, openScratch } from "./commandTestSupport";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One window's view of the workspace's SecretStorage, as a second extension host has it. A
 * VaultStore's in-process lock is keyed by its key's name, so a store over this view (under
 * its own name for the same stored vault) never waits for another window's store; every read
 * and write is delayed by a few milliseconds, so the two windows' reads and writes interleave.
 */
function windowView(secrets: vscode.SecretStorage, realKey: string, name: string, delayMs: () => number): { secrets: vscode.SecretStorage; key: string; dispose(): void } {
  const key = `${realKey}#${name}`;
  // The vault's key and the keys derived from it (its cross-window lock) map to the real ones.
  const toReal = (k: string) => (k.startsWith(key) ? realKey + k.slice(key.length) : k);
  const emitter = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  const subscription = secrets.onDidChange((event) => emitter.fire({ key: event.key.startsWith(realKey) ? key + event.key.slice(realKey.length) : event.key }));
  const later = <T>(operation: () => Thenable<T>): Promise<T> => new Promise((resolve) => setTimeout(resolve, delayMs())).then(() => operation());
  const view: vscode.SecretStorage = {
    get: (k) => later(() => secrets.get(toReal(k))),
    store: (k, v) => later(() => secrets.store(toReal(k), v)),
    delete: (k) => later(() => secrets.delete(toReal(k))),
    onDidChange: emitter.event,
  };
  return {
    secrets: view,
    key,
    dispose: () => {
      subscription.dispose();
      emitter.dispose();
    },
  };
}

suite("Vault in SecretStorage", () => {
  suiteSetup(activateVeil);
  setup(forgetAll);
  teardown(closeEditorsReverting);

  test("the vault key is per workspace, hashed, and the vault is not written to settings", async () => {
    const hooks = await testHooks();
    assert.equal(hooks.vaultKey, vaultKeyFor(vscode.workspace));
    assert.match(hooks.vaultKey, /^veil\.vault:[0-9a-f]{64}$/);
    const other = vaultKeyFor({ workspaceFolders: [{ uri: vscode.Uri.parse("file:///somewhere/else") }] });
    assert.notEqual(other, hooks.vaultKey);
    await openScratch(`k=${FAKE_AWS_KEY_1}`);
    await runCommand("veil.copyAnonymized");
    const inspected = JSON.stringify(vscode.workspace.getConfiguration("veil"));
    assert.ok(!inspected.includes(FAKE_AWS_KEY_1), "no value in settings");
  });

  test("a copied value survives a reload: a fresh store reads it back from SecretStorage", async () => {
    await openScratch(`aws ${FAKE_AWS_KEY_1}`);
    await runCommand("veil.copyAnonymized");
    const [placeholder] = placeholdersIn(await readClipboard());
    const vault = await readVault();
    assert.equal(vault.size, 1);
    assert.equal(vault.lookup(placeholder)?.value, FAKE_AWS_KEY_1);
    assert.equal(vault.lookup(placeholder)?.kind, "aws-access-key-id");
  });

  test("forget placeholder values purges the vault; an old placeholder is then reported unknown", async () => {
    await openScratch(`aws ${FAKE_AWS_KEY_2}`);
    await runCommand("veil.copyAnonymized");
    const anonymized = await readClipboard();
    const [placeholder] = placeholdersIn(anonymized);
    assert.equal((await readVault()).size, 1);

    const forgotten = await runCommand<boolean>("veil.forgetPlaceholders", { confirm: false });
    assert.equal(forgotten, true);
    assert.equal((await readVault()).size, 0);

    const editor = await openScratch("");
    const outcome = await runCommand<{ restored: number; unknown: string[] }>("veil.pasteWithRealValues");
    assert.deepEqual(outcome, { restored: 0, unknown: [placeholder] });
    assert.equal(editor.document.getText(), anonymized, "nothing is restored after the purge");

    // Numbers are not reissued: the same value now gets a new placeholder.
    await openScratch(`aws ${FAKE_AWS_KEY_2}`);
    await runCommand("veil.copyAnonymized");
    assert.notEqual(placeholdersIn(await readClipboard())[0], placeholder);
  });

  test("two stores saving at the same time keep both entries, with different placeholders", async () => {
    const a = await freshVaultStore();
    const b = await freshVaultStore();
    try {
      const [ra, rb] = await Promise.all([
        a.update((vault) => anonymize(`one ${FAKE_AWS_KEY_1}`, vault)),
        b.update((vault) => anonymize(`two ${FAKE_AWS_KEY_2}`, vault)),
      ]);
      const stored = await readVault();
      assert.equal(stored.size, 2);
      assert.notEqual(placeholdersIn(ra.text)[0], placeholdersIn(rb.text)[0]);
      assert.equal(restore(ra.text, stored).text, `one ${FAKE_AWS_KEY_1}`);
      assert.equal(restore(rb.text, stored).text, `two ${FAKE_AWS_KEY_2}`);
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  test("two windows copying at the same time: no entry lost, no placeholder for two values", async function () {
    this.timeout(120_000);
    const hooks = await testHooks();
    let seed = 7;
    const delay = () => (seed = (seed * 16807) % 2147483647) % 7;
    const views = ["A", "B"].map((name) => windowView(hooks.secrets, hooks.vaultKey, name, delay));
    const stores = views.map((view) => new VaultStore(view.secrets, view.key, { ttlDays: () => 30 }));
    try {
      const shared = "shared.contact@example-client.fr";
      const inputs: [number, string][] = [];
      for (let i = 0; i < 8; i++) for (const w of [0, 1]) inputs.push([w, `window ${w} copy ${i}: w${w}.person${i}@example-client.fr, cc ${shared}`]);
      // Every copy of both windows at once; within a window they take turns, across windows they race.
      const results = await Promise.all(inputs.map(([w, input]) => stores[w].update((vault) => anonymize(input, vault))));
      const stored = await readVault();
      const values = new Set(stored.toJSON().entries.map((e) => e.value));
      const expected = [shared, ...inputs.map(([, input]) => /w\d\.person\d@example-client\.fr/.exec(input)![0])];
      const lost = expected.filter((v) => !values.has(v));
      assert.deepEqual(lost, [], `${lost.length} of ${expected.length} values lost`);
      results.forEach((result, i) => {
        assert.equal(placeholdersIn(result.text).length, 2, "two placeholders per copy");
        assert.equal(restore(result.text, stored).text, inputs[i][1], `copy ${i}: every placeholder handed out still stands for its own value`);
      });
      const placeholders = stored.toJSON().entries.map((e) => e.placeholder);
      assert.equal(new Set(placeholders).size, placeholders.length, "one value per placeholder");
      assert.equal(await hooks.secrets.get(`${hooks.vaultKey}:lock`), undefined, "the cross-window lock is released");
    } finally {
      stores.forEach((s) => s.dispose());
      views.forEach((v) => v.dispose());
    }
  });

  test("another window saving during an update: the change is redone on the fresh vault, nothing lost", async () => {
    const hooks = await testHooks();
    const store = await freshVaultStore();
    try {
      let calls = 0;
      const result = await store.update(async (vault) => {
        calls++;
        const anonymized = anonymize(`mine ${FAKE_AWS_KEY_1}`, vault);
        if (calls === 1) {
          // Another window of this workspace writes its own entry meanwhile, with the same number.
          const other = Vault.fromJSON({ version: 1, entries: [] });
          anonymize(`theirs ${FAKE_AWS_KEY_3}`, other);
          await hooks.secrets.store(hooks.vaultKey, JSON.stringify(other.toJSON()));
        }
        return anonymized;
      });
      assert.equal(calls, 2, "the change ran again on the vault the other window saved");
      const stored = await readVault();
      assert.equal(stored.size, 2);
      assert.equal(restore(result.text, stored).text, `mine ${FAKE_AWS_KEY_1}`, "the placeholder handed out is the one saved");
      const values = stored.toJSON().entries.map((e) => e.value).sort();
      assert.deepEqual(values, [FAKE_AWS_KEY_1, FAKE_AWS_KEY_3].sort());
    } finally {
      store.dispose();
    }
  });

  test("entries older than the time to live are dropped on load", async () => {
    const hooks = await testHooks();
    const now = Date.now();
    const data = {
      version: 1,
      entries: [
        { placeholder: "[AWS_ACCESS_KEY_ID_1]", kind: "aws-access-key-id", value: FAKE_AWS_KEY_1, createdAt: now - 40 * DAY_MS },
        { placeholder: "[AWS_ACCESS_KEY_ID_2]", kind: "aws-access-key-id", value: FAKE_AWS_KEY_2, createdAt: now - 2 * DAY_MS },
      ],
    };
    await hooks.secrets.store(hooks.vaultKey, JSON.stringify(data));
    const store = await freshVaultStore({ ttlDays: 30 });
    try {
      const vault = await store.load();
      assert.equal(vault.size, 1);
      assert.equal(vault.lookup("[AWS_ACCESS_KEY_ID_2]")?.value, FAKE_AWS_KEY_2);
      assert.equal(vault.lookup("[AWS_ACCESS_KEY_ID_1]"), undefined);
      assert.ok(!(await hooks.secrets.get(hooks.vaultKey))?.includes(FAKE_AWS_KEY_1), "the expired value is removed from storage too");
    } finally {
      store.dispose();
    }
  });

  test("a corrupted stored vault holding values is reported without quoting them, and reset", async () => {
    const hooks = await testHooks();
    const entry = `{"placeholder":"[AWS_ACCESS_KEY_1]","kind":"aws-access-key-id","value":"${FAKE_AWS_KEY_1}","createdAt":1}`;
    const corrupt = [
      `{"version":1,"entries":[${entry} x]}`,
      FAKE_AWS_KEY_1,
      `{"version":"${FAKE_AWS_KEY_1}","entries":[]}`,
      `{"version":1,"entries":[${entry}],"counters":{"key ${FAKE_AWS_KEY_2}":1}}`,
      `{"version":1,"entries":[${entry.replace('"createdAt":1', '"createdAt":"' + FAKE_AWS_KEY_2 + '"')}]}`,
    ];
    for (const stored of corrupt) {
      await hooks.secrets.store(hooks.vaultKey, stored);
      const reports: string[] = [];
      const store = await freshVaultStore({ onCorrupt: (detail) => reports.push(detail) });
      try {
        assert.equal((await store.load()).size, 0);
        assert.equal(reports.length, 1);
        assert.match(reports[0], /^the stored vault is not valid \(.+\); it was reset$/);
        for (const value of [FAKE_AWS_KEY_1, FAKE_AWS_KEY_2]) assert.ok(!reports[0].includes(value) && !reports[0].includes(value.slice(4, 12)), `the report quotes a value: ${reports[0].length} chars`);
        assert.equal(await hooks.secrets.get(hooks.vaultKey), undefined, "the corrupt vault is deleted");
      } finally {
        store.dispose();
      }
    }
  });

  test("a corrupted stored vault is reported once and reset, and the commands keep working", async () => {
    const hooks = await testHooks();
    await hooks.secrets.store(hooks.vaultKey, '{"version": 1, "entries": [ {"placeholder": "not one"');
    const reports: string[] = [];
    const store = await freshVaultStore({ onCorrupt: (detail) => reports.push(detail) });
    try {
      assert.equal((await store.load()).size, 0);
      assert.equal(reports.length, 1);
      assert.ok(!reports[0].includes("not one"), "the report does not quote the stored text");
      await hooks.secrets.store(hooks.vaultKey, "garbage again");
      await store.load();
      assert.equal(reports.length, 1, "reported once");
    } finally {
      store.dispose();
    }
    // The extension's own store meets the corrupt data too: it resets it and copies.
    await hooks.secrets.store(hooks.vaultKey, "[[[not json");
    await openScratch(`aws ${FAKE_AWS_KEY_3}`);
    const result = await runCommand<{ replaced: number } | undefined>("veil.copyAnonymized");
    assert.equal(result?.replaced, 1);
    const vault = await readVault();
    assert.equal(vault.size, 1);
    assert.equal(restore(await readClipboard(), vault).text, `aws ${FAKE_AWS_KEY_3}`);
  });
});
