import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["vscode", "node:*", "fs", "path", "os", "crypto", "child_process", "../extension/*", "../cli/*"], message: "The engine imports no vscode and no Node built-ins." }] }],
    },
  },
  {
    files: ["src/extension/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/engine/*/**", "**/engine/rules*", "**/engine/detect*", "**/engine/validate*", "**/engine/anonymize*", "**/engine/snippet*", "**/engine/policy*"], message: "Import the engine through src/engine/index.ts only." }] }],
    },
  },
);
