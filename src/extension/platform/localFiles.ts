// Reading workspace files in the Node extension host: `file:` URIs straight from the disk with
// Node's fs, since through vscode.workspace.fs each read is a round trip to another process
// (docs/speed.md). The web build gets localFiles.web.ts.
import { open } from "node:fs/promises";
import type * as vscode from "vscode";

export type LocalRead = { kind: "bytes"; bytes: Uint8Array } | { kind: "tooLarge" };

/** The file's bytes, or tooLarge past `maxBytes` (not read); undefined when this host cannot read the URI itself. */
export async function readLocalFile(uri: vscode.Uri, maxBytes: number): Promise<LocalRead | undefined> {
  if (uri.scheme !== "file") return undefined;
  const handle = await open(uri.fsPath, "r");
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return { kind: "tooLarge" };
    const bytes = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { kind: "bytes", bytes: filled === size ? bytes : bytes.subarray(0, filled) };
  } finally {
    await handle.close();
  }
}
