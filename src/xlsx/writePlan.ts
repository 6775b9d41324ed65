import {
  Cell,
  CellValue,
  ConditionalFormattingOptions,
  ConditionalFormattingRule,
  DataValidation,
  Font,
  Style,
  Workbook,
  Worksheet,
} from "exceljs";
import {
  a1,
  columnDataRange,
  columnLetters,
  conditionFormula,
  dataRowCount,
  rangeA1,
} from "../workbook/address";
import {
  CellPlan,
  ColumnPlan,
  ConditionalFormatPlan,
  isFormula,
  LooseCellPlan,
  SheetPlan,
  TablePlan,
  ValidationPlan,
  WorkbookPlan,
} from "../workbook/plan";
import {
  columnWidths,
  dataRowHeights,
  headerRowHeights,
  looseRowHeights,
  printLayout,
  wideNotes,
} from "../workbook/layout";
import { CellLook, Colour, looseCellLook, lookOf, TONES } from "../workbook/styles";
import { addChartParts, hasCharts } from "./package/chartParts";
import { writeTableRowsAsText } from "./package/tableRowsText";
import { ZipPackage } from "./package/zipPackage";
import { workbookBytes } from "./workbookBytes";

/** Hears, as the rows are written, how many of the plan's table data rows are written, and how many there are. */
export type RowsWritten = (written: number, total: number) => void;

export interface WriteOptions {
  readonly onRows?: RowsWritten;
  /**
   * Tables of at least this many data rows (and whose cells take their column's style on every row) have their rows
   * after the first written as text (package/tableRowsText.ts) rather than through exceljs's model; 2 when absent.
   * Infinity has exceljs write every row.
   */
  readonly rowsAsTextFrom?: number;
}

/**
 * Renders a WorkbookPlan to .xlsx bytes, charts included (exceljs writes none: they are added to the package it
 * wrote), and so are the rows of the tables exceljs is given only the first row of. Browser-safe (no file system):
 * the task pane offers them as a download.
 */
