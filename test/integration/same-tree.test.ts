// One fixture tree, read by `veil scan` (the CLI bundle the extension ships, as a process) and
// by Scan Workspace: the same files scanned, the same findings at the same places, and the
// ignore files read as git reads them (`git check-ignore` is the oracle). Node host only: it
// spawns processes.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, veilDiagnostics, workspaceUri, nodeModule } from "./helpers";

const SCAN = "veil.internal.scanWorkspace";
const TREE = "veil-same-tree";
const MAX_KB = 64;

interface ScanResult {
  files: { path: string; findings: { category: string; kind: string }[] }[];
  workers: number;
}

interface CliFinding {
  path: string;
  ruleId: string;
  kind: string;
  category: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

// Obviously fake values, built from pieces.
const AWS_KEY = "AKIA" + "ZXCVBNMASDFGHJKL";
const EMAIL = "camille.devaux@example-client.fr";

function utf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = bom ? "\ufeff" + text : text;
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i] = endian === "le" ? u & 0xff : u >> 8;
    out[2 * i + 1] = endian === "le" ? u >> 8 : u & 0xff;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const keyLine = (n: number) => `# fixture ${n}\naws_access_key_id = ${AWS_KEY}\n`;

/** Unanchored patterns only: the same lines at the workspace's root (Scan Workspace) and the tree's (veil scan) mean the same. */
const VEILIGNORE = ["# build output", "*.{js,map}", "*.log", "!keep.log", "build/", "draft-*"].join("\n") + "\n";

/** The tree: each text file holds a finding, so "files with findings" is "files scanned". */
function fixture(): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {
    "plain.txt": utf8(`Contact: ${EMAIL}\n`),
    "crlf-emoji.md": utf8(`# Brief 😀 é\r\nClé : ${AWS_KEY}\r\n`),
    "bad-utf8.txt": new Uint8Array([0xff, 0xc3, 0x28, 0x0a, ...utf8(`owner ${EMAIL}\n`)]),
    "u16le-bom.txt": utf16(keyLine(1), "le", true),
    "u16be-bom.txt": utf16(keyLine(2), "be", true),
    "u16le.txt": utf16(keyLine(3), "le", false),
    "u16be.txt": utf16(keyLine(4), "be", false),
    "blob.raw": new Uint8Array([0, 1, 2, 0, 0, 7, ...utf8(keyLine(5))]),
    "photo.png": utf8(keyLine(6)),
    "big.txt": utf8(`${keyLine(7)}${"x".repeat(79)}\n`.repeat(Math.ceil((MAX_KB * 1024 * 1.5) / 120))),
    // .veilignore: braces are literal in git, so app.js is scanned and lit.{js,map} is not.
    "app.js": utf8(`const key = "${AWS_KEY}";\n`),
    "lit.{js,map}": utf8(keyLine(8)),
    "server.log": utf8(keyLine(9)),
    "keep.log": utf8(keyLine(10)),
    "build/out.txt": utf8(keyLine(11)),
    "build.txt": utf8(keyLine(12)),
    "notes/draft-plan.md": utf8(`${EMAIL}\n`),
    "notes/plan.md": utf8(`${EMAIL}\n`),
    ".veilignore": utf8(VEILIGNORE),
    // .gitignore files, nested, with an anchored directory, a negation and a re-inclusion below.
    ".gitignore": utf8("/secrets/\n*.tmp\n!important.tmp\n"),
    "secrets/a.txt": utf8(keyLine(13)),
    "nested/secrets/b.txt": utf8(keyLine(14)),
    "c.tmp": utf8(keyLine(15)),
    "important.tmp": utf8(keyLine(16)),
    "nested/.gitignore": utf8("local.txt\n"),
    "nested/local.txt": utf8(keyLine(17)),
    "nested/deeper/.gitignore": utf8("!local.txt\n"),
    "nested/deeper/local.txt": utf8(keyLine(18)),
  };
  return files;
}

