import { CellRef } from "../workbook/plan";

/** A block of cells on a named sheet, zero-based and inclusive. */
export interface SheetRange {
  readonly sheet: string;
  readonly first: CellRef;
  readonly last: CellRef;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;

/** "C7" (or "$C$7") as a zero-based cell; undefined when it is not one. */
export function parseCell(address: string): CellRef | undefined {
  const m = CELL.exec(address.toUpperCase());
  if (!m) return undefined;
  const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  return row >= 0 ? { row, column } : undefined;
}

/**
 * `Range.address` as Excel writes it: "Quarterly!A3:J25", "'Tier Review'!A3:K40", "'O''Brien''s'!B2". The sheet
 * name is quoted when it holds anything but letters, digits and underscores, with its apostrophes doubled.
 */
export function parseRangeAddress(address: string): SheetRange {
  const bang = address.lastIndexOf("!");
  const quoted = address.slice(0, bang);
  const sheet =
    quoted.startsWith("'") && quoted.endsWith("'")
      ? quoted.slice(1, -1).replace(/''/g, "'")
      : quoted;
  const [from = "", to = from] = address.slice(bang + 1).split(":");
  const first = parseCell(from);
  const last = parseCell(to);
  if (bang <= 0 || !first || !last)
    throw new Error(`Excel gave an address it never gives: ${address}`);
  return { sheet, first, last };
}
