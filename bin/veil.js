#!/usr/bin/env node
// The `veil` command: checks the Node version in syntax every Node parses, then runs the CLI
// bundle (dist/cli.js in a build or the npm package; pre-commit/cli.js in a git clone)
// through V8's code cache, kept in the user's cache folder, so that a run does not parse and
// compile the bundle again (Node 20 has no built-in compile cache). The cache file is named
// by the bundle's build id (its last line), the Node version and the architecture.
// VEIL_COMPILE_CACHE=0 turns the cache off; VEIL_COMPILE_CACHE=DIR puts it in DIR.
"use strict";
var required = [20, 19];
var parts = process.versions.node.split(".").map(Number);
if (parts[0] < required[0] || (parts[0] === required[0] && parts[1] < required[1])) {
  process.stderr.write("veil needs Node.js " + required.join(".") + " or newer; this is Node.js " + process.versions.node + ". Install a current Node.js (https://nodejs.org) and run veil again.\n");
  process.exit(2);
}
var fs = require("fs");
var path = require("path");

function cacheFile(source) {
  var setting = process.env.VEIL_COMPILE_CACHE;
  if (setting === "0" || setting === "false") return undefined;
  var m = /\n\/\/# veil-build ([0-9a-f]{16})\n$/.exec(source.slice(-64));
  if (!m) return undefined;
  var home = require("os").homedir();
  var dir = setting || path.join(process.env.XDG_CACHE_HOME || path.join(home, ".cache"), "veil");
  return path.join(dir, "cli-" + m[1] + "-" + process.version + "-" + process.arch + ".v8");
}

var KEPT_CACHES = 4;

function writeCache(file, script) {
  try {
    var dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    var temp = file + "." + process.pid + ".tmp";
    fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temp, file);
    // Older builds' caches go, but a few stay: the extension's, npm's and pre-commit's copies may all be in use.
    var caches = fs
      .readdirSync(dir)
      .filter(function (name) { return /^cli-[0-9a-f]{16}-.*\.v8$/.test(name); })
      .map(function (name) { return { name: name, at: fs.statSync(path.join(dir, name)).mtimeMs }; })
      .sort(function (a, b) { return b.at - a.at; });
    for (var i = KEPT_CACHES; i < caches.length; i++) fs.unlinkSync(path.join(dir, caches[i].name));
  } catch (error) {
    // A cache that cannot be written only costs the next run its compile time.
  }
}

// The CLI's inlining budget for V8's optimising compiler (runCli sets it too, for a bundle run
// without this launcher), set before the bundle is compiled: V8 rejects a code cache made under
// other flags, and runCli's change would have made every run miss it.
try {
  require("v8").setFlagsFromString("--max-inlined-bytecode-size-cumulative=100");
} catch (error) {
  // Another runtime's flags: the run goes on with its defaults.
}

/** The bundle's exports, compiled with the cached code when there is one. */
function load(bundlePath) {
  var source = fs.readFileSync(bundlePath, "utf8");
  var file = cacheFile(source);
  if (!file) return require(bundlePath);
  var cached;
  try {
    cached = fs.readFileSync(file);
  } catch (error) {
    cached = undefined;
  }
  var vm = require("vm");
  var Module = require("module");
  // A hashbang is only allowed at the very start of a script: inside the wrapper it becomes a comment.
  var script = new vm.Script(Module.wrap(source.replace(/^#!/, "//")), { filename: bundlePath, cachedData: cached });
  var bundle = new Module(bundlePath, module);
  bundle.filename = bundlePath;
  bundle.paths = Module._nodeModulePaths(path.dirname(bundlePath));
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(bundlePath), bundle, bundlePath, path.dirname(bundlePath));
  bundle.loaded = true;
  // Written once the run is over, so that it also holds the functions this run compiled.
  if (!cached || script.cachedDataRejected) process.once("exit", function () { writeCache(file, script); });
  return bundle.exports;
}

var candidates = [path.join(__dirname, "..", "dist", "cli.js"), path.join(__dirname, "..", "pre-commit", "cli.js")];
for (var i = 0; i < candidates.length; i++) {
  if (fs.existsSync(candidates[i])) {
    load(candidates[i]).runCli();
    return;
  }
}
process.stderr.write("veil: the CLI bundle is missing (looked for " + candidates.join(" and ") + "); run npm run build\n");
process.exit(2);
