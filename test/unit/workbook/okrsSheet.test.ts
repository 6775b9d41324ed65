import {
  INDICATORS,
  OKR_COLUMNS,
  okrEntries,
  okrTemplateRows,
  okrWords,
} from "../../../src/domain/okrs";
import { RACI_ROLES } from "../../../src/domain/raci";
import { DEFAULT_PROGRAM_SETTINGS } from "../../../src/domain/settings";
import {
  okrsSheetPlan,
  PROGRESS_FORMULA,
  TBL_OKRS,
  wordsCell,
} from "../../../src/workbook/okrsSheet";
import { isFormula } from "../../../src/workbook/plan";

const entries = okrTemplateRows();
const plan = okrsSheetPlan(entries);
const table = plan.tables[0]!;

/** The Current a row starts with: 0 to type over, or, for the SLA key result, the deal registrations' compliance. */
const currentOf = (e: object): unknown =>
  "measuredBy" in e
    ? { formula: expect.stringContaining("tblDealRegCompliance[Compliance]") as unknown }
    : 0;

describe("OKRs sheet plan", () => {
  test("the three objectives of §5.1, one row per key result, leading or lagging, with target and owner", () => {
    expect(table.name).toBe(TBL_OKRS);
    expect(table.columns.map((c) => c.header)).toEqual(Object.values(OKR_COLUMNS));
    expect(new Set(table.rows.map((r) => JSON.stringify(r[0]))).size).toBe(3);
    expect(table.rows.map((r) => [r[2], r[4], r[5], r[6]])).toEqual(
      entries.map((e) => [e.indicator, currentOf(e), PROGRESS_FORMULA, e.owner])
    );
    expect(plan.cells[0]!.value).toEqual({
      formula:
        '="Partnership OKRs "&IFERROR(INDEX(tblSettings[Value],MATCH("Program Year",tblSettings[Setting],0)),"")',
    });
  });

  test("words and targets that depend on the settings are formulas over tblSettings; the rest are constants", () => {
    const [first] = table.rows;
    expect(isFormula(first![0]!)).toBe(true);
    const objective = (first![0] as { formula: string }).formula;
    expect(objective).toContain('MATCH("Partner Share of ARR",tblSettings[Setting],0)');
    // The first-year slice is said only while the thesis spans more than one year.
    expect(objective).toContain(
      'IF(IFERROR(INDEX(tblSettings[Value],MATCH("Years",tblSettings[Setting],0))>1,FALSE),'
    );
    const pipeline = table.rows[entries.findIndex((e) => e.target === "pipeline")]!;
    expect(pipeline[1]).toMatchObject({ formula: expect.stringContaining("FIXED(") });
    expect(pipeline[3]).toMatchObject({ formula: expect.stringMatching(/^=IFERROR\(/) });
    const fixed = entries.filter((e) => e.keyResult.every((p) => "text" in p));
    expect(fixed.length).toBeGreaterThan(0);
    for (const e of fixed)
      expect(wordsCell(e.keyResult)).toBe(okrWords(e.keyResult, DEFAULT_PROGRAM_SETTINGS));
  });

  test("fixed entries are written as they are", () => {
    const fixed = okrEntries(DEFAULT_PROGRAM_SETTINGS);
    expect(okrsSheetPlan(fixed).tables[0]!.rows).toEqual(
      fixed.map((e) => [
        e.objective,
        e.keyResult,
        e.indicator,
        e.target,
        currentOf(e),
        PROGRESS_FORMULA,
        e.owner,
      ])
    );
  });

  test("drop-downs for Leading/Lagging and the owner's role", () => {
    const list = (header: string) => table.columns.find((c) => c.header === header)!.validation;
    expect(list("Leading or Lagging")).toMatchObject({ values: INDICATORS });
    expect(list("Owner")).toMatchObject({ values: RACI_ROLES });
  });

  test("target and current read in the key result's unit; progress is a percentage", () => {
    const formats = table.columns.find((c) => c.header === "Target")!.rowNumberFormats!;
    const at = (unit: string) => formats[entries.findIndex((e) => e.unit === unit)];
    expect(at("money")).toBe("$#,##0");
    expect(at("percent")).toBe("0%");
    expect(at("count")).toBe("0");
    expect(table.columns.find((c) => c.header === "Current")!.rowNumberFormats).toEqual(formats);
    expect(table.columns.find((c) => c.header === "Progress")!.numberFormat).toBe("0%");
    expect(PROGRESS_FORMULA.formula).toBe(
      '=IF(AND(ISNUMBER(tblOKRs[[#This Row],[Target]]),tblOKRs[[#This Row],[Target]]>0),MIN(1,MAX(0,N(tblOKRs[[#This Row],[Current]])/tblOKRs[[#This Row],[Target]])),"")'
    );
  });
});
