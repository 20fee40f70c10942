import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { printedOperands, mentionedPaths } from "../../src/cli/commands/hook";
import {
  ASSISTANTS,
  BLOCK_BEGIN,
  BLOCK_END,
  claudeDenyRules,
  ignoreBlockLines,
  isSecretFileName,
  mergeBlock,
  mergeClaudeSettings,
  parseAssistantList,
  readWorkspaceSettings,
} from "../../src/workspace/guard";
import { FAKE_AWS_KEY, tempTree, type TempTree } from "./cli-helpers";

// Random-looking: an alphabet run would be a placeholder (rules/placeholder.ts) and stay silent.
const FAKE_GITHUB_TOKEN = "ghp_" + "Zx9Qm2Lr7Tk4Wb1Nc6Vd3Hj5Gs0Pa8Ye2FuQ";
const HOOK = "veil hook claude-code";

async function run(cwd: string, argv: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  const io = captureIO({ cwd, stdin: options.stdin, env: { VEIL_HOOK_COMMAND: HOOK, ...options.env } });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

function noValue(...texts: string[]): void {
  for (const text of texts) {
    assert.ok(!text.includes(FAKE_AWS_KEY), "an AWS key leaked");
    assert.ok(!text.includes(FAKE_GITHUB_TOKEN), "a GitHub token leaked");
    assert.ok(!text.includes(FAKE_GITHUB_TOKEN.slice(4, 20)), "part of a GitHub token leaked");
  }
}

/** Paths that `git check-ignore` says the ignore text ignores (the oracle for gitignore syntax). */
function gitIgnored(ignoreText: string, files: readonly string[]): string[] {
  const repo = tempTree();
  try {
    spawnSync("git", ["init", "-q"], { cwd: repo.root });
    for (const f of files) repo.write(f, "x\n");
    repo.write(".gitignore", ignoreText);
    const result = spawnSync("git", ["check-ignore", "--no-index", "--stdin"], { cwd: repo.root, input: files.join("\n") + "\n", encoding: "utf8" });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return result.stdout.split("\n").filter(Boolean).sort();
  } finally {
    repo.cleanup();
  }
}

const WORKSPACE_FILES = [
  ".env",
  ".env.local",
  ".env.production",
  ".env.example",
  "config/.env.staging",
  "config/.env.sample",
  "certs/server.pem",
  "certs/server.crt",
  "deploy/id_rsa",
  "deploy/id_ed25519.pub",
  "gcp/credentials.json",
  "gcp/my-service-account-1234.json",
  ".npmrc",
  "home/.netrc",
  "infra/prod.tfvars",
  ".aws/credentials",
  "src/app.ts",
  "src/config.ts",
  "src/[weird] name*.js",
  "docs/readme.md",
  "package.json",
];
const FLAGGED = ["src/config.ts", "src/[weird] name*.js", "config/.env.sample"];
const EXPECTED = WORKSPACE_FILES.filter((f) => isSecretFileName(f) || FLAGGED.includes(f)).sort();

describe("guard: secret-bearing names", () => {
  it("covers the usual credential files and not their shared templates", () => {
    for (const f of [".env", ".env.local", "a/b/.env.production", "server.pem", "tls.key", "id_rsa", "keystore.p12", "credentials.json", "gcp/prod-service-account.json", ".npmrc", ".netrc", "prod.tfvars", ".aws/credentials"]) {
      assert.ok(isSecretFileName(f), f);
    }
    for (const f of [".env.example", "x/.env.sample", ".env.template", "src/env.ts", "README.md", "package.json", "server.crt", "environment.ts"]) {
      assert.ok(!isSecretFileName(f), f);
    }
  });
});

describe("guard: each tool's syntax, checked with git check-ignore", () => {
  it("gitignore-syntax files ignore exactly the secret-bearing names and the flagged files (negation re-ignored for a flagged template)", () => {
    const lines = ignoreBlockLines("gitignore", { allFiles: WORKSPACE_FILES, flaggedFiles: FLAGGED });
    assert.ok(lines.includes("!.env.example"));
    assert.deepEqual(gitIgnored(mergeBlock(undefined, lines), WORKSPACE_FILES), EXPECTED);
  });

  it(".aiexclude has no negation and ignores the same files", () => {
    const lines = ignoreBlockLines("no-negation", { allFiles: WORKSPACE_FILES, flaggedFiles: FLAGGED });
    assert.ok(!lines.some((l) => l.startsWith("!")), "no ! line");
    assert.ok(lines.length > 0);
    assert.deepEqual(gitIgnored(mergeBlock(undefined, lines), WORKSPACE_FILES), EXPECTED);
  });

  it("Claude Code's Read(./…) rules cover the same files (no negation in permission rules)", () => {
    const rules = claudeDenyRules({ allFiles: WORKSPACE_FILES, flaggedFiles: FLAGGED });
    for (const r of rules) assert.match(r, /^Read\(\.\/[^)]*\)$|^Read\(\.\/.*\)$/);
    // Claude Code's Read rules follow gitignore's pattern rules: `./x` is x relative to the project.
    const asGitignore = rules.map((r) => "/" + r.slice("Read(./".length, -1)).join("\n") + "\n";
    assert.deepEqual(gitIgnored(asGitignore, WORKSPACE_FILES), EXPECTED);
  });

  it("knows the nine assistants and parses --tools", () => {
    assert.deepEqual(
      ASSISTANTS.map((a) => a.file),
      [".claude/settings.json", ".cursorignore", ".codeiumignore", ".aiexclude", ".geminiignore", ".aiderignore", ".aiignore", ".clineignore", ".rooignore"],
    );
    assert.deepEqual(parseAssistantList("cursor, aider").tools.map((a) => a.id), ["cursor", "aider"]);
    assert.deepEqual(parseAssistantList("cursor,nope").unknown, ["nope"]);
    assert.equal(parseAssistantList("all").tools.length, ASSISTANTS.length);
  });
});

