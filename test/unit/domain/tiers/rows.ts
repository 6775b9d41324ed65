/**
 * Builds tblQuarterly rows for tests and the bench: header on row 1, data from row 2, columns A–J in
 * QUARTERLY_COLUMNS order, so every cell has the address it would have on the sheet. Free of jest.
 */
import { RawCell } from "../../../../src/domain/findings";
import { QuarterlyRow } from "../../../../src/domain/tiers";

/** One row's values. An optional column is present only when its key is given (even as undefined). */
export interface QuarterLine {
  readonly partner: unknown;
  readonly quarter: unknown;
  readonly pipeline: unknown;
  readonly certified: unknown;
  readonly practice: unknown;
  readonly tier: unknown;
  readonly sourced?: unknown;
  readonly influenced?: unknown;
  readonly activities?: unknown;
  readonly review?: unknown;
}

export function quarterlyRow(line: QuarterLine, sheetRow: number): QuarterlyRow {
  const at = (column: string, value: unknown): RawCell => ({ value, cell: `${column}${sheetRow}` });
  return {
    partner: at("A", line.partner),
    quarter: at("B", line.quarter),
    pipeline: at("C", line.pipeline),
    ...("sourced" in line && { sourcedArr: at("D", line.sourced) }),
    ...("influenced" in line && { influencedArr: at("E", line.influenced) }),
    certified: at("F", line.certified),
    dedicatedPractice: at("G", line.practice),
    ...("activities" in line && { jointGtmActivities: at("H", line.activities) }),
    ...("review" in line && { businessReviewHeld: at("I", line.review) }),
    recordedTier: at("J", line.tier),
  };
}

export const quarterlyRows = (lines: readonly QuarterLine[]): QuarterlyRow[] =>
  lines.map((line, i) => quarterlyRow(line, i + 2));

/** Every cell address of the rows, to check that findings cite cells that exist. */
export function cellsOf(rows: readonly QuarterlyRow[]): Set<string> {
  const cells = new Set<string>();
  for (const row of rows) for (const cell of Object.values(row) as RawCell[]) cells.add(cell.cell);
  return cells;
}
