import * as React from "react";

/**
 * What every section of the pane shares while a command runs: whether one is running (every command button waits
 * for it), and the sentence a screen reader announces when it ends.
 */
export interface PaneStatus {
  readonly busy: boolean;
  /** Marks a command as started or ended; the pane is busy while any is running. */
  readonly track: (running: boolean) => void;
  /** Says `message` in the pane's live region. */
  readonly announce: (message: string) => void;
}

const IDLE: PaneStatus = { busy: false, track: () => {}, announce: () => {} };

const PaneStatusContext = React.createContext<PaneStatus>(IDLE);

export const usePaneStatus = (): PaneStatus => React.useContext(PaneStatusContext);

/** Provides the status to the sections below, and holds the live region that announces each outcome. */
export function PaneStatusProvider({ children }: { readonly children: React.ReactNode }) {
  const [running, setRunning] = React.useState(0);
  const [said, setSaid] = React.useState({ text: "", n: 0 });
  const track = React.useCallback(
    (started: boolean) => setRunning((n) => Math.max(0, n + (started ? 1 : -1))),
    []
  );
  // A new node each time, so that the same sentence twice (running a command again) is announced again.
  const announce = React.useCallback((text: string) => setSaid((s) => ({ text, n: s.n + 1 })), []);
  const status = React.useMemo(
    () => ({ busy: running > 0, track, announce }),
    [running, track, announce]
  );
  return (
    <PaneStatusContext.Provider value={status}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" style={VISUALLY_HIDDEN}>
        <span key={said.n}>{said.text}</span>
      </div>
    </PaneStatusContext.Provider>
  );
}

/** Read by screen readers, not shown: the outcome is on screen already, in its section. */
const VISUALLY_HIDDEN: React.CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};
