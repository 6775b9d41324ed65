import { formatQuarter } from "./quarters";

/**
 * Attribution by period (issue 12): the ARR partners sourced and the ARR they influenced, per quarter and per
 * year, each set against the company's own new ARR of the same period. Sourced and influenced are two measures
 * of overlapping deals, so they are never added together; a share is computed only against the ARR of its own
 * period, never against a year's ARR for several years' deals.
 *
 * These functions compute exactly what the Attribution sheet's formulas compute (SUMIFS, COUNTIFS), so that a
 * recalculated workbook can be checked against them: labels are matched ignoring case, as SUMIFS matches, and a
 * year's quarters are the labels starting "2026-Q", as the criterion `2026-Q*` selects them.
 */

/** A row of the quarterly data as far as attribution reads it: undefined where the cell is not a number. */
export interface PartnerArrRow {
  readonly quarter: string;
  readonly sourcedArr: number | undefined;
  readonly influencedArr: number | undefined;
}

/** A row of the company's own ARR: its new ARR booked in the quarter, all channels; undefined while unknown. */
export interface CompanyArrRow {
  readonly quarter: string;
  readonly companyArr: number | undefined;
}

/** One period's figures; a share is undefined where the company's ARR is unknown or not above 0. */
export interface PeriodAttribution {
  readonly sourcedArr: number;
  readonly influencedArr: number;
  readonly companyArr: number | undefined;
  readonly sourcedShare: number | undefined;
  readonly influencedShare: number | undefined;
}

export interface QuarterAttribution extends PeriodAttribution {
  readonly quarter: string;
}

export interface YearAttribution extends PeriodAttribution {
  readonly year: number;
}

/** The years attribution is kept for: the year before the program year (the baseline) through its last year. */
export function attributionYears(settings: {
  readonly programYear: number;
  readonly years: number;
}): number[] {
  return Array.from({ length: settings.years + 1 }, (_, i) => settings.programYear - 1 + i);
}

/** Every quarter label of `years`, in order: "2026-Q1" … "2029-Q4". */
export const quarterLabels = (years: readonly number[]): string[] =>
  years.flatMap((year) =>
    ([1, 2, 3, 4] as const).map((quarter) => formatQuarter({ year, quarter }))
  );

/** A share of the period's ARR, or undefined while that ARR is unknown or 0. */
const shareOf = (part: number, whole: number | undefined): number | undefined =>
  whole !== undefined && whole > 0 ? part / whole : undefined;

function period(
  rows: readonly PartnerArrRow[],
  matches: (label: string) => boolean,
  companyArr: number | undefined
): PeriodAttribution {
  let sourcedArr = 0;
  let influencedArr = 0;
  for (const row of rows) {
    if (!matches(row.quarter.toUpperCase())) continue;
    sourcedArr += row.sourcedArr ?? 0;
    influencedArr += row.influencedArr ?? 0;
  }
  return {
    sourcedArr,
    influencedArr,
    companyArr,
    sourcedShare: shareOf(sourcedArr, companyArr),
    influencedShare: shareOf(influencedArr, companyArr),
  };
}

/** Each company row's quarter: the partners' sums for its label and the shares of that row's own ARR. */
export function attributionByQuarter(
  partners: readonly PartnerArrRow[],
  company: readonly CompanyArrRow[]
): QuarterAttribution[] {
  return company.map(({ quarter, companyArr }) => {
    const label = quarter.toUpperCase();
    return { quarter, ...period(partners, (l) => l === label, companyArr) };
  });
}

/**
 * Each year's sums over its quarters. The company's ARR of a year is the sum of its quarters' rows, known only
 * when each of the four quarters has a row with an amount (0 or more): a year with a quarter missing has no share,
 * rather than a share inflated by the missing quarter.
 */
export function attributionByYear(
  partners: readonly PartnerArrRow[],
  company: readonly CompanyArrRow[],
  years: readonly number[]
): YearAttribution[] {
  return years.map((year) => {
    const prefix = `${year}-Q`;
    const inYear = (label: string) => label.startsWith(prefix);
    const rows = company.filter((r) => inYear(r.quarter.toUpperCase()));
    const complete = quarterLabels([year]).every((label) =>
      rows.some((r) => r.quarter.toUpperCase() === label && (r.companyArr ?? -1) >= 0)
    );
    const companyArr = complete ? rows.reduce((sum, r) => sum + (r.companyArr ?? 0), 0) : undefined;
    return { year, ...period(partners, inYear, companyArr) };
  });
}
