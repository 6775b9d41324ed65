import { roadmapEntries } from "../../../src/domain/roadmap";
import { DEFAULT_PROGRAM_SETTINGS } from "../../../src/domain/settings";
import { applyPlan } from "../../../src/excel/applyPlan";
import { HostError } from "../../../src/excel/errors";
import { generateRoadmap, generateRoadmapInExcel } from "../../../src/excel/generateRoadmap";
import { excelSerial } from "../../../src/workbook/dates";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import {
  bandFormula,
  QUARTER_FORMULA,
  ROADMAP_SHEET,
  TBL_ROADMAP,
} from "../../../src/workbook/roadmapSheet";
import { SETTINGS_SHEET, settingsSheetPlan } from "../../../src/workbook/settingsSheet";
import {
  Calculate,
  CellContent,
  parseRange,
  RecordingExcel,
  SeedSheet,
} from "../../support/recordingExcel";

const TODAY = new Date(Date.UTC(2026, 10, 25));
const MILESTONES = roadmapEntries(DEFAULT_PROGRAM_SETTINGS).length;
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/**
 * What Excel computes for tblRoadmap's formulas, for a table whose first column is A (Quarter), with Status in F and
 * Due in G, as the plan lays it out; and "=6*7", a formula of the user's own.
 */
const calculate: Calculate = (formula, { row, column }, cell) => {
  if (formula === QUARTER_FORMULA.formula) {
    const due = cell(row, column + 6);
    if (typeof due !== "number") return `${due as string}`;
    const date = new Date(EPOCH + due * DAY_MS);
    return `${date.getUTCFullYear()}-Q${Math.ceil((date.getUTCMonth() + 1) / 3)}`;
  }
  const label = /"(\d{4}-Q[1-4])"/.exec(formula)?.[1];
  if (label !== undefined && formula === bandFormula(label).formula)
    return cell(row, 0) === label ? `${cell(row, 5) as string}` : "";
  if (formula === "=6*7") return 42;
  throw new Error(`The test cannot calculate ${formula}.`);
};

/** The program workbook as the add-in scaffolds it, Roadmap sheet included. */
async function programWorkbook(): Promise<RecordingExcel> {
  const excel = new RecordingExcel(undefined, calculate);
  await applyPlan(
    excel.context,
    programWorkbookPlan({ data: "sample", mode: "addin", today: TODAY })
  );
  return excel;
}

const text = (cell: CellContent | undefined): unknown =>
  cell && "value" in cell ? cell.value : cell?.formula;

/** A table's rows, header first, as what each cell holds (formulas as typed). */
function rowsOf(excel: RecordingExcel, table: string): unknown[][] {
  const state = excel.table(table)!;
  const box = parseRange(state.address);
  const cells = excel.sheet(state.sheet).cells;
  const rows: unknown[][] = [];
  for (let row = box.top; row <= box.bottom; row++) {
    const line: unknown[] = [];
    for (let column = box.left; column <= box.right; column++)
      line.push(text(cells.get(`${String.fromCharCode(65 + column)}${row + 1}`)));
    rows.push(line);
  }
  return rows;
}

async function type(excel: RecordingExcel, sheet: string, address: string, value: string | number) {
  excel.context.workbook.worksheets.getItem(sheet).getRange(address).formulas = [[value]];
  await excel.context.sync();
}

/** Snapshots of every sheet but the Roadmap. */
const others = (excel: RecordingExcel) =>
  excel.sheets.filter((s) => s.name !== ROADMAP_SHEET).map((s) => excel.snapshot(s.name));

async function generate(excel: RecordingExcel, edits = {}) {
  const before = excel.syncs;
  const report = await generateRoadmap(excel.context, edits, TODAY);
  return { report, syncs: excel.syncs - before };
}

