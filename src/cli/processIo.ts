import { Io } from "./command";

/** Errors of a stream whose reader has gone: `partner-strategy validate big.csv | head` closes the pipe. */
const CLOSED = new Set(["EPIPE", "ERR_STREAM_DESTROYED"]);

/**
 * Writes text to the stream until its reader goes away, then nothing: unhandled, the stream's "write
 * EPIPE" error would end the process with a stack trace.
 */
export function textWriter(stream: NodeJS.WritableStream): (text: string) => void {
  let open = true;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === undefined || !CLOSED.has(e.code)) throw e;
    open = false;
  });
  return (text) => {
    if (open) stream.write(text);
  };
}

/** Writes one line at a time, as textWriter. */
export function lineWriter(stream: NodeJS.WritableStream): (line: string) => void {
  const write = textWriter(stream);
  return (line) => write(`${line}\n`);
}

/** Rewrites one terminal line: back to its start, the text, then erase what a longer line left. */
const statusLine =
  (stream: NodeJS.WriteStream) =>
  (line: string): void => {
    stream.write(`\r${line}\x1b[K`);
  };

/** The real CLI's stdout and stderr; progress lines only when stderr is a terminal. */
export const processIo = (): Io => {
  const write = textWriter(process.stdout);
  return {
    out: (line) => write(`${line}\n`),
    write,
    err: lineWriter(process.stderr),
    ...(process.stderr.isTTY && { progress: statusLine(process.stderr) }),
  };
};
