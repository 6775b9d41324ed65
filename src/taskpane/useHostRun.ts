import { useCallback, useRef, useState } from "react";
import { failureMessage } from "./workbookHost";

export type RunState<T> =
  | { readonly phase: "idle" }
  | { readonly phase: "running"; readonly activity: string }
  | { readonly phase: "done"; readonly outcome: T }
  | { readonly phase: "failed"; readonly message: string };

/**
 * Runs host commands at most one at a time and reports the progress and outcome of the latest: `activity` says what
 * is happening while it runs ("Generating the roadmap…").
 */
export function useHostRun<T>(): readonly [
  RunState<T>,
  (activity: string, command: () => Promise<T>) => void,
] {
  const [state, setState] = useState<RunState<T>>({ phase: "idle" });
  // A ref, not the state: two clicks can land before React re-renders the disabled button.
  const running = useRef(false);

  const run = useCallback((activity: string, command: () => Promise<T>) => {
    if (running.current) return;
    running.current = true;
    setState({ phase: "running", activity });
    command()
      .then(
        (outcome) => setState({ phase: "done", outcome }),
        (error: unknown) => {
          // The user sees a sentence; whoever debugs needs the real error.
          console.error(error);
          setState({ phase: "failed", message: failureMessage(error) });
        }
      )
      .finally(() => {
        running.current = false;
      });
  }, []);

  return [state, run] as const;
}
