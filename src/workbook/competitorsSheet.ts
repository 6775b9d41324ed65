import { formatList } from "../domain/cells";
import {
  COMPETITOR_COLUMNS,
  COMPETITOR_REFRESH_MONTHS,
  CompetitorEntry,
} from "../domain/competitors";
import { PARTNERSHIP_MODELS } from "../domain/models";
import { choiceColumn, dateColumn, NO, rowsOrFillIn, thisRow, YES } from "./columns";
import { excelSerial } from "./dates";
import { CellPlan, Formula, SheetPlan } from "./plan";

export const COMPETITORS_SHEET = "Competitors";
export const TBL_COMPETITORS = "tblCompetitors";

/** The check column after §2.3's columns and the refresh date. */
export const REFRESHED_COLUMN = `Refreshed in Last ${COMPETITOR_REFRESH_MONTHS} Months`;

export interface CompetitorMapEntry extends CompetitorEntry {
  readonly lastRefreshed: Date | undefined;
}

const HEADER_ROW = 2;

/**
 * Yes when the row was refreshed on EDATE(TODAY(), -6) or later (the domain's isWithinMonths); blank until
 * the row names a competitor.
 */
const refreshedFormula: Formula = (() => {
  const last = thisRow(TBL_COMPETITORS, COMPETITOR_COLUMNS.lastRefreshed);
  const competitor = thisRow(TBL_COMPETITORS, COMPETITOR_COLUMNS.competitor);
  return {
    formula: `=IF(LEN(${competitor})=0,"",IF(ISNUMBER(${last}),IF(${last}>=EDATE(TODAY(),-${COMPETITOR_REFRESH_MONTHS}),"${YES}","${NO}"),"${NO}"))`,
  };
})();

const BLANK_ROW: readonly CellPlan[] = [null, null, null, null, null, refreshedFormula];

/**
 * §2.3: which partners the top competitors have signed, then `blankRows` rows to fill in (one at least). The Landscape
 * sheet reads Key Partners to flag the partners a competitor has locked.
 */
export function competitorsSheetPlan(
  entries: readonly CompetitorMapEntry[],
  blankRows = 0
): SheetPlan {
  return {
    name: COMPETITORS_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Competitor Partner Ecosystem", style: "title" },
      {
        at: { row: 1, column: 0 },
        value: `Map the partners your top 3 competitors have signed (comma-separated) and refresh the map every ${COMPETITOR_REFRESH_MONTHS} months. Partners named here are flagged as locked on the Landscape sheet.`,
        style: "note",
      },
    ],
    tables: [
      {
        name: TBL_COMPETITORS,
        topLeft: { row: HEADER_ROW, column: 0 },
        columns: [
          { header: COMPETITOR_COLUMNS.competitor, width: 22 },
          {
            header: COMPETITOR_COLUMNS.keyPartners,
            width: 28,
            wrap: true,
            description: "The partners this competitor has signed, comma-separated.",
          },
          choiceColumn(COMPETITOR_COLUMNS.model, 16, PARTNERSHIP_MODELS),
          {
            header: COMPETITOR_COLUMNS.strength,
            width: 40,
            wrap: true,
            description: "Why their partnerships are effective.",
          },
          dateColumn(COMPETITOR_COLUMNS.lastRefreshed, 12),
          {
            header: REFRESHED_COLUMN,
            width: 12,
            description: `The competitor map must be refreshed every ${COMPETITOR_REFRESH_MONTHS} months.`,
            conditionalFormats: [
              { kind: "textEquals", text: NO, tone: "error" },
              { kind: "textEquals", text: YES, tone: "good" },
            ],
          },
        ],
        rows: rowsOrFillIn(
          [
            ...entries.map((e) => [
              e.competitor,
              formatList(e.keyPartners),
              e.model,
              e.strength,
              e.lastRefreshed === undefined ? null : excelSerial(e.lastRefreshed),
              refreshedFormula,
            ]),
            ...Array.from({ length: blankRows }, () => BLANK_ROW),
          ],
          BLANK_ROW
        ),
      },
    ],
  };
}
