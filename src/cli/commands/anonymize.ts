/** `veil anonymize`: stdin to stdout with every sensitive value replaced by a placeholder. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { anonymize, describeReport, Scanner, Vault, type AnonymizeOptions, type AnonymizeResult } from "../../engine";
import { defineCommand, STDIN_ONLY, type OptionSpecs, type ParsedArgs } from "../args";
import { CONFIG_HELP, ConfigError, emptyConfig, formatConfigNotes, formatPatternWarnings, parseConfig } from "../config";
import type { CliIO } from "../io";
import { fsErrorText, gitExposureWarning, keepPrivate, MapFileError, parseMap, readMapText, writeMap } from "../mapFile";
import { CommandError, decodeInput } from "../stdinText";

const OPTIONS = {
  map: { type: "string" },
  "no-money": { type: "boolean" },
  config: { type: "string" },
} as const satisfies OptionSpecs;

const ANONYMIZE_HELP = `Usage: veil anonymize [--map FILE] [--no-money] [--config FILE] < input > output

Copies standard input to standard output with every secret, piece of personal data,
configured term and amount of money replaced by a typed, numbered placeholder:
[EMAIL_1], [AWS_ACCESS_KEY_1], [BRAND_2], [AMOUNT_3]. The same value always gets the
same placeholder. Everything else is copied byte for byte (line endings, byte-order mark).
A summary without the values goes to standard error.

Options:
  --map FILE     the map of placeholders to real values: read and extended if it exists,
                 written with mode 0600 (atomically). Keep it out of version control;
                 Veil warns when it would land in a git work tree without being ignored.
                 Without --map the values are not kept and cannot be restored.
  --no-money     leave amounts of money as they are
  --config FILE  JSON config (terms, allowlists, disabled rules), as for veil scan
  -h, --help     show this help

Running it again on its own output with the same map changes nothing. Text that already
looks like a placeholder ([EMAIL_1] typed by someone) is left alone and never issued.
The input must be UTF-8 (a byte-order mark is kept); anything else is refused, rather
than rewritten with replacement characters.

Exit codes: 0 done, 2 usage error, unreadable or corrupt map or config, input not UTF-8.

${CONFIG_HELP}
`;

/**
 * Anonymizes with the map file and saves it before anything is printed. Another run may
 * write the same map meanwhile: the work is redone on its latest version rather than
 * overwriting entries that the other run's output depends on.
 */
function anonymizeWithMap(text: string, options: AnonymizeOptions, mapPath: string, shown: string, command: string): AnonymizeResult {
  for (let attempt = 0; ; attempt++) {
    const original = readMapText(mapPath, shown, command);
    const vault = original === undefined ? new Vault() : parseMap(original, shown, command);
    const before = JSON.stringify(vault.toJSON());
    const result = anonymize(text, vault, options);
    if (original !== undefined && JSON.stringify(vault.toJSON()) === before) {
      keepPrivate(mapPath);
      return result;
    }
    if (readMapText(mapPath, shown, command) !== original && attempt < 5) continue;
    writeMap(mapPath, vault, shown, command, "nothing was written to the output");
    return result;
  }
}

async function run({ values }: ParsedArgs<typeof OPTIONS>, io: CliIO): Promise<number> {
  const command = "veil anonymize";
  try {
    let config = emptyConfig();
    if (values.config !== undefined) {
      const configPath = resolve(io.cwd, values.config);
      let text: string;
      try {
        text = readFileSync(configPath, "utf8");
      } catch (error) {
        throw new CommandError(`${command}: cannot read config file ${values.config}: ${fsErrorText(error)}`);
      }
      config = parseConfig(text, values.config);
      io.stderr(formatConfigNotes(command, values.config, config.notes));
      const warnings = new Scanner(config.scan).warnings;
      if (warnings.length > 0) io.stderr(formatPatternWarnings(command, values.config, warnings));
    }
    const mapPath = values.map === undefined ? undefined : resolve(io.cwd, values.map);
    const text = decodeInput(await io.stdin(), command);
    const options = { scan: config.scan, money: values["no-money"] ? false : (config.scan.money ?? true) };
    const result = mapPath ? anonymizeWithMap(text, options, mapPath, values.map ?? mapPath, command) : anonymize(text, new Vault(), options);
    if (mapPath) {
      const warning = gitExposureWarning(mapPath, mapPath, io.env);
      if (warning) io.stderr(`${command}: warning: ${warning}\n`);
    }
    io.stdout(Buffer.from(result.text, "utf8"));
    io.stderr(`${command}: ${describeReport(result.report)}${mapPath || result.report.total === 0 ? "" : " (no --map: the values were not kept)"}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CommandError || error instanceof MapFileError) io.stderr(`${error.message}\n`);
    else if (error instanceof ConfigError) io.stderr(`${command}: ${error.message}\n`);
    else throw error;
    return 2;
  }
}

export const COMMAND = defineCommand({ name: "anonymize", usage: ANONYMIZE_HELP, options: OPTIONS, positionals: STDIN_ONLY, run });
