/** Where a command writes: stdout and stderr in the real CLI, arrays in tests. One call is one line. */
export interface Io {
  out(line: string): void;
  /**
   * Writes to stdout as it is, no line break added, so a line of hundreds of megabytes (`--json` on a
   * large file) goes out in pieces. Absent: such a line is given whole to `out`.
   */
  write?(text: string): void;
  err(line: string): void;
  /**
   * Shows a status line in place of the previous one, "" clears it: only where a person watches stderr
   * (a terminal). Absent when nobody does, so nothing is written to a log or a pipe.
   */
  progress?(line: string): void;
}

export interface Command {
  readonly name: string;
  /** Arguments after the command name, as shown in --help. */
  readonly usage: string;
  readonly summary: string;
  /** Throws UsageError for bad arguments; resolves to the exit code otherwise. */
  run(args: readonly string[], io: Io): Promise<number>;
}
