import {
  quarterEnd,
  ROADMAP_COLUMNS,
  roadmapEntries,
  ROADMAP_STATUSES,
} from "../../../src/domain/roadmap";
import { DEFAULT_PROGRAM_SETTINGS } from "../../../src/domain/settings";
import { excelSerial } from "../../../src/workbook/dates";
import {
  bandFormula,
  QUARTER_FORMULA,
  roadmapSheetPlan,
  TBL_ROADMAP,
} from "../../../src/workbook/roadmapSheet";

const entries = roadmapEntries(DEFAULT_PROGRAM_SETTINGS);
const reviewed = new Date(Date.UTC(2026, 10, 25));
const table = roadmapSheetPlan(entries, 2027, reviewed).tables[0]!;

describe("Roadmap sheet plan", () => {
  test("§5.2's four quarters and their milestones, then one band column per quarter of the program year", () => {
    expect(table.name).toBe(TBL_ROADMAP);
    expect(table.columns.map((c) => c.header)).toEqual([
      ...Object.values(ROADMAP_COLUMNS),
      "2027-Q1",
      "2027-Q2",
      "2027-Q3",
      "2027-Q4",
    ]);
    expect([...new Set(table.rows.map((r) => r[1]))]).toEqual([
      "Foundation",
      "First Revenue",
      "Scale",
      "Acceleration",
    ]);
    expect(table.rows).toHaveLength(entries.length);
  });

  test("each milestone: owner, status, due at its quarter's end, last reviewed", () => {
    const first = table.rows[0]!;
    expect(first.slice(1, 8)).toEqual([
      "Foundation",
      "Strategy",
      "Finalize partnership thesis and tier framework",
      "CPO",
      "Not started",
      excelSerial(quarterEnd({ year: 2027, quarter: 1 })),
      excelSerial(reviewed),
    ]);
    expect(table.columns.find((c) => c.header === "Status")!.validation).toMatchObject({
      values: ROADMAP_STATUSES,
    });
  });

  test("the quarter follows the due date; the band shows the status in the due quarter's column", () => {
    expect(table.rows[0]![0]).toEqual(QUARTER_FORMULA);
    expect(table.rows[0]!.slice(8)).toEqual(
      ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"].map(bandFormula)
    );
    expect(bandFormula("2027-Q2").formula).toBe(
      '=IF(tblRoadmap[[#This Row],[Quarter]]="2027-Q2",tblRoadmap[[#This Row],[Status]]&"","")'
    );
    const band = table.columns.find((c) => c.header === "2027-Q3")!;
    expect(band.conditionalFormats!.map((f) => f.kind === "textEquals" && f.text)).toEqual([
      ...ROADMAP_STATUSES,
    ]);
  });
});
