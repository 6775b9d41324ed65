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

/** The real CLI's stdout and stderr. */
export const processIo = (): Io => ({
  out: lineWriter(process.stdout),
  err: lineWriter(process.stderr),
});
