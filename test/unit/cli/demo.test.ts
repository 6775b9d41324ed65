import { existsSync } from "fs";
import { mkdtemp, readFile, rm } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { BANDS, scoreBand, scorePartner } from "../../../src/domain/scoring";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { SAMPLE_PARTNERS } from "../../../src/workbook/sample";
import { readTables } from "../../../src/xlsx/readTables";
import { expectUsageError, run } from "./run";

/** The program workbook's tabs, in order. */
const SHEETS = programWorkbookPlan({ data: "sample", mode: "portable" })
  .sheets.map((s) => s.name)
  .join(", ");

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ps-cli-demo-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The sample as the domain scores it, best first. */
function sampleScores(): { name: string; score: number }[] {
  return SAMPLE_PARTNERS.flatMap((p) => {
    const score = scorePartner(p.ratings);
    return score.ok ? [{ name: p.name, score: score.value }] : [];
  }).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

describe("partner-strategy demo", () => {
  test("writes ./partner-program.xlsx and prints partners by band, the top 5 and the path", async () => {
    const before = process.cwd();
    process.chdir(dir);
    try {
      const { code, out, err } = await run("demo");
      expect({ code, err }).toEqual({ code: 0, err: [] });
      const path = join(process.cwd(), "partner-program.xlsx");
      expect(existsSync(path)).toBe(true);

      const scores = sampleScores();
      const count = (band: string) => scores.filter((s) => scoreBand(s.score) === band).length;
      const notRated = SAMPLE_PARTNERS.length - scores.length;
      expect(notRated).toBeGreaterThan(0);
      expect(out[0]).toBe(
        `${SAMPLE_PARTNERS.length} sample partners by band: ` +
          `${BANDS.map((b) => `${b} ${count(b)}`).join(", ")}, not yet rated ${notRated}`
      );
      expect(out[1]).toBe("Top 5 by score:");
      const top = out.slice(2, 7);
      expect(top).toHaveLength(5);
      top.forEach((line, i) => {
        expect(line).toMatch(
          new RegExp(
            `^  ${i + 1}\\. ${scores[i]!.name} \\(.+\\) [\\d.]+ (Priority|Secondary|Opportunistic)$`
          )
        );
        expect(Number(line.split(" ").at(-2))).toBeCloseTo(scores[i]!.score, 2);
      });
      expect(out[7]).toMatch(
        new RegExp(`^Workbook: ${path.replace(/[.\\/]/g, "\\$&")} \\(${SHEETS}; \\d+ KB\\)$`)
      );
      expect(out).toHaveLength(8);

      const scoring = (await readTables(new Uint8Array(await readFile(path)))).get("tblScoring")!;
      expect(scoring.rows).toHaveLength(SAMPLE_PARTNERS.length);
    } finally {
      process.chdir(before);
    }
  });

  test("--out writes elsewhere", async () => {
    const path = join(dir, "elsewhere.xlsx");
    const { code, out } = await run("demo", "--out", path);
    expect(code).toBe(0);
    expect(out.at(-1)).toContain(`Workbook: ${path} (`);
    expect(existsSync(path)).toBe(true);
  });

  test("an unexpected argument: exit 2 with one line", async () => {
    await expectUsageError(["demo", "now"], 'partner-strategy demo: unexpected argument "now"');
  });
});
