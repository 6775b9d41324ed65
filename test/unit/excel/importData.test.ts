import { applyPlan } from "../../../src/excel/applyPlan";
import { HostError } from "../../../src/excel/errors";
import { importInExcel, importTable } from "../../../src/excel/importData";
import { NO_OPTIONAL_FEATURES } from "../../../src/excel/applyPlan";
import { landscapeSheetPlan } from "../../../src/workbook/landscapeSheet";
import { TableValues } from "../../../src/workbook/readProgram";
import { scoringSheetPlan } from "../../../src/workbook/scoringSheet";
import { quarterlySheetPlan, QUARTERLY_SHEET } from "../../../src/workbook/tierSheets";
import { a1 } from "../../../src/workbook/address";
import { countLine } from "../../../src/workbook/importDecision";
import { parseRange, RecordingExcel } from "../../support/recordingExcel";

/** The fake does not calculate: formula cells read as blank, which is all an import reads of them. */
const blankResults = () => "";

/** An empty program's data sheets, as the add-in scaffolds them, and a note typed under the Quarterly table. */
async function emptyProgram(): Promise<RecordingExcel> {
  const excel = new RecordingExcel([], blankResults);
  await applyPlan(excel.context, {
    sheets: [landscapeSheetPlan([]), scoringSheetPlan([], "portable"), quarterlySheetPlan([])],
  });
  const quarterly = excel.table("tblQuarterly")!;
  expect(quarterly.address).toBe("A3:J4");
  excel.context.workbook.worksheets.getItem(QUARTERLY_SHEET).getRange("A8").formulas = [
    ["my note"],
  ];
  await excel.context.sync();
  return excel;
}

const export1: TableValues = {
  sheet: "crm.csv",
  header: ["Partner Account", "Fiscal Quarter", "Pipeline Amount", "Tier", "Owner"],
  rows: [
    ["Acme", "Q1 2026", "$150,000", "Silver", "Kim"],
    ["Acme", "Q2 2026", "160000", "Silver", "Kim"],
    ['=HYPERLINK("x")', "2026-Q1", "5", "Registered", ""],
    ["Birch", "2026-Q7", "5", "Silver", ""],
  ],
  topLeft: { row: 0, column: 0 },
};

describe("importing a CRM export in Excel", () => {
  test("fills the empty table's row, appends the rest, keeps formula-like names as text, and rejects bad rows", async () => {
    const excel = await emptyProgram();
    const before = excel.syncs;
    const report = await importTable(excel.context, export1, undefined, NO_OPTIONAL_FEATURES);
    expect(report.outcome).toMatchObject({ added: 3, updated: 0, unchanged: 0, rejected: 1 });
    expect(report.findings.map((f) => [f.severity, f.cell, f.rule])).toEqual([
      ["error", "B5", "import.bad-value"],
      ["warning", "A2", "import.unknown-partner"],
      ["warning", "A4", "import.unknown-partner"],
    ]);
    // One read, one write: the syncs follow the bytes, not the rows.
    expect(excel.syncs - before).toBe(2);
    expect(report.syncs).toBe(2);
    expect(excel.table("tblQuarterly")!.address).toBe("A3:J6");
    expect(excel.cell(QUARTERLY_SHEET, "A4")).toEqual({ value: "Acme" });
    expect(excel.cell(QUARTERLY_SHEET, "B4")).toEqual({ value: "2026-Q1" });
    expect(excel.cell(QUARTERLY_SHEET, "C4")).toEqual({ value: 150_000 });
    expect(excel.cell(QUARTERLY_SHEET, "J5")).toEqual({ value: "Silver" });
    expect(excel.cell(QUARTERLY_SHEET, "A6")).toEqual({ value: '=HYPERLINK("x")' });
    // Columns the export does not carry stay blank; the user's note moved down with the rows, unchanged.
    expect(excel.cell(QUARTERLY_SHEET, "D5")).toBeUndefined();
    expect(excel.cell(QUARTERLY_SHEET, "A10")).toEqual({ value: "my note" });

    const again = await importTable(excel.context, export1, undefined, NO_OPTIONAL_FEATURES);
    expect(again.outcome).toMatchObject({ added: 0, updated: 0, unchanged: 3, rejected: 1 });
    expect(excel.table("tblQuarterly")!.address).toBe("A3:J6");
  });

  test("a Landscape import adds its new partners to the Scoring sheet, with the Scoring formulas, to be rated", async () => {
    const excel = new RecordingExcel([], blankResults);
    const rated = { name: "Zed", type: "GSI", ratings: [80, 80, 80, 80, 80] } as const;
    await applyPlan(excel.context, {
      sheets: [landscapeSheetPlan([]), scoringSheetPlan([rated], "portable")],
    });
    const landscape: TableValues = {
      sheet: "partners.csv",
      header: ["Partner Name", "Partner Type", "Status"],
      rows: [
        ["Acme", "GSI", "Active"],
        ["Birch", "Boutique", "Prospect"],
      ],
      topLeft: { row: 0, column: 0 },
    };
    const report = await importTable(excel.context, landscape, undefined, NO_OPTIONAL_FEATURES);
    expect(report.outcome).toMatchObject({ added: 2, rejected: 0 });
    expect(report.counts.map(countLine)).toEqual([
      "Landscape: added 2, updated 0, unchanged 0, rejected 0",
      "Scoring: added 2",
    ]);
    const scoring = excel.table("tblScoring")!;
    const box = parseRange(scoring.address);
    const at = (dataRow: number, column: number) =>
      excel.cell(scoring.sheet, a1({ row: box.top + 1 + dataRow, column: box.left + column }));
    expect(scoring.address).toBe(
      `${a1({ row: box.top, column: box.left })}:${a1({ row: box.top + 3, column: box.right })}`
    );
    expect(at(0, 0)).toEqual({ value: "Zed" });
    expect(at(1, 0)).toEqual({ value: "Acme" });
    expect(at(1, 1)).toEqual({ value: "GSI" });
    expect(at(2, 0)).toEqual({ value: "Birch" });
    // New rows' Score and Band compute with the formulas of the row above; ratings blank: not yet rated.
    for (const column of [7, 8]) {
      expect(at(0, column)).toHaveProperty("formula");
      expect(at(1, column)).toEqual(at(0, column));
      expect(at(2, column)).toEqual(at(0, column));
    }
    expect(at(2, 2)).toBeUndefined();
  });

  test("an export no table fits is refused before anything is read or written", async () => {
    const excel = await emptyProgram();
    const before = excel.snapshot(QUARTERLY_SHEET);
    const source: TableValues = { ...export1, header: ["Name", "Amount"] };
    await expect(importInExcel(source, undefined, excel.run, () => false)).rejects.toBeInstanceOf(
      HostError
    );
    await expect(importInExcel(source, undefined, excel.run, () => false)).rejects.toThrow(
      /crm\.csv: the header fits none of the tables/
    );
    expect(excel.snapshot(QUARTERLY_SHEET)).toBe(before);
  });
});