describe("guard: the marked block", () => {
  const block = ["# Files that hold credentials by their name", ".env", "/src/config.ts"];

  it("keeps the user's lines before and after the block, and a second merge changes nothing", () => {
    const user = "node_modules/\n# mine\n*.log\n";
    const once = mergeBlock(user, block);
    assert.ok(once.startsWith(user));
    assert.ok(once.includes(`${BLOCK_BEGIN}\n# Files that hold credentials by their name\n.env\n/src/config.ts\n${BLOCK_END}\n`));
    assert.equal(mergeBlock(once, block), once);
    const withAfter = once + "dist/\n";
    const updated = mergeBlock(withAfter, [...block, "/new.txt"]);
    assert.ok(updated.startsWith(user));
    assert.ok(updated.endsWith(`/new.txt\n${BLOCK_END}\ndist/\n`));
    assert.equal(updated.split(BLOCK_BEGIN).length, 2);
  });

  it("keeps CRLF line ends", () => {
    const merged = mergeBlock("a\r\nb\r\n", block);
    assert.ok(!/[^\r]\n/.test(merged), "every line ends with CRLF");
    assert.equal(mergeBlock(merged, block), merged);
  });

  it("repairs a block whose end marker was deleted by hand, keeping the user's lines", () => {
    const damaged = `keep-me\n${BLOCK_BEGIN}\n.env\n/src/old.ts\nmine-after\n`;
    const repaired = mergeBlock(damaged, block);
    assert.equal(repaired.split(BLOCK_BEGIN).length, 2);
    assert.ok(repaired.includes("keep-me\n"));
    assert.ok(repaired.includes("mine-after\n"));
    assert.ok(repaired.includes("/src/old.ts\n"), "a line Veil does not write now is the user's to remove");
    assert.ok(repaired.endsWith(`${BLOCK_END}\n`));
    assert.equal(mergeBlock(repaired, block), repaired);
  });

  it("repairs a lone end marker and two blocks", () => {
    const lone = `a\n${BLOCK_END}\nb\n`;
    const fixed = mergeBlock(lone, block);
    assert.equal(fixed.split(BLOCK_END).length, 2);
    assert.ok(fixed.startsWith("a\nb\n"));
    const two = `${BLOCK_BEGIN}\n.env\n${BLOCK_END}\nuser\n${BLOCK_BEGIN}\n.env\n${BLOCK_END}\n`;
    const one = mergeBlock(two, block);
    assert.equal(one.split(BLOCK_BEGIN).length, 2);
    assert.ok(one.startsWith("user\n"));
  });
});

