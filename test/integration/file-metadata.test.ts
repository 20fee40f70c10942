// "Share a Clean Copy…" and "Show File Metadata" inside a real VS Code, through
// vscode.workspace.fs (so the same test runs in the web-worker host).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, closeAllEditors, runCommand, workspaceUri } from "./helpers";

const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  new DataView(out.buffer).setUint32(0, data.length);
  out.set(enc(type), 4);
  out.set(data, 8);
  return out; // CRCs left at zero: Veil copies chunks without checking them
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A PNG with an Author text chunk; the IDAT bytes stand for the pixels. */
function pngWithAuthor(): { file: Uint8Array; idat: Uint8Array } {
  const idat = chunk("IDAT", Uint8Array.from([120, 156, 99, 96, 0, 0, 0, 2, 0, 1]));
  const ihdr = chunk("IHDR", Uint8Array.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
  const file = concat([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, chunk("tEXt", enc("Author\0Camille Dupont")), idat, chunk("IEND", new Uint8Array())]);
  return { file, idat };
}

function includes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

suite("File metadata commands", () => {
  const source = workspaceUri("metadata-fixture/photo.png");
  const folder = workspaceUri("metadata-fixture/out");

  suiteSetup(async () => {
    await activateVeil();
    await vscode.workspace.fs.writeFile(source, pngWithAuthor().file);
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri("metadata-fixture"), { recursive: true, useTrash: false });
  });

  test("Show File Metadata opens a read-only list with the author masked", async () => {
    const uri = await runCommand<vscode.Uri>("veil.showFileMetadata", source);
    assert.ok(uri, "a preview opened");
    const text = vscode.window.activeTextEditor?.document.getText() ?? "";
    assert.match(text, /photo\.png \(PNG\)/);
    assert.match(text, /author Ca•••nt/);
    assert.ok(!text.includes("Dupont"), text);
    assert.notEqual(vscode.window.activeTextEditor?.document.uri.scheme, "file");
  });

  test("Share a Clean Copy writes the file without its metadata into the chosen folder", async () => {
    const target = await runCommand<vscode.Uri>("veil.shareCleanCopy", source, { folder });
    assert.ok(target, "a copy was written");
    assert.equal(target.path, vscode.Uri.joinPath(folder, "photo.png").path);
    const copy = await vscode.workspace.fs.readFile(target);
    assert.ok(!includes(copy, enc("Dupont")), "the author is gone");
    assert.ok(includes(copy, pngWithAuthor().idat), "the image data is the same");
    const original = await vscode.workspace.fs.readFile(source);
    assert.ok(includes(original, enc("Camille Dupont")), "the original is left as it was");
  });

  test("a file Veil cannot parse is refused and nothing is written", async () => {
    const broken = workspaceUri("metadata-fixture/broken.png");
    await vscode.workspace.fs.writeFile(broken, pngWithAuthor().file.subarray(0, 40));
    const target = await runCommand<vscode.Uri | undefined>("veil.shareCleanCopy", broken, { folder });
    assert.equal(target, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, "broken.png"))));
  });
});
