#!/usr/bin/env node
// The `veil` command: checks the Node version, then runs the CLI bundle (cli-bundle.js beside
// this file) through V8's code cache, kept in the user's cache folder, so that a run does not
// parse and compile the bundle again (Node 20 has no built-in compile cache).
// Syntax any Node since 10 parses, so an old Node prints the message instead of a syntax error.
// VEIL_COMPILE_CACHE=0 turns the cache off; VEIL_COMPILE_CACHE=DIR puts it in DIR.
"use strict";
var NEEDED = [20, 19];
var have = process.versions.node.split(".").map(Number);
if (have[0] < NEEDED[0] || (have[0] === NEEDED[0] && have[1] < NEEDED[1])) {
  process.stderr.write("veil needs Node.js " + NEEDED.join(".") + " or newer; this is Node.js " + process.versions.node + ".\n");
  process.exit(2);
}
var BUILD_ID = "__VEIL_BUILD_ID__";
var fs = require("fs");
var path = require("path");
var vm = require("vm");
var Module = require("module");
var os = require("os");

var bundlePath = path.join(__dirname, "cli-bundle.js");

function cacheFile() {
  var setting = process.env.VEIL_COMPILE_CACHE;
  if (setting === "0" || setting === "false") return undefined;
  var dir = setting || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "veil");
  return path.join(dir, "cli-" + BUILD_ID + "-" + process.version + "-" + process.arch + ".v8");
}

function readCache(file) {
  try {
    return file ? fs.readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file, script) {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    var temp = file + "." + process.pid + ".tmp";
    fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    // A cache that cannot be written only costs the next run its compile time.
  }
}

/** The bundle's exports, compiled with the cached code when there is one. */
function loadBundle() {
  var file = cacheFile();
  var source;
  try {
    source = fs.readFileSync(bundlePath, "utf8");
  } catch (error) {
    process.stderr.write("veil: cannot read " + bundlePath + " (" + (error && error.code) + "): the installation is incomplete; reinstall Veil's command-line tool.\n");
    process.exit(2);
  }
  var cached = readCache(file);
  var script = new vm.Script(Module.wrap(source), { filename: bundlePath, cachedData: cached });
  var bundle = new Module(bundlePath, module);
  bundle.filename = bundlePath;
  bundle.paths = Module._nodeModulePaths(__dirname);
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(bundlePath), bundle, bundlePath, __dirname);
  bundle.loaded = true;
  // Written once the run is over, so it also holds the functions this run compiled.
  if (file && (!cached || script.cachedDataRejected)) process.once("exit", function () { writeCache(file, script); });
  return bundle.exports;
}

var cli = loadBundle();
if (require.main === module && cli.runFromCommandLine) cli.runFromCommandLine();
