import { columnLetters } from "../workbook/address";
import { Scalar } from "../workbook/plan";
import { TableRowEdits } from "../workbook/tableEdits";
import { ContentTypes } from "./package/contentTypes";
import { PackageTable, growTable, packageTables } from "./package/packageTables";
import { blockOf, withBottom } from "./package/ranges";
import {
  CellText,
  RowText,
  SplitSheet,
  cellsOf,
  dimensionCovering,
  formulaCell,
  formulaOf,
  holdsValue,
  joinSheet,
  rowXml,
  splitSheet,
  styleOf,
  valueCell,
} from "./package/sheetText";
import { shiftFormula } from "./package/shiftFormula";
import { WorkbookPart } from "./package/workbookPart";
import { ZipPackage } from "./package/zipPackage";
import { assertEditable } from "./unkeptContent";

export type { TableRowEdits };

/** A sheet being edited: its rows split once, found by number, rebuilt where edited. */
class EditedRows {
  private readonly index = new Map<number, number>();
  private readonly added: RowText[] = [];
  constructor(readonly sheet: SplitSheet) {
    sheet.rows.forEach((row, i) => this.index.set(row.r, i));
  }

  /** The cells of row `r` (1-based), none when the sheet has no such row. */
  cells(r: number): CellText[] {
    const i = this.index.get(r);
    return i === undefined ? [] : cellsOf(this.sheet.rows[i]!.xml, this.sheet.prefix).cells;
  }

