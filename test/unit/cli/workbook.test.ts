import { existsSync } from "fs";
import { mkdtemp, readFile, rm } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { PARTNER_TYPES } from "../../../src/domain/partners";
import { CRITERIA } from "../../../src/domain/scoring";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { SAMPLE_PARTNERS } from "../../../src/workbook/sample";
import { ReadCell, readTables, TableContents } from "../../../src/xlsx/readTables";
import { expectUsageError, run } from "./run";

/** The program workbook's tabs, in order. */
const SHEETS = programWorkbookPlan({ mode: "portable" })
  .sheets.map((s) => s.name)
  .join(", ");

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ps-cli-workbook-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tablesIn(path: string): Promise<Map<string, TableContents>> {
  return readTables(new Uint8Array(await readFile(path)));
}

const columnOf = (table: TableContents, header: string): ReadCell[] => {
  const index = table.header.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return table.rows.map((row) => row[index]!);
};

/** The formulas of a column, as written: no spreadsheet has calculated them. */
const formulaTexts = (table: TableContents, header: string): string[] =>
  columnOf(table, header).map((cell) =>
    typeof cell === "object" && cell !== null && "formula" in cell
      ? cell.formula
      : `not a formula: ${String(cell)}`
  );

describe("partner-strategy workbook", () => {
  test("--out writes the portable program workbook and prints one line: path, sheets, partners", async () => {
    const path = join(dir, "program.xlsx");
    const { code, out, err } = await run("workbook", "--out", path);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toEqual([
      `${path}: sheets ${SHEETS}; ${SAMPLE_PARTNERS.length} partners; portable formulas`,
    ]);

    const tables = await tablesIn(path);
    const scoring = tables.get("tblScoring")!;
    expect(scoring.sheet).toBe("Scoring");
    expect(scoring.rows.length).toBeGreaterThanOrEqual(25);
    expect(new Set(columnOf(scoring, "Partner Type"))).toEqual(new Set(PARTNER_TYPES));
    const weights = tables.get("tblWeights")!;
    expect(weights.rows.map((r) => r[0])).toEqual(CRITERIA.map((c) => c.label));
    expect(weights.rows.map((r) => r[1])).toEqual(CRITERIA.map((c) => c.weight));

    for (const text of [...formulaTexts(scoring, "Score"), ...formulaTexts(scoring, "Band")]) {
      expect(text).toMatch(/^=/);
      expect(text).not.toContain("PS.");
    }
  });

  test("--formulas addin scores with PS.PARTNERSCORE and PS.PARTNERBAND", async () => {
    const path = join(dir, "addin.xlsx");
    const { code, out } = await run("workbook", "--formulas", "addin", "--out", path);
    expect(code).toBe(0);
    expect(out).toEqual([
      `${path}: sheets ${SHEETS}; ${SAMPLE_PARTNERS.length} partners; addin formulas`,
    ]);
    const scoring = (await tablesIn(path)).get("tblScoring")!;
    for (const text of formulaTexts(scoring, "Score")) expect(text).toMatch(/^=PS\.PARTNERSCORE\(/);
    for (const text of formulaTexts(scoring, "Band")) expect(text).toMatch(/^=PS\.PARTNERBAND\(/);
  });

  test.each([
    [[], "--out is required: the .xlsx file to write"],
    [["--out"], "--out needs a value"],
    [["--out", "--formulas", "addin"], "--out needs a value"],
    [["--out", "program.csv"], '--out must name an .xlsx file, got "program.csv"'],
    [
      ["--out", "p.xlsx", "--formulas", "excel"],
      '--formulas must be portable or addin, got "excel"',
    ],
    [["--out", "p.xlsx", "--formulas"], "--formulas needs a value"],
    [["--out", "p.xlsx", "extra"], 'unexpected argument "extra"'],
    [["--out", "p.xlsx", "--sheets", "all"], "unknown option --sheets"],
  ])("%j: exit 2 with one line: %s, and no file", async (args, message) => {
    const resolved = args.map((a) => (a.endsWith(".xlsx") ? join(dir, a) : a));
    await expectUsageError(["workbook", ...resolved], `partner-strategy workbook: ${message}`);
    expect(existsSync(join(dir, "p.xlsx"))).toBe(false);
  });

  test("a folder that does not exist: exit 1 with one line naming the file", async () => {
    const path = join(dir, "missing", "p.xlsx");
    await expect(run("workbook", "--out", path)).resolves.toEqual({
      code: 1,
      out: [],
      err: [`partner-strategy workbook: cannot write ${path}: its folder does not exist`],
    });
  });
});
