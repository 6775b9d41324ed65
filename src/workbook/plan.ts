import type { StyleName, Tone } from "./styles";

/**
 * A WorkbookPlan is plain data describing sheets, tables, values, formulas and formats. The Excel host
 * (src/excel) and the file host (src/xlsx) render the same plan; nothing here knows either of them.
 */

/** A constant. Strings are always text, even when they start with "=": formulas are `Formula`s. */
export type Scalar = string | number | boolean | null;

/** A formula in Excel's English syntax, starting with "=". Structured references are allowed. */
export interface Formula {
  readonly formula: string;
}

export type CellPlan = Scalar | Formula;

export const isFormula = (c: CellPlan): c is Formula => typeof c === "object" && c !== null;

/** Zero-based position of a cell on its sheet. */
export interface CellRef {
  readonly row: number;
  readonly column: number;
}

export type ValidationPlan =
  | { readonly kind: "list"; readonly values: readonly string[] }
  | { readonly kind: "decimal"; readonly min: number; readonly max: number }
  | { readonly kind: "whole"; readonly min: number; readonly max: number };

/** Conditional formats apply to a column's data cells, in a tone of the palette (styles.ts) where the rule holds. */
export type ConditionalFormatPlan = (
  | { readonly kind: "atLeast"; readonly value: number }
  | { readonly kind: "lessThan"; readonly value: number }
  | { readonly kind: "between"; readonly min: number; readonly max: number }
  | { readonly kind: "textEquals"; readonly text: string }
  /** The cell reads `text` and the same row's `column` (a header of the table) is at least `value`. */
  | {
      readonly kind: "textWhileAtLeast";
      readonly text: string;
      readonly column: string;
      readonly value: number;
    }
) & { readonly tone: Tone };

export interface ColumnPlan {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  /** Excel number format code, e.g. "0.0", "$#,##0", "yyyy-mm-dd", "@". */
  readonly numberFormat?: string;
  readonly validation?: ValidationPlan & { readonly message: string };
  readonly conditionalFormats?: readonly ConditionalFormatPlan[];
  /** Shown as the header cell's note: what the column means, in the playbook's words. */
  readonly description?: string;
  /**
   * Number formats of single data cells, by data row, overriding `numberFormat` where one is given: a
   * key/value table whose Value column holds money in one row and a percentage in the next.
   */
  readonly rowNumberFormats?: readonly (string | undefined)[];
  /** Long text (benefits, rationale, objectives): the data cells wrap within the width ("wrapped" style). */
  readonly wrap?: boolean;
  /**
   * For a wrapped column of formulas, the text each row's formula shows with the plan's settings: rows are sized by
   * it, since no host computes a formula before it is written.
   */
  readonly formulaText?: readonly string[];
}

export interface TablePlan {
  /** Excel table name (tblScoring). Unique in the workbook, ignoring case. */
  readonly name: string;
  /** Position of the header row's first cell. */
  readonly topLeft: CellRef;
  readonly columns: readonly ColumnPlan[];
  /** One array per data row, one cell per column. An empty table is written with one blank row. */
  readonly rows: readonly (readonly CellPlan[])[];
  /** A summary block to read, not a list to filter: no filter buttons on its header. */
  readonly noFilterButtons?: boolean;
}

/** A cell outside any table: a sheet title, a note, a label, a headline figure. */
export interface LooseCellPlan {
  readonly at: CellRef;
  readonly value: CellPlan;
  readonly style: StyleName;
  /** The figure's own number format (money, a percentage, a date), over the style's. */
  readonly numberFormat?: string;
}

/** One series of a chart: a column of the chart's table. */
export interface ChartSeriesPlan {
  /** Header of the column whose data cells size the series; the header names it in the legend. */
  readonly column: string;
  /** Drawn as a line over the chart's bars (a target), rather than as bars. */
  readonly line?: boolean;
}

/**
 * A chart over one table: its category column labels the bars, each series is another of its columns. Both hosts
 * draw it: the Excel host through Office.js, the file host as a DrawingML chart part.
 */
export interface ChartPlan {
  readonly kind: "column" | "bar";
  readonly title: string;
  /** The table holding the data, on any sheet. */
  readonly table: string;
  /** Header of the column that labels the bars. */
  readonly categoryColumn: string;
  /** At least one; the legend shows when there are several. */
  readonly series: readonly [ChartSeriesPlan, ...ChartSeriesPlan[]];
  /** Top-left cell of the chart on its sheet. */
  readonly at: CellRef;
  /** How many of the sheet's columns and rows the chart covers from `at`. */
  readonly size: { readonly columns: number; readonly rows: number };
}

export interface SheetPlan {
  /** At most 31 characters, none of : \ / ? * [ ]; unique in the workbook, ignoring case. */
  readonly name: string;
  readonly tables: readonly TablePlan[];
  readonly cells: readonly LooseCellPlan[];
  /** Rows above the first scrolling row (usually through the first table's header). */
  readonly freezeRows: number;
  /** Charts over the sheets' tables, which carry the same figures as formulas. */
  readonly charts?: readonly ChartPlan[];
  /** Hides the grid lines (a dashboard reads as a page, not as a grid). */
  readonly hideGridlines?: boolean;
  /**
   * How many columns from A name a row (Partner; Decision ID and capability), printed at the left of every page;
   * 1 when absent.
   */
  readonly keyColumns?: number;
}

export type FormulaMode = "addin" | "portable";

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
}
