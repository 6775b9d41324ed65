import { expectUsageError, run } from "./run";

describe("partner-strategy", () => {
  test.each([["--help"], ["-h"]])("%s lists every command with its arguments", async (flag) => {
    const { code, out, err } = await run(flag);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const text = out.join("\n");
    expect(text).toContain(
      "partner-strategy workbook --out FILE [--formulas portable|addin] [--settings settings.json]"
    );
    expect(text).toContain("partner-strategy score R1 R2 R3 R4 R5 [--weights 30,25,20,15,10]");
    expect(text).toContain("partner-strategy demo [--out FILE] [--settings settings.json]");
    expect(text).toContain("partner-strategy validate FILE [--json]");
    expect(text).toContain("partner-strategy roadmap FILE [--settings settings.json]");
  });

  test("COMMAND --help shows that command's usage", async () => {
    const { code, out, err } = await run("score", "80", "--help");
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe("Usage: partner-strategy score R1 R2 R3 R4 R5 [--weights 30,25,20,15,10]");
  });

  test("no command", async () => {
    await expectUsageError(
      [],
      "partner-strategy: missing command: one of workbook, score, demo, validate, import, roadmap (see partner-strategy --help)"
    );
  });

  test("an unknown command is named", async () => {
    await expectUsageError(
      ["scroe", "1"],
      'partner-strategy: unknown command "scroe": use one of workbook, score, demo, validate, import, roadmap (see partner-strategy --help)'
    );
  });
});
