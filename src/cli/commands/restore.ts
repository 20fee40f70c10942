/** `veil restore`: puts the real values back into text that holds placeholders. */
import { resolve } from "node:path";
import { restore } from "../../engine";
import { parseArgs, UsageError, type OptionSpecs } from "../args";
import type { CliIO } from "../io";
import { MapFileError } from "../mapFile";
import { CommandError, decodeInput, readMap } from "./anonymize";

const OPTIONS = {
  map: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpecs;

export const RESTORE_HELP = `Usage: veil restore --map FILE < input > output

Copies standard input to standard output with every placeholder of the map ([EMAIL_1],
[AWS_ACCESS_KEY_2]) replaced by its real value. Also understands what chat tools do to
placeholders: [EMAIL\\_1], \\[EMAIL_1\\], [email_1]; Markdown around them (backticks,
bold) stays. Everything else is copied byte for byte, so restoring the output of
veil anonymize gives back its input exactly.

Placeholders the map does not know (made up by an assistant, or expired) are left as
they are and listed on standard error; that is not an error.

Options:
  --map FILE   the map written by veil anonymize --map (required; never modified)
  -h, --help   show this help

Exit codes: 0 done (even with unknown placeholders), 2 usage error, missing or corrupt
map, input not UTF-8.
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const command = "veil restore";
  let values;
  try {
    const parsed = parseArgs(args, OPTIONS, command);
    if (parsed.positionals.length > 0) throw new UsageError(`${command}: reads standard input and takes no file arguments (use < FILE)`);
    values = parsed.values;
    if (!values.help && values.map === undefined) throw new UsageError(`${command}: --map FILE is required (the map written by veil anonymize --map)`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\nSee veil restore --help.\n`);
    return 2;
  }
  if (values.help || values.map === undefined) {
    io.stdout(RESTORE_HELP);
    return 0;
  }
  try {
    const vault = readMap(resolve(io.cwd, values.map), command, false);
    const text = decodeInput(await io.stdin(), command);
    const result = restore(text, vault);
    io.stdout(Buffer.from(result.text, "utf8"));
    if (result.unknown.length > 0) {
      const n = result.unknown.length;
      io.stderr(`${command}: ${n} placeholder${n === 1 ? " is" : "s are"} not in the map and left as ${n === 1 ? "it is" : "they are"}: ${result.unknown.join(", ")}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CommandError || error instanceof MapFileError)) throw error;
    io.stderr(`${error.message}\n`);
    return 2;
  }
}
