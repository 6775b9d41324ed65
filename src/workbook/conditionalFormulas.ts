import { a1 } from "./address";
import { CellRef, ConditionalFormatPlan, TablePlan } from "./plan";

/**
 * `=AND(C20="Error",D20>=1)`: a text rule that holds only where another column of the row reaches a count, written
 * for the range's first cell (Excel moves the references with each cell); undefined for a plain text rule.
 */
export function onlyWhereFormula(
  table: TablePlan,
  format: Extract<ConditionalFormatPlan, { kind: "textEquals" }>,
  first: CellRef
): string | undefined {
  if (format.onlyWhere === undefined) return undefined;
  const other = table.columns.findIndex((c) => c.header === format.onlyWhere!.column);
  if (other < 0) throw new Error(`${table.name} has no ${format.onlyWhere.column} column`);
  const count = a1({ row: first.row, column: table.topLeft.column + other });
  const text = format.text.replace(/"/g, '""');
  return `=AND(${a1(first)}="${text}",${count}>=${format.onlyWhere.atLeast})`;
}
