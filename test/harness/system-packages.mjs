#!/usr/bin/env node
// First step of `npm test`: the Debian packages the harness and the unit tests' oracles
// (exiftool, ImageMagick, ffmpeg, pdftotext) need. As root it installs what is missing; as
// another user it prints the apt-get line and goes on, and the oracle tests then say which
// tool is missing instead of passing.
import { ensureSystemPackages } from "./vscode-server.mjs";

try {
  ensureSystemPackages();
} catch (error) {
  console.error(`[veil-test] ${error.message}`);
  console.error("[veil-test] going on: the tests that need a missing tool will fail and name it.");
}
