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
  TBL_DASH_QUARTERS,
  QUARTERS_SHOWN,
} from "../../../src/workbook/dashboardSheet";
import { columnPixels, columnWidths } from "../../../src/workbook/layout";
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
    // The share is one period's: the program year's sourced ARR against that year's company ARR.
    expect(formula("Partner-sourced share of ARR, program year")).toBe(
      '=IFERROR(INDEX(tblAttributionYears[Sourced Share],MATCH(INDEX(tblSettings[Value],MATCH("Program Year",tblSettings[Setting],0)),tblAttributionYears[Program Year],0)),"")'
    );
    expect(summary.rows.map((r) => r[0])).not.toContain("Partner-sourced share of current ARR");
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

  test("four charts, each beside the Dashboard table it draws from, none over a table or another chart", () => {
    expect(plan.charts!.map((c) => [c.kind, c.table, c.categoryColumn, c.series])).toEqual([
      ["column", TBL_DASH_TIERS, "Tier", [{ column: "Partners" }, { column: "Landscape Target" }]],
      ["column", TBL_DASH_BANDS, "Band", [{ column: "Partners" }]],
      [
        "column",
        TBL_DASH_QUARTERS,
        "Quarter",
        [
          { column: "Sourced ARR" },
          { column: "Influenced ARR" },
          { column: "Sourced ARR Target", line: true },
        ],
      ],
      ["bar", TBL_DASH_CHECKS, "Check", [{ column: "Open" }]],
    ]);
    const right = Math.max(...plan.tables.map((t) => t.topLeft.column + t.columns.length));
    const boxes = plan.charts!.map((c) => ({
      top: c.at.row,
      bottom: c.at.row + c.size.rows - 1,
      left: c.at.column,
    }));
    for (const [i, chart] of plan.charts!.entries()) {
      const table = tableOf(chart.table);
      // Beside its table: to the right of every table, starting on its title row.
      expect(chart.at.column).toBeGreaterThanOrEqual(right);
      expect(chart.at.row).toBe(table.topLeft.row - 1);
      for (const header of [chart.categoryColumn, ...chart.series.map((s) => s.column)])
        expect(table.columns.map((c) => c.header)).toContain(header);
      if (i > 0) expect(boxes[i]!.top).toBeGreaterThan(boxes[i - 1]!.bottom);
    }
  });

  test("partner-sourced and influenced ARR of the last eight quarters, counted back from the latest, against a quarter of the year's target", () => {
    const quarters = tableOf(TBL_DASH_QUARTERS);
    expect(quarters.rows).toHaveLength(QUARTERS_SHOWN);
    const first = quarters.rows[0]!;
    expect(isFormula(first[0]!) && first[0].formula).toContain("-7)");
    expect(isFormula(first[1]!) && first[1].formula).toContain(
      "SUMIFS(tblQuarterly[Sourced ARR],tblQuarterly[Quarter],tblDashQuarters[[#This Row],[Quarter]])"
    );
    expect(isFormula(first[2]!) && first[2].formula).toContain("tblQuarterly[Influenced ARR]");
    expect(isFormula(first[3]!) && first[3].formula).toMatch(/\/4$/);
  });

  test("reads at a glance: title with the company, as-of date, headline figures in large type, no grid lines, no filter buttons", () => {
    const at = (row: number, column: number) =>
      plan.cells.find((c) => c.at.row === row && c.at.column === column)!;
    const title = at(0, 0);
    expect(title).toMatchObject({ style: "title" });
    expect(isFormula(title.value) && title.value.formula).toContain('"Company"');
    expect(at(1, 0)).toMatchObject({ value: { formula: "=TODAY()" } });
    expect(at(1, 0).numberFormat).toMatch(/^"As of "d mmmm yyyy$/);
    const kpis = plan.cells.filter((c) => c.style === "kpi");
    const labelOf = (kpi: (typeof kpis)[number]) => at(kpi.at.row - 1, kpi.at.column).value;
    expect(kpis.map(labelOf)).toEqual([
      "Partner-sourced ARR, all quarters",
      "Target",
      "Progress",
      "Open errors",
      "Registrations within SLA",
      "Partners, latest quarter (Exited left out)",
      "Platinum",
      "Gold",
      "Silver",
      "Registered",
    ]);
    expect(kpis.every((k) => isFormula(k.value))).toBe(true);
    expect(plan.hideGridlines).toBe(true);
    expect(plan.tables.every((t) => t.noFilterButtons === true)).toBe(true);
  });

  test("the tables and the charts beside them fit a 1366-pixel laptop screen", () => {
    const widths = columnWidths(plan);
    const right = Math.max(...plan.charts!.map((c) => c.at.column + c.size.columns));
    let pixels = 0;
    // Excel's default column is 64 pixels; each column adds 5 pixels of padding to its characters.
    for (let c = 0; c < right; c++) pixels += widths.has(c) ? columnPixels(widths.get(c)!) + 5 : 64;
    // Less Excel's row headers, scroll bar and window frame.
    expect(pixels).toBeLessThanOrEqual(1366 - 60);
  });

  test("a severity is coloured only while its check has something open", () => {
    const severity = tableOf(TBL_DASH_CHECKS).columns.find((c) => c.header === "Severity")!;
    expect(severity.conditionalFormats).toEqual([
      expect.objectContaining({
        kind: "textWhileAtLeast",
        text: "Error",
        column: "Open",
        value: 1,
      }),
      expect.objectContaining({
        kind: "textWhileAtLeast",
        text: "Warning",
        column: "Open",
        value: 1,
      }),
    ]);
  });
});
