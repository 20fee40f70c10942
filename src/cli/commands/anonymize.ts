import type { CliIO } from "../io";

/** Placeholder until the `veil anonymize` command lands. */
export async function run(_args: string[], io: CliIO): Promise<number> {
  io.stderr("veil anonymize: not implemented yet\n");
  return 2;
}
