// package.json's contributed defaults are the ones the code falls back to (they had drifted:
// veil.maxFileSizeKB was 5120 there and 2048 in the extension's reader).
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SETTING_DEFAULTS } from "../../src/workspace/settingDefaults";

describe("Setting defaults", () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, "../../../package.json"), "utf8")) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
  };
  const properties = manifest.contributes.configuration.properties;

  for (const [key, value] of Object.entries(SETTING_DEFAULTS)) {
    it(`veil.${key} defaults to ${JSON.stringify(value)} in package.json too`, () => {
      assert.ok(properties[`veil.${key}`], `package.json contributes no veil.${key}`);
      assert.deepEqual(properties[`veil.${key}`].default, value);
    });
  }
});
