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
  readonly worksheets: NamedCollection & {
    add(name: string): ExcelWorksheet;
    /** Requests with it fail with ItemNotFound when the sheet does not exist. */
    getItem(name: string): ExcelWorksheet;
    getItemOrNullObject(name: string): ExcelWorksheet & NullableObject;
  };
  readonly tables: NamedCollection & { getItemOrNullObject(name: string): ExcelTableInWorkbook };
  /** ExcelApi 1.7: the active cell of the selection. */
  getActiveCell(): ExcelRange;
}

/**
 * What an `*OrNullObject` call returns: never null, but a proxy whose `isNullObject` the next sync sets. Excel loads
 * it with the sync, without a `load`; a range or value reached through a null object is a null object too.
 */
export interface NullableObject {
  readonly isNullObject: boolean;
}

/** A table that may already be in the workbook, found by name. */
export interface ExcelTableInWorkbook extends NullableObject {
  /** ExcelApi 1.2. */
  readonly worksheet: ExcelWorksheet;
  /** Header and data rows. */
  getRange(): ExcelRange;
  getHeaderRowRange(): ExcelRange;
  getDataBodyRange(): ExcelRange;
  /**
   * ExcelApi 1.1. `add(undefined, values)` appends rows at the table's end, moving the cells below it down; `values`
   * are typed as Range.formulas takes them, one entry per column.
   */
  readonly rows: { add(index: undefined, values: CellInput[][]): unknown };
}

export interface ExcelWorksheet {
  readonly tables: { add(address: string, hasHeaders: boolean): ExcelTable };
  /** ExcelApi 1.1. The source range may be on another sheet. */
  readonly charts: {
    add(type: ChartType, sourceData: ExcelRange, seriesBy: "Columns"): ExcelChart;
  };
  readonly freezePanes: { freezeRows(count: number): void };
  /** ExcelApi 1.8. */
  showGridlines: boolean;
  /** ExcelApi 1.9: how the sheet prints. */
  readonly pageLayout: ExcelPageLayout;
  /** ExcelApi 1.18. */
  readonly notes: { add(cellAddress: string, content: string): unknown };
  getRange(address: string): ExcelRange;
  /** ExcelApi 1.9: several ranges of the sheet as one ("C5:E5,F7"), formatted together. */
  getRanges(address: string): { readonly conditionalFormats: ExcelConditionalFormats };
  activate(): void;
}

export interface ExcelPageLayout {
  orientation: Excel.PageLayout["orientation"];
  /** `verticalFitToPages: 0`: as many pages tall as the sheet needs (OOXML's fitToHeight="0"). */
  zoom: Excel.PageLayoutZoomOptions;
  /** A1 addresses on the sheet: "A1:K40", rows "$1:$3", columns "$A:$A". */
  setPrintArea(address: string): void;
  setPrintTitleRows(address: string): void;
  setPrintTitleColumns(address: string): void;
}

export interface ExcelTable {
  name: string;
  style: string;
  /** ExcelApi 1.3: the header's filter buttons. */
  showFilterButton: boolean;
}

/** The chart types the plans draw, by the names `Excel.ChartType` gives them (that enum exists only inside Office). */
export type ChartType = "ColumnClustered" | "BarClustered" | "Line";

export interface ExcelChartSeries {
  /** ExcelApi 1.1: the name the legend shows. */
  name: string;
  /** ExcelApi 1.7: this series drawn otherwise than the chart (a line over bars). */
  chartType: Excel.ChartSeries["chartType"];
  /** ExcelApi 1.7: the values, from any range of the workbook. */
  setValues(sourceData: ExcelRange): void;
  /** ExcelApi 1.7: the category labels, from any range of the workbook. */
  setXAxisValues(sourceData: ExcelRange): void;
}

export interface ExcelChart {
  readonly title: { text: string };
  readonly legend: { visible: boolean; position: Excel.ChartLegend["position"] };
  /** Cells of the chart's own sheet: its top-left corner and, optionally, its bottom-right one. */
  setPosition(startCell: string, endCell?: string): void;
  readonly axes: {
    readonly categoryAxis: {
      /** ExcelApi 1.7: categories from the far end (horizontal bars listed top down, as in their table). */
      reversePlotOrder: boolean;
      /** ExcelApi 1.8: where the value axis crosses this one. */
      position: Excel.ChartAxis["position"];
    };
  };
  readonly series: {
    getItemAt(index: number): ExcelChartSeries;
    /** ExcelApi 1.7: a new series at the end, with no values yet. */
    add(name: string): ExcelChartSeries;
  };
}

/** What a range's `load` asks for; read only after the sync that follows it. */
export type RangeProperty = "values" | "formulas" | "address";

export interface ExcelRange {
  /**
   * Written: what each cell gets, as typed. Read once loaded: each formula as written, each constant as its value
   * ("" for an empty cell; text kept from evaluation by an apostrophe comes back without it).
   */
  formulas: CellInput[][];
  /**
   * What the cells show once loaded: numbers, text ("" for an empty cell), booleans, a formula's result. Dates are
   * serial numbers.
   */
  readonly values: unknown[][];
  /** Once loaded: the sheet-qualified A1 address, "Quarterly!A1:J25" or "'Tier Review'!B3:J40". */
  readonly address: string;
  load(propertyNames: RangeProperty[]): unknown;
  /** Removes the cells and moves the cells below up: inside a table, its rows go with them. */
  delete(shift: "Up"): void;
  /** Moves the cells down to make room: inside a table's data rows, the table grows by the rows inserted. */
  insert(shift: "Down"): unknown;
  /** Makes the range the selection; its sheet must be the active one. */
  select(): void;
  /** ExcelApi 1.2: one cell over the whole range (`across`: one per row); the top-left cell's value stays. */
  merge(across: boolean): void;
  /** ExcelApi 1.1: the range's last row. */
  getLastRow(): ExcelRange;
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
  readonly conditionalFormats: ExcelConditionalFormats;
}

export interface ExcelRangeFormat {
  /** Points. */
  columnWidth: number;
  /** Points. */
  rowHeight: number;
  wrapText: boolean;
  horizontalAlignment: Excel.RangeFormat["horizontalAlignment"];
  verticalAlignment: Excel.RangeFormat["verticalAlignment"];
  /** ExcelApi 1.2: each row as tall as its wrapped text needs. */
  autofitRows(): void;
  readonly font: ExcelFont;
  /** The cells' own fill, drawn over a table style's banding; `clear` removes it and the banding shows again. */
  readonly fill: { color: string; clear(): void };
}

export interface ExcelFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

/** ExcelApi 1.6: the conditional formats that apply to a range. */
export interface ExcelConditionalFormats {
  add(type: "CellValue"): ExcelConditionalFormat;
  add(type: "Custom"): ExcelCustomConditionalFormat;
  /** "items/id,items/customOrNullObject/rule/formula": what is read of them. */
  load(propertyNames: string): unknown;
  /** Once loaded: every conditional format that touches the range. */
  readonly items: readonly ExcelLoadedConditionalFormat[];
}

/** A conditional format read back: a custom one's formula tells whose it is. */
export interface ExcelLoadedConditionalFormat {
  readonly id: string;
  readonly customOrNullObject: NullableObject & { readonly rule: { readonly formula: string } };
  delete(): void;
}

/** A rule by formula: the cells are formatted where the formula is TRUE. */
export interface ExcelCustomConditionalFormat {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}

export interface ExcelConditionalFormat {
  readonly cellValue: {
    rule: Excel.ConditionalCellValueRule;
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}
