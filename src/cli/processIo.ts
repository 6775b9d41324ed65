import { Io } from "./command";

/** Errors of a stream whose reader has gone: `partner-strategy validate big.csv | head` closes the pipe. */
const CLOSED = new Set(["EPIPE", "ERR_STREAM_DESTROYED"]);

/**
 * Writes one line at a time to the stream until its reader goes away, then nothing: unhandled, the
 * stream's "write EPIPE" error would end the process with a stack trace.
 */
export function lineWriter(stream: NodeJS.WritableStream): (line: string) => void {
  let open = true;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === undefined || !CLOSED.has(e.code)) throw e;
    open = false;
  });
  return (line) => {
    if (open) stream.write(`${line}\n`);
  };
}

/** Rewrites one terminal line: back to its start, the text, then erase what a longer line left. */
const statusLine =
  (stream: NodeJS.WriteStream) =>
  (line: string): void => {
    stream.write(`\r${line}\x1b[K`);
  };

/** The real CLI's stdout and stderr; progress lines only when stderr is a terminal. */
export const processIo = (): Io => ({
  out: lineWriter(process.stdout),
  err: lineWriter(process.stderr),
  ...(process.stderr.isTTY && { progress: statusLine(process.stderr) }),
});
