import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { builtinModules } from "node:module";

// Relative imports of a layer from any depth ("../extension/x", "../../../cli/y").
const layers = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith("_")).map((name) => ({ name, message: "No Node built-ins here: this code also runs in the web worker." }));
const ENGINE_INTERNALS = { group: ["**/engine/*/**", "**/engine/rules*", "**/engine/detect*", "**/engine/validate*", "**/engine/anonymize*", "**/engine/snippet*", "**/engine/policy*", "**/engine/editor*", "**/engine/util*", "**/engine/types*"], message: "Import the engine through src/engine/index.ts only." };

export default tseslint.config(
  { ignores: ["out/**", "dist/**", "node_modules/**", ".cache/**", "examples/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", setTimeout: "readonly", clearTimeout: "readonly", URL: "readonly", Buffer: "readonly", __dirname: "readonly", require: "readonly", module: "readonly", TextDecoder: "readonly", TextEncoder: "readonly", setImmediate: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-control-regex": "off",
      "no-misleading-character-class": "off",
    },
  },
  {
    // The engine imports nothing of the layers above it, at any depth, and no platform.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: NODE_BUILTINS, patterns: [{ group: ["vscode", "node:*", ...layers("extension", "cli", "workspace")], message: "The engine imports no vscode, no Node built-ins and nothing of extension/, cli/ or workspace/." }] }],
    },
  },
  {
    // The workspace layer (src/workspace) sits between the engine and the two front ends.
    files: ["src/workspace/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: NODE_BUILTINS, patterns: [{ group: ["vscode", "node:*", ...layers("extension", "cli")], message: "src/workspace runs in the CLI and both extension hosts: no vscode, no Node built-ins, nothing of extension/ or cli/." }, ENGINE_INTERNALS] }],
    },
  },
  {
    files: ["src/extension/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: layers("cli"), message: "The extension does not import the CLI: shared code goes to src/workspace or the engine." }, ENGINE_INTERNALS] }],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["vscode", ...layers("extension")], message: "The CLI does not import vscode or the extension: shared code goes to src/workspace or the engine." }, ENGINE_INTERNALS] }],
    },
  },
);
