import { mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { CellPlan, isFormula, SheetPlan } from "../../src/workbook/plan";
import { SAMPLE_QUARTERS } from "../../src/workbook/quarterlySample";
import {
  QUARTERLY_SHEET,
  TBL_QUARTERLY,
  TBL_TIER_REVIEW,
  TIER_REVIEW_SHEET,
  tierSheets,
} from "../../src/workbook/tierSheets";
import { writePlanToBuffer } from "../../src/xlsx/writePlan";
import { describeWithEngine, LIBREOFFICE } from "./engine";
import { recalculate, savedByLibreOffice } from "./libreoffice";

/**
 * The Tier Review is generated output: validation writes values, and the portable workbook has no formula
 * there to recalculate (the add-in's Next Tier Gap is =PS.TIERGAP). What a real spreadsheet must do is show
 * those values as the domain computed them, keep the quarter labels as text, and save a file that
 * validates to the same findings.
 */
const sheets = tierSheets("portable", SAMPLE_QUARTERS);

const tableOf = (sheet: string, name: string) => {
  const table = sheets.find((s) => s.name === sheet)?.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no ${name} on ${sheet}`);
  return table;
};

/** A constant as LibreOffice's CSV export writes it: raw values, numbers in full precision. */
const shown = (cell: CellPlan): string => {
  if (isFormula(cell)) throw new Error(`a formula in generated output: ${cell.formula}`);
  return cell === null ? "" : String(cell);
};

/** The table's rows as a grid of the sheet shows them. */
const rowsOn = (grid: readonly string[][], sheet: SheetPlan, name: string) => {
  const table = sheet.tables.find((t) => t.name === name)!;
  const { row, column } = table.topLeft;
  return grid
    .slice(row + 1, row + 1 + table.rows.length)
    .map((cells) => table.columns.map((_, c) => cells[column + c] ?? ""));
};

/** Runs the CLI in-process, as a user would, and parses its JSON. */
async function validateJson(path: string): Promise<{ code: number; report: unknown }> {
  const out: string[] = [];
  const code = await main(["validate", path, "--json"], { out: (l) => out.push(l), err: () => {} });
  return { code, report: JSON.parse(out.join("")) };
}

describeWithEngine(LIBREOFFICE, "the tier sheets in a real spreadsheet", () => {
  let dir: string;
  let path: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ps-tier-recalc-"));
    path = join(dir, "tiers.xlsx");
    await writeFile(path, await writePlanToBuffer({ sheets }));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("the Tier Review and the Quarterly data show exactly what the domain computed", async () => {
    const grids = await recalculate(path);
    for (const [sheet, table] of [
      [TIER_REVIEW_SHEET, TBL_TIER_REVIEW],
      [QUARTERLY_SHEET, TBL_QUARTERLY],
    ] as const) {
      const plan = sheets.find((s) => s.name === sheet)!;
      const grid = grids.get(sheet);
      if (!grid) throw new Error(`LibreOffice showed no ${sheet} sheet`);
      expect(rowsOn(grid, plan, table)).toEqual(
        tableOf(sheet, table).rows.map((r) => r.map(shown))
      );
    }
  });

  test("saved by LibreOffice, the workbook validates to the same findings and actions", async () => {
    const saved = join(dir, "saved-tiers.xlsx");
    await writeFile(
      saved,
      await savedByLibreOffice("tiers.xlsx", new Uint8Array(await readFile(path)))
    );
    const ours = await validateJson(path);
    const theirs = await validateJson(saved);
    expect(ours.code).toBe(1);
    expect(theirs).toEqual(ours);
  });
});
