import {
  a1,
  columnDataRange,
  dataRowCount,
  columnLetters,
  looksLikeFormula,
  rangeA1,
  tableRange,
  conditionFormula,
  headerRangeA1,
} from "../workbook/address";
import {
  CellPlan,
  ColumnPlan,
  ConditionalFormatPlan,
  isFormula,
  SheetPlan,
  TablePlan,
  ValidationPlan,
  WorkbookPlan,
} from "../workbook/plan";
import {
  CellInput,
  ExcelApplication,
  ExcelContext,
  ExcelWorkbook,
  ExcelWorksheet,
} from "./excelModel";
import { AddedTables, drawCharts, LocatedChart, locateCharts, queueChartTables } from "./charts";
import { drawLook } from "./drawLook";
import { cost, jsonBytes, OPERATION_OVERHEAD, RequestBatch } from "./requestBatch";
import { headerRowHeights, looseRowHeights, printLayout, wideNotes } from "../workbook/layout";
import { looseCellLook, lookOf, TONES } from "../workbook/styles";

export interface ApplyReport {
  /** Sheets added, in plan order. */
  readonly created: string[];
  /** Sheets of the plan that already existed (ignoring case) and were left exactly as they were. */
  readonly kept: string[];
  /** `context.sync` calls made. */
  readonly syncs: number;
  /** Estimated request bytes queued (see requestBatch.ts). */
  readonly bytes: number;
  /** Charts drawn on the sheets added. */
  readonly charts: number;
  /** For each planned chart of an added sheet that was not drawn, a sentence saying why. */
  readonly chartsLeftOut: string[];
}

/** Optional Excel capabilities; the caller detects them from requirement sets (scaffold.ts). */
export interface HostFeatures {
  /** ExcelApi 1.6: no recalculation while a request is applied. */
  readonly suspendCalculation: boolean;
  /** ExcelApi 1.9: no repainting while a request is applied. */
  readonly suspendScreenUpdating: boolean;
  /** ExcelApi 1.18: column descriptions become notes on the header cells (skipped without it). */
  readonly notes: boolean;
  /** ExcelApi 1.7: charts, whose labels may come from a column apart from the values (left out without it). */
  readonly charts: boolean;
  /** ExcelApi 1.9: several ranges formatted as one (validation marks its findings with a few formats, not one each). */
  readonly rangeAreas: boolean;
  /** ExcelApi 1.9: each added sheet prints one page wide with its titles (Excel's defaults without it). */
  readonly pageLayout: boolean;
}

export const NO_OPTIONAL_FEATURES: HostFeatures = {
  suspendCalculation: false,
  suspendScreenUpdating: false,
  notes: false,
  charts: false,
  rangeAreas: false,
  pageLayout: false,
};

/** Why a host without ExcelApi 1.7 leaves a chart out. */
const CHARTS_NEED =
  "this version of Excel cannot draw it (it needs Excel 2019, Excel for the web or Microsoft 365)";

export const TABLE_STYLE = "TableStyleMedium2";

/** Excel caps a validation list's source at 255 characters, and a data-validation alert title at 32. */
const MAX_LIST_SOURCE = 255;
const MAX_ALERT_TITLE = 32;

/** Hears, after each request, how many of the data rows being written Excel now holds, and how many there are. */
export type RowsWritten = (written: number, total: number) => void;

/**
 * Adds the plan's missing sheets to the workbook. A sheet that already exists is never touched, and a table whose
 * name is already used anywhere in the workbook is not added again, so the user's data is never lost and a second
 * run changes nothing. One sync reads the existing names (and where the tables charts draw from are); the writes
 * follow in requests kept under the budget of requestBatch.ts: structure (sheets, headers, tables) first so that
 * structured references resolve, then values and formulas, then formats, then the added sheets' charts, in the last
 * request. The first created sheet is activated in the last request.
 */
