import { TableValues } from "../workbook/readProgram";
import type { TableContents } from "./readTables";

/**
 * A table read from a workbook as values: error values as their text ("#N/A"), a formula never calculated as its
 * text, so that a finding quotes what the user sees. `sheet` names it in findings (the sheet, by default).
 */
export const tableValues = (table: TableContents, sheet = table.sheet): TableValues => ({
  sheet,
  header: table.header,
  rows: table.rows.map((row) =>
    row.map((cell) =>
      cell === null || typeof cell !== "object" || cell instanceof Date
        ? cell
        : "error" in cell
          ? cell.error
          : cell.formula
    )
  ),
  topLeft: table.topLeft,
});
