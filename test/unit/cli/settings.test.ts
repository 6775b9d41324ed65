import { existsSync, readFileSync } from "fs";
import { mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { parseSettings, SETTING_FIELDS } from "../../../src/domain/settings";
import { readTables } from "../../../src/xlsx/readTables";
import { expectUsageError, run } from "./run";

const EXAMPLE = resolve(__dirname, "../../../examples/settings.json");

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ps-cli-settings-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function settingsFile(content: string): Promise<string> {
  const path = join(dir, "settings.json");
  await writeFile(path, content);
  return path;
}

describe("--settings settings.json", () => {
  test("examples/settings.json: a fictional company other than the sample, and every setting valid", () => {
    const json = JSON.parse(readFileSync(EXAMPLE, "utf8")) as Record<string, unknown>;
    const parsed = parseSettings(json);
    expect(parsed.ok).toBe(true);
    expect(Object.keys(json)).toEqual(SETTING_FIELDS.map((f) => f.key));
    expect(json.company).not.toBe("Veridian Cloud");
  });

  test("workbook --settings: the file's Settings table carries them; the roadmap is for their year", async () => {
    const out = join(dir, "kestrel.xlsx");
    const { code, out: lines, err } = await run("workbook", "--out", out, "--settings", EXAMPLE);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `; settings from ${EXAMPLE.replace(/[.\\/]/g, "\\$&")} \\(Kestrel Health Data, program year 2028\\)$`
      )
    );
    const tables = await readTables(new Uint8Array(await readFile(out)));
    const settings = tables.get("tblSettings")!;
    const fromFile = parseSettings(settings.rows.map((r): [unknown, unknown] => [r[0], r[1]]));
    const fromJson = parseSettings(
      JSON.parse(readFileSync(EXAMPLE, "utf8")) as Record<string, unknown>
    );
    expect(fromFile).toEqual(fromJson);
    expect(tables.get("tblRoadmap")!.header.slice(-4)).toEqual([
      "2028-Q1",
      "2028-Q2",
      "2028-Q3",
      "2028-Q4",
    ]);
  });

  test("demo --settings writes the workbook with them", async () => {
    const out = join(dir, "demo.xlsx");
    const { code, out: lines } = await run("demo", "--out", out, "--settings", EXAMPLE);
    expect(code).toBe(0);
    expect(lines.at(-1)).toMatch(/\(Kestrel Health Data, program year 2028\)$/);
    const tables = await readTables(new Uint8Array(await readFile(out)));
    expect(tables.get("tblSettings")!.rows[0]!.slice(0, 2)).toEqual([
      "Company",
      "Kestrel Health Data",
    ]);
  });

  test.each([
    [
      '{"partnerShare": 30, "years": 0, "company": "Kestrel"}',
      'settings.json: "partnerShare": Partner Share of ARR 30 is outside 0%–100% (type 30% or 0.3, not 30); Years 0 is not a whole number of years from 1',
    ],
    [
      '{"Current ARR": "$40M", "Target ARR": 1000}',
      'settings.json: Current ARR "$40M" is not an amount of money',
    ],
    [
      '{"currentArr": 5000000, "targetArr": 1000000}',
      "settings.json: Target ARR $1,000,000 is below Current ARR $5,000,000",
    ],
    ['{"compnay": "Kestrel"}', 'settings.json: unknown setting "compnay": the settings are '],
    [
      '{"priorityModels": ["Co-Sell", "Franchise"]}',
      'settings.json: Priority Models: "Franchise" is not a partnership model; use Referral, ',
    ],
    ['{\n  "company": "Kestrel",\n  "years": 3,\n}', "settings.json is not valid JSON: "],
    [
      '["company", "Kestrel"]',
      'settings.json must hold one JSON object of settings, such as {"company"',
    ],
    ["", "settings.json is not valid JSON: Unexpected end of JSON input"],
  ])("%s: exit 2, one line naming what is wrong, no file written", async (content, message) => {
    const path = await settingsFile(content);
    const out = join(dir, "p.xlsx");
    const result = await run("workbook", "--out", out, "--settings", path);
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toContain(message);
    expect(result.err[0]!.startsWith("partner-strategy workbook: ")).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  test("a JSON syntax error is placed by line and column", async () => {
    const path = await settingsFile('{\n  "company": "Kestrel",\n  "years": 3,\n}');
    const { err } = await run("workbook", "--out", join(dir, "p.xlsx"), "--settings", path);
    expect(err[0]).toMatch(/at line 4, column 1/);
  });

  test("a settings file that does not exist", async () => {
    const path = join(dir, "nope.json");
    await expectUsageError(
      ["demo", "--out", join(dir, "p.xlsx"), "--settings", path],
      `partner-strategy demo: cannot read ${path}: no such file`
    );
  });
});
