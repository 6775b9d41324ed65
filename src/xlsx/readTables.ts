import { Cell, CellErrorValue, Worksheet } from "exceljs";
import { CellRef, Formula, Scalar } from "../workbook/plan";
import { loadWorkbook } from "./workbookBytes";

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

/**
 * How a formula cell reads: "result", its cached result when it has one (what the user sees); "formula",
 * always its formula (what a rewrite of the table must keep).
 */
export type FormulaReading = "result" | "formula";

/** Every Excel table of an .xlsx, by table name. Browser-safe: takes the file's bytes. */
export async function readTables(
  buffer: Uint8Array,
  formulas: FormulaReading = "result"
): Promise<Map<string, TableContents>> {
  const workbook = await loadWorkbook(buffer);
  const tables = new Map<string, TableContents>();
  workbook.eachSheet((ws) => {
    for (const table of tablesOf(ws)) tables.set(table.name, readTable(ws, table, formulas));
  });
  return tables;
}

/** The part of exceljs's model of a loaded table that reading needs; the cells are read from the sheet. */
export interface LoadedTable {
  readonly name: string;
  readonly tableRef: string;
  readonly totalsRow: boolean;
  readonly columns: readonly { readonly name: string }[];
}

/** exceljs types getTables() as [Table, void][]; it returns Tables whose model is all a loaded table keeps. */
export const tablesOf = (ws: Worksheet): LoadedTable[] =>
  (ws.getTables() as unknown as readonly { model: LoadedTable }[]).map((t) => t.model);

/** "C5" → { row: 4, column: 2 }: the inverse of address.ts's a1(). */
export function cellRef(a1: string): CellRef {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (match === null) throw new Error(`"${a1}" is not a cell address`);
  const column = [...match[1]!].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

/** The first and last cell of a table, header and totals row included. */
export function tableRange(table: LoadedTable): { first: CellRef; last: CellRef } {
  const [from, to = from] = table.tableRef.split(":") as [string, string?];
  return { first: cellRef(from), last: cellRef(to) };
}

function readTable(ws: Worksheet, table: LoadedTable, formulas: FormulaReading): TableContents {
  const { first, last } = tableRange(table);
  // The header row is taken as present: exceljs reads Excel's default (headerRowCount omitted) as "no header".
  const lastDataRow = last.row - (table.totalsRow ? 1 : 0);
  const rows: ReadCell[][] = [];
  for (let r = first.row + 1; r <= lastDataRow; r++) {
    const row: ReadCell[] = [];
    for (let c = first.column; c <= last.column; c++)
      row.push(readCell(ws.getCell(r + 1, c + 1), formulas));
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === null)) rows.pop();
  return { sheet: ws.name, header: table.columns.map((c) => c.name), rows, topLeft: first };
}

function readCell(cell: Cell, formulas: FormulaReading): ReadCell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v !== "object" || v instanceof Date) return v;
  if ("error" in v) return errorValue(v);
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("hyperlink" in v) return v.text;
  if (v.result !== undefined && formulas === "result")
    return typeof v.result === "object" && !(v.result instanceof Date)
      ? errorValue(v.result)
      : v.result;
  return { formula: `=${cell.formula}` };
}

const errorValue = (v: CellErrorValue): CellError => ({ error: v.error });

/**
 * The first worksheet of a workbook that holds no table, as a table: its first row with anything in it is the
 * header, and every row below it, blank ones too, is a data row, so a finding cites the cell a user finds
 * there. Reads only the cells the file has. Undefined for a workbook whose first sheet is empty.
 */
export async function readFirstSheet(buffer: Uint8Array): Promise<TableContents | undefined> {
  const workbook = await loadWorkbook(buffer);
  const ws = workbook.worksheets[0];
  if (ws === undefined) return undefined;
  const lines = new Map<number, ReadCell[]>();
  let left = Number.POSITIVE_INFINITY;
  ws.eachRow((row, number) => {
    const cells: ReadCell[] = [];
    row.eachCell((cell, column) => {
      cells[column - 1] = readCell(cell, "result");
      left = Math.min(left, column - 1);
    });
    lines.set(number - 1, cells);
  });
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
  return { sheet: ws.name, header, rows, topLeft: { row: top, column: left } };
}
