import { Cell, CellErrorValue, Workbook, Worksheet } from "exceljs";
import { CellRef, Formula, Scalar } from "../workbook/plan";

/** An error value a cell shows, such as "#N/A". */
export interface CellError {
  readonly error: string;
}

/**
 * What a table cell holds as the user sees it: a constant, a date, the cached result of a formula, or, for a
 * formula never calculated (a file this program wrote and no spreadsheet opened since), the formula itself.
 */
export type ReadCell = Scalar | Date | CellError | Formula;

export interface TableContents {
  readonly sheet: string;
  readonly header: string[];
  /** Data rows, totals row excluded; trailing blank rows dropped (an empty table holds one blank row). */
  readonly rows: ReadCell[][];
  /** Zero-based position of the header row's first cell. */
  readonly topLeft: CellRef;
}

/** Every Excel table of an .xlsx, by table name. Browser-safe: takes the file's bytes. */
export async function readTables(buffer: Uint8Array): Promise<Map<string, TableContents>> {
  const workbook = new Workbook();
  // exceljs's types call its input a Buffer extending ArrayBuffer: hand it a fresh ArrayBuffer.
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  const tables = new Map<string, TableContents>();
  workbook.eachSheet((ws) => {
    // exceljs types getTables() as [Table, void][]; it returns Tables whose model is all a loaded table keeps.
    for (const { model } of ws.getTables() as unknown as readonly { model: LoadedTable }[]) {
      tables.set(model.name, readTable(ws, model));
    }
  });
  return tables;
}

/** The part of exceljs's model of a loaded table that reading needs; the cells are read from the sheet. */
interface LoadedTable {
  readonly name: string;
  readonly tableRef: string;
  readonly totalsRow: boolean;
  readonly columns: readonly { readonly name: string }[];
}

/** "C5" → { row: 4, column: 2 }: the inverse of address.ts's a1(). */
function cellRef(a1: string): CellRef {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (match === null) throw new Error(`"${a1}" is not a cell address`);
  const column = [...match[1]!].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

function readTable(ws: Worksheet, table: LoadedTable): TableContents {
  const [from, to = from] = table.tableRef.split(":") as [string, string?];
  const first = cellRef(from);
  const last = cellRef(to);
  // The header row is taken as present: exceljs reads Excel's default (headerRowCount omitted) as "no header".
  const lastDataRow = last.row - (table.totalsRow ? 1 : 0);
  const rows: ReadCell[][] = [];
  for (let r = first.row + 1; r <= lastDataRow; r++) {
    const row: ReadCell[] = [];
    for (let c = first.column; c <= last.column; c++) row.push(readCell(ws.getCell(r + 1, c + 1)));
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === null)) rows.pop();
  return { sheet: ws.name, header: table.columns.map((c) => c.name), rows, topLeft: first };
}

function readCell(cell: Cell): ReadCell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v !== "object" || v instanceof Date) return v;
  if ("error" in v) return errorValue(v);
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("hyperlink" in v) return v.text;
  if (v.result !== undefined)
    return typeof v.result === "object" && !(v.result instanceof Date)
      ? errorValue(v.result)
      : v.result;
  return { formula: `=${cell.formula}` };
}

const errorValue = (v: CellErrorValue): CellError => ({ error: v.error });
