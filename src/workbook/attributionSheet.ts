import { attributionYears, CompanyArrRow, quarterLabels } from "../domain/attribution";
import { parseQuarter } from "../domain/quarters";
import { ProgramSettings } from "../domain/settings";
import { QUARTERLY_COLUMNS } from "../domain/tiers/quarterly";
import { columnRef, formula, moneyColumn, thisRow } from "./columns";
import { headerWidth } from "./layout";
import { CellPlan, ColumnPlan, Formula, SheetPlan, TablePlan } from "./plan";
import { MONEY_FORMAT, SHARE_FORMAT } from "./styles";
import { TBL_QUARTERLY } from "./tierSheets";

export const ATTRIBUTION_SHEET = "Attribution";
export const TBL_ATTRIBUTION = "tblAttribution";
export const TBL_ATTRIBUTION_YEARS = "tblAttributionYears";

/** The measures of a period, by quarter and by year alike. */
export const ATTRIBUTION_COLUMNS = {
  quarter: "Quarter",
  year: "Program Year",
  companyArr: "Company ARR",
  sourcedArr: "Sourced ARR",
  influencedArr: "Influenced ARR",
  sourcedShare: "Sourced Share",
  influencedShare: "Influenced Share",
} as const;

const HEADER_ROW = 2;
/** The years' table sits beside the quarters', after a blank column. */
const YEARS_LEFT = 7;

const c = ATTRIBUTION_COLUMNS;
const q = (header: string): string => columnRef(TBL_QUARTERLY, header);

/**
 * The partners' sums and the shares of one period, as formulas over the row's own cells: `criterion` is what
 * SUMIFS matches the Quarterly data's labels against (the quarter "2026-Q1", or "2026-Q*" for a year), and the
 * sums are blank while `blankPeriod` holds (a row whose period is not typed yet).
 */
function periodFormulas(
  table: string,
  blankPeriod: string,
  criterion: string
): {
  readonly sourced: Formula;
  readonly influenced: Formula;
  readonly share: (of: string) => Formula;
} {
  const sum = (column: string) =>
    formula(
      `IF(${blankPeriod},"",SUMIFS(${q(column)},${q(QUARTERLY_COLUMNS.quarter)},${criterion}))`
    );
  const company = thisRow(table, c.companyArr);
  return {
    sourced: sum(QUARTERLY_COLUMNS.sourcedArr),
    influenced: sum(QUARTERLY_COLUMNS.influencedArr),
    // N() reads a blank or a text as 0: no share until the period's ARR is a positive amount.
    share: (of) => {
      const part = thisRow(table, of);
      return formula(`IF(AND(ISNUMBER(${part}),N(${company})>0),${part}/${company},"")`);
    },
  };
}

const shareColumn = (header: string, of: string, period: string): ColumnPlan => ({
  header,
  width: headerWidth(header),
  numberFormat: SHARE_FORMAT,
  description: `${of} ÷ Company ARR of the same ${period}; blank while Company ARR is blank or 0.`,
});

const sumColumn = (header: string, description: string): ColumnPlan => ({
  header,
  width: 14,
  numberFormat: MONEY_FORMAT,
  description,
});

function quartersTable(rows: readonly CompanyArrRow[]): TablePlan {
  const quarter = thisRow(TBL_ATTRIBUTION, c.quarter);
  const period = periodFormulas(TBL_ATTRIBUTION, `LEN(${quarter})=0`, quarter);
  return {
    name: TBL_ATTRIBUTION,
    topLeft: { row: HEADER_ROW, column: 0 },
    columns: [
      {
        header: c.quarter,
        width: 10,
        numberFormat: "@",
        description:
          "Written 2026-Q1, as the Quarterly data's Quarter column. Add a row for any other quarter.",
      },
      moneyColumn(
        c.companyArr,
        14,
        "The company's new ARR booked in the quarter, all channels (partners' deals included): the same measure as the partners' Sourced ARR, so that a share compares like with like."
      ),
      sumColumn(
        c.sourcedArr,
        "ARR partners sourced in the quarter: the Quarterly data's Sourced ARR of every partner."
      ),
      sumColumn(
        c.influencedArr,
        "ARR partners influenced but did not source in the quarter. Kept apart from sourced ARR: never added to it."
      ),
      shareColumn(c.sourcedShare, c.sourcedArr, "quarter"),
      shareColumn(c.influencedShare, c.influencedArr, "quarter"),
    ],
    rows: rows.map((r): CellPlan[] => [
      r.quarter,
      r.companyArr ?? null,
      period.sourced,
      period.influenced,
      period.share(c.sourcedArr),
      period.share(c.influencedArr),
    ]),
  };
}

