/** `veil restore`: puts the real values back into text that holds placeholders. */
import { resolve } from "node:path";
import { restoreAnswer, type PlacementRisk } from "../../engine";
import { defineCommand, STDIN_ONLY, type OptionSpecs, type ParsedArgs } from "../args";
import type { CliIO } from "../io";
import { MapFileError, readMap } from "../mapFile";
import { CommandError, decodeInput } from "../stdinText";

const OPTIONS = {
  map: { type: "string", required: { value: "FILE", why: "the map written by veil anonymize --map" } },
  "include-secrets": { type: "boolean" },
  "leave-risky": { type: "boolean" },
} as const satisfies OptionSpecs;

const RESTORE_HELP = `Usage: veil restore --map FILE [--include-secrets] [--leave-risky] < input > output

Copies standard input to standard output with the placeholders of the map ([EMAIL_1],
[BRAND_2]) replaced by their real values. Also understands what chat tools do to
placeholders: [EMAIL\\_1], \\[EMAIL_1\\], [email_1]; Markdown around them (backticks,
bold) stays. Everything else is copied byte for byte.

The input is taken for an assistant's answer, which is untrusted text: a prompt injection
can make it write a command that sends your values away. So secrets (keys, tokens,
passwords) stay placeholders unless --include-secrets is given, and standard error lists
them; load credentials from the environment instead. A restored value that lands inside
a URL (other than mailto: or tel:), a command that sends data (curl, wget, nc, a fetch or
requests call …) or an encoding (base64, URL encoding) is reported on standard error by
line, column and placeholder, never by value.

Placeholders the map does not know (made up by an assistant, or expired) are left as
they are and listed on standard error; that is not an error.

Options:
  --map FILE          the map written by veil anonymize --map (required; never modified)
  --include-secrets   restore secrets too (restoring veil anonymize's own output byte for byte)
  --leave-risky       leave the values that would land in a URL, a sending command or an
                      encoding as placeholders
  -h, --help          show this help

Exit codes: 0 done (even with unknown placeholders), 2 usage error, missing or corrupt
map, input not UTF-8.
`;

const MAX_LISTED = 20;

const RISK_WORDS: Record<PlacementRisk, string> = {
  url: "inside a URL",
  command: "inside a command or call that sends data",
  encoded: "inside an encoding (base64, URL encoding…)",
};

async function run({ values }: ParsedArgs<typeof OPTIONS>, io: CliIO): Promise<number> {
  const command = "veil restore";
  try {
    const mapPath = resolve(io.cwd, values.map);
    const vault = readMap(mapPath, mapPath, command, false);
    const text = decodeInput(await io.stdin(), command);
    const result = restoreAnswer(text, vault, { secrets: values["include-secrets"] === true, leaveRisky: values["leave-risky"] === true });
    io.stdout(Buffer.from(result.text, "utf8"));
    if (result.withheld.length > 0) {
      const n = result.withheld.length;
      io.stderr(
        `${command}: ${n} secret${n === 1 ? "" : "s"} left as ${n === 1 ? "a placeholder" : "placeholders"}: ${result.withheld.join(", ")}. ` +
          `An answer is untrusted text: load credentials from the environment instead, or pass --include-secrets to restore them.\n`,
      );
    }
    if (result.risky.length > 0) {
      const n = result.risky.length;
      const verb = values["leave-risky"] ? "left as placeholders" : "restored";
      io.stderr(`${command}: ${n} value${n === 1 ? "" : "s"} ${verb} where ${n === 1 ? "it" : "they"} would leave through the answer; check before running anything:\n`);
      for (const p of result.risky.slice(0, MAX_LISTED)) io.stderr(`  line ${p.line}, column ${p.column}: ${p.placeholder} ${RISK_WORDS[p.risk as PlacementRisk]}\n`);
      if (n > MAX_LISTED) io.stderr(`  … and ${n - MAX_LISTED} more\n`);
    }
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

export const COMMAND = defineCommand({ name: "restore", usage: RESTORE_HELP, options: OPTIONS, positionals: STDIN_ONLY, run });
