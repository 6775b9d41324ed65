/**
 * The part of the Excel object model this host uses, as structural types. `Excel.RequestContext` satisfies
 * `ExcelContext` (scaffold.ts hands the real one to applyPlan, so the compiler checks it), and the recording fake in
 * test/unit/excel implements exactly these types: a call the host starts to use must be declared here first, which
 * makes the fake's compiler ask for it.
 */

/** What `Range.formulas` accepts per cell: text, a number, a boolean, or a formula starting with "=". */
export type CellInput = string | number | boolean;

export interface ExcelContext {
  readonly workbook: ExcelWorkbook;
  readonly application: ExcelApplication;
  sync(): Promise<unknown>;
}

export interface ExcelApplication {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
}

/** A collection whose item names are read in one round trip with `load("items/name")`. */
export interface NamedCollection {
  readonly items: readonly { readonly name: string }[];
  load(propertyNames: "items/name"): unknown;
}

export interface ExcelWorkbook {
  readonly worksheets: NamedCollection & { add(name: string): ExcelWorksheet };
  readonly tables: NamedCollection;
}

export interface ExcelWorksheet {
  readonly tables: { add(address: string, hasHeaders: boolean): ExcelTable };
  readonly freezePanes: { freezeRows(count: number): void };
  /** ExcelApi 1.18. */
  readonly notes: { add(cellAddress: string, content: string): unknown };
  getRange(address: string): ExcelRange;
  activate(): void;
}

export interface ExcelTable {
  name: string;
  style: string;
}

export interface ExcelRange {
  formulas: CellInput[][];
  /**
   * A single value applies to every cell of the range (Microsoft's "Update all cells in a range"), which is how a
   * column is formatted without sending one string per cell; @types/office-js only types the 2-D form.
   */
  numberFormat: string | string[][];
  readonly format: ExcelRangeFormat;
  readonly dataValidation: {
    rule: Excel.DataValidationRule;
    errorAlert: Excel.DataValidationErrorAlert;
  };
  readonly conditionalFormats: { add(type: "CellValue"): ExcelConditionalFormat };
}

export interface ExcelRangeFormat {
  /** Points. */
  columnWidth: number;
  readonly font: ExcelFont;
}

export interface ExcelFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

export interface ExcelConditionalFormat {
  readonly cellValue: {
    rule: Excel.ConditionalCellValueRule;
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}
