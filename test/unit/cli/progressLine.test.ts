import { withProgressLine } from "../../../src/cli/progressLine";

describe("withProgressLine", () => {
  afterEach(() => jest.useRealTimers());

  test("redraws the line every second while the work runs, then clears it", async () => {
    jest.useFakeTimers();
    const lines: string[] = [];
    const io = {
      out: () => undefined,
      err: () => undefined,
      progress: (l: string) => lines.push(l),
    };
    let rows = 0;
    let finish: (value: string) => void = () => undefined;
    const running = withProgressLine(
      io,
      () => `${rows} rows`,
      () => new Promise<string>((resolve) => (finish = resolve))
    );
    jest.advanceTimersByTime(999);
    expect(lines).toEqual([]);
    rows = 10;
    jest.advanceTimersByTime(1);
    rows = 20;
    jest.advanceTimersByTime(1000);
    finish("done");
    await expect(running).resolves.toBe("done");
    expect(lines).toEqual(["10 rows", "20 rows", ""]);
    jest.advanceTimersByTime(5000);
    expect(lines).toHaveLength(3);
  });

  test("without a terminal (no Io.progress) it only runs the work", async () => {
    const io = { out: () => undefined, err: () => undefined };
    await expect(
      withProgressLine(
        io,
        () => "never",
        async () => 7
      )
    ).resolves.toBe(7);
  });

  test("a failing work clears the line too", async () => {
    const lines: string[] = [];
    const io = {
      out: () => undefined,
      err: () => undefined,
      progress: (l: string) => lines.push(l),
    };
    await expect(
      withProgressLine(
        io,
        () => "x",
        () => Promise.reject(new Error("boom"))
      )
    ).rejects.toThrow("boom");
    expect(lines).toEqual([""]);
  });
});
