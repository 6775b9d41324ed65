import { formatQuarter } from "../domain/quarters";
import { RACI_ROLES } from "../domain/raci";
import {
  ROADMAP_COLUMNS,
  ROADMAP_REVIEW_MONTHS,
  ROADMAP_STATUSES,
  RoadmapEntry,
  RoadmapStatus,
  WORKSTREAMS,
} from "../domain/roadmap";
import { choiceColumn, dateColumn, textLiteral, thisRow } from "./columns";
import { excelSerial } from "./dates";
import { ColumnPlan, ConditionalFormatPlan, Formula, SheetPlan } from "./plan";
import { Tone } from "./styles";

export const ROADMAP_SHEET = "Roadmap";
export const TBL_ROADMAP = "tblRoadmap";

const HEADER_ROW = 2;

const STATUS_TONES: Readonly<Record<RoadmapStatus, Tone>> = {
  "Not started": "info",
  "In progress": "warning",
  Done: "good",
  "At risk": "error",
};

const STATUS_FORMATS: readonly ConditionalFormatPlan[] = ROADMAP_STATUSES.map((status) => ({
  kind: "textEquals",
  text: status,
  tone: STATUS_TONES[status],
}));

const due = thisRow(TBL_ROADMAP, ROADMAP_COLUMNS.due);
const quarter = thisRow(TBL_ROADMAP, ROADMAP_COLUMNS.quarter);
const status = thisRow(TBL_ROADMAP, ROADMAP_COLUMNS.status);

/** "2027-Q1" from the Due date, so a milestone moves quarter when its due date does; a typed label passes. */
export const QUARTER_FORMULA: Formula = {
  formula: `=IF(ISNUMBER(${due}),YEAR(${due})&"-Q"&ROUNDUP(MONTH(${due})/3,0),${due}&"")`,
};

/** The Gantt band: the milestone's status in the column of its due quarter, coloured by status. */
export const bandFormula = (label: string): Formula => ({
  formula: `=IF(${quarter}=${textLiteral(label)},${status}&"","")`,
});

const bandColumn = (label: string): ColumnPlan => ({
  header: label,
  width: 12,
  conditionalFormats: STATUS_FORMATS,
  description: "Filled in the milestone's due quarter, coloured by its status.",
});

/**
 * §5.2's four quarters of the program year and their milestones, each with owner, status, due date and
 * last review, and the year drawn as a band of quarters.
 */
export function roadmapSheetPlan(
  entries: readonly RoadmapEntry[],
  programYear: number,
  lastReviewed: Date | undefined
): SheetPlan {
  const bands = ([1, 2, 3, 4] as const).map((q) =>
    formatQuarter({ year: programYear, quarter: q })
  );
  const reviewed = lastReviewed === undefined ? null : excelSerial(lastReviewed);
  return {
    name: ROADMAP_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: `Partnership Roadmap ${programYear}`, style: "title" },
      {
        at: { row: 1, column: 0 },
        value: `Revisit the roadmap quarterly: update Status and Last Reviewed at least every ${ROADMAP_REVIEW_MONTHS} months. The quarter follows the Due date.`,
        style: "note",
      },
    ],
    tables: [
      {
        name: TBL_ROADMAP,
        topLeft: { row: HEADER_ROW, column: 0 },
        columns: [
          {
            header: ROADMAP_COLUMNS.quarter,
            width: 10,
            description: "The quarter of the Due date.",
          },
          { header: ROADMAP_COLUMNS.theme, width: 14 },
          choiceColumn(ROADMAP_COLUMNS.workstream, 13, WORKSTREAMS),
          { header: ROADMAP_COLUMNS.milestone, width: 44, wrap: true },
          choiceColumn(ROADMAP_COLUMNS.owner, 18, RACI_ROLES),
          {
            ...choiceColumn(ROADMAP_COLUMNS.status, 12, ROADMAP_STATUSES),
            conditionalFormats: STATUS_FORMATS,
          },
          dateColumn(ROADMAP_COLUMNS.due, 12, "The milestone is due by this date."),
          dateColumn(ROADMAP_COLUMNS.lastReviewed, 12),
          ...bands.map(bandColumn),
        ],
        rows: entries.map((e) => [
          QUARTER_FORMULA,
          e.theme,
          e.workstream,
          e.milestone,
          e.owner,
          e.status,
          excelSerial(e.due),
          reviewed,
          ...bands.map(bandFormula),
        ]),
      },
    ],
  };
}