  set(r: number, cells: CellText[]): void {
    const i = this.index.get(r);
    const sorted = [...cells].sort((a, b) => a.column - b.column);
    if (i === undefined) {
      this.added.push({
        r,
        xml: rowXml(
          { open: `<${this.sheet.prefix}row r="${r}">`, cells: sorted },
          this.sheet.prefix
        ),
      });
      return;
    }
    const { open } = cellsOf(this.sheet.rows[i]!.xml, this.sheet.prefix);
    this.sheet.rows[i] = {
      r,
      xml: rowXml({ open: open.replace(/\sspans="[^"]*"/, ""), cells: sorted }, this.sheet.prefix),
    };
  }

  text(): string {
    if (this.added.length === 0) return joinSheet(this.sheet);
    const rows = [...this.sheet.rows, ...this.added].sort((a, b) => a.r - b.r);
    return joinSheet({ ...this.sheet, rows });
  }
}

/** One table's cells: the value cells to write, by sheet row and column. */
function columnOf(table: PackageTable, name: string): number {
  const i = table.columns.findIndex((c) => c.name.toUpperCase() === name.toUpperCase());
  if (i < 0) throw new Error(`${table.name} has no column ${name}`);
  return i;
}

const withCell = (cells: CellText[], cell: CellText): CellText[] => [
  ...cells.filter((c) => c.column !== cell.column),
  cell,
];

function applyUpdates(table: PackageTable, edits: TableRowEdits, rows: EditedRows): void {
  const dataTop = table.block.top + table.headerRows;
  const dataBottom = table.block.bottom - table.totalsRows;
  const byRow = new Map<number, { column: number; value: Scalar }[]>();
  for (const u of edits.updates) {
    const row = dataTop + u.dataRow;
    if (!Number.isInteger(u.dataRow) || u.dataRow < 0 || row > dataBottom)
      throw new Error(`${table.name} has no data row ${u.dataRow + 1}`);
    const column = columnOf(table, u.column);
    if (table.columns[column]!.formula !== undefined)
      throw new Error(`${table.name}[${u.column}] is a formula column: it is not written over`);
    byRow.set(row, [
      ...(byRow.get(row) ?? []),
      { column: table.block.left + column, value: u.value },
    ]);
  }
  for (const [row, updates] of byRow) {
    let cells = rows.cells(row + 1);
    for (const { column, value } of updates) {
      const ref = `${columnLetters(column)}${row + 1}`;
      const style = styleOf(cells.find((c) => c.column === column)?.xml ?? "<c>");
      cells = withCell(cells, { column, xml: valueCell(ref, style, value, rows.sheet.prefix) });
    }
    rows.set(row + 1, cells);
  }
}

/** The formula a calculated column's cell of the row above holds (a shared formula's follower included). */
function formulaAbove(
  cell: string | undefined,
  sheet: SplitSheet,
  row: number
): { formula: string; row: number } | undefined {
  if (cell === undefined) return undefined;
  const own = formulaOf(cell);
  if (own !== undefined && own !== "") return { formula: own, row };
  const si = /<(?:\w+:)?f\b[^>]*\bt="shared"[^>]*\bsi="(\d+)"/.exec(cell)?.[1];
  if (si === undefined) return undefined;
  const master = new RegExp(`<(?:\\w+:)?f\\b[^>]*\\bsi="${si}"[^>]*>[^<]+`);
  for (const r of sheet.rows) {
    const m = master.exec(r.xml);
    if (m === null) continue;
    const cellAt = r.xml.lastIndexOf("<", m.index - 1);
    const ref = /\sr="([A-Z]+)(\d+)"/.exec(
      r.xml.slice(r.xml.lastIndexOf("<c", cellAt), m.index)
    )?.[2];
    return { formula: formulaOf(m[0] + "</f>") ?? "", row: Number(ref ?? r.r) - 1 };
  }
  return undefined;
}

function applyAppends(table: PackageTable, edits: TableRowEdits, rows: EditedRows): number {
  const { block } = table;
  const width = block.right - block.left + 1;
  const dataTop = block.top + table.headerRows;
  let last = block.bottom;
  if (edits.appends.length === 0) return last;
  if (table.totalsRows > 0)
    throw new Error(`${table.name} has a totals row: remove it in Excel, import, then add it back`);
  const inTable = (c: CellText) => c.column >= block.left && c.column <= block.right;
  const aboveCells = rows.cells(last + 1).filter(inTable);
  const calculated = table.columns.map((c) => c.formula);
  // An empty table is written with one blank row: the first row imported goes there.
  const placeholder =
    last === dataTop &&
    aboveCells.every((c) => !holdsValue(c.xml) || calculated[c.column - block.left] !== undefined);
  const styles = Array.from({ length: width }, (_, i) =>
    styleOf(aboveCells.find((c) => c.column === block.left + i)?.xml ?? "<c>")
  );
  const formulas = Array.from({ length: width }, (_, i) =>
    calculated[i] !== undefined
      ? { formula: calculated[i]!, row: -1 }
      : formulaAbove(aboveCells.find((c) => c.column === block.left + i)?.xml, rows.sheet, last)
  );
  const first = placeholder ? last : last + 1;
  const newLast = first + edits.appends.length - 1;
  for (let row = last + 1; row <= newLast; row++) {
    const taken = rows.cells(row + 1).find((c) => inTable(c) && holdsValue(c.xml));
    if (taken !== undefined)
      throw new Error(
        `${table.sheet}!${columnLetters(taken.column)}${row + 1} holds data below ${table.name}: move it, then import again`
      );
  }
  const prefix = rows.sheet.prefix;
  edits.appends.forEach((values, k) => {
    const row = first + k;
    const named = new Map<number, Scalar>();
    for (const v of values) named.set(columnOf(table, v.column), v.value);
    const cells: CellText[] = rows.cells(row + 1).filter((c) => !inTable(c));
    for (let i = 0; i < width; i++) {
      const column = block.left + i;
      const ref = `${columnLetters(column)}${row + 1}`;
      const formula = formulas[i];
      if (formula !== undefined && !named.has(i)) {
        const text =
          formula.row < 0 ? formula.formula : shiftFormula(formula.formula, row - formula.row);
        cells.push({ column, xml: formulaCell(ref, styles[i]!, text, prefix) });
      } else if (named.has(i) || styles[i] !== 0) {
        cells.push({ column, xml: valueCell(ref, styles[i]!, named.get(i) ?? null, prefix) });
      }
    }
    rows.set(row + 1, cells);
  });
  last = newLast;
  return last;
}

/**
 * Edits the data rows of tables in an .xlsx: sets named cells of existing rows and appends rows at each
 * table's end (the table and its filter grow over them; each new cell takes its column's style from the
 * row above; formula columns are filled as Excel fills them). Text is always written as text, even when
 * it starts with "=", "+", "-" or "@"; numbers as numbers. No other cell, part or formula changes, beyond
 * the validation and conditional-format ranges that covered a column's data to the table's end, which
 * grow with it. Throws, before anything is written, when a table or column is unknown, a row does not
 * exist, a formula column would be written over, or the rows below a table are not empty.
 */
export async function editTableRows(
  existing: Uint8Array,
  edits: readonly TableRowEdits[]
): Promise<Uint8Array> {
  const pkg = await ZipPackage.open(existing);
  await assertEditable(pkg);
  const tables = await packageTables(pkg);
  const sheets = new Map<string, EditedRows>();
  let appended = false;
  for (const edit of edits) {
    const table = tables.get(edit.table.toUpperCase());
    if (table === undefined) throw new Error(`the workbook has no table ${edit.table}`);
    let rows = sheets.get(table.sheetPart);
    if (rows === undefined) {
      rows = new EditedRows(splitSheet(await pkg.text(table.sheetPart)));
      sheets.set(table.sheetPart, rows);
    }
    applyUpdates(table, edit, rows);
    const last = applyAppends(table, edit, rows);
    if (last === table.block.bottom) continue;
    appended = true;
    growTable(pkg, table, last);
    rows.sheet.tail = grownRules(rows.sheet.tail, table, last);
    rows.sheet.head = dimensionCovering(rows.sheet.head, { ...table.block, bottom: last });
  }
  for (const [part, rows] of sheets) pkg.set(part, rows.text());
  if (sheets.size > 0) {
    const workbook = await WorkbookPart.of(pkg);
    const types = await ContentTypes.of(pkg);
    const dropped = workbook.dropCalculationChain(pkg, types);
    // New formula cells carry no cached result.
    if (appended) workbook.requestFullCalculation();
    if (appended || dropped) workbook.saveTo(pkg);
    types.saveTo(pkg);
  }
  return pkg.save();
}

/** Validation and conditional-format ranges that covered table columns to the old end, grown to `last`. */
function grownRules(tail: string, table: PackageTable, last: number): string {
  const dataTop = table.block.top + table.headerRows;
  return tail.replace(
    /(<(?:\w+:)?(?:conditionalFormatting|dataValidation)\b[^>]*?\ssqref=")([^"]*)"/g,
    (_, start: string, sqref: string) => {
      const parts = sqref.split(/\s+/).map((part) => {
        const b = blockOf(part);
        const covers =
          b !== undefined &&
          b.top === dataTop &&
          b.bottom === table.block.bottom &&
          b.left >= table.block.left &&
          b.right <= table.block.right;
        return covers ? withBottom(part.includes(":") ? part : `${part}:${part}`, last) : part;
      });
      return `${start}${parts.join(" ")}"`;
    }
  );
}
