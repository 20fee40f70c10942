import type * as vscode from "vscode";

/** Most recent Output-channel lines kept for the tests' leak check. */
const KEPT_LINES = 2000;

/**
 * The Veil Output channel, with a copy of what is written to it kept in memory (the last
 * {@link KEPT_LINES} lines) so that the integration tests can check the log never holds a
 * value. The lines are the log's own text: nothing is kept that the channel does not show.
 */
export function teeOutputChannel(channel: vscode.OutputChannel): { output: vscode.OutputChannel; lines: () => readonly string[] } {
  const kept: string[] = [];
  const keep = (text: string) => {
    kept.push(text);
    if (kept.length > KEPT_LINES) kept.splice(0, kept.length - KEPT_LINES);
  };
  const output: vscode.OutputChannel = {
    get name() {
      return channel.name;
    },
    append: (value: string) => {
      keep(value);
      channel.append(value);
    },
    appendLine: (value: string) => {
      keep(value);
      channel.appendLine(value);
    },
    replace: (value: string) => {
      keep(value);
      channel.replace(value);
    },
    clear: () => channel.clear(),
    show: (...args: unknown[]) => (channel.show as (...a: unknown[]) => void)(...args),
    hide: () => channel.hide(),
    dispose: () => channel.dispose(),
  };
  return { output, lines: () => [...kept] };
}