describe("guard: .claude/settings.json", () => {
  const deny = ["Read(./**/.env)", "Read(./src/config.ts)"];

  it("adds deny rules and hooks, keeps every other key and the user's rules and hooks", () => {
    const user = {
      model: "opus",
      env: { FOO: "1" },
      permissions: { allow: ["Bash(npm test)"], deny: ["WebFetch", "Read(./**/.env)"], defaultMode: "acceptEdits" },
      hooks: { PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command: "./my-check.sh" }] }], Stop: [{ hooks: [{ type: "command", command: "say done" }] }] },
    };
    const merged = JSON.parse(mergeClaudeSettings(JSON.stringify(user, null, 4), deny, HOOK));
    assert.equal(merged.model, "opus");
    assert.deepEqual(merged.env, { FOO: "1" });
    assert.deepEqual(merged.permissions.allow, ["Bash(npm test)"]);
    assert.equal(merged.permissions.defaultMode, "acceptEdits");
    assert.deepEqual(merged.permissions.deny, ["WebFetch", "Read(./**/.env)", "Read(./src/config.ts)"]);
    assert.deepEqual(merged.hooks.Stop, user.hooks.Stop);
    assert.deepEqual(merged.hooks.PreToolUse[0], user.hooks.PreToolUse[0]);
    assert.equal(merged.hooks.PreToolUse[1].hooks[0].command, HOOK);
    assert.equal(merged.hooks.UserPromptSubmit[0].hooks[0].command, HOOK);
    const again = mergeClaudeSettings(JSON.stringify(merged, null, 2) + "\n", deny, HOOK);
    assert.equal(again, JSON.stringify(merged, null, 2) + "\n");
  });

  it("moves Veil's hook to a new command instead of adding a second one", () => {
    const first = mergeClaudeSettings(undefined, deny, "'/old node' /old/dist/cli.js hook claude-code");
    const second = JSON.parse(mergeClaudeSettings(first, deny, HOOK));
    assert.equal(second.hooks.PreToolUse.length, 1);
    assert.equal(second.hooks.PreToolUse[0].hooks.length, 1);
    assert.equal(second.hooks.PreToolUse[0].hooks[0].command, HOOK);
    assert.equal(second.hooks.UserPromptSubmit.length, 1);
  });

  it("refuses to overwrite settings that are not valid JSON", () => {
    assert.throws(() => mergeClaudeSettings("{ // comment\n", deny, HOOK), /not valid JSON/);
    assert.throws(() => mergeClaudeSettings('{"permissions": {"deny": "x"}}', deny, HOOK), /permissions.deny/);
  });

  it("reads the label and terms from a JSONC .vscode/settings.json", () => {
    const settings = readWorkspaceSettings('{\n  // label\n  "veil.workspaceLabel": "pro",\n  "veil.terms": ["Orion", {"text": "Atlas", "kind": "CODENAME"},],\n}');
    assert.equal(settings.label, "pro");
    assert.deepEqual(settings.terms, [{ text: "Orion", kind: "CLIENT" }, { text: "Atlas", kind: "CODENAME" }]);
    assert.equal(readWorkspaceSettings("{ broken").label, undefined);
  });
});

