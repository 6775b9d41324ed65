import { PARTNER_TYPES } from "../../../src/domain/partners";
import { CRITERIA, DEFAULT_WEIGHTS } from "../../../src/domain/scoring";
import { isFormula } from "../../../src/workbook/plan";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { SAMPLE_PARTNERS } from "../../../src/workbook/sample";
import { scoringSheetPlan, TBL_SCORING, TBL_WEIGHTS } from "../../../src/workbook/scoringSheet";

const table = (name: string, mode: "addin" | "portable" = "portable") => {
  const found = scoringSheetPlan(SAMPLE_PARTNERS, mode).tables.find((t) => t.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};

describe("Scoring sheet plan", () => {
  test("the sample has at least 25 partners covering every partner type, with unique names", () => {
    expect(SAMPLE_PARTNERS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(SAMPLE_PARTNERS.map((p) => p.type))).toEqual(new Set(PARTNER_TYPES));
    expect(new Set(SAMPLE_PARTNERS.map((p) => p.name)).size).toBe(SAMPLE_PARTNERS.length);
  });

  test("tblScoring: partner, type, the five ratings, score, band — one row per partner", () => {
    const scoring = table(TBL_SCORING);
    expect(scoring.columns.map((c) => c.header)).toEqual([
      "Partner",
      "Partner Type",
      ...CRITERIA.map((c) => c.label),
      "Score",
      "Band",
    ]);
    expect(scoring.rows).toHaveLength(SAMPLE_PARTNERS.length);
    expect(scoring.rows[0]!.slice(0, 7)).toEqual(["Deloitte", "Big 4", 85, 95, 80, 60, 90]);
    for (const c of scoring.columns.slice(2, 7)) {
      expect(c.validation).toMatchObject({ kind: "decimal", min: 0, max: 100 });
    }
    expect(scoring.columns[1]!.validation).toMatchObject({ kind: "list", values: PARTNER_TYPES });
  });

  test("tblWeights holds the default weights, editable", () => {
    expect(table(TBL_WEIGHTS).rows.map((r) => r[1])).toEqual([...DEFAULT_WEIGHTS]);
  });

  test("portable mode computes with native functions only; add-in mode calls PS functions", () => {
    const portable = table(TBL_SCORING, "portable").rows.flat().filter(isFormula);
    const addin = table(TBL_SCORING, "addin").rows.flat().filter(isFormula);
    expect(portable).toHaveLength(SAMPLE_PARTNERS.length * 2);
    expect(portable.every((f) => !f.formula.includes("PS."))).toBe(true);
    expect(portable[0]!.formula).toContain("MMULT(");
    // A row with no partner yet shows blank; every named partner is scored by the add-in's function.
    expect(addin.map((f) => f.formula.match(/^=IF\(LEN\([^)]*\)=0,"",PS\.(\w+)\(/)?.[1])).toEqual(
      SAMPLE_PARTNERS.flatMap(() => ["PARTNERSCORE", "PARTNERBAND"])
    );
  });

  test("the program workbook holds the Scoring sheet, headers frozen", () => {
    const plan = programWorkbookPlan({ data: "sample", mode: "portable" });
    expect(plan.sheets.map((s) => s.name)).toContain("Scoring");
    expect(plan.sheets[0]!.freezeRows).toBe(table(TBL_SCORING).topLeft.row + 1);
  });
});
