import { CellRef } from "../workbook/plan";
import { FormulaReading, ReadCell } from "./package/cellValue";
import { PackageTable } from "./package/packageTables";
import { storedText } from "./package/sheetCells";
import { SheetValues } from "./package/sheetValues";
import { UnreadablePackage } from "./package/unreadablePackage";
import { WorkbookValues } from "./package/workbookValues";

export type { CellError, FormulaReading, ReadCell } from "./package/cellValue";

export interface TableContents {
  readonly sheet: string;
  readonly header: string[];
  /** Data rows, totals row excluded; trailing blank rows dropped (an empty table holds one blank row). */
  readonly rows: ReadCell[][];
  /** Zero-based position of the header row's first cell. */
  readonly topLeft: CellRef;
}

/**
 * Every Excel table of an .xlsx, by table name. Browser-safe: takes the file's bytes. Reads the package's
 * parts, in time linear in the cells the tables hold; a file that cannot be read is an Error whose message
 * says why in words ("its part xl/worksheets/sheet2.xml is not XML").
 */
export function readTables(
  buffer: Uint8Array,
  formulas: FormulaReading = "result"
): Promise<Map<string, TableContents>> {
  return reading(async () => {
    const workbook = await WorkbookValues.open(buffer);
    const tables = new Map<string, TableContents>();
    for (const table of await workbook.tables())
      tables.set(table.name, tableContents(table, await workbook.sheet(table.sheetPart), formulas));
    return tables;
  });
}

function tableContents(
  table: PackageTable,
  sheet: SheetValues,
  formulas: FormulaReading
): TableContents {
  const { block } = table;
  const top = block.top + table.headerRows;
  const width = block.right - block.left + 1;
  const rows: ReadCell[][] = [];
  // Only the rows the sheet has are visited; blank rows between them are filled in, trailing ones never.
  for (const { row, cells } of sheet.rowsBetween(top, block.bottom - table.totalsRows, formulas)) {
    const line: ReadCell[] = Array.from({ length: width }, () => null);
    for (const { column, value } of cells)
      if (column >= block.left && column <= block.right) line[column - block.left] = value;
    if (line.every((v) => v === null)) continue;
    while (rows.length < row - top) rows.push(Array.from({ length: width }, () => null));
    rows.push(line);
  }
  return {
    sheet: table.sheet,
    // "_x000A_" in a column name is the line break typed in its header cell.
    header: table.columns.map((c) => storedText(c.name)),
    rows,
    // A table without a header row is cited as if its header stood just above its data.
    topLeft: { row: top - 1, column: block.left },
  };
}

/**
 * The first worksheet of a workbook that holds no table, as a table: its first row with anything in it is the
 * header, and every row below it, blank ones too, is a data row, so a finding cites the cell a user finds
 * there. Reads only the cells the file has. Undefined for a workbook whose first sheet is empty.
 */
export function readFirstSheet(buffer: Uint8Array): Promise<TableContents | undefined> {
  return reading(async () => {
    const workbook = await WorkbookValues.open(buffer);
    const first = workbook.worksheets()[0];
    if (first === undefined) return undefined;
    const sheet = await workbook.sheet(first.part);
    const lines = new Map<number, ReadCell[]>();
    let left = Number.POSITIVE_INFINITY;
    for (const { row, cells } of sheet.rowsBetween(0, Number.POSITIVE_INFINITY, "result")) {
      const line: ReadCell[] = [];
      for (const { column, value } of cells) {
        line[column] = value;
        left = Math.min(left, column);
      }
      lines.set(row, line);
    }
    if (lines.size === 0) return undefined;
    let top = Number.POSITIVE_INFINITY;
    let bottom = 0;
    for (const r of lines.keys()) {
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
    }
    const line = (r: number): ReadCell[] => {
      const cells = lines.get(r) ?? [];
      return Array.from(
        { length: Math.max(0, cells.length - left) },
        (_, c) => cells[left + c] ?? null
      );
    };
    const header = line(top).map((h) => (h === null || typeof h === "object" ? "" : String(h)));
    const rows: ReadCell[][] = [];
    for (let r = top + 1; r <= bottom; r++) rows.push(line(r));
    return { sheet: first.name, header, rows, topLeft: { row: top, column: left } };
  });
}

/**
 * Runs a read, turning any failure into an Error a user can read: what the package layer found wrong
 * ("its part … is not XML", "it is not a complete zip archive"), else, for what no check foresaw, a plain
 * statement that the file is damaged, never a library's own message.
 */
async function reading<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof UnreadablePackage) throw e;
    throw new UnreadablePackage("it is damaged (its parts do not fit together as a workbook's)");
  }
}