function yearsTable(years: readonly number[]): TablePlan {
  const year = thisRow(TBL_ATTRIBUTION_YEARS, c.year);
  const period = periodFormulas(TBL_ATTRIBUTION_YEARS, `NOT(ISNUMBER(${year}))`, `${year}&"-Q*"`);
  const quarters = columnRef(TBL_ATTRIBUTION, c.quarter);
  const company = columnRef(TBL_ATTRIBUTION, c.companyArr);
  // Each of the four quarters has an amount: a year with a quarter missing has no ARR, and so no share.
  const complete = [1, 2, 3, 4]
    .map((n) => `COUNTIFS(${quarters},${year}&"-Q${n}",${company},">=0")>0`)
    .join(",");
  return {
    name: TBL_ATTRIBUTION_YEARS,
    topLeft: { row: HEADER_ROW, column: YEARS_LEFT },
    columns: [
      { header: c.year, width: headerWidth(c.year), numberFormat: "0" },
      sumColumn(c.sourcedArr, "ARR partners sourced in the year's four quarters."),
      sumColumn(
        c.influencedArr,
        "ARR partners influenced in the year's four quarters. Kept apart from sourced ARR: never added to it."
      ),
      sumColumn(
        c.companyArr,
        "The year's four quarters of Company ARR (left); blank until each of the four has its amount."
      ),
      shareColumn(c.sourcedShare, c.sourcedArr, "year"),
      shareColumn(c.influencedShare, c.influencedArr, "year"),
    ],
    rows: years.map((y): CellPlan[] => [
      y,
      period.sourced,
      period.influenced,
      formula(
        `IF(AND(ISNUMBER(${year}),${complete}),SUMIFS(${company},${quarters},${year}&"-Q*"),"")`
      ),
      period.share(c.sourcedArr),
      period.share(c.influencedArr),
    ]),
  };
}

/** A canonical label's year: "2026-Q1" → 2026. */
function yearOf(label: string): number {
  const quarter = parseQuarter(label);
  if (!quarter.ok) throw new Error(`attribution: ${label} is not a quarter`);
  return quarter.value.year;
}

/**
 * Attribution by period (issue 12): partner-sourced and partner-influenced ARR per quarter and per year, each
 * against the company's new ARR of the same period. The rows are the quarters from the year before the program
 * year through its last year, and any earlier quarter `companyArr` has an amount for (the sample's history); the
 * analyst types Company ARR and may add quarters.
 */
export function attributionSheetPlan(
  settings: Pick<ProgramSettings, "programYear" | "years">,
  companyArr: readonly CompanyArrRow[]
): SheetPlan {
  const known = new Map(companyArr.map((r) => [r.quarter, r.companyArr]));
  // Canonical labels ("2026-Q1") sort as text.
  const quarters = [
    ...new Set([...quarterLabels(attributionYears(settings)), ...known.keys()]),
  ].sort();
  const years = [...new Set(quarters.map(yearOf))];
  return {
    name: ATTRIBUTION_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Attribution by Period", style: "title" },
      {
        at: { row: 1, column: 0 },
        value:
          "Sourced ARR is the ARR partners sourced in the period, from the Quarterly data. " +
          "Influenced ARR is the ARR on deals partners influenced but did not source, kept apart and never added to sourced. " +
          "Company ARR is the company's new ARR booked in the period, all channels: type it per quarter. " +
          "Each share divides a period's partner ARR by the same period's Company ARR, never by another period's.",
        style: "note",
      },
      {
        at: { row: HEADER_ROW - 1, column: YEARS_LEFT },
        value: "By program year",
        style: "subtitle",
      },
    ],
    tables: [
      quartersTable(quarters.map((quarter) => ({ quarter, companyArr: known.get(quarter) }))),
      yearsTable(years),
    ],
  };
}
