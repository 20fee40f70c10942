// Test entry for the web-worker extension host (`--web`). esbuild bundles it, mocha's
// browser build and every *.test.ts into one CommonJS file (test/harness/build-web-tests.mjs)
// because a web worker cannot read folders or load Node built-ins.
import { runMocha, type MochaLike, type MochaReporterBase } from "../runner";

declare const mocha: MochaLike & { setup(options: Record<string, unknown>): void };
declare const Mocha: { reporters: { Base: MochaReporterBase }; prototype: { run(this: unknown, done: (failures: number) => void): unknown } };

export async function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("mocha/mocha");
  mocha.setup({ ui: "tdd", reporter: "spec", color: false, timeout: 30_000, slow: 2_000 });
  // A module the bundler generates: it requires every test file, which registers its suites.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("veil:test-files");
  // mocha.run() of the browser build reads location.search, which the worker does not
  // have under mocha's idea of the global object; the core run() needs none of it.
  const core: MochaLike = { grep: (pattern) => mocha.grep(pattern), invert: () => mocha.invert(), run: (done) => Mocha.prototype.run.call(mocha, done) as ReturnType<MochaLike["run"]> };
  const result = await runMocha(core, Mocha.reporters.Base, "web");
  if (result.failures > 0) throw new Error(`${result.failures} of ${result.passes + result.failures} integration tests failed`);
  if (result.passes === 0) throw new Error("no integration test ran (check --grep)");
}