export async function writePlanToBuffer(
  plan: WorkbookPlan,
  options: WriteOptions = {}
): Promise<Uint8Array> {
  const onRows = options.onRows ?? (() => undefined);
  const asText = new Set(
    plan.sheets.flatMap((s) => s.tables).filter((t) => rowsFitText(t, options.rowsAsTextFrom ?? 2))
  );
  const workbook = new Workbook();
  workbook.creator = "Partner Strategy for Excel";
  for (const sheet of plan.sheets) addSheet(workbook, sheet, asText);
  const bytes = await workbookBytes(workbook);
  const total = plan.sheets.reduce((n, s) => s.tables.reduce((m, t) => m + t.rows.length, n), 0);
  // exceljs has written every row but those after the first of the tables written as text.
  let written = [...asText].reduce((n, t) => n - (t.rows.length - 1), total);
  onRows(written, total);
  if (asText.size === 0 && !hasCharts(plan)) return bytes;
  const pkg = await ZipPackage.open(bytes);
  await writeTableRowsAsText(pkg, [...asText], async (rows) => {
    written += rows;
    onRows(written, total);
    // Lets a page repaint, or a terminal's progress line redraw, between blocks of rows.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  await addChartParts(pkg, plan);
  return pkg.save();
}

/**
 * Whether the table's rows after the first can be written as text: it has `from` rows or more, and each column's
 * cells share one style on every row (no per-row number format; no row made taller by wrapped text, whose other
 * cells then align to the top).
 */
const rowsFitText = (table: TablePlan, from: number): boolean =>
  table.rows.length >= from &&
  table.columns.every((c) => c.rowNumberFormats === undefined) &&
  dataRowHeights(table).every((height) => height === undefined);

/**
 * Adds the sheet to the workbook (after its last sheet) with everything the plan gives it; of the tables in
 * `asText`, only the first data row.
 */
function addSheet(workbook: Workbook, sheet: SheetPlan, asText: ReadonlySet<TablePlan>): Worksheet {
  const ws = workbook.addWorksheet(sheet.name);
  for (const table of sheet.tables)
    addTable(ws, table, asText.has(table) ? 1 : dataRowCount(table));
  for (const [column, width] of columnWidths(sheet)) ws.getColumn(column + 1).width = width;
  for (const cell of sheet.cells) writeLooseCell(ws, cell);
  // Header rows as tall as their longest header needs, wrapped (styles.ts "header"); rows of wrapped text as tall
  // as their text.
  // Tables side by side share rows: each row takes the tallest height asked of it.
  const heights = new Map(headerRowHeights(sheet));
  for (const [row, height] of looseRowHeights(sheet))
    heights.set(row, Math.max(heights.get(row) ?? 0, height));
  for (const note of wideNotes(sheet)) {
    if (note.through > note.at.column)
      ws.mergeCells(note.at.row + 1, note.at.column + 1, note.at.row + 1, note.through + 1);
    drawLook(ws.getCell(note.at.row + 1, note.at.column + 1), lookOf("wrapped"));
    heights.set(note.at.row, Math.max(heights.get(note.at.row) ?? 0, note.height));
  }
  for (const table of sheet.tables) {
    dataRowHeights(table).forEach((height, r) => {
      if (height === undefined) return;
      const at = table.topLeft.row + 1 + r;
      heights.set(at, Math.max(heights.get(at) ?? 0, height));
      table.columns.forEach((c, i) => {
        if (c.wrap !== true)
          drawLook(ws.getCell(at + 1, table.topLeft.column + i + 1), lookOf("top"));
      });
    });
  }
  for (const [at, height] of heights) ws.getRow(at + 1).height = height;
  setUpPage(ws, sheet);
  const gridlines = { showGridLines: sheet.hideGridlines !== true };
  if (sheet.freezeRows > 0) {
    ws.views = [
      {
        state: "frozen",
        xSplit: 0,
        ySplit: sheet.freezeRows,
        topLeftCell: `A${sheet.freezeRows + 1}`,
        ...gridlines,
      },
    ];
  } else if (sheet.hideGridlines === true) {
    ws.views = [{ state: "normal", ...gridlines }];
  }
  return ws;
}

/** One page wide, as many tall as needed, its title rows and key columns on every page (layout.ts). */
function setUpPage(ws: Worksheet, sheet: SheetPlan): void {
  const print = printLayout(sheet);
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    // exceljs puts a "$" before each corner; the rows' own make the area absolute ($A$1:$K$40), as Excel writes it.
    printArea: `${columnLetters(print.area.first.column)}$${print.area.first.row + 1}:${columnLetters(print.area.last.column)}$${print.area.last.row + 1}`,
    printTitlesRow: print.titleRows > 0 ? `1:${print.titleRows}` : undefined,
    printTitlesColumn:
      print.titleColumns > 0 ? `A:${columnLetters(print.titleColumns - 1)}` : undefined,
  };
}

function writeLooseCell(ws: Worksheet, cell: LooseCellPlan): void {
  const target = ws.getCell(a1(cell.at));
  target.value = cellValue(cell.value);
  drawLook(target, looseCellLook(cell));
}

/** Gives the cell what the look sets (styles.ts), keeping what it leaves out. */
export function drawLook(cell: Cell, look: CellLook): void {
  ownStyle(cell);
  if (look.font !== undefined) {
    const { color, ...rest } = look.font;
    const font: Partial<Font> = { ...cell.font, ...rest };
    if (color !== undefined) font.color = { argb: argb(color) };
    cell.font = font;
  }
  if (look.fill !== undefined)
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  if (look.numberFormat !== undefined) cell.numFmt = look.numberFormat;
  if (look.wrap !== undefined || look.horizontal !== undefined || look.vertical !== undefined) {
    cell.alignment = {
      ...cell.alignment,
      ...(look.wrap !== undefined && { wrapText: look.wrap }),
      ...(look.horizontal !== undefined && { horizontal: look.horizontal }),
      ...(look.vertical !== undefined && {
        vertical: look.vertical === "center" ? "middle" : look.vertical,
      }),
    };
  }
}

/**
 * The cell with a style object of its own. exceljs gives every cell read from a file with one style the
 * same style object: setting a format on one would set it on all of them, on every sheet.
 */
function ownStyle(cell: Cell): Cell {
  cell.style = { ...cell.style };
  return cell;
}

/**
 * Numbers the conditional formats a table adds after those the sheet holds: priorities are unique per
 * sheet, and a sheet read from a file may already have rules of its own.
 */
function priorities(ws: Worksheet): () => number {
  let n = 0;
  for (const cf of conditionalFormatsOf(ws))
    for (const rule of cf.rules) n = Math.max(n, rule.priority ?? 0);
  return () => ++n;
}

/** exceljs's types omit Worksheet.conditionalFormattings, the rules the sheet holds (read or added). */
const conditionalFormatsOf = (ws: Worksheet): ConditionalFormattingOptions[] =>
  (ws as unknown as { conditionalFormattings: ConditionalFormattingOptions[] })
    .conditionalFormattings;

/** exceljs stores the formula without its "="; no cached result, so every engine computes it on open. */
function cellValue(cell: CellPlan): CellValue {
  return isFormula(cell) ? { formula: cell.formula.replace(/^=/, ""), date1904: false } : cell;
}

/**
 * Adds the table at its plan's position, with its formats, validations, conditional formats and notes; of its data
 * rows, the first `rows` (the others' ranges of validations and formats are the plan's all the same).
 */
function addTable(ws: Worksheet, table: TablePlan, rows: number): void {
  const nextPriority = priorities(ws);
  ws.addTable({
    name: table.name,
    ref: a1(table.topLeft),
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: table.columns.map((c) => ({
      name: c.header,
      filterButton: table.noFilterButtons !== true,
    })),
    rows:
      table.rows.length > 0
        ? table.rows.slice(0, rows).map((row) => row.map(cellValue))
        : [table.columns.map(() => null)],
  });
  table.columns.forEach((column, index) =>
    writeColumn(ws, table, column, index, rows, nextPriority)
  );
  const { row, column } = table.topLeft;
  table.columns.forEach((_, i) => drawLook(ws.getCell(row + 1, column + i + 1), lookOf("header")));
}

function writeColumn(
  ws: Worksheet,
  table: TablePlan,
  column: ColumnPlan,
  index: number,
  rows: number,
  nextPriority: () => number
): void {
  if (column.description !== undefined) {
    ws.getCell(a1({ row: table.topLeft.row, column: table.topLeft.column + index })).note =
      column.description;
  }

  const { first, last } = columnDataRange(table, index);
  for (let row = first.row; row <= Math.min(last.row, first.row + rows - 1); row++) {
    const format = column.rowNumberFormats?.[row - first.row] ?? column.numberFormat;
    const cell = ws.getCell(row + 1, first.column + 1);
    if (format !== undefined) ownStyle(cell).numFmt = format;
    if (column.wrap === true) drawLook(cell, lookOf("wrapped"));
  }
  if (column.validation !== undefined) {
    validationsOf(ws).add(rangeA1(first, last), dataValidation(column.header, column.validation));
  }
  if (column.conditionalFormats !== undefined && column.conditionalFormats.length > 0) {
    ws.addConditionalFormatting({
      ref: rangeA1(first, last),
      rules: column.conditionalFormats.map((cf) =>
        conditionalRule(cf, table, index, nextPriority())
      ),
    });
  }
}

/** The validations of a sheet by address: a cell (as read from a file) or a range (as added here). */
interface SheetValidations {
  readonly model: Record<string, DataValidation | undefined>;
  add(range: string, validation: DataValidation): void;
}

/**
 * exceljs's types omit Worksheet.dataValidations. Its per-cell `cell.dataValidation` is merged back into
 * overlapping ranges (4.4 sorts the addresses as text): one validation per column range is added instead.
 */
const validationsOf = (ws: Worksheet): SheetValidations =>
  (ws as unknown as { dataValidations: SheetValidations }).dataValidations;

function dataValidation(
  header: string,
  plan: ValidationPlan & { readonly message: string }
): DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: header,
    error: plan.message,
  };
  switch (plan.kind) {
    case "list":
      return { ...common, type: "list", formulae: [listFormula(header, plan.values)] };
    case "decimal":
    case "whole":
      return { ...common, type: plan.kind, operator: "between", formulae: [plan.min, plan.max] };
  }
}

