// What screen-share mode switches off in the workbench itself — places where VS Code shows
// the text of a file that Veil's masks cannot reach — and puts back afterwards. What was
// changed is recorded in globalState before the change, so a crash or a reload in between
// is repaired at the next start.
import * as vscode from "vscode";

/** A setting screen-share mode overrides, and the value it sets while on. */
interface Override {
  section: string;
  key: string;
  value: unknown;
}

export const WORKBENCH_OVERRIDES: readonly Override[] = [
  // A heading holding the client's product name, shown above the editor.
  { section: "breadcrumbs", key: "enabled", value: false },
  // The same headings pinned at the top of the editor while scrolling.
  { section: "editor.stickyScroll", key: "enabled", value: false },
  // Untitled tabs are titled from their first line by default ("content").
  { section: "workbench.editor.untitled", key: "labelFormat", value: "name" },
];

/** One change made: the user-settings value before it (absent = not set) and the one written. */
export interface RecordedChange {
  section: string;
  key: string;
  hadValue: boolean;
  previous?: unknown;
  written: unknown;
}

export const RECORD_KEY = "veil.screenShare.workbenchChanges";

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class WorkbenchOverrides {
  constructor(private readonly state: vscode.Memento) {}

  recorded(): RecordedChange[] {
    const value = this.state.get<unknown>(RECORD_KEY);
    return Array.isArray(value) ? (value as RecordedChange[]) : [];
  }

  /**
   * Writes the overrides to the user settings where they change what is shown. A folder or
   * workspace that sets one of them itself is left alone (its settings file may be tracked).
   */
  async apply(): Promise<RecordedChange[]> {
    const changes = this.recorded();
    for (const { section, key, value } of WORKBENCH_OVERRIDES) {
      if (changes.some((c) => c.section === section && c.key === key)) continue;
      const config = vscode.workspace.getConfiguration(section);
      const inspected = config.inspect(key);
      if (!inspected || same(config.get(key), value)) continue;
      if (inspected.workspaceValue !== undefined || inspected.workspaceFolderValue !== undefined) continue;
      const change: RecordedChange = { section, key, hadValue: inspected.globalValue !== undefined, previous: inspected.globalValue, written: value };
      // Recorded first: if the window dies right after the write, the next start undoes it.
      changes.push(change);
      await this.state.update(RECORD_KEY, changes);
      await config.update(key, value, vscode.ConfigurationTarget.Global);
    }
    return changes;
  }

  /**
   * Puts the user's values back; a setting the user changed in the meantime is left as the
   * user set it. Also what the next start runs after a crash or reload.
   */
  async restore(): Promise<number> {
    const changes = this.recorded();
    let restored = 0;
    for (const change of changes) {
      const config = vscode.workspace.getConfiguration(change.section);
      const now = config.inspect(change.key)?.globalValue;
      if (!same(now, change.written)) continue;
      await config.update(change.key, change.hadValue ? change.previous : undefined, vscode.ConfigurationTarget.Global);
      restored++;
    }
    await this.state.update(RECORD_KEY, undefined);
    return restored;
  }
}