describe("generateRoadmap", () => {
  test("creates the Roadmap sheet from the workbook's settings, touching no other sheet", async () => {
    const excel = new RecordingExcel([{ name: "Notes" }], calculate);
    await applyPlan(excel.context, {
      sheets: [settingsSheetPlan({ ...DEFAULT_PROGRAM_SETTINGS, programYear: 2028 })],
    });
    const untouched = others(excel);

    const { report, syncs } = await generate(excel);

    expect(syncs).toBe(2);
    expect(report).toEqual({
      programYear: 2028,
      milestones: MILESTONES,
      edited: 0,
      byHand: 0,
      created: true,
      syncs: 2,
    });
    const [header, ...rows] = rowsOf(excel, TBL_ROADMAP);
    expect(excel.table(TBL_ROADMAP)!.sheet).toBe(ROADMAP_SHEET);
    expect(header!.slice(-4)).toEqual(["2028-Q1", "2028-Q2", "2028-Q3", "2028-Q4"]);
    expect(rows).toHaveLength(MILESTONES);
    expect(rows[0]![0]).toBe(QUARTER_FORMULA.formula);
    expect(text(excel.cell(ROADMAP_SHEET, "A1"))).toBe("Partnership Roadmap 2028");
    expect(excel.activeSheet).toBe(ROADMAP_SHEET);
    expect(others(excel)).toEqual(untouched);
  });

  test("refreshing keeps what the user edited and the rows they added, and writes only the Roadmap sheet", async () => {
    const excel = await programWorkbook();
    await type(excel, ROADMAP_SHEET, "F4", "Done");
    await type(excel, ROADMAP_SHEET, "E5", "Legal");
    // A row the user adds inside the table, as Excel does when they insert one above the last.
    const last = parseRange(excel.table(TBL_ROADMAP)!.address).bottom + 1;
    excel.context.workbook.worksheets
      .getItem(ROADMAP_SHEET)
      .getRange(`A${last}:L${last}`)
      .insert("Down");
    await excel.context.sync();
    await type(excel, ROADMAP_SHEET, `D${last}`, "Partner advisory board");
    await type(excel, ROADMAP_SHEET, `F${last}`, "In progress");
    await type(excel, ROADMAP_SHEET, `G${last}`, excelSerial(new Date(Date.UTC(2027, 8, 30))));
    const untouched = others(excel);

    const { report, syncs } = await generate(excel);

    expect(syncs).toBeLessThanOrEqual(3);
    expect(report).toMatchObject({ milestones: MILESTONES, edited: 2, byHand: 1, created: false });
    const [, ...rows] = rowsOf(excel, TBL_ROADMAP);
    expect(rows).toHaveLength(MILESTONES + 1);
    expect(rows[0]![5]).toBe("Done");
    expect(rows[1]![4]).toBe("Legal");
    expect(rows.at(-1)!.slice(0, 7)).toEqual([
      QUARTER_FORMULA.formula,
      undefined,
      undefined,
      "Partner advisory board",
      undefined,
      "In progress",
      excelSerial(new Date(Date.UTC(2027, 8, 30))),
    ]);
    expect(rows.at(-1)![8]).toBe(bandFormula("2027-Q1").formula);
    expect(others(excel)).toEqual(untouched);
    expect(excel.activeSheet).toBe(ROADMAP_SHEET);
  });

  test("generating again changes nothing", async () => {
    const excel = await programWorkbook();
    await type(excel, ROADMAP_SHEET, "F4", "Done");
    await generate(excel);
    const once = excel.sheets.map((s) => excel.snapshot(s.name));

    const { report, syncs } = await generate(excel);

    expect(syncs).toBeLessThanOrEqual(3);
    expect(report).toMatchObject({ edited: 1, created: false });
    expect(excel.sheets.map((s) => excel.snapshot(s.name))).toEqual(once);
  });

  test("the task pane's edits override the workbook's settings: a new year renames the quarter columns and the title", async () => {
    const excel = await programWorkbook();
    const settings = excel.snapshot(SETTINGS_SHEET);

    const { report } = await generate(excel, { programYear: 2028 });

    expect(report.programYear).toBe(2028);
    expect(rowsOf(excel, TBL_ROADMAP)[0]!.slice(-4)).toEqual([
      "2028-Q1",
      "2028-Q2",
      "2028-Q3",
      "2028-Q4",
    ]);
    expect(text(excel.cell(ROADMAP_SHEET, "A1"))).toBe("Partnership Roadmap 2028");
    // The settings stay as they are: the form's edits are written by "Update settings" alone.
    expect(excel.snapshot(SETTINGS_SHEET)).toBe(settings);

    await type(excel, ROADMAP_SHEET, "A1", "Our partner plan");
    await generate(excel, { programYear: 2029 });
    expect(text(excel.cell(ROADMAP_SHEET, "A1"))).toBe("Our partner plan");
  });

  test("a column of the user's own is kept, after the roadmap's, beside its milestone", async () => {
    const [first] = roadmapEntries(DEFAULT_PROGRAM_SETTINGS);
    const header = [
      "Quarter",
      "Theme",
      "Workstream",
      "Milestone",
      "Notes",
      "Owner",
      "Status",
      "Due",
      "Last Reviewed",
      "2027-Q1",
      "2027-Q2",
      "2027-Q3",
      "2027-Q4",
    ];
    const row = [
      "2027-Q1",
      first!.theme,
      first!.workstream,
      first!.milestone,
      "Call Anna",
      "CFO",
      "In progress",
      excelSerial(first!.due),
      "",
      "",
      "",
      "",
      "",
    ];
    const seed: SeedSheet = {
      name: ROADMAP_SHEET,
      ranges: [{ address: "A3:M4", values: [header, row] }],
      tables: [{ name: TBL_ROADMAP, address: "A3:M4" }],
    };
    const excel = new RecordingExcel([seed], calculate);

    const { report } = await generate(excel);

    const [written, ...rows] = rowsOf(excel, TBL_ROADMAP);
    expect(written!.at(-1)).toBe("Notes");
    expect(excel.table(TBL_ROADMAP)!.headers).toHaveLength(13);
    expect(rows[0]!.at(-1)).toBe("Call Anna");
    expect(rows[0]![4]).toBe("CFO");
    expect(rows).toHaveLength(MILESTONES);
    expect(report).toMatchObject({ edited: 1, byHand: 0 });
  });

  describe("what it refuses, writing nothing", () => {
    test("a Roadmap sheet without tblRoadmap", async () => {
      const excel = new RecordingExcel([{ name: "roadmap", cells: { A1: "My own plan" } }]);
      const before = excel.snapshot("roadmap");
      await expect(generate(excel)).rejects.toThrow(
        "The Roadmap sheet has no tblRoadmap table to hold the roadmap."
      );
      expect(excel.snapshot("roadmap")).toBe(before);
    });

    test("a tblRoadmap without a column the roadmap needs", async () => {
      const excel = new RecordingExcel([
        {
          name: "Plan",
          ranges: [
            {
              address: "A1:B2",
              values: [
                ["Milestone", "Status"],
                ["Launch", "Done"],
              ],
            },
          ],
          tables: [{ name: TBL_ROADMAP, address: "A1:B2" }],
        },
      ]);
      const failure = generate(excel);
      await expect(failure).rejects.toBeInstanceOf(HostError);
      await expect(failure).rejects.toThrow(
        /^tblRoadmap on the Plan sheet lacks the roadmap's columns Quarter, Theme, Workstream, Owner, Due, Last Reviewed, 2027-Q1/
      );
      expect(excel.syncs).toBe(1);
    });

    test("settings the workbook holds wrong, named by cell", async () => {
      const excel = await programWorkbook();
      const years = [...excel.sheet(SETTINGS_SHEET).cells].find(
        ([, c]) => "value" in c && c.value === "Years"
      )![0];
      await type(excel, SETTINGS_SHEET, years.replace("A", "B"), "three");
      const before = excel.sheets.map((s) => excel.snapshot(s.name));

      await expect(generateRoadmapInExcel({}, TODAY, excel.run, () => false)).rejects.toThrow(
        `The program settings have problems: ${SETTINGS_SHEET}!${years.replace("A", "B")}: Years "three" is not a whole number of years from 1.`
      );
      expect(excel.sheets.map((s) => s.name)).toContain(ROADMAP_SHEET);
      expect(excel.sheets.map((s) => excel.snapshot(s.name))).toEqual(before);

      // The form can set what the workbook holds wrong.
      await expect(
        generateRoadmapInExcel({ years: 3 }, TODAY, excel.run, () => false)
      ).resolves.toMatchObject({ programYear: 2027 });
    });
  });
});
