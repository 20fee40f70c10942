#!/usr/bin/env node
// The `veil` command: checks the Node version in syntax every Node parses, then runs the CLI
// bundle (dist/cli.js in a build or the npm package; pre-commit/cli.js in a git clone).
"use strict";
var required = [20, 19];
var parts = process.versions.node.split(".").map(Number);
if (parts[0] < required[0] || (parts[0] === required[0] && parts[1] < required[1])) {
  process.stderr.write("veil needs Node.js " + required.join(".") + " or newer; this is Node.js " + process.versions.node + ". Install a current Node.js (https://nodejs.org) and run veil again.\n");
  process.exit(2);
}
var fs = require("fs");
var path = require("path");
var candidates = [path.join(__dirname, "..", "dist", "cli.js"), path.join(__dirname, "..", "pre-commit", "cli.js")];
for (var i = 0; i < candidates.length; i++) {
  if (fs.existsSync(candidates[i])) {
    require(candidates[i]).runCli();
    return;
  }
}
process.stderr.write("veil: the CLI bundle is missing (looked for " + candidates.join(" and ") + "); run npm run build\n");
process.exit(2);