/** Excel keeps an inline list as one quoted string of at most 255 characters, split at commas. */
function listFormula(header: string, values: readonly string[]): string {
  const withComma = values.find((v) => v.includes(","));
  if (withComma !== undefined) {
    throw new Error(
      `${header}: the list value "${withComma}" contains a comma, which Excel would read as two values`
    );
  }
  const list = values.join(",").replace(/"/g, '""');
  if (list.length > 255) {
    throw new Error(
      `${header}: the allowed values take ${list.length} characters; Excel allows 255`
    );
  }
  return `"${list}"`;
}

const argb = (colour: Colour): string => `FF${colour.slice(1).toUpperCase()}`;

const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

function conditionalRule(
  plan: ConditionalFormatPlan,
  table: TablePlan,
  index: number,
  priority: number
): ConditionalFormattingRule {
  const tone = TONES[plan.tone];
  const firstCell = columnDataRange(table, index).first;
  const style: Partial<Style> = {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(tone.fill) } },
    font: { color: { argb: argb(tone.font) } },
  };
  switch (plan.kind) {
    case "atLeast":
      // exceljs's cellIs has no greaterThanOrEqual; an expression is relative to the range's first cell.
      return { type: "expression", formulae: [`${a1(firstCell)}>=${plan.value}`], style, priority };
    case "lessThan":
      return { type: "cellIs", operator: "lessThan", formulae: [plan.value], style, priority };
    case "between":
      return {
        type: "cellIs",
        operator: "between",
        formulae: [plan.min, plan.max],
        style,
        priority,
      };
    case "textEquals":
      return { type: "cellIs", operator: "equal", formulae: [quoted(plan.text)], style, priority };
    case "textWhileAtLeast":
      return {
        type: "expression",
        formulae: [conditionFormula(table, index, plan)],
        style,
        priority,
      };
  }
}
