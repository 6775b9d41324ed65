import { CADENCES, EXECUTIVE_COLUMNS, PLAYBOOK_EXECUTIVES } from "../../../src/domain/executives";
import {
  executivesSheetPlan,
  NEXT_DUE_FORMULA,
  OVERDUE_FORMULA,
  TBL_CADENCES,
  TBL_EXECUTIVES,
} from "../../../src/workbook/executivesSheet";

const plan = executivesSheetPlan(
  PLAYBOOK_EXECUTIVES.map((e) => ({ ...e, lastMeeting: new Date(Date.UTC(2026, 0, 31)) }))
);
const tableOf = (name: string) => plan.tables.find((t) => t.name === name)!;

describe("Executives sheet plan", () => {
  test("§6.2's map: partner, executive, our counterpart, cadence, last meeting, next due, overdue", () => {
    const table = tableOf(TBL_EXECUTIVES);
    expect(table.columns.map((c) => c.header)).toEqual([
      ...Object.values(EXECUTIVE_COLUMNS),
      "Overdue",
    ]);
    expect(table.rows).toEqual(
      PLAYBOOK_EXECUTIVES.map((e) => [
        e.partner,
        e.partnerExecutive,
        e.counterpart,
        e.cadence,
        46053,
        NEXT_DUE_FORMULA,
        OVERDUE_FORMULA,
      ])
    );
    expect(table.columns[3]!.validation).toMatchObject({ values: CADENCES.map((c) => c.name) });
  });

  test("next due: EDATE by the cadence's months from tblCadences; overdue against TODAY()", () => {
    expect(tableOf(TBL_CADENCES).rows).toEqual(CADENCES.map((c) => [c.name, c.months]));
    expect(NEXT_DUE_FORMULA.formula).toContain(
      "EDATE(tblExecutives[[#This Row],[Last Meeting]],INDEX(tblCadences[Months],"
    );
    expect(OVERDUE_FORMULA.formula).toBe(
      '=IF(ISNUMBER(tblExecutives[[#This Row],[Next Due]]),IF(TODAY()>tblExecutives[[#This Row],[Next Due]],"Yes","No"),"")'
    );
  });
});
