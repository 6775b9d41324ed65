import { rangeA1 } from "../workbook/address";
import { TablePlan } from "../workbook/plan";
import { PreparedTable, prepareTable, writeRows } from "./applyPlan";
import { FoundTable } from "./readProgramTables";
import { cost, RequestBatch } from "./requestBatch";

/** A generated table's rows as Range.formulas takes them; no rows is one blank row, as a new table has. */
export function prepareRows(table: TablePlan): PreparedTable {
  const blank = [table.columns.map(() => null)];
  return prepareTable(table.rows.length > 0 ? table : { ...table, rows: blank });
}

/**
 * Replaces the data rows of a table of generated output: makes it as tall as the new rows, deleting or inserting
 * rows inside it (which also moves whatever sits below it, never over it), then writes the rows over its data body
 * in blocks. The rows must have the table's columns.
 */
export async function replaceRows(
  batch: RequestBatch,
  found: FoundTable,
  rows: PreparedTable
): Promise<void> {
  const { first, last } = found.range;
  const sheet = found.table.worksheet;
  const across = (top: number, bottom: number) =>
    rangeA1({ row: top, column: first.column }, { row: bottom, column: last.column });
  const before = last.row - first.row;
  const after = rows.rows.length;
  if (after < before) {
    const surplus = across(first.row + 1 + after, last.row);
    await batch.reserve(cost(surplus, "Up"));
    sheet.getRange(surplus).delete("Up");
  } else if (after > before) {
    // Inserted at the last data row, the rows are inside the table, which grows by them.
    const room = across(last.row, last.row + after - before - 1);
    await batch.reserve(cost(room, "Down"));
    sheet.getRange(room).insert("Down");
  }
  await writeRows(batch, sheet, { ...rows, plan: { ...rows.plan, topLeft: first } });
}
