import { CellRef, ConditionalFormatPlan, TablePlan } from "./plan";

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const a1 = (ref: CellRef): string => `${columnLetters(ref.column)}${ref.row + 1}`;

export const rangeA1 = (first: CellRef, last: CellRef): string => `${a1(first)}:${a1(last)}`;

/** Excel tables need at least one data row; an empty plan gets one blank row. */
export const dataRowCount = (table: TablePlan): number => Math.max(1, table.rows.length);

/** The whole table, header included. */
export function tableRange(table: TablePlan): { first: CellRef; last: CellRef } {
  const { row, column } = table.topLeft;
  return {
    first: table.topLeft,
    last: { row: row + dataRowCount(table), column: column + table.columns.length - 1 },
  };
}

/** The header row, as an A1 range ("A3:K3"). */
export function headerRangeA1(table: TablePlan): string {
  const { first, last } = tableRange(table);
  return rangeA1(first, { row: first.row, column: last.column });
}

/** The data cells of one column (header excluded). */
export function columnDataRange(
  table: TablePlan,
  columnIndex: number
): { first: CellRef; last: CellRef } {
  const { row, column } = table.topLeft;
  return {
    first: { row: row + 1, column: column + columnIndex },
    last: { row: row + dataRowCount(table), column: column + columnIndex },
  };
}

/** Text Excel would evaluate if typed: it must be written as text, never as a formula. */
export const looksLikeFormula = (text: string): boolean => /^[=+\-@]/.test(text);

/**
 * The formula (no "=") of a conditional format that compares other cells than its own, relative to the
 * first data cell of the table's `index`th column, so it moves down the rows as both hosts apply it.
 */
export function conditionFormula(
  table: TablePlan,
  index: number,
  format: Extract<ConditionalFormatPlan, { kind: "textWhileAtLeast" }>
): string {
  const row = table.topLeft.row + 1;
  const other = table.columns.findIndex((c) => c.header === format.column);
  if (other < 0) throw new Error(`${table.name} has no column ${format.column}`);
  const own = a1({ row, column: table.topLeft.column + index });
  const theirs = a1({ row, column: table.topLeft.column + other });
  return `AND(${own}="${format.text.replace(/"/g, '""')}",${theirs}>=${format.value})`;
}
