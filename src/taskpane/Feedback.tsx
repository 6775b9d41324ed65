import * as React from "react";
import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
} from "@fluentui/react-components";
import { RunState } from "./useHostRun";
import { HostOutcome } from "./workbookHost";

const useStyles = makeStyles({
  progress: { alignSelf: "stretch" },
  // Scrolled into view below the pane's sticky title and tabs, not under them.
  result: { alignSelf: "stretch", outlineOffset: "2px", scrollMarginTop: "88px" },
});

/**
 * While a command runs: a bar with what is happening ("Checking the program…") and, where the command counts, how far it
 * has got ("1,200 of 10,000 rows validated"); without counts the bar moves without a value.
 */
export function Progress({ state }: { readonly state: RunState<unknown> }) {
  const styles = useStyles();
  if (state.phase !== "running") return null;
  const { progress } = state;
  const counted =
    progress !== undefined && progress.total > 0
      ? `${progress.done.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")} ${progress.unit}`
      : undefined;
  return (
    <Field className={styles.progress} label={state.activity} hint={counted}>
      <ProgressBar
        value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
      />
    </Field>
  );
}

/**
 * Where a command's outcome shows: once it ends, the outcome is scrolled into view and takes the focus, so the
 * analyst sees what happened without looking for it and the keyboard continues from there.
 */
export function ResultArea({
  state,
  children,
}: {
  readonly state: RunState<unknown>;
  readonly children: React.ReactNode;
}) {
  const styles = useStyles();
  const area = React.useRef<HTMLDivElement>(null);
  const ended = state.phase === "done" || state.phase === "failed";
  React.useEffect(() => {
    if (!ended) return;
    const element = area.current;
    // jsdom has no scrollIntoView; every browser the pane runs in has.
    element?.scrollIntoView?.({ block: "start" });
    element?.focus();
  }, [ended, state]);
  if (state.phase === "idle") return null;
  return (
    <div ref={area} tabIndex={-1} className={styles.result}>
      {children}
    </div>
  );
}

export function Outcome({ state }: { readonly state: RunState<HostOutcome> }) {
  if (state.phase === "done") {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Done</MessageBarTitle>
          {state.outcome.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.phase === "failed") return <Failure title="Could not finish" message={state.message} />;
  return null;
}

export function Failure({ title, message }: { readonly title: string; readonly message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