describe("cli: veil guard", () => {
  let tree: TempTree;
  afterEach(() => tree?.cleanup());

  it("writes every assistant's file, keeps the user's lines, a second run changes nothing, --check before and after a new secret file", async () => {
    tree = tempTree({
      ".env": `AWS_ACCESS_KEY_ID=${FAKE_AWS_KEY}\n`,
      ".env.example": "AWS_ACCESS_KEY_ID=\n",
      "src/app.js": `const token = "${FAKE_GITHUB_TOKEN}";\n`,
      "src/ok.js": "export const ok = 1;\n",
      ".cursorignore": "dist/\n",
      ".claude/settings.json": JSON.stringify({ model: "sonnet" }),
    });
    const before = await run(tree.root, ["guard", "--check"]);
    assert.equal(before.code, 1, before.stderr);
    assert.match(before.stderr, /\.aiexclude \(Gemini Code Assist\) is missing/);
    assert.ok(!existsSync(join(tree.root, ".aiexclude")), "--check writes nothing");

    const first = await run(tree.root, ["guard"]);
    assert.equal(first.code, 0, first.stderr);
    for (const a of ASSISTANTS) assert.ok(existsSync(join(tree.root, a.file)), a.file);
    const cursor = readFileSync(join(tree.root, ".cursorignore"), "utf8");
    assert.ok(cursor.startsWith("dist/\n"));
    assert.ok(cursor.includes("\n/src/app.js\n"));
    assert.ok(!cursor.includes("/src/ok.js"));
    const settings = JSON.parse(readFileSync(join(tree.root, ".claude/settings.json"), "utf8"));
    assert.equal(settings.model, "sonnet");
    assert.ok(settings.permissions.deny.includes("Read(./src/app.js)"));
    assert.equal(settings.hooks.UserPromptSubmit[0].hooks[0].command, HOOK);
    noValue(first.stdout, first.stderr, ...ASSISTANTS.map((a) => readFileSync(join(tree.root, a.file), "utf8")));

    const snapshot = ASSISTANTS.map((a) => readFileSync(join(tree.root, a.file), "utf8"));
    const second = await run(tree.root, ["guard"]);
    assert.equal(second.code, 0);
    assert.deepEqual(ASSISTANTS.map((a) => readFileSync(join(tree.root, a.file), "utf8")), snapshot);
    assert.match(second.stderr, /up to date/);
    assert.doesNotMatch(second.stderr, /wrote|updated/);

    const current = await run(tree.root, ["guard", "--check"]);
    assert.equal(current.code, 0, current.stderr);
    // The hook may run Veil from another path on another machine: --check still accepts it.
    const elsewhere = await run(tree.root, ["guard", "--check"], { env: { VEIL_HOOK_COMMAND: "/opt/veil/bin/veil hook claude-code" } });
    assert.equal(elsewhere.code, 0, elsewhere.stderr);

    tree.write("lib/db.py", `PASSWORD_TOKEN = "${FAKE_GITHUB_TOKEN}"\n`);
    const stale = await run(tree.root, ["guard", "--check"]);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /\.cursorignore \(Cursor\) is out of date/);
    noValue(stale.stderr);
    await run(tree.root, ["guard"]);
    assert.ok(readFileSync(join(tree.root, ".rooignore"), "utf8").includes("/lib/db.py"));
    assert.equal((await run(tree.root, ["guard", "--check"])).code, 0);
  });

  it("guards personal data only in a pro workspace, and --tools limits the files", async () => {
    tree = tempTree({ "clients.csv": "name,email\nJeanne,jeanne.martin@orange.fr\n" });
    await run(tree.root, ["guard", "--tools", "cursor"]);
    assert.ok(!readFileSync(join(tree.root, ".cursorignore"), "utf8").includes("clients.csv"));
    assert.ok(!existsSync(join(tree.root, ".aiderignore")));
    mkdirSync(join(tree.root, ".vscode"));
    writeFileSync(join(tree.root, ".vscode/settings.json"), '{ "veil.workspaceLabel": "pro" }');
    await run(tree.root, ["guard", "--tools", "cursor"]);
    assert.ok(readFileSync(join(tree.root, ".cursorignore"), "utf8").includes("/clients.csv"));
  });

  it("exits 2 on a bad --tools, a missing DIR and a settings file it cannot merge, writing nothing", async () => {
    tree = tempTree({ ".claude/settings.json": "{ not json" });
    assert.equal((await run(tree.root, ["guard", "--tools", "copilot"])).code, 2);
    assert.equal((await run(tree.root, ["guard", "missing-dir"])).code, 2);
    const bad = await run(tree.root, ["guard"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not valid JSON/);
    assert.equal(readFileSync(join(tree.root, ".claude/settings.json"), "utf8"), "{ not json");
  });
});