export async function applyPlan(
  context: ExcelContext,
  plan: WorkbookPlan,
  features: HostFeatures = NO_OPTIONAL_FEATURES,
  onRows: RowsWritten = () => undefined
): Promise<ApplyReport> {
  const { worksheets, tables } = context.workbook;
  worksheets.load("items/name");
  tables.load("items/name");
  const charted: ReturnType<typeof queueChartTables> = features.charts
    ? queueChartTables(
        context.workbook,
        plan.sheets.flatMap((s) => s.charts ?? [])
      )
    : new Map();
  await context.sync();
  const existingSheets = lowerCaseNames(worksheets.items);
  const existingTables = lowerCaseNames(tables.items);

  const kept = plan.sheets
    .filter((s) => existingSheets.has(s.name.toLowerCase()))
    .map((s) => s.name);
  const prepared = plan.sheets
    .filter((s) => !existingSheets.has(s.name.toLowerCase()))
    .map((s) => prepareSheet(s, existingTables));
  const added: AddedTables = new Map(
    prepared.flatMap((p) =>
      p.tables.map(
        (t) => [t.plan.name.toLowerCase(), { sheet: p.plan.name, plan: t.plan }] as const
      )
    )
  );
  const charts = prepared.map((p) => {
    const planned = p.plan.charts ?? [];
    if (!features.charts) {
      const leftOut = planned.map((c) => `The chart "${c.title}" was left out: ${CHARTS_NEED}.`);
      return { located: [] as LocatedChart[], leftOut };
    }
    return locateCharts(planned, added, charted);
  });

  const rows = prepared.reduce((n, p) => n + p.tables.reduce((m, t) => m + t.rows.length, 0), 0);
  const batch = new RequestBatch(
    context,
    () => startRequest(context.application, features),
    (written) => onRows(written, rows)
  );
  const created = await addSheets(batch, worksheets, prepared, features);
  for (const [i, sheet] of created.entries())
    await drawCharts(batch, worksheets, sheet, charts[i]!.located);
  const first = created[0];
  if (first) {
    await batch.reserve(OPERATION_OVERHEAD);
    first.activate();
  }
  await batch.flush();

  return {
    created: prepared.map((p) => p.plan.name),
    kept,
    syncs: 1 + batch.syncs,
    bytes: batch.bytes,
    charts: charts.reduce((n, c) => n + c.located.length, 0),
    chartsLeftOut: charts.flatMap((c) => c.leftOut),
  };
}

/**
 * Adds prepared sheets (the caller knows they are missing) with their tables, values, formulas and formats, queued
 * in the batch's requests: structure first so that structured references resolve, then values and formulas, then
 * formats. Sends each request that fills up; the caller flushes the last. Returns the sheets, in order.
 */
export async function addSheets(
  batch: RequestBatch,
  worksheets: Pick<ExcelWorkbook["worksheets"], "add">,
  prepared: readonly PreparedSheet[],
  features: HostFeatures
): Promise<ExcelWorksheet[]> {
  const added: { readonly prepared: PreparedSheet; readonly sheet: ExcelWorksheet }[] = [];
  for (const p of prepared) {
    await batch.reserve(cost(p.plan.name));
    const sheet = worksheets.add(p.plan.name);
    for (const table of p.tables) await addTable(batch, sheet, table.plan);
    added.push({ prepared: p, sheet });
  }
  for (const { prepared: p, sheet } of added) {
    for (const table of p.tables) await writeRows(batch, sheet, table);
    for (const cell of p.plan.cells) {
      const value = [[toCellInput(cell.value)]];
      await batch.reserve(cost(a1(cell.at), value));
      sheet.getRange(a1(cell.at)).formulas = value;
    }
  }
  for (const { prepared: p, sheet } of added) await formatSheet(batch, sheet, p, features);
  return added.map((a) => a.sheet);
}

/** What `Range.formulas` receives for a planned cell: formula-like text gets Excel's text prefix, an apostrophe. */
export function toCellInput(cell: CellPlan): CellInput {
  if (cell === null) return "";
  if (isFormula(cell)) return cell.formula;
  // Excel strips one leading apostrophe, so text that already starts with one needs another to keep it.
  if (typeof cell === "string" && (looksLikeFormula(cell) || cell.startsWith("'")))
    return `'${cell}`;
  return cell;
}

