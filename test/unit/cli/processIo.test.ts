import { ChildProcessWithoutNullStreams, spawn } from "child_process";
import { PassThrough } from "stream";
import { lineWriter } from "../../../src/cli/processIo";

/**
 * A reader like `| head -n 1`: it prints the first line it gets, then closes its end of the pipe while
 * the process lives on (Node would otherwise close our end itself when the process exits).
 */
async function headThatStaysAlive(): Promise<{
  reader: ChildProcessWithoutNullStreams;
  closed: Promise<string>;
}> {
  const reader = spawn("sh", ["-c", "head -n 1; exec 0<&-; echo closed; exec sleep 5"]);
  let printed = "";
  const closed = new Promise<string>((done) =>
    reader.stdout.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.endsWith("closed\n")) done(printed.slice(0, -"closed\n".length));
    })
  );
  return { reader, closed };
}

const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 100));

describe("the CLI's output", () => {
  test("a reader that stops early ends the output quietly: no error escapes", async () => {
    const { reader, closed } = await headThatStaysAlive();
    const uncaught: Error[] = [];
    const onError = (e: Error) => uncaught.push(e);
    process.on("uncaughtException", onError);
    try {
      const out = lineWriter(reader.stdin);
      out("first line");
      expect(await closed).toBe("first line\n");
      for (let i = 0; i < 100; i++) out(`line ${i}`);
      await settle();
      out("after the pipe closed");
      await settle();
    } finally {
      process.off("uncaughtException", onError);
      reader.kill();
    }
    expect(uncaught).toEqual([]);
  });

  test("the same writes without it meet EPIPE, which Node throws with a stack trace", async () => {
    const { reader, closed } = await headThatStaysAlive();
    const errors: NodeJS.ErrnoException[] = [];
    reader.stdin.on("error", (e) => errors.push(e));
    try {
      reader.stdin.write("first line\n");
      await closed;
      for (let i = 0; i < 100; i++) reader.stdin.write(`line ${i}\n`);
      await settle();
    } finally {
      reader.kill();
    }
    expect(errors.map((e) => e.code)).toEqual(["EPIPE"]);
  });

  test("any other stream error is not swallowed", () => {
    const stream = new PassThrough();
    lineWriter(stream);
    const failure = Object.assign(new Error("disk full"), { code: "ENOSPC" });
    expect(() => stream.emit("error", failure)).toThrow("disk full");
  });
});
