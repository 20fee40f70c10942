import type { CliIO } from "../io";

/** Placeholder until the `veil snippet` command lands. */
export async function run(_args: string[], io: CliIO): Promise<number> {
  io.stderr("veil snippet: not implemented yet\n");
  return 2;
}