/** Points for a width in characters, the way Excel turns a file's column width into pixels (Calibri 11: 7-pixel
 * digits) at 96 pixels per inch, so a column is as wide here as in the .xlsx the file host writes. */
export function columnWidthPoints(characters: number): number {
  const digit = 7;
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / digit)) / 256) * digit);
  return (pixels * 72) / 96;
}

export interface PreparedTable {
  readonly plan: TablePlan;
  readonly rows: CellInput[][];
  /** Bytes of each row in the request, comma included. */
  readonly rowBytes: number[];
}

export interface PreparedSheet {
  readonly plan: SheetPlan;
  /** The tables to add: those whose name is not yet used in the workbook. */
  readonly tables: PreparedTable[];
}

/** Encodes and checks everything before the first write, so a malformed plan changes nothing in the workbook. */
export function prepareSheet(plan: SheetPlan, existingTables: ReadonlySet<string>): PreparedSheet {
  const tables = plan.tables
    .filter((t) => !existingTables.has(t.name.toLowerCase()))
    .map(prepareTable);
  return { plan, tables };
}

/** A table's data rows as `Range.formulas` takes them, checked against its columns. */
export function prepareTable(table: TablePlan): PreparedTable {
  table.columns.forEach(checkColumn(table));
  const rows = table.rows.map((row, i) => {
    if (row.length !== table.columns.length) {
      throw new Error(
        `${table.name}: row ${i + 1} has ${row.length} cells for ${table.columns.length} columns.`
      );
    }
    return row.map(toCellInput);
  });
  return { plan: table, rows, rowBytes: rows.map((r) => jsonBytes(r) + 1) };
}

const checkColumn =
  (table: TablePlan) =>
  (column: ColumnPlan): void => {
    if (column.validation?.kind !== "list") return;
    const where = `${table.name}[${column.header}]`;
    const withComma = column.validation.values.find((v) => v.includes(","));
    if (withComma !== undefined) {
      throw new Error(
        `${where}: the list value "${withComma}" contains a comma, which Excel reads as a separator.`
      );
    }
    if (column.validation.values.join(",").length > MAX_LIST_SOURCE) {
      throw new Error(
        `${where}: the validation list is longer than Excel's ${MAX_LIST_SOURCE} characters.`
      );
    }
  };

function lowerCaseNames(items: readonly { readonly name: string }[]): Set<string> {
  return new Set(items.map((i) => i.name.toLowerCase()));
}

/** What every write request opens with: suspending what the host can suspend until the next sync. */
export function startRequest(application: ExcelApplication, features: HostFeatures): number {
  let bytes = 0;
  if (features.suspendCalculation) {
    application.suspendApiCalculationUntilNextSync();
    bytes += OPERATION_OVERHEAD;
  }
  if (features.suspendScreenUpdating) {
    application.suspendScreenUpdatingUntilNextSync();
    bytes += OPERATION_OVERHEAD;
  }
  return bytes;
}

/** Writes the header row, then makes the table over header and data rows (the data is written later). */
async function addTable(
  batch: RequestBatch,
  sheet: ExcelWorksheet,
  table: TablePlan
): Promise<void> {
  const header = headerRangeA1(table);
  const headers = [table.columns.map((c) => toCellInput(c.header))];
  await batch.reserve(cost(header, headers));
  sheet.getRange(header).formulas = headers;

  const { first, last } = tableRange(table);
  const whole = rangeA1(first, last);
  await batch.reserve(cost(whole, true) + cost(table.name) + cost(TABLE_STYLE));
  const added = sheet.tables.add(whole, true);
  added.name = table.name;
  added.style = TABLE_STYLE;
  if (table.noFilterButtons === true) {
    await batch.reserve(cost(false));
    added.showFilterButton = false;
  }
}

/**
 * The data rows, in blocks that fill each request: a block is one 2-D write, never one write per cell. This loop
 * syncs on purpose, through reserveRun, whenever the request is full: that is what keeps each request under the
 * budget, and it syncs once per budget's worth of bytes, not once per block.
 */
