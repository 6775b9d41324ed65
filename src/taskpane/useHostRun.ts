import { useCallback, useRef, useState } from "react";
import { failureMessage } from "./workbookHost";

export type RunState<T> =
  | { readonly phase: "idle" }
  | { readonly phase: "running" }
  | { readonly phase: "done"; readonly outcome: T }
  | { readonly phase: "failed"; readonly message: string };

/** Runs a host command at most once at a time and reports its progress and outcome. */
export function useHostRun<T>(command: () => Promise<T>): readonly [RunState<T>, () => void] {
  const [state, setState] = useState<RunState<T>>({ phase: "idle" });
  // A ref, not the state: two clicks can land before React re-renders the disabled button.
  const running = useRef(false);

  const run = useCallback(() => {
    if (running.current) return;
    running.current = true;
    setState({ phase: "running" });
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
  }, [command]);

  return [state, run] as const;
}
