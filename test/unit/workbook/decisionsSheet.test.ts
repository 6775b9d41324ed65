import { DECISION_INPUTS, DecisionInputs } from "../../../src/domain/decisions";
import {
  decisionFormula,
  decisionsSheetPlan,
  TBL_DECISIONS,
} from "../../../src/workbook/decisionsSheet";
import { isFormula } from "../../../src/workbook/plan";

const inputs: DecisionInputs = {
  core: false,
  capacity: false,
  adjacent: true,
  strongPartner: true,
  positiveEconomics: true,
  critical: false,
  buildMonths: 24,
  acquisitionTarget: false,
  newMarket: false,
  localPresence: false,
};
const entry = {
  capability: "Implementation services",
  inputs,
  rationale: "Partners deliver.",
  partnerConsidered: "Accenture",
  financeInput: "Margin positive.",
  decided: new Date(Date.UTC(2026, 0, 31)),
};

describe("Decisions sheet plan", () => {
  const table = decisionsSheetPlan([entry, entry], "portable").tables[0]!;

  test("the rationale log: id, capability, the ten matrix inputs, decision, rationale, partner, Finance, dates", () => {
    expect(table.name).toBe(TBL_DECISIONS);
    expect(table.columns.map((c) => c.header)).toEqual([
      "ID",
      "Capability / Market",
      ...DECISION_INPUTS.map((d) => d.label),
      "Decision",
      "Rationale",
      "Partner Considered",
      "Finance Input",
      "Decided",
      "Review Date",
    ]);
    expect(table.rows.map((r) => r[0])).toEqual(["D-001", "D-002"]);
    expect(table.rows[0]!.slice(2, 12)).toEqual([
      "No",
      "No",
      "Yes",
      "Yes",
      "Yes",
      "No",
      24,
      "No",
      "No",
      "No",
    ]);
    expect(table.rows[0]!.slice(13, 18)).toEqual([
      "Partners deliver.",
      "Accenture",
      "Margin positive.",
      46053,
      {
        formula:
          '=IF(ISNUMBER(tblDecisions[[#This Row],[Decided]]),EDATE(tblDecisions[[#This Row],[Decided]],3),"")',
      },
    ]);
  });

  test("the matrix inputs are Yes/No lists; build time a number of months", () => {
    const yesNo = table.columns.slice(2, 12).filter((c) => c.validation?.kind === "list");
    expect(yesNo).toHaveLength(9);
    expect(
      yesNo.every((c) => c.validation?.kind === "list" && c.validation.values.join() === "Yes,No")
    ).toBe(true);
    expect(table.columns[8]).toMatchObject({
      header: "Build Time (Months)",
      validation: { kind: "decimal", min: 0, max: 1200 },
    });
  });

  test("add-in mode: PS.BUILDPARTNER over the ten inputs; portable: the four rules as native IFs", () => {
    expect(decisionFormula("addin").formula).toBe(
      '=IF(tblDecisions[[#This Row],[Capability / Market]]="","",PS.BUILDPARTNER(tblDecisions[[#This Row],[Core to Differentiation]:[Partner Has Local Presence]]))'
    );
    const portable = decisionFormula("portable").formula;
    expect(portable).not.toContain("PS.");
    expect(portable.match(/"(BUILD|PARTNER|ACQUIRE|REVIEW)"/g)).toEqual([
      '"BUILD"',
      '"PARTNER"',
      '"ACQUIRE"',
      '"PARTNER"',
      '"REVIEW"',
    ]);
    expect(portable).toContain("tblDecisions[[#This Row],[Build Time (Months)]]>18");
  });

  test("a new log: blank rows with the formulas in place and no id, so nothing is yet a decision", () => {
    const blank = decisionsSheetPlan([], "portable", 3).tables[0]!;
    expect(blank.rows).toHaveLength(3);
    for (const row of blank.rows) {
      expect(row.filter(isFormula)).toHaveLength(2);
      expect(row.filter((c) => c !== null && !isFormula(c))).toEqual([]);
    }
  });
});
