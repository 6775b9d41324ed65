import { RACI_DECISIONS, RACI_LETTERS, RACI_ROLES } from "../../../src/domain/raci";
import { raciCheckFormula, raciSheetPlan, TBL_RACI } from "../../../src/workbook/raciSheet";

describe("RACI sheet plan", () => {
  const table = raciSheetPlan(RACI_DECISIONS, "portable").tables[0]!;

  test("§6.1's decisions × the six roles, R/A/C/I drop-downs, a check column", () => {
    expect(table.name).toBe(TBL_RACI);
    expect(table.columns.map((c) => c.header)).toEqual(["Decision", ...RACI_ROLES, "Check"]);
    expect(table.rows.map((r) => r.slice(0, 7))).toEqual(
      RACI_DECISIONS.map((d) => [d.decision, ...d.letters])
    );
    for (const c of table.columns.slice(1, 7))
      expect(c.validation).toMatchObject({ values: RACI_LETTERS });
  });

  test("add-in mode calls PS.RACICHECK on the row's letters; portable mode needs no add-in", () => {
    expect(raciCheckFormula("addin").formula).toBe(
      '=IF(AND(LEN(tblRACI[[#This Row],[Decision]])=0,COUNTA(tblRACI[[#This Row],[CPO]:[Legal]])=0),"",PS.RACICHECK(tblRACI[[#This Row],[CPO]:[Legal]]))'
    );
    const portable = raciCheckFormula("portable").formula;
    expect(portable).not.toContain("PS.");
    expect(portable).toContain('"; no Accountable"');
    expect(portable).toContain('" for Legal (use R, A, C or I)"');
    expect(portable.length).toBeLessThan(8192);
  });
});