describe("cli: veil hook claude-code", () => {
  let tree: TempTree;
  beforeEach(() => {
    tree = tempTree({
      ".env": `AWS_ACCESS_KEY_ID=${FAKE_AWS_KEY}\n`,
      "src/app.js": `const token = "${FAKE_GITHUB_TOKEN}";\n`,
      "src/ok.js": "export const ok = 1;\n",
      "notes.md": "Call Jeanne at jeanne.martin@orange.fr\n",
    });
  });
  afterEach(() => tree.cleanup());

  const hook = (event: unknown, env: Record<string, string> = {}) => run(tree.root, ["hook", "claude-code"], { stdin: typeof event === "string" ? event : JSON.stringify(event), env });
  const pre = (tool_name: string, tool_input: unknown) => hook({ hook_event_name: "PreToolUse", cwd: tree.root, session_id: "s", tool_name, tool_input });
  const prompt = (text: string) => hook({ hook_event_name: "UserPromptSubmit", cwd: tree.root, session_id: "s", prompt: text });
  const denied = (result: { code: number; stdout: string }) => {
    assert.equal(result.code, 0);
    const out = JSON.parse(result.stdout);
    assert.equal(out.hookSpecificOutput.hookEventName, "PreToolUse");
    assert.equal(out.hookSpecificOutput.permissionDecision, "deny");
    return out.hookSpecificOutput.permissionDecisionReason as string;
  };
  const allowed = (result: { code: number; stdout: string; stderr: string }) => {
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "");
  };

  it("blocks a prompt holding a secret, naming kind and count, never the value", async () => {
    const result = await prompt(`why does this fail? token=${FAKE_GITHUB_TOKEN}`);
    assert.equal(result.code, 0);
    const out = JSON.parse(result.stdout);
    assert.equal(out.decision, "block");
    assert.match(out.reason, /1 secret \(github-token\)/);
    assert.match(out.reason, /veil anonymize/);
    noValue(result.stdout, result.stderr);
  });

  it("lets a clean prompt through, and personal data only outside pro", async () => {
    allowed(await prompt("Refactor the parser to use a Map."));
    allowed(await prompt("Write to jeanne.martin@orange.fr about the invoice."));
    tree.write(".vscode/settings.json", '{ "veil.workspaceLabel": "pro" }');
    const pro = await prompt("Write to jeanne.martin@orange.fr about the invoice.");
    assert.match(JSON.parse(pro.stdout).reason, /personal data item \(email\)/);
    assert.ok(!pro.stdout.includes("jeanne.martin@orange.fr"));
  });

  it("blocks a prompt that @-mentions a file holding secrets, not one that mentions a clean file", async () => {
    const result = await prompt("Look at @src/app.js and tell me what is wrong.");
    assert.match(JSON.parse(result.stdout).reason, /src\/app\.js holds 1 secret \(github-token\)/);
    assert.match(JSON.parse((await prompt("Explain @.env please")).stdout).reason, /\.env/);
    allowed(await prompt("Look at @src/ok.js, and mail me@example.org or @alice."));
    noValue(result.stdout);
  });

  it("denies Read and Edit of a secret file and of a file whose content holds one, allows a clean file", async () => {
    assert.match(denied(await pre("Read", { file_path: join(tree.root, ".env") })), /\.env (is a secret-bearing file|holds 1 secret)/);
    assert.match(denied(await pre("Read", { file_path: join(tree.root, "src/app.js") })), /github-token/);
    denied(await pre("Edit", { file_path: join(tree.root, "src/app.js"), old_string: "a", new_string: "b" }));
    allowed(await pre("Read", { file_path: join(tree.root, "src/ok.js") }));
    allowed(await pre("Read", { file_path: join(tree.root, "missing.js") }));
    allowed(await pre("Write", { file_path: join(tree.root, ".env"), content: "X=1" }));
    // Outside the project too: ~/.aws/credentials and ~/.ssh/id_ed25519 by their names.
    const home = tempTree({ ".aws/credentials": "[default]\n", ".ssh/id_ed25519": "not a key\n" });
    try {
      denied(await pre("Read", { file_path: join(home.root, ".aws/credentials") }));
      const bash = await hook({ hook_event_name: "PreToolUse", cwd: tree.root, tool_name: "Bash", tool_input: { command: "cat ~/.ssh/id_ed25519" } }, { HOME: home.root });
      assert.match(denied(bash), /id_ed25519/);
    } finally {
      home.cleanup();
    }
  });

  it("denies Bash commands that print a secret file, allows the others", async () => {
    assert.match(denied(await pre("Bash", { command: "cat .env" })), /Bash: \.env/);
    denied(await pre("Bash", { command: "cd . && grep -n token src/app.js | head" }));
    denied(await pre("Bash", { command: "sed -n '1,5p' \"src/app.js\"" }));
    denied(await pre("Bash", { command: "tail -f ./src/*.js" }));
    denied(await pre("Bash", { command: "echo $(cat .env)" }));
    denied(await pre("Bash", { command: "python3 - < .env" }));
    denied(await pre("Bash", { command: "sudo less .env" }));
    allowed(await pre("Bash", { command: "npm test && cat src/ok.js" }));
    allowed(await pre("Bash", { command: "echo done > .env.log" }));
    allowed(await pre("Bash", { command: "ls -la" }));
  });

  it("denies Grep and Glob aimed at a secret file, allows directory searches", async () => {
    denied(await pre("Grep", { pattern: "KEY", path: join(tree.root, ".env") }));
    denied(await pre("Grep", { pattern: "KEY", glob: ".env" }));
    allowed(await pre("Grep", { pattern: "ok", path: join(tree.root, "src"), glob: "*.js" }));
    allowed(await pre("Glob", { pattern: "**/*.js" }));
  });

  it("fails closed: malformed events exit 2 with a message and never exit 1", async () => {
    for (const bad of ["{not json", "[]", JSON.stringify({ cwd: tree.root }), JSON.stringify({ hook_event_name: "UserPromptSubmit" }), JSON.stringify({ hook_event_name: "PreToolUse", tool_name: "Read", tool_input: {} })]) {
      const result = await hook(bad);
      assert.equal(result.code, 2, bad);
      assert.match(result.stderr, /^veil hook: .*Blocked to be safe/);
    }
    const usage = await run(tree.root, ["hook", "cursor"], { stdin: "{}" });
    assert.equal(usage.code, 2);
  });

  it("other events pass untouched", async () => {
    allowed(await hook({ hook_event_name: "Stop", cwd: tree.root }));
  });

  it("finds file operands in shell commands and @ mentions in prompts", () => {
    assert.deepEqual(printedOperands("FOO=1 cat -n a.txt 'b c.txt' | grep -e x d.txt > out.txt; ls e"), ["a.txt", "b c.txt", "x", "d.txt"]);
    assert.deepEqual(printedOperands("head --lines=3 f; tail <g"), ["3", "f", "g"]);
    assert.deepEqual(mentionedPaths('see @src/a.ts, @"my dir/b.md" and mail x@y.org, ping @bob'), ["src/a.ts", "my dir/b.md"]);
  });
});

describe("cli: veil hook as Claude Code spawns it (dist/cli.js)", () => {
  const CLI = join(__dirname, "../../..", "dist", "cli.js");
  let tree: TempTree;
  afterEach(() => tree?.cleanup());

  it("denies a read of .env and exits 2 on bad input, with nothing on stdout", function () {
    if (!existsSync(CLI)) this.skip();
    tree = tempTree({ ".env": `AWS_ACCESS_KEY_ID=${FAKE_AWS_KEY}\n` });
    const event = JSON.stringify({ hook_event_name: "PreToolUse", cwd: tree.root, tool_name: "Read", tool_input: { file_path: join(tree.root, ".env") } });
    const ok = spawnSync(process.execPath, [CLI, "hook", "claude-code"], { input: event, encoding: "utf8" });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).hookSpecificOutput.permissionDecision, "deny");
    const bad = spawnSync(process.execPath, [CLI, "hook", "claude-code"], { input: "garbage", encoding: "utf8" });
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, "");
  });
});