export async function writeRows(
  batch: RequestBatch,
  sheet: ExcelWorksheet,
  table: PreparedTable
): Promise<void> {
  const { row: headerRow, column: left } = table.plan.topLeft;
  const right = left + table.plan.columns.length - 1;
  for (let first = 0; first < table.rows.length;) {
    const count = await batch.reserveRun(table.rowBytes, first, OPERATION_OVERHEAD);
    const block = rangeA1(
      { row: headerRow + 1 + first, column: left },
      { row: headerRow + first + count, column: right }
    );
    sheet.getRange(block).formulas = table.rows.slice(first, first + count);
    batch.countRows(count);
    first += count;
  }
}

async function formatSheet(
  batch: RequestBatch,
  sheet: ExcelWorksheet,
  prepared: PreparedSheet,
  features: HostFeatures
): Promise<void> {
  for (const { plan: table } of prepared.tables) {
    for (const [index, column] of table.columns.entries()) {
      await formatColumn(batch, sheet, table, index, column, features);
    }
    await drawHeader(batch, sheet, table, headerRowHeights(prepared.plan).get(table.topLeft.row)!);
    if (table.columns.some((c) => c.wrap === true)) {
      // Excel sizes the rows to their wrapped text itself, once for the whole table (the file host estimates), and
      // every row reads from its top line (the file host aligns the rows it makes taller, which shows the same).
      const { first, last } = columnDataRange(table, 0);
      const body = rangeA1(first, {
        row: last.row,
        column: first.column + table.columns.length - 1,
      });
      const range = sheet.getRange(body);
      await drawLook(batch, range, body, lookOf("top"));
      await batch.reserve(cost(body));
      range.format.autofitRows();
    }
  }
  for (const cell of prepared.plan.cells) {
    const address = a1(cell.at);
    await drawLook(batch, sheet.getRange(address), address, looseCellLook(cell));
  }
  for (const [row, height] of looseRowHeights(prepared.plan)) {
    await batch.reserve(cost(row, height));
    // Setting a cell's height sets its whole row's.
    sheet.getRange(a1({ row, column: 0 })).format.rowHeight = height;
  }
  if (prepared.plan.hideGridlines === true) {
    await batch.reserve(cost(false));
    sheet.showGridlines = false;
  }
  for (const note of wideNotes(prepared.plan)) {
    const address = rangeA1(note.at, { row: note.at.row, column: note.through });
    const range = sheet.getRange(address);
    await batch.reserve(cost(address, false) + cost(address, note.height));
    if (note.through > note.at.column) range.merge(false);
    range.format.rowHeight = note.height;
    await drawLook(batch, range, address, lookOf("wrapped"));
  }
  if (prepared.plan.freezeRows > 0) {
    await batch.reserve(cost(prepared.plan.freezeRows));
    sheet.freezePanes.freezeRows(prepared.plan.freezeRows);
  }
  if (features.pageLayout) await setUpPage(batch, sheet, prepared.plan);
}

/** One page wide, as many tall as needed, its title rows and key columns on every page (layout.ts). */
async function setUpPage(
  batch: RequestBatch,
  sheet: ExcelWorksheet,
  plan: SheetPlan
): Promise<void> {
  const print = printLayout(plan);
  const orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  const zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  const area = rangeA1(print.area.first, print.area.last);
  await batch.reserve(cost(orientation) + cost(zoom) + cost(area));
  sheet.pageLayout.orientation = orientation;
  sheet.pageLayout.zoom = zoom;
  sheet.pageLayout.setPrintArea(area);
  if (print.titleRows > 0) {
    const rows = `$1:$${print.titleRows}`;
    await batch.reserve(cost(rows));
    sheet.pageLayout.setPrintTitleRows(rows);
  }
  if (print.titleColumns > 0) {
    const columns = `$A:$${columnLetters(print.titleColumns - 1)}`;
    await batch.reserve(cost(columns));
    sheet.pageLayout.setPrintTitleColumns(columns);
  }
}

/** The header row wraps (styles.ts "header"), `height` points tall: what its longest header needs (layout.ts). */
async function drawHeader(
  batch: RequestBatch,
  sheet: ExcelWorksheet,
  table: TablePlan,
  height: number
): Promise<void> {
  const header = headerRangeA1(table);
  const range = sheet.getRange(header);
  await drawLook(batch, range, header, lookOf("header"));
  await batch.reserve(cost(header, height));
  range.format.rowHeight = height;
}