suite("One tree, veil scan and Scan Workspace", function () {
  this.timeout(300_000);
  const fs = nodeModule<typeof import("node:fs")>("fs");
  const path = nodeModule<typeof import("node:path")>("path");
  const os = nodeModule<typeof import("node:os")>("os");
  const childProcess = nodeModule<typeof import("node:child_process")>("child_process");
  const files = fixture();
  let savedRootVeilignore: Uint8Array | undefined;
  const config = () => vscode.workspace.getConfiguration("veil");

  suiteSetup(async function () {
    if (!fs || !path || !os || !childProcess) this.skip();
    await activateVeil();
    savedRootVeilignore = await vscode.workspace.fs.readFile(workspaceUri(".veilignore")).then(
      (b) => b,
      () => undefined,
    );
    await vscode.workspace.fs.writeFile(workspaceUri(".veilignore"), utf8(VEILIGNORE));
    for (const [relative, bytes] of Object.entries(files)) await vscode.workspace.fs.writeFile(workspaceUri(`${TREE}/${relative}`), bytes);
    await config().update("maxFileSizeKB", MAX_KB, vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    if (!fs) return;
    await config().update("maxFileSizeKB", undefined, vscode.ConfigurationTarget.Workspace);
    await config().update("workspaceScan.respectGitignore", undefined, vscode.ConfigurationTarget.Workspace);
    if (savedRootVeilignore) await vscode.workspace.fs.writeFile(workspaceUri(".veilignore"), savedRootVeilignore);
    else await vscode.workspace.fs.delete(workspaceUri(".veilignore")).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri(TREE), { recursive: true }).then(undefined, () => undefined);
  });

  /**
   * What `git check-ignore` says of the tree's files, in a scratch repository laid out as the
   * workspace: the tree in its folder, `ignoreFiles` by path in the tree, and the workspace's
   * own root .gitignore when `withRoot` (Scan Workspace reads it too).
   */
  function gitIgnored(ignoreFiles: Record<string, string>, withRoot: boolean): Set<string> {
    const repo = fs!.mkdtempSync(path!.join(os!.tmpdir(), "veil-oracle-"));
    try {
      childProcess!.execFileSync("git", ["init", "-q"], { cwd: repo });
      for (const relative of Object.keys(files)) {
        fs!.mkdirSync(path!.join(repo, TREE, path!.dirname(relative)), { recursive: true });
        fs!.writeFileSync(path!.join(repo, TREE, relative), "");
      }
      for (const [relative, text] of Object.entries(ignoreFiles)) fs!.writeFileSync(path!.join(repo, TREE, relative), text);
      const root = path!.join(workspaceUri(".").fsPath, ".gitignore");
      if (withRoot && fs!.existsSync(root)) fs!.copyFileSync(root, path!.join(repo, ".gitignore"));
      const paths = Object.keys(files).filter((p) => !p.endsWith(".gitignore") && p !== ".veilignore");
      const run = childProcess!.spawnSync("git", ["check-ignore", "--stdin"], { cwd: repo, input: paths.map((p) => `${TREE}/${p}`).join("\n") + "\n", encoding: "utf8" });
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      return new Set(
        run.stdout
          .split("\n")
          .filter(Boolean)
          .map((p) => p.slice(TREE.length + 1)),
      );
    } finally {
      fs!.rmSync(repo, { recursive: true, force: true });
    }
  }

  /** Files of the tree with a finding, and their kinds, as Scan Workspace reports them. */
  async function scanWorkspace(): Promise<Map<string, string[]>> {
    const result = (await vscode.commands.executeCommand(SCAN)) as ScanResult;
    return new Map(
      result.files
        .filter((f) => f.path.startsWith(`${TREE}/`))
        .map((f) => [f.path.slice(TREE.length + 1), f.findings.map((x) => x.kind).sort()] as [string, string[]]),
    );
  }

  function veilScan(...flags: string[]): CliFinding[] {
    const extension = vscode.extensions.getExtension("veil.veil")!;
    const cli = path!.join(extension.extensionPath, "dist", "cli.js");
    const run = childProcess!.spawnSync(process.execPath, [cli, "scan", "--format", "json", "--max-size", `${MAX_KB}k`, "--jobs", "1", ...flags, "."], {
      cwd: workspaceUri(TREE).fsPath,
      encoding: "utf8",
    });
    assert.ok(run.status === 0 || run.status === 1, run.stderr.slice(0, 300));
    return (JSON.parse(run.stdout) as { findings: CliFinding[] }).findings;
  }

  const byFile = (findings: readonly CliFinding[]) => {
    const map = new Map<string, string[]>();
    for (const f of findings) map.set(f.path, [...(map.get(f.path) ?? []), f.kind]);
    for (const kinds of map.values()) kinds.sort();
    return map;
  };
  const sorted = (map: Map<string, string[]>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  test("the same files, findings and places from both, and .veilignore read as git reads it", async () => {
    await config().update("workspaceScan.respectGitignore", false, vscode.ConfigurationTarget.Workspace);
    const cli = veilScan();
    const fromCli = byFile(cli);
    const fromEditor = await scanWorkspace();
    assert.deepEqual(sorted(fromEditor), sorted(fromCli));

    // What both scanned is what git's reading of .veilignore leaves, minus binary and oversized files.
    const ignored = gitIgnored({ ".gitignore": VEILIGNORE }, false);
    assert.ok(ignored.has("lit.{js,map}") && !ignored.has("app.js") && ignored.has("server.log") && !ignored.has("keep.log"), `oracle: ${[...ignored].join(", ")}`);
    const notText = new Set(["blob.raw", "photo.png", "big.txt"]);
    const expected = Object.keys(files).filter((p) => !ignored.has(p) && !notText.has(p) && !p.endsWith(".gitignore") && p !== ".veilignore");
    assert.deepEqual([...fromCli.keys()].sort(), expected.sort());
    for (const name of ["u16le-bom.txt", "u16be-bom.txt", "u16le.txt", "u16be.txt", "crlf-emoji.md", "bad-utf8.txt"]) assert.ok(fromCli.has(name), `${name} was scanned`);

    // Each diagnostic Scan Workspace published sits where veil scan puts the same rule's finding.
    const places = (f: CliFinding) => `${f.path} ${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
    const cliPlaces = new Set(cli.map(places));
    let compared = 0;
    for (const relative of fromCli.keys()) {
      for (const d of veilDiagnostics(workspaceUri(`${TREE}/${relative}`))) {
        const code = typeof d.code === "object" ? String(d.code.value) : String(d.code);
        const place = `${relative} ${code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`;
        assert.ok(cliPlaces.has(place), `no veil scan finding at ${place}`);
        compared++;
      }
    }
    assert.ok(compared >= expected.length, `${compared} diagnostics compared`);
  });

  test("with the .gitignore files on (the setting's default, veil scan --gitignore), both leave out what git check-ignore ignores, nested files and negations included", async () => {
    await config().update("workspaceScan.respectGitignore", true, vscode.ConfigurationTarget.Workspace);
    const fromEditor = await scanWorkspace();
    const gitignores = Object.fromEntries(
      Object.entries(files)
        .filter(([p]) => p.endsWith(".gitignore"))
        .map(([p, bytes]) => [p, new TextDecoder().decode(bytes)]),
    );
    const byGit = gitIgnored(gitignores, true);
    assert.ok(byGit.has("secrets/a.txt") && !byGit.has("nested/secrets/b.txt") && byGit.has("nested/local.txt") && !byGit.has("nested/deeper/local.txt"), `oracle: ${[...byGit].join(", ")}`);
    const byVeil = gitIgnored({ ".gitignore": VEILIGNORE }, false);
    const notText = new Set(["blob.raw", "photo.png", "big.txt"]);
    const expected = Object.keys(files).filter((p) => !byGit.has(p) && !byVeil.has(p) && !notText.has(p) && !p.endsWith(".gitignore") && p !== ".veilignore");
    assert.deepEqual([...fromEditor.keys()].sort(), expected.sort());
    assert.deepEqual(sorted(byFile(veilScan("--gitignore"))), sorted(fromEditor));
  });

  test("veil.exclude and veil scan --exclude, given the same globs, leave out the same files (a bare folder name takes its files along)", async () => {
    await config().update("workspaceScan.respectGitignore", false, vscode.ConfigurationTarget.Workspace);
    const globs = ["notes", "*.md", "./u16le.txt", "**/deeper/**"];
    await config().update("exclude", globs, vscode.ConfigurationTarget.Workspace);
    try {
      const fromEditor = await scanWorkspace();
      const fromCli = byFile(veilScan(...globs.flatMap((g) => ["--exclude", g])));
      assert.deepEqual(sorted(fromEditor), sorted(fromCli));
      for (const gone of ["notes/plan.md", "notes/draft-plan.md", "crlf-emoji.md", "u16le.txt", "nested/deeper/local.txt"]) assert.ok(!fromCli.has(gone), `${gone} is excluded`);
      for (const kept of ["plain.txt", "u16be.txt", "nested/local.txt"]) assert.ok(fromCli.has(kept), `${kept} is scanned`);
    } finally {
      await config().update("exclude", undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
