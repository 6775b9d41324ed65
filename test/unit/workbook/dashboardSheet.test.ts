import { BANDS } from "../../../src/domain/scoring";
import {
  dashboardSheetPlan,
  RECRUIT_TOP,
  TBL_DASH_BANDS,
  TBL_DASH_CHECKS,
  TBL_DASH_RECRUIT,
  TBL_DASH_SEVERITY,
  TBL_DASH_SUMMARY,
  TBL_DASH_TIERS,
} from "../../../src/workbook/dashboardSheet";
import { isFormula } from "../../../src/workbook/plan";

const plan = dashboardSheetPlan();
const tableOf = (name: string) => plan.tables.find((t) => t.name === name)!;

describe("Dashboard sheet plan", () => {
  test("partners by tier (latest quarter, against the landscape's targets) and by band", () => {
    expect(tableOf(TBL_DASH_TIERS).rows.map((r) => r[0])).toEqual([
      "Platinum",
      "Gold",
      "Silver",
      "Registered",
      "Exited",
    ]);
    expect(tableOf(TBL_DASH_TIERS).columns.map((c) => c.header)).toEqual([
      "Tier",
      "Partners",
      "Landscape Target",
    ]);
    expect(tableOf(TBL_DASH_BANDS).rows.map((r) => r[0])).toEqual([...BANDS, "Not yet rated"]);
  });

  test("partner-sourced pipeline and ARR against the target share, influenced ARR kept apart", () => {
    const summary = tableOf(TBL_DASH_SUMMARY);
    const formula = (measure: string) => {
      const cell = summary.rows.find((r) => r[0] === measure)![1]!;
      return isFormula(cell) ? cell.formula : "";
    };
    expect(formula("Partner-sourced ARR, all quarters")).toBe(
      "=IFERROR(SUM(tblQuarterly[Sourced ARR]),0)"
    );
    expect(formula("Partner-influenced ARR, all quarters (kept apart)")).toBe(
      "=IFERROR(SUM(tblQuarterly[Influenced ARR]),0)"
    );
    expect(formula("Target share of ARR from partners")).toContain('"Partner Share of ARR"');
    const formats = summary.columns[1]!.rowNumberFormats!;
    expect(formats[summary.rows.findIndex((r) => r[0] === "Current ARR")]).toBe("$#,##0");
    expect(
      formats[summary.rows.findIndex((r) => r[0] === "Target share of ARR from partners")]
    ).toBe("0%");
  });

  test("open findings: each quality check with its severity, summed by severity", () => {
    const checks = tableOf(TBL_DASH_CHECKS);
    expect(new Set(checks.rows.map((r) => r[2]))).toEqual(new Set(["Error", "Warning"]));
    expect(checks.rows.every((r) => isFormula(r[3]!))).toBe(true);
    expect(tableOf(TBL_DASH_SEVERITY).rows).toEqual([
      ["Error", { formula: '=SUMIFS(tblDashChecks[Open],tblDashChecks[Severity],"Error")' }],
      ["Warning", { formula: '=SUMIFS(tblDashChecks[Open],tblDashChecks[Severity],"Warning")' }],
    ]);
  });

  test(`the top ${RECRUIT_TOP} recruitment targets, looked up by their rank on the Landscape`, () => {
    const recruit = tableOf(TBL_DASH_RECRUIT);
    expect(recruit.rows.map((r) => r[1])).toEqual(
      Array.from({ length: RECRUIT_TOP }, (_, i) => i + 1)
    );
  });

  test("same figures in both modes: no add-in function anywhere", () => {
    const formulas = plan.tables.flatMap((t) => t.rows.flat()).filter(isFormula);
    expect(formulas.length).toBeGreaterThan(30);
    expect(formulas.filter((f) => f.formula.includes("PS."))).toEqual([]);
  });

  test("two charts for the Excel host: partners by tier (column), scores (bar)", () => {
    expect(plan.charts).toEqual([
      expect.objectContaining({
        kind: "column",
        table: TBL_DASH_TIERS,
        categoryColumn: "Tier",
        valueColumn: "Partners",
      }),
      expect.objectContaining({
        kind: "bar",
        table: "tblScoring",
        categoryColumn: "Partner",
        valueColumn: "Score",
      }),
    ]);
  });
});
