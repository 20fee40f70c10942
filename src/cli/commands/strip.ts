/** `veil strip`: writes copies of photos, videos, PDFs and Office documents without their metadata. */
import { constants, promises as fs } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { describeMetadata, MetadataError, stripMetadata, type ByteSource, type MetadataItem, type StripResult } from "../../engine";
import { defineCommand, UsageError, type OptionSpecs, type ParsedArgs } from "../args";
import type { CliIO } from "../io";
import { fsErrorText } from "../mapFile";

const OPTIONS = {
  check: { type: "boolean" },
  out: { type: "string" },
  "in-place": { type: "boolean" },
} as const satisfies OptionSpecs;

const STRIP_HELP = `Usage: veil strip [--check] (--out DIR | --in-place) FILE...

Removes what a file carries beyond its content: GPS position, camera make, model and
serial, authors and last editors, company, comments and their authors, tracked-change
authors, software and dates, XMP and IPTC blocks, a PDF's earlier revisions. The content
stays the same: same pixels, video frames, PDF text, document text. Standard error says,
per file, what was removed (values masked).

Formats: JPEG, PNG, WebP, GIF, MP4/MOV, PDF, Word (docx), Excel (xlsx), PowerPoint (pptx).
JPEG keeps its orientation and colour profile. MP4/MOV metadata boxes are overwritten
in place, so the media data is copied without being read into memory.

Options:
  --out DIR    write the cleaned copies into DIR under the same file names
  --in-place   replace each file, only after its complete cleaned copy is written
  --check      write nothing; exit 1 when any file carries metadata
  -h, --help   show this help

Exit codes: 0 done (or, with --check, no metadata), 1 (--check) metadata found,
2 usage error, unreadable file or format Veil does not know (that file is left as it was).
`;

class FileError extends Error {}

async function openSource(path: string): Promise<{ source: ByteSource; close: () => Promise<void> }> {
  const handle = await fs.open(path, "r");
  const { size } = await handle.stat();
  return {
    source: {
      size,
      read: async (offset, length) => {
        const n = Math.max(0, Math.min(length, size - offset));
        const buffer = new Uint8Array(n);
        let done = 0;
        while (done < n) {
          const { bytesRead } = await handle.read(buffer, done, n - done, offset + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return done === n ? buffer : buffer.subarray(0, done);
      },
    },
    close: () => handle.close(),
  };
}

function list(items: readonly MetadataItem[]): string {
  return items.map((i) => i.text).join("; ");
}

/** Writes the cleaned file to a temporary name beside `target`, then renames it into place. */
async function writeResult(input: string, target: string, result: StripResult, source: ByteSource): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.veil-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    if (result.output.kind === "bytes") {
      await fs.writeFile(temp, result.output.data, { flag: "wx" });
    } else {
      // Copy the file as it is (the kernel streams it), then overwrite the patched ranges.
      await fs.copyFile(input, temp, constants.COPYFILE_EXCL);
      const handle = await fs.open(temp, "r+");
      try {
        for (const p of result.output.patches) await handle.write(p.bytes, 0, p.bytes.length, p.offset);
        await handle.sync();
      } finally {
        await handle.close();
      }
      if ((await fs.stat(temp)).size !== source.size) throw new Error("the copy does not have the original's size");
    }
    const mode = (await fs.stat(input)).mode & 0o7777;
    await fs.chmod(temp, mode);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

async function run({ values, positionals: files }: ParsedArgs<typeof OPTIONS>, io: CliIO): Promise<number> {
  const command = "veil strip";
  const outDir = values.out === undefined ? undefined : resolve(io.cwd, values.out);
  if (outDir && !values.check) {
    try {
      await fs.mkdir(outDir, { recursive: true });
    } catch (error) {
      io.stderr(`${command}: cannot create ${values.out}: ${fsErrorText(error)}\n`);
      return 2;
    }
  }
  let failed = false;
  let carrying = false;
  const targets = new Set<string>();
  for (const file of files) {
    const input = resolve(io.cwd, file);
    const shown = relative(io.cwd, input) || file;
    let opened: Awaited<ReturnType<typeof openSource>> | undefined;
    try {
      if ((await fs.stat(input)).isDirectory()) throw new FileError("is a directory (name the files)");
      opened = await openSource(input);
      if (values.check) {
        const { items } = await describeMetadata(opened.source, input);
        if (items.length > 0) carrying = true;
        io.stderr(items.length > 0 ? `${shown}: carries ${list(items)}\n` : `${shown}: no metadata\n`);
        continue;
      }
      const target = outDir ? join(outDir, basename(input)) : input;
      if (outDir && target === input) throw new FileError("--out would overwrite the file itself; use --in-place");
      if (targets.has(target)) throw new FileError(`another file of the same name is already written to ${values.out}`);
      targets.add(target);
      const result = await stripMetadata(opened.source, input);
      if (result.removed.length === 0 && values["in-place"]) {
        io.stderr(`${shown}: no metadata, left as it was\n`);
        continue;
      }
      await writeResult(input, target, result, opened.source);
      io.stderr(result.removed.length > 0 ? `${shown}: removed ${list(result.removed)}\n` : `${shown}: no metadata, copied as it was\n`);
    } catch (error) {
      failed = true;
      const reason = error instanceof MetadataError || error instanceof FileError ? error.message : fsErrorText(error);
      io.stderr(`${command}: ${shown}: ${reason}; the file is left as it was\n`);
    } finally {
      await opened?.close();
    }
  }
  if (failed) return 2;
  return values.check && carrying ? 1 : 0;
}

/** Where the cleaned copies go: one of --out and --in-place, unless --check only looks. */
function validate({ values }: ParsedArgs<typeof OPTIONS>): void {
  if (values.out !== undefined && values["in-place"]) throw new UsageError("veil strip: choose one of --out DIR and --in-place");
  if (!values.check && values.out === undefined && !values["in-place"]) throw new UsageError("veil strip: say where the cleaned files go: --out DIR, or --in-place (or --check to only look)");
}

export const COMMAND = defineCommand({ name: "strip", usage: STRIP_HELP, options: OPTIONS, positionals: { min: 1, error: "name at least one FILE" }, validate, run });
