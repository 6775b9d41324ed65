import { Io } from "./command";

/**
 * Runs `work` with the progress line `line()` redrawn every second on a terminal (Io.progress), cleared at the end;
 * without a terminal, just runs it. Work done in under a second shows nothing.
 */
export async function withProgressLine<T>(
  io: Io,
  line: () => string,
  work: () => Promise<T>
): Promise<T> {
  const show = io.progress;
  if (show === undefined) return work();
  const timer = setInterval(() => show(line()), 1000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    show("");
  }
}
