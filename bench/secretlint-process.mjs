// secretlint's CLI-equivalent for `npm run bench`: one process that walks the given paths as
// `veil scan --no-default-ignores` does (no symlinks, no binaries, ≤ 5 MB), reads each file
// and lints it with @secretlint/core and the recommended preset, then prints the message
// count. What the secretlint CLI does, minus its glob library and formatter (so, if anything,
// faster than the real CLI).
//   node bench/secretlint-process.mjs PATH...
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadSecretlint } from "./secretlint-modules.mjs";

const BINARY = /\.(png|jpe?g|gif|bmp|ico|icns|webp|tiff?|psd|heic|avif|zip|gz|tgz|bz2|xz|7z|rar|zst|lz4|jar|war|ear|apk|ipa|deb|rpm|dmg|iso|pdf|docx?|xlsx?|pptx?|odt|ods|odp|exe|dll|so|dylib|o|a|lib|obj|class|pyc|pyo|wasm|node|bin|dat|woff2?|ttf|otf|eot|mp3|mp4|m4a|mov|avi|mkv|webm|wav|flac|ogg|opus|sqlite3?|db|p12|pfx|jks|keystore|der)$/i;

function walk(path, out) {
  const stat = statSync(path);
  if (stat.isFile()) out.push(path);
  else if (stat.isDirectory()) {
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isSymbolicLink()) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child, out);
      else if (entry.isFile()) out.push(child);
    }
  }
  return out;
}

const { lintSource, config } = await loadSecretlint();
let messages = 0;
let files = 0;
for (const path of process.argv.slice(2).flatMap((p) => walk(p, []))) {
  if (BINARY.test(path)) continue;
  const bytes = readFileSync(path);
  if (bytes.length > 5 * 1024 * 1024 || bytes.subarray(0, 8192).includes(0)) continue;
  const result = await lintSource({
    source: { content: bytes.toString("utf8"), filePath: path, ext: path.slice(path.lastIndexOf(".")), contentType: "text" },
    options: { config, maskSecrets: true },
  });
  messages += result.messages.length;
  files++;
}
process.stdout.write(JSON.stringify({ files, messages }) + "\n");
