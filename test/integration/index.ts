// Test entry for the Node extension host: VS Code loads this file (extensionTestsPath)
// and calls run(); it resolves when every test passed and rejects otherwise, which the
// workbench reports to the harness through codeAutomationExit.
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import { runMocha } from "./runner";

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".test.js"))
    .sort()
    .map((name) => path.join(dir, name));
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: "tdd", color: false, reporter: "spec", timeout: 30_000, slow: 2_000 });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  const result = await runMocha(mocha, Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }, "node");
  if (result.failures > 0) throw new Error(`${result.failures} of ${result.passes + result.failures} integration tests failed`);
  if (result.passes === 0) throw new Error("no integration test ran (check --grep)");
}
