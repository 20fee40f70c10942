import * as assert from "node:assert/strict";
import {
  appendLine,
  assignedName,
  deriveEnvName,
  dotenvLine,
  envLookupStyle,
  envReplacement,
  parseDotenv,
  pythonImportOsLine,
  toUpperSnake,
  uniqueEnvName,
} from "../../src/engine";

describe("move to .env: names", () => {
  it("converts identifiers to upper snake case", () => {
    assert.equal(toUpperSnake("githubToken"), "GITHUB_TOKEN");
    assert.equal(toUpperSnake("APIKey"), "API_KEY");
    assert.equal(toUpperSnake("api-key"), "API_KEY");
    assert.equal(toUpperSnake("stripe_secret_key"), "STRIPE_SECRET_KEY");
    assert.equal(toUpperSnake("aws-access-key-id"), "AWS_ACCESS_KEY_ID");
    assert.equal(toUpperSnake("OAuth2Token"), "O_AUTH2_TOKEN");
  });

  it("finds the assignment's left side", () => {
    const cases: Array<[string, string | undefined]> = [
      ['const githubToken = "', "githubToken"],
      ["api_key: '", "api_key"],
      ['  "apiKey": "', "apiKey"],
      ["self.secret_key = '", "secret_key"],
      ['token := "', "token"],
      ["export STRIPE_KEY=", "STRIPE_KEY"],
      ['headers = {"Authorization": "Bearer ', "Authorization"],
      ["client = Client(api_key=\"", "api_key"],
      ['print("', undefined],
    ];
    for (const [before, name] of cases) assert.equal(assignedName(before), name, before);
  });

  it("derives the name from the left side, or from the kind when it is generic or missing", () => {
    assert.equal(deriveEnvName('const githubToken = "', "github-token"), "GITHUB_TOKEN");
    assert.equal(deriveEnvName('const value = "', "github-token"), "GITHUB_TOKEN");
    assert.equal(deriveEnvName('x = "', "aws-access-key-id"), "AWS_ACCESS_KEY_ID");
    assert.equal(deriveEnvName('call("', "stripe-secret-key"), "STRIPE_SECRET_KEY");
    assert.equal(deriveEnvName('const dbPassword = "', "password-assignment"), "DB_PASSWORD");
  });

  it("keeps names unique in the .env, reusing one that already holds the same value", () => {
    const existing = parseDotenv("# comment\nGITHUB_TOKEN=other\nexport GITHUB_TOKEN_2='abc def'\nAPI=\"x\\\"y\"\n");
    assert.deepEqual(
      existing.map((e) => [e.name, e.value]),
      [
        ["GITHUB_TOKEN", "other"],
        ["GITHUB_TOKEN_2", "abc def"],
        ["API", 'x"y'],
      ],
    );
    assert.deepEqual(uniqueEnvName("GITHUB_TOKEN", "new", existing), { name: "GITHUB_TOKEN_3", alreadyThere: false });
    assert.deepEqual(uniqueEnvName("GITHUB_TOKEN", "abc def", existing), { name: "GITHUB_TOKEN_2", alreadyThere: true });
    assert.deepEqual(uniqueEnvName("NEW_KEY", "v", existing), { name: "NEW_KEY", alreadyThere: false });
  });
});

describe("move to .env: files", () => {
  it("writes .env lines that read back to the same value", () => {
    for (const value of ["AKIAIOSFODNN7EXAMPLF", "p@ss word#1", "it's \"quoted\"", "a=b:c/d+e"]) {
      const [entry] = parseDotenv(dotenvLine("K", value));
      assert.equal(entry.value, value, value);
    }
    assert.equal(dotenvLine("K", "plain_value-1"), "K=plain_value-1");
  });

  it("appends a line with a newline, adding one to an unterminated file", () => {
    assert.equal(appendLine("", "A=1"), "A=1\n");
    assert.equal(appendLine("B=2", "A=1"), "\nA=1\n");
    assert.equal(appendLine("B=2\n", "A=1"), "A=1\n");
    assert.equal(appendLine("B=2\r\n", "A=1"), "A=1\r\n");
  });
});

describe("move to .env: source edits", () => {
  const apply = (line: string, r: { start: number; end: number; text: string } | undefined) => (r ? line.slice(0, r.start) + r.text + line.slice(r.end) : undefined);
  const value = "AKIAIOSFODNN7EXAMPLF";
  const at = (line: string) => [line.indexOf(value), line.indexOf(value) + value.length] as const;

  it("replaces a whole quoted literal, quotes included", () => {
    const js = `const awsKey = "${value}";`;
    assert.equal(apply(js, envReplacement("js", js, ...at(js), "AWS_KEY")), "const awsKey = process.env.AWS_KEY;");
    const py = `aws_key = '${value}'`;
    assert.equal(apply(py, envReplacement("python", py, ...at(py), "AWS_KEY")), 'aws_key = os.environ["AWS_KEY"]');
    const go = `key := "${value}"`;
    assert.equal(apply(go, envReplacement("go", go, ...at(go), "KEY")), 'key := os.Getenv("KEY")');
    const sh = `KEY='${value}'`;
    assert.equal(apply(sh, envReplacement("shell", sh, ...at(sh), "KEY")), 'KEY="$KEY"');
  });

  it("interpolates inside strings only where the language can", () => {
    const sh = `curl -H "Authorization: Bearer ${value}" x`;
    assert.equal(apply(sh, envReplacement("shell", sh, ...at(sh), "TOKEN")), 'curl -H "Authorization: Bearer ${TOKEN}" x');
    const bare = `export TOKEN=${value}`;
    assert.equal(apply(bare, envReplacement("shell", bare, ...at(bare), "TOKEN")), 'export TOKEN="$TOKEN"');
    const tpl = "const h = `Bearer " + value + "`;";
    assert.equal(apply(tpl, envReplacement("js", tpl, ...at(tpl), "TOKEN")), "const h = `Bearer ${process.env.TOKEN}`;");
    const partial = `const h = "Bearer ${value}";`;
    assert.equal(envReplacement("js", partial, ...at(partial), "TOKEN"), undefined);
    const single = `curl -H 'k: ${value}'`;
    assert.equal(envReplacement("shell", single, ...at(single), "TOKEN"), undefined);
    const raw = `k = r"${value}"`;
    assert.equal(envReplacement("python", raw, ...at(raw), "K"), undefined);
  });

  it("maps languages to lookup styles", () => {
    assert.equal(envLookupStyle("typescriptreact"), "js");
    assert.equal(envLookupStyle("python"), "python");
    assert.equal(envLookupStyle("shellscript"), "shell");
    assert.equal(envLookupStyle("json"), undefined);
  });

  it("places `import os` after the docstring and __future__ imports, or not at all", () => {
    assert.equal(pythonImportOsLine("import os\nx = 1\n"), undefined);
    assert.equal(pythonImportOsLine("import sys, os\n"), undefined);
    assert.equal(pythonImportOsLine("x = 1\n"), 0);
    assert.equal(pythonImportOsLine("#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nx = 1\n"), 2);
    assert.equal(pythonImportOsLine('"""Doc\nstring."""\nimport sys\n'), 2);
    assert.equal(pythonImportOsLine('"""One line."""\nx = 1\n'), 1);
    assert.equal(pythonImportOsLine("from __future__ import annotations\n\nimport sys\n"), 1);
    assert.equal(pythonImportOsLine("import osmosis\n"), 0);
    assert.equal(pythonImportOsLine("from os import path\n"), 0);
  });
});
