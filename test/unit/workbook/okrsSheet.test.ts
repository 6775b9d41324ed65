import { INDICATORS, OKR_COLUMNS, okrEntries } from "../../../src/domain/okrs";
import { RACI_ROLES } from "../../../src/domain/raci";
import { DEFAULT_PROGRAM_SETTINGS } from "../../../src/domain/settings";
import { okrsSheetPlan, PROGRESS_FORMULA, TBL_OKRS } from "../../../src/workbook/okrsSheet";

const entries = okrEntries(DEFAULT_PROGRAM_SETTINGS);
const plan = okrsSheetPlan(entries, 2027);
const table = plan.tables[0]!;

describe("OKRs sheet plan", () => {
  test("the three objectives of §5.1, one row per key result, leading or lagging, with target and owner", () => {
    expect(table.name).toBe(TBL_OKRS);
    expect(table.columns.map((c) => c.header)).toEqual(Object.values(OKR_COLUMNS));
    expect(new Set(table.rows.map((r) => r[0])).size).toBe(3);
    expect(table.rows).toEqual(
      entries.map((e) => [
        e.objective,
        e.keyResult,
        e.indicator,
        e.target,
        0,
        PROGRESS_FORMULA,
        e.owner,
      ])
    );
    expect(plan.cells[0]!.value).toBe("Partnership OKRs 2027");
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
