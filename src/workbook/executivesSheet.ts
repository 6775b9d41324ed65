import { CADENCES, EXECUTIVE_COLUMNS, ExecutiveEntry } from "../domain/executives";
import {
  choiceColumn,
  columnRef,
  dateColumn,
  NO,
  rowsOrFillIn,
  textCell,
  thisRow,
  YES,
} from "./columns";
import { excelSerial } from "./dates";
import { Formula, SheetPlan } from "./plan";

export const EXECUTIVES_SHEET = "Executives";
export const TBL_EXECUTIVES = "tblExecutives";
export const TBL_CADENCES = "tblCadences";

export const OVERDUE_COLUMN = "Overdue";
export const CADENCE_COLUMNS = { cadence: "Cadence", months: "Months" } as const;

export interface ExecutiveMapEntry extends ExecutiveEntry {
  readonly lastMeeting: Date | undefined;
}

const HEADER_ROW = 2;
const CADENCES_LEFT = 9;

const last = thisRow(TBL_EXECUTIVES, EXECUTIVE_COLUMNS.lastMeeting);
const cadenceMatch = `MATCH(${thisRow(TBL_EXECUTIVES, EXECUTIVE_COLUMNS.cadence)},${columnRef(TBL_CADENCES, CADENCE_COLUMNS.cadence)},0)`;

/** One cadence interval after the last meeting (domain nextMeetingDue: EDATE(last, months)). */
export const NEXT_DUE_FORMULA: Formula = {
  formula: `=IF(AND(ISNUMBER(${last}),ISNUMBER(${cadenceMatch})),EDATE(${last},INDEX(${columnRef(TBL_CADENCES, CADENCE_COLUMNS.months)},${cadenceMatch})),"")`,
};

/** Overdue from the day after the due date (domain isOverdue). */
export const OVERDUE_FORMULA: Formula = (() => {
  const due = thisRow(TBL_EXECUTIVES, EXECUTIVE_COLUMNS.nextDue);
  return { formula: `=IF(ISNUMBER(${due}),IF(TODAY()>${due},"${YES}","${NO}"),"")` };
})();

/** §6.2: an executive sponsor and a relationship cadence for every Platinum partner, with meetings due. */
export function executivesSheetPlan(entries: readonly ExecutiveMapEntry[]): SheetPlan {
  return {
    name: EXECUTIVES_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Executive Relationship Map", style: "title" },
      {
        at: { row: 1, column: 0 },
        value:
          "Every Platinum partner needs an executive sponsor (our counterpart) and a cadence. Record each meeting's date in Last Meeting.",
        style: "note",
      },
      {
        at: { row: 1, column: CADENCES_LEFT },
        value: "How often each cadence meets",
        style: "label",
      },
    ],
    tables: [
      {
        name: TBL_EXECUTIVES,
        topLeft: { row: HEADER_ROW, column: 0 },
        columns: [
          { header: EXECUTIVE_COLUMNS.partner, width: 22 },
          { header: EXECUTIVE_COLUMNS.partnerExecutive, width: 22 },
          {
            header: EXECUTIVE_COLUMNS.counterpart,
            width: 18,
            description: "Our executive sponsor for this partner.",
          },
          choiceColumn(
            EXECUTIVE_COLUMNS.cadence,
            24,
            CADENCES.map((c) => c.name)
          ),
          dateColumn(EXECUTIVE_COLUMNS.lastMeeting, 11),
          dateColumn(
            EXECUTIVE_COLUMNS.nextDue,
            12,
            "One cadence interval after the last meeting (a combined cadence counts its most frequent meeting)."
          ),
          {
            header: OVERDUE_COLUMN,
            width: 10,
            description: "Yes from the day after the next meeting was due.",
            conditionalFormats: [{ kind: "textEquals", text: YES, tone: "error" }],
          },
        ],
        rows: rowsOrFillIn(
          entries.map((e) => [
            e.partner,
            textCell(e.partnerExecutive),
            textCell(e.counterpart),
            e.cadence,
            e.lastMeeting === undefined ? null : excelSerial(e.lastMeeting),
            NEXT_DUE_FORMULA,
            OVERDUE_FORMULA,
          ]),
          [null, null, null, null, null, NEXT_DUE_FORMULA, OVERDUE_FORMULA]
        ),
      },
      {
        name: TBL_CADENCES,
        topLeft: { row: HEADER_ROW, column: CADENCES_LEFT },
        columns: [
          { header: CADENCE_COLUMNS.cadence, width: 24 },
          {
            header: CADENCE_COLUMNS.months,
            width: 9,
            numberFormat: "0",
            description: "Months between meetings.",
          },
        ],
        rows: CADENCES.map((c) => [c.name, c.months]),
      },
    ],
  };
}
