import {
  DEFAULT_RATIONALE,
  RATIONALE_GAPS,
  SIGN_OFF_LABELS,
  THESIS_LINES,
} from "../../../src/domain/thesis";
import { isFormula } from "../../../src/workbook/plan";
import { structuredReferences } from "../../../src/workbook/names";
import {
  TBL_RATIONALE,
  TBL_SIGN_OFF,
  TBL_THESIS,
  thesisLineFormula,
  thesisSheetPlan,
} from "../../../src/workbook/thesisSheet";

const tableOf = (plan: ReturnType<typeof thesisSheetPlan>, name: string) =>
  plan.tables.find((t) => t.name === name)!;

describe("Thesis sheet plan", () => {
  test("the six rationale gaps, with their questions, answers left to fill in", () => {
    const rationale = tableOf(thesisSheetPlan({}, undefined), TBL_RATIONALE);
    expect(rationale.columns.map((c) => c.header)).toEqual(["Gap", "Question", "Answer"]);
    expect(rationale.rows).toEqual(RATIONALE_GAPS.map((g) => [g.label, g.question, null]));
  });

  test("the worked example answers them", () => {
    const rationale = tableOf(thesisSheetPlan(DEFAULT_RATIONALE, undefined), TBL_RATIONALE);
    expect(rationale.rows.map((r) => r[2])).toEqual(
      RATIONALE_GAPS.map((g) => DEFAULT_RATIONALE[g.key])
    );
  });

  test("one statement line per paragraph of §1.3, each a formula over tblSettings only", () => {
    const thesis = tableOf(thesisSheetPlan({}, undefined), TBL_THESIS);
    expect(thesis.rows.map((r) => r[0])).toEqual([
      "Heading",
      "Target",
      "Models",
      "Mechanism",
      "Measure",
    ]);
    const formulas = thesis.rows.map((r) => r[1]!);
    expect(formulas.every(isFormula)).toBe(true);
    for (const f of formulas.filter(isFormula)) {
      expect(new Set(structuredReferences(f.formula).map((r) => r.table))).toEqual(
        new Set(["tblSettings"])
      );
    }
  });

  test("a setting's row gone shows the playbook's placeholder; share and years read as words", () => {
    const heading = thesisLineFormula(THESIS_LINES[0]!).formula;
    expect(heading).toBe(
      '="PARTNERSHIP THESIS — "&IFERROR(INDEX(tblSettings[Value],MATCH("Company",tblSettings[Setting],0))&"","[Company]")'
    );
    const target = thesisLineFormula(THESIS_LINES[1]!).formula;
    expect(target).toContain(
      'ROUND(INDEX(tblSettings[Value],MATCH("Partner Share of ARR",tblSettings[Setting],0))*100,0)&"%"'
    );
    expect(target).toContain('" year"," years"');
  });

  test("sign-off: a name and a date (an Excel date serial), blank until signed", () => {
    const blank = tableOf(thesisSheetPlan({}, undefined), TBL_SIGN_OFF);
    expect(blank.columns.map((c) => c.header)).toEqual([SIGN_OFF_LABELS.by, SIGN_OFF_LABELS.date]);
    expect(blank.columns[1]!.numberFormat).toBe("yyyy-mm-dd");
    expect(blank.rows).toEqual([[null, null]]);
    const signed = tableOf(
      thesisSheetPlan({}, { by: "Maya Okafor", date: new Date(Date.UTC(2026, 2, 31)) }),
      TBL_SIGN_OFF
    );
    expect(signed.rows).toEqual([["Maya Okafor", 46112]]);
  });
});
