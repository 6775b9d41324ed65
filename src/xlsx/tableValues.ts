import { ProgramTableSet, tableSet } from "../workbook/healthCheck";
import { TableValues } from "../workbook/readProgram";
import type { TableContents } from "./readTables";

/**
 * A table read from a workbook as values: error values as their text ("#N/A"), a formula never calculated as its
 * text, so that a finding quotes what the user sees, or, with `formulas` "keep", as the Formula itself, for rules
 * that must tell an unknown value from a typed one (isUncomputed). `sheet` names it in findings (the sheet, by
 * default).
 */
export const tableValues = (
  table: TableContents,
  sheet = table.sheet,
  formulas: "text" | "keep" = "text"
): TableValues => ({
  sheet,
  header: table.header,
  rows: table.rows.map((row) =>
    row.map((cell) =>
      cell === null || typeof cell !== "object" || cell instanceof Date
        ? cell
        : "error" in cell
          ? cell.error
          : formulas === "keep"
            ? cell
            : cell.formula
    )
  ),
  topLeft: table.topLeft,
});

/**
 * A workbook's tables as the health check reads them, by name (ignoring case): formulas never computed kept as
 * such, so no rule judges them by a value they do not have yet. What `validate` and the page's "Validate a file"
 * both check.
 */
export const programTableSet = (tables: ReadonlyMap<string, TableContents>): ProgramTableSet =>
  tableSet([...tables].map(([name, t]) => [name, tableValues(t, t.sheet, "keep")] as const));
