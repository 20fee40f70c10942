// The layers' boundaries fail the checks that CI runs: a probe file that crosses one is given
// to ESLint (npm run lint's config) and to tsc (the layer's own tsconfig, which npm run
// typecheck runs), without being written into the tree.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { ESLint } from "eslint";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../../..");

async function lintErrors(relativePath: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, relativePath) });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

function typeErrors(tsconfig: string, relativePath: string, source: string): string[] {
  const configPath = path.join(ROOT, tsconfig);
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  assert.ok(parsed, `cannot read ${tsconfig}`);
  const probe = path.join(ROOT, relativePath);
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === probe ? source : readFile(name));
  host.fileExists = (name) => path.resolve(name) === probe || fileExists(name);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) =>
    path.resolve(name) === probe ? ts.createSourceFile(name, source, languageVersion, true) : getSourceFile(name, languageVersion, onError, shouldCreate);
  const program = ts.createProgram({ rootNames: [probe], options: parsed.options, host });
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("Layer boundaries", function () {
  this.timeout(60_000);

  it("lint refuses an engine file importing the extension, the CLI or src/workspace from any depth", async () => {
    for (const [file, specifier] of [
      ["src/engine/probe.ts", "../extension/config"],
      ["src/engine/detect/probe.ts", "../../extension/config"],
      ["src/engine/detect/passes/probe.ts", "../../../extension/commands/copyAnonymized"],
      ["src/engine/rules/probe.ts", "../../cli/args"],
      ["src/engine/detect/probe.ts", "../../workspace/ignoreFile"],
    ]) {
      const errors = await lintErrors(file, `import * as x from "${specifier}";\nexport const y = x;\n`);
      assert.ok(errors.length > 0, `${file} importing ${specifier} passed lint`);
    }
  });

  it("lint refuses Node built-ins and vscode in the engine and src/workspace, with or without node:", async () => {
    for (const file of ["src/engine/detect/probe.ts", "src/workspace/probe.ts"]) {
      for (const specifier of ["fs", "node:fs", "path", "crypto", "worker_threads", "vscode"]) {
        const errors = await lintErrors(file, `import * as x from "${specifier}";\nexport const y = x;\n`);
        assert.ok(errors.length > 0, `${file} importing ${specifier} passed lint`);
      }
    }
  });

  it("lint refuses the extension importing the CLI, the CLI importing the extension or vscode, and engine internals from either", async () => {
    const cases: [string, string][] = [
      ["src/extension/commands/probe.ts", "../../cli/report"],
      ["src/cli/commands/probe.ts", "../../extension/config"],
      ["src/cli/probe.ts", "vscode"],
      ["src/extension/probe.ts", "../engine/detect/scanner"],
      ["src/cli/commands/probe.ts", "../../engine/anonymize/vault"],
      ["src/workspace/probe.ts", "../engine/validate/luhn"],
    ];
    for (const [file, specifier] of cases) {
      const errors = await lintErrors(file, `import * as x from "${specifier}";\nexport const y = x;\n`);
      assert.ok(errors.length > 0, `${file} importing ${specifier} passed lint`);
    }
  });

  it("lint accepts the allowed directions", async () => {
    for (const [file, specifier] of [
      ["src/extension/probe.ts", "../engine"],
      ["src/extension/probe.ts", "../workspace/ignoreFile"],
      ["src/cli/commands/probe.ts", "../../engine"],
      ["src/workspace/probe.ts", "../engine"],
      ["src/engine/detect/probe.ts", "../util/lower"],
    ]) {
      assert.deepEqual(await lintErrors(file, `import * as x from "${specifier}";\nexport const y = x;\n`), [], `${file} importing ${specifier}`);
    }
  });

  it("typecheck refuses Buffer, process and DOM globals in the engine and in src/workspace", () => {
    for (const [tsconfig, file] of [
      ["src/engine/tsconfig.json", "src/engine/detect/probe.ts"],
      ["src/workspace/tsconfig.json", "src/workspace/probe.ts"],
    ]) {
      for (const expression of ["Buffer.from('x')", "process.env.HOME", "window.location"]) {
        const errors = typeErrors(tsconfig, file, `export const y = ${expression};\n`);
        assert.ok(errors.some((e) => /Cannot find name/.test(e)), `${expression} in ${file} passed ${tsconfig}: ${errors.join("; ")}`);
      }
      assert.deepEqual(typeErrors(tsconfig, file, "export const y = 'plain'.length;\n"), [], `plain code in ${file}`);
    }
  });

  it("npm run typecheck runs the engine's and src/workspace's own tsconfig", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const scripts = require(path.join(ROOT, "package.json")).scripts as Record<string, string>;
    assert.match(scripts.typecheck, /src\/engine\/tsconfig\.json/);
    assert.match(scripts.typecheck, /src\/workspace\/tsconfig\.json/);
  });
});
