import { useCallback, useRef, useState } from "react";
import { usePaneStatus } from "./paneStatus";
import { failureMessage } from "./workbookHost";

/** How far a long command has got: "1,200 of 10,000 rows validated". */
export interface RunProgress {
  readonly done: number;
  readonly total: number;
  /** What is counted, plural: "rows validated". */
  readonly unit: string;
}

export type RunState<T> =
  | { readonly phase: "idle" }
  | { readonly phase: "running"; readonly activity: string; readonly progress?: RunProgress }
  | { readonly phase: "done"; readonly outcome: T }
  | { readonly phase: "failed"; readonly message: string };

/** What a command may report while it runs. */
export type ReportProgress = (progress: RunProgress) => void;

/**
 * Runs host commands at most one at a time in the whole pane and reports the progress and outcome of the latest:
 * `activity` says what is happening while it runs ("Generating the roadmap…"). The outcome is announced to screen
 * readers: `say` puts it in one sentence, a failure is announced with its message.
 */
export function useHostRun<T>(
  say: (outcome: T) => string = () => "Done."
): readonly [
  RunState<T>,
  (activity: string, command: (report: ReportProgress) => Promise<T>) => void,
] {
  const [state, setState] = useState<RunState<T>>({ phase: "idle" });
  const status = usePaneStatus();
  // A ref, not the state: two clicks can land before React re-renders the disabled button.
  const running = useRef(false);
  const sayRef = useRef(say);
  sayRef.current = say;

  const { track, announce } = status;
  const run = useCallback(
    (activity: string, command: (report: ReportProgress) => Promise<T>) => {
      if (running.current) return;
      running.current = true;
      track(true);
      setState({ phase: "running", activity });
      const report: ReportProgress = (progress) =>
        setState((s) => (s.phase === "running" ? { ...s, progress } : s));
      command(report)
        .then(
          (outcome) => {
            setState({ phase: "done", outcome });
            announce(sayRef.current(outcome));
          },
          (error: unknown) => {
            // The user sees a sentence; whoever debugs needs the real error.
            console.error(error);
            const message = failureMessage(error);
            setState({ phase: "failed", message });
            announce(`Could not finish: ${message}`);
          }
        )
        .finally(() => {
          running.current = false;
          track(false);
        });
    },
    [track, announce]
  );

  return [state, run] as const;
}