async function formatColumn(
  batch: RequestBatch,
  sheet: ExcelWorksheet,
  table: TablePlan,
  index: number,
  column: ColumnPlan,
  features: HostFeatures
): Promise<void> {
  const letters = columnLetters(table.topLeft.column + index);
  const width = columnWidthPoints(column.width);
  await batch.reserve(cost(letters, width));
  sheet.getRange(`${letters}:${letters}`).format.columnWidth = width;

  const { first, last } = columnDataRange(table, index);
  const data = sheet.getRange(rangeA1(first, last));
  if (column.rowNumberFormats !== undefined) {
    const formats = rowNumberFormats(table, column);
    await batch.reserve(cost(formats));
    data.numberFormat = formats;
  } else if (column.numberFormat !== undefined) {
    await batch.reserve(cost(column.numberFormat));
    data.numberFormat = column.numberFormat;
  }
  if (column.wrap === true) await drawLook(batch, data, rangeA1(first, last), lookOf("wrapped"));
  if (column.validation) {
    const rule = validationRule(column.validation);
    const errorAlert: Excel.DataValidationErrorAlert = {
      showAlert: true,
      style: "Stop",
      title: column.header.slice(0, MAX_ALERT_TITLE),
      message: column.validation.message,
    };
    await batch.reserve(cost(rule) + cost(errorAlert));
    data.dataValidation.rule = rule;
    data.dataValidation.errorAlert = errorAlert;
  }
  for (const format of column.conditionalFormats ?? []) {
    const tone = TONES[format.tone];
    if (format.kind === "textWhileAtLeast") {
      const formula = `=${conditionFormula(table, index, format)}`;
      await batch.reserve(cost("Custom", formula) + cost(tone.fill) + cost(tone.font));
      const added = data.conditionalFormats.add("Custom");
      added.custom.rule.formula = formula;
      added.custom.format.fill.color = tone.fill;
      added.custom.format.font.color = tone.font;
      continue;
    }
    const rule = cellValueRule(format);
    await batch.reserve(cost("CellValue") + cost(rule) + cost(tone.fill) + cost(tone.font));
    const added = data.conditionalFormats.add("CellValue");
    added.cellValue.rule = rule;
    added.cellValue.format.fill.color = tone.fill;
    added.cellValue.format.font.color = tone.font;
  }
  if (column.description !== undefined && features.notes) {
    const header = a1({ row: table.topLeft.row, column: table.topLeft.column + index });
    await batch.reserve(cost(header, column.description));
    sheet.notes.add(header, column.description);
  }
}

/** One format per data cell: the row's own, else the column's, else Excel's General. */
function rowNumberFormats(table: TablePlan, column: ColumnPlan): string[][] {
  return Array.from({ length: dataRowCount(table) }, (_, i) => [
    column.rowNumberFormats?.[i] ?? column.numberFormat ?? "General",
  ]);
}

function validationRule(validation: ValidationPlan): Excel.DataValidationRule {
  switch (validation.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: validation.values.join(",") } };
    case "decimal":
      return {
        decimal: { operator: "Between", formula1: validation.min, formula2: validation.max },
      };
    case "whole":
      return {
        wholeNumber: { operator: "Between", formula1: validation.min, formula2: validation.max },
      };
  }
}

/** Every plan format is a cell-value rule; text uses "equal to" because "contains" would also match substrings. */
function cellValueRule(
  format: Exclude<ConditionalFormatPlan, { kind: "textWhileAtLeast" }>
): Excel.ConditionalCellValueRule {
  switch (format.kind) {
    case "atLeast":
      return { operator: "GreaterThanOrEqual", formula1: String(format.value) };
    case "lessThan":
      return { operator: "LessThan", formula1: String(format.value) };
    case "between":
      return { operator: "Between", formula1: String(format.min), formula2: String(format.max) };
    case "textEquals":
      return { operator: "EqualTo", formula1: `="${format.text.replace(/"/g, '""')}"` };
  }
}
