import * as assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CommandId, TestCommandId } from "../../src/extension/commands/ids";
import { describeError } from "../../src/extension/commands/scrubError";

interface Contributes {
  commands: { command: string }[];
  menus: Record<string, { command?: string }[]>;
  keybindings?: { command: string }[];
}

const contributes = (JSON.parse(readFileSync(join(__dirname, "../../../package.json"), "utf8")) as { contributes: Contributes }).contributes;

describe("command registry", () => {
  const table = new Set<string>(Object.values(CommandId));

  it("package.json contributes exactly the commands of the table", () => {
    assert.deepEqual(new Set(contributes.commands.map((c) => c.command)), table);
  });

  it("every menu entry and keybinding names a command of the table", () => {
    const used = [
      ...Object.values(contributes.menus).flatMap((entries) => entries.map((e) => e.command).filter((c): c is string => c !== undefined)),
      ...(contributes.keybindings ?? []).map((k) => k.command),
    ];
    assert.ok(used.length > 0);
    for (const id of used) assert.ok(table.has(id), `${id} is not in src/extension/commands/ids.ts`);
  });

  it("every command has its own file under src/extension/commands/, named after it, exporting its function", () => {
    for (const id of table) {
      const name = id.slice("veil.".length);
      const file = join(__dirname, "../../../src/extension/commands", `${name}.ts`);
      assert.ok(existsSync(file), `${id}: no src/extension/commands/${name}.ts`);
      assert.match(readFileSync(file, "utf8"), new RegExp(`export (async )?function ${name}\\(`), `${name}.ts exports no function ${name}`);
    }
  });

  it("every command is registered through the error wrapper", () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
    const root = join(__dirname, "../../../src/extension");
    const raw = files(root).filter((f) => !f.endsWith(join("commands", "register.ts")) && readFileSync(f, "utf8").includes("vscode.commands.registerCommand("));
    assert.deepEqual(raw.map((f) => f.slice(root.length + 1)), []);
  });

  it("test-only commands are never contributed", () => {
    for (const id of Object.values(TestCommandId)) assert.ok(!table.has(id) && id.startsWith("veil.internal."), id);
  });
});

describe("command error wrapper", () => {
  it("drops paths and values from a failure's message", () => {
    const secret = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    const message = describeError(new Error(`could not edit /home/marie/Clients/Acme Corp/notes.md: token ${secret} rejected, see C:\\Users\\marie\\acme.txt`));
    for (const part of ["/home/marie", "Clients", "notes.md", secret, secret.slice(4, 16), "C:\\Users", "acme.txt"]) {
      assert.ok(!message.includes(part), `${part} in ${message}`);
    }
    assert.match(message, /^Error: could not edit ‹path›/);
  });

  it("drops a URI and a quoted name, and the workspace's terms", () => {
    const message = describeError(new TypeError(`cannot open file:///srv/acme/x.ts or 'Projet Falcon' for jean.dupont@acme.fr`), {
      terms: [{ value: "Falcon", kind: "codename" }],
    } as never);
    for (const part of ["file://", "/srv/acme", "Falcon", "jean.dupont", "acme.fr"]) assert.ok(!message.includes(part), `${part} in ${message}`);
    assert.ok(message.startsWith("TypeError: "));
  });

  it("names only the type of a non-Error value", () => {
    assert.equal(describeError("secret /home/marie/acme"), "string");
  });
});
