import { useCallback, useRef, useState } from "react";
import { WorkbookHost, failureMessage } from "./workbookHost";

export type RunState =
  | { readonly phase: "idle" }
  | { readonly phase: "running" }
  | { readonly phase: "done"; readonly message: string }
  | { readonly phase: "failed"; readonly message: string };

/** Runs the host's command at most once at a time and reports its progress and outcome. */
export function useHostRun(host: WorkbookHost): readonly [RunState, () => void] {
  const [state, setState] = useState<RunState>({ phase: "idle" });
  // A ref, not the state: two clicks can land before React re-renders the disabled button.
  const running = useRef(false);

  const run = useCallback(() => {
    if (running.current) return;
    running.current = true;
    setState({ phase: "running" });
    host
      .createScoringSheet()
      .then(
        (outcome) => setState({ phase: "done", message: outcome.message }),
        (error: unknown) => {
          // The user sees a sentence; whoever debugs needs the real error.
          console.error(error);
          setState({ phase: "failed", message: failureMessage(error) });
        }
      )
      .finally(() => {
        running.current = false;
      });
  }, [host]);

  return [state, run] as const;
}
