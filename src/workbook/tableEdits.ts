import { Scalar } from "./plan";

/** One cell an edit sets, by its table column's header. */
export interface ColumnValue {
  readonly column: string;
  readonly value: Scalar;
}

/**
 * Changes to the rows of one existing table, as data: what an import decided, for the file host (and
 * the Excel host) to apply. Nothing here names a cell it does not change: a column an edit does not name
 * keeps its value, formula columns compute themselves, and rows not mentioned are left alone.
 */
export interface TableRowEdits {
  /** The table's name, matched ignoring case as Excel does. */
  readonly table: string;
  /** Cells of existing data rows to set; `dataRow` counts from 0 within the table's data body. */
  readonly updates: readonly {
    readonly dataRow: number;
    readonly column: string;
    readonly value: Scalar;
  }[];
  /** New rows appended at the table's end; columns not named stay blank (formula columns compute). */
  readonly appends: readonly (readonly ColumnValue[])[];
}
