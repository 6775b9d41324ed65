import { DEFAULT_PROGRAM_SETTINGS } from "../../../src/domain/settings";
import {
  ATTRIBUTION_SHEET,
  attributionSheetPlan,
  TBL_ATTRIBUTION,
  TBL_ATTRIBUTION_YEARS,
} from "../../../src/workbook/attributionSheet";
import { isFormula, TablePlan } from "../../../src/workbook/plan";
import { SAMPLE_COMPANY_ARR, SAMPLE_QUARTERS } from "../../../src/workbook/quarterlySample";

const SETTINGS = { programYear: 2027, years: 3 };
const tableOf = (plan: ReturnType<typeof attributionSheetPlan>, name: string): TablePlan =>
  plan.tables.find((t) => t.name === name)!;
const formulaOf = (table: TablePlan, row: number, header: string): string => {
  const cell = table.rows[row]![table.columns.findIndex((c) => c.header === header)]!;
  return isFormula(cell) ? cell.formula : `not a formula: ${String(cell)}`;
};

describe("Attribution sheet plan", () => {
  const blank = attributionSheetPlan(SETTINGS, []);
  const quarters = tableOf(blank, TBL_ATTRIBUTION);
  const years = tableOf(blank, TBL_ATTRIBUTION_YEARS);

  test("a row per quarter from the year before the program year through its last, typed; Company ARR blank", () => {
    expect(blank.name).toBe(ATTRIBUTION_SHEET);
    expect(quarters.columns.map((c) => c.header)).toEqual([
      "Quarter",
      "Company ARR",
      "Sourced ARR",
      "Influenced ARR",
      "Sourced Share",
      "Influenced Share",
    ]);
    expect(quarters.rows.map((r) => r[0])).toEqual(
      [2026, 2027, 2028, 2029].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`))
    );
    expect(quarters.rows.every((r) => r[1] === null && r.slice(2).every(isFormula))).toBe(true);
    expect(years.rows.map((r) => r[0])).toEqual([2026, 2027, 2028, 2029]);
    expect(years.rows.every((r) => r.slice(1).every(isFormula))).toBe(true);
  });

  test("Company ARR is an amount the import and the drop-down read as one, described as new ARR of all channels", () => {
    const company = quarters.columns[1]!;
    expect(company).toMatchObject({
      numberFormat: "$#,##0",
      validation: { kind: "decimal", min: 0 },
    });
    expect(company.description).toMatch(/new ARR booked in the quarter, all channels/);
    expect(company.description).toMatch(/same measure as the partners' Sourced ARR/);
  });

  test("sums by SUMIFS over the Quarterly data, sourced and influenced apart; shares of the row's own ARR", () => {
    const sourced = formulaOf(quarters, 0, "Sourced ARR");
    expect(sourced).toBe(
      '=IF(LEN(tblAttribution[[#This Row],[Quarter]])=0,"",SUMIFS(tblQuarterly[Sourced ARR],tblQuarterly[Quarter],tblAttribution[[#This Row],[Quarter]]))'
    );
    expect(formulaOf(quarters, 0, "Influenced ARR")).toBe(
      sourced.replace("tblQuarterly[Sourced ARR]", "tblQuarterly[Influenced ARR]")
    );
    expect(formulaOf(quarters, 0, "Sourced Share")).toBe(
      '=IF(AND(ISNUMBER(tblAttribution[[#This Row],[Sourced ARR]]),N(tblAttribution[[#This Row],[Company ARR]])>0),tblAttribution[[#This Row],[Sourced ARR]]/tblAttribution[[#This Row],[Company ARR]],"")'
    );
    const all = [...quarters.rows, ...years.rows].flat().filter(isFormula);
    // Never added together: no formula holds both measures.
    expect(
      all.filter((f) => f.formula.includes("Sourced ARR") && f.formula.includes("Influenced ARR"))
    ).toEqual([]);
  });

  test('a year: its quarters by year&"-Q*"; its Company ARR only once all four quarters have one', () => {
    expect(formulaOf(years, 0, "Sourced ARR")).toContain(
      'SUMIFS(tblQuarterly[Sourced ARR],tblQuarterly[Quarter],tblAttributionYears[[#This Row],[Program Year]]&"-Q*")'
    );
    const company = formulaOf(years, 0, "Company ARR");
    for (const q of [1, 2, 3, 4]) {
      expect(company).toContain(
        `COUNTIFS(tblAttribution[Quarter],tblAttributionYears[[#This Row],[Program Year]]&"-Q${q}",tblAttribution[Company ARR],">=0")>0`
      );
    }
    expect(company).toContain(
      'SUMIFS(tblAttribution[Company ARR],tblAttribution[Quarter],tblAttributionYears[[#This Row],[Program Year]]&"-Q*")'
    );
  });

  test("the sample: Company ARR for every quarter of its quarterly data, earlier quarters added, shares a fifth or so", () => {
    const sample = attributionSheetPlan(DEFAULT_PROGRAM_SETTINGS, SAMPLE_COMPANY_ARR);
    const rows = tableOf(sample, TBL_ATTRIBUTION).rows;
    const data = [...new Set(SAMPLE_QUARTERS.map((q) => q.quarter))];
    expect(rows.map((r) => r[0])).toEqual([
      ...data.filter((q) => q < "2026"),
      ...[2026, 2027, 2028, 2029].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`)),
    ]);
    for (const quarter of data) {
      const company = rows.find((r) => r[0] === quarter)![1] as number;
      const sourced = SAMPLE_QUARTERS.filter((q) => q.quarter === quarter).reduce(
        (sum, q) => sum + q.sourcedArr,
        0
      );
      expect(sourced / company).toBeGreaterThan(0.05);
      expect(sourced / company).toBeLessThan(0.25);
    }
    expect(rows.filter((r) => typeof r[1] === "number")).toHaveLength(data.length);
    expect(tableOf(sample, TBL_ATTRIBUTION_YEARS).rows.map((r) => r[0])).toEqual([
      2024, 2025, 2026, 2027, 2028, 2029,
    ]);
  });
});
