import { COMPETITOR_COLUMNS, SAMPLE_COMPETITORS } from "../../../src/domain/competitors";
import {
  competitorsSheetPlan,
  REFRESHED_COLUMN,
  TBL_COMPETITORS,
} from "../../../src/workbook/competitorsSheet";
import { isFormula } from "../../../src/workbook/plan";

const refreshed = new Date(Date.UTC(2026, 8, 30));
const table = competitorsSheetPlan(
  SAMPLE_COMPETITORS.map((c) => ({ ...c, lastRefreshed: refreshed }))
).tables[0]!;

describe("Competitors sheet plan", () => {
  test("§2.3's table with the last-refreshed date and a 6-month freshness check", () => {
    expect(table.name).toBe(TBL_COMPETITORS);
    expect(table.columns.map((c) => c.header)).toEqual([
      ...Object.values(COMPETITOR_COLUMNS),
      REFRESHED_COLUMN,
    ]);
    expect(REFRESHED_COLUMN).toBe("Refreshed in Last 6 Months");
    expect(table.rows[0]!.slice(0, 5)).toEqual([
      "Clearline Risk",
      "Deloitte, Accenture",
      "Co-Sell",
      SAMPLE_COMPETITORS[0]!.strength,
      46295,
    ]);
    expect(table.columns[4]!.numberFormat).toBe("yyyy-mm-dd");
    const check = table.rows[0]![5]!;
    expect(isFormula(check) && check.formula).toContain("EDATE(TODAY(),-6)");
  });

  test("a new program gets rows to fill in, the check already in place", () => {
    const blank = competitorsSheetPlan([], 3).tables[0]!;
    expect(blank.rows).toHaveLength(3);
    expect(
      blank.rows.every((r) => r.slice(0, 5).every((c) => c === null) && isFormula(r[5]!))
    ).toBe(true);
  });
});
