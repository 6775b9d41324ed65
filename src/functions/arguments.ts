/**
 * What Excel passes to a custom function, turned into cells, and problems turned into the errors Excel shows.
 *
 * Parameters that may receive a range are declared as matrices (`unknown[][]`): Excel then passes a single
 * value as a 1×1 matrix and a range as rows of cells. An optional argument that is left out arrives as null
 * (TypeScript default values never apply), and is treated here like one blank cell.
 */

import { isBlank } from "../domain/cells";

/** One result cell: a value, or the error Excel shows in that cell. */
export type Cell<T> = T | CustomFunctions.Error;

export { isBlank } from "../domain/cells";

/**
 * The rows of a matrix argument, as a rectangle. A lone value, an omitted argument or an empty array is one row of
 * one cell.
 */
export function rowsOf(arg: unknown): unknown[][] {
  if (!Array.isArray(arg)) return [[arg]];
  const rows: unknown[][] = arg.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  if (width === 0) return [[null]];
  // Excel passes rectangles; ragged rows (a caller's own array) are read as their rectangle, blanks filling it,
  // so that what spills back is a rectangle too.
  return rows.map((row) =>
    row.length === width ? row : [...row, ...new Array<null>(width - row.length).fill(null)]
  );
}

/** All cells of an argument, row by row. */
export const cellsOf = (arg: unknown): unknown[] => rowsOf(arg).flat();

/** Left out, or given as one blank cell. */
export function isOmitted(arg: unknown): boolean {
  const cells = cellsOf(arg);
  return cells.length === 1 && isBlank(cells[0]);
}

/** A cell's value as an analyst would recognise it in a message. */
export function showCell(v: unknown): string {
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return `a ${typeof v} value`;
}

/** #VALUE!: the input is wrong; the message says which argument and why. */
export const invalidValue = (message: string): CustomFunctions.Error =>
  new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);

/** #N/A: nothing is wrong, the answer is not available yet (for example a partner not yet rated). */
export const notAvailable = (message: string): CustomFunctions.Error =>
  new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);

/**
 * The result of a function that may spill. Errors inside a multi-cell result stay in their own cells
 * (CustomFunctionsRuntime 1.2), so one bad row does not hide the others; a one-cell error is thrown, the
 * documented way to put an error in the calling cell.
 */
export function spill<T>(rows: Cell<T>[][]): Cell<T>[][] {
  const only = rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0] : undefined;
  if (only instanceof CustomFunctions.Error) throw only;
  return rows;
}
