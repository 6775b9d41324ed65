import { INDICATORS, OKR_COLUMNS, OkrEntry, OkrUnit } from "../domain/okrs";
import { RACI_ROLES } from "../domain/raci";
import { choiceColumn, MONEY_FORMAT, PERCENT_FORMAT, thisRow } from "./columns";
import { Formula, SheetPlan } from "./plan";

export const OKRS_SHEET = "OKRs";
export const TBL_OKRS = "tblOKRs";

const HEADER_ROW = 2;

/** Target and Current read in the key result's unit; "done" is 1 against 0 (not yet) or 1. */
export const UNIT_FORMATS: Readonly<Record<OkrUnit, string>> = {
  count: "0",
  money: MONEY_FORMAT,
  percent: PERCENT_FORMAT,
  score: "0",
  done: "0",
};

/**
 * Progress = current / target within 0–1, a blank current counting 0 (domain okrProgress); blank while the
 * target is not a positive number.
 */
export const PROGRESS_FORMULA: Formula = (() => {
  const target = thisRow(TBL_OKRS, OKR_COLUMNS.target);
  const current = thisRow(TBL_OKRS, OKR_COLUMNS.current);
  return {
    formula: `=IF(AND(ISNUMBER(${target}),${target}>0),MIN(1,MAX(0,N(${current})/${target})),"")`,
  };
})();

/** The annual partnership OKRs of §5.1, one row per key result, each leading or lagging. */
export function okrsSheetPlan(entries: readonly OkrEntry[], programYear: number): SheetPlan {
  const formats = entries.map((e) => UNIT_FORMATS[e.unit]);
  return {
    name: OKRS_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: `Partnership OKRs ${programYear}`, style: "title" },
      {
        at: { row: 1, column: 0 },
        value:
          "Every objective needs both leading indicators (meetings, proposals) and lagging ones (revenue, certified partners). Update Current each quarter.",
        style: "note",
      },
    ],
    tables: [
      {
        name: TBL_OKRS,
        topLeft: { row: HEADER_ROW, column: 0 },
        columns: [
          { header: OKR_COLUMNS.objective, width: 58 },
          { header: OKR_COLUMNS.keyResult, width: 70 },
          choiceColumn(
            OKR_COLUMNS.indicator,
            18,
            INDICATORS,
            "Leading indicators move before the results do; lagging indicators are the results."
          ),
          {
            header: OKR_COLUMNS.target,
            width: 14,
            rowNumberFormats: formats,
            description: "For a yes/no key result, 1 means done.",
          },
          { header: OKR_COLUMNS.current, width: 14, rowNumberFormats: formats },
          {
            header: OKR_COLUMNS.progress,
            width: 10,
            numberFormat: PERCENT_FORMAT,
            description: "Current / Target, from 0% to 100%.",
            conditionalFormats: [{ kind: "atLeast", value: 1, fill: "#C6EFCE", font: "#006100" }],
          },
          choiceColumn(OKR_COLUMNS.owner, 22, RACI_ROLES),
        ],
        rows: entries.map((e) => [
          e.objective,
          e.keyResult,
          e.indicator,
          e.target,
          e.current,
          PROGRESS_FORMULA,
          e.owner,
        ]),
      },
    ],
  };
}
