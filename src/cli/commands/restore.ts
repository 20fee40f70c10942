import type { CliIO } from "../io";

/** Placeholder until the `veil restore` command lands. */
export async function run(_args: string[], io: CliIO): Promise<number> {
  io.stderr("veil restore: not implemented yet\n");
  return 2;
}
