import * as React from "react";
import { ProgramSettings } from "../domain/settings";
import { failureMessage, WorkbookHost } from "./workbookHost";

/** What the pane learnt from the open workbook's settings: nothing yet, its settings, or why not. */
export type WorkbookSettingsState =
  | { readonly phase: "reading" | "none" }
  | { readonly phase: "loaded" }
  | { readonly phase: "unreadable"; readonly message: string };

/**
 * In Excel, reads the open workbook's tblSettings once, when the pane starts, and hands its settings to
 * `show` (the form shows them unless the user has typed already). Outside Excel there is no workbook.
 */
export function useWorkbookSettings(
  host: WorkbookHost,
  show: (settings: ProgramSettings) => void
): WorkbookSettingsState {
  const [state, setState] = React.useState<WorkbookSettingsState>({
    phase: host.kind === "excel" ? "reading" : "none",
  });
  React.useEffect(() => {
    if (host.kind !== "excel") return;
    let live = true;
    host.readSettings().then(
      (read) => {
        if (!live) return;
        if (read.kind === "settings") show(read.settings);
        setState(
          read.kind === "problems"
            ? { phase: "unreadable", message: read.message }
            : { phase: read.kind === "settings" ? "loaded" : "none" }
        );
      },
      (error: unknown) => {
        console.error(error);
        if (live) setState({ phase: "unreadable", message: failureMessage(error) });
      }
    );
    return () => {
      live = false;
    };
  }, [host, show]);
  return state;
}
