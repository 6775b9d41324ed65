/**
 * Functions that take several arguments, each one value per row (pipeline, certified and practice of each
 * partner; model, ACV and rate of each deal), lined up the way Excel lines up columns of a table.
 */
import { invalidValue, rowsOf } from "./arguments";

/**
 * The values of each row, in argument order. A single value applies to every row (a TRUE typed once, a
 * target tier for all partners); a range must be one column, and every range as tall as the others.
 * `unit` names what a row is ("partner", "deal") in the messages.
 */
export function valuesPerRow(
  args: readonly (readonly [name: string, arg: unknown])[],
  unit: string
): unknown[][] {
  const columns = args.map(([name, arg]) => {
    const rows = rowsOf(arg);
    // reduce, not Math.max(...): a whole-column range would overflow the call stack.
    const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
    if (width > 1) {
      throw invalidValue(
        `${name} must be one value or a column with one value per ${unit}, not a range ${width} columns wide`
      );
    }
    return { name, cells: rows.map((row) => row[0]) };
  });
  const ranges = columns.filter((c) => c.cells.length > 1);
  const height = ranges[0]?.cells.length ?? 1;
  const unequal = ranges.find((c) => c.cells.length !== height);
  if (unequal) {
    throw invalidValue(
      `${ranges[0]!.name} has ${height} rows but ${unequal.name} has ${unequal.cells.length}: ` +
        `give ranges of the same height, one row per ${unit}`
    );
  }
  return Array.from({ length: height }, (_, i) =>
    columns.map((c) => (c.cells.length > 1 ? c.cells[i] : c.cells[0]))
  );
}

/** Messages of a spilled result say which row they are about; a one-row result needs no such prefix. */
export const rowPrefix = (rowCount: number, index: number, of = ""): string =>
  rowCount > 1 ? `row ${index + 1}${of}: ` : "";
