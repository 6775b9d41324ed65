import { Workbook, Worksheet } from "exceljs";
import { a1 } from "../workbook/address";
import { CellRef, TablePlan } from "../workbook/plan";
import { LoadedTable, tableRange, tablesOf } from "./readTables";

/**
 * Questions about a workbook read from a file, before anything is added to it: which sheets and tables it
 * holds (Excel compares their names ignoring case), whether a range is free.
 */

const nameKey = (name: string): string => name.toUpperCase();

export const findSheet = (workbook: Workbook, name: string): Worksheet | undefined =>
  workbook.worksheets.find((ws) => nameKey(ws.name) === nameKey(name));

export interface FoundTable {
  readonly ws: Worksheet;
  readonly table: LoadedTable;
}

/** Every table of the workbook by its name in upper case. */
export function tablesByName(workbook: Workbook): Map<string, FoundTable> {
  const tables = new Map<string, FoundTable>();
  for (const ws of workbook.worksheets) {
    for (const table of tablesOf(ws)) tables.set(nameKey(table.name), { ws, table });
  }
  return tables;
}

export interface CellRange {
  readonly first: CellRef;
  readonly last: CellRef;
}

/** The cells a planned table covers, header included; an empty table is written with one blank row. */
export const planRange = (table: TablePlan, at: CellRef = table.topLeft): CellRange => ({
  first: at,
  last: {
    row: at.row + Math.max(1, table.rows.length),
    column: at.column + table.columns.length - 1,
  },
});

export const loadedRange = (table: LoadedTable): CellRange => tableRange(table);

export const rangeText = ({ first, last }: CellRange): string => `${a1(first)}:${a1(last)}`;

export const inRange = (cell: CellRef, { first, last }: CellRange): boolean =>
  cell.row >= first.row &&
  cell.row <= last.row &&
  cell.column >= first.column &&
  cell.column <= last.column;

const isEmptyValue = (value: unknown): boolean =>
  value === null || value === undefined || value === "";

/** The first cell of `range` holding something, outside `except`; undefined when there is none. */
export function firstFilledCell(
  ws: Worksheet,
  range: CellRange,
  except?: CellRange
): CellRef | undefined {
  for (let row = range.first.row; row <= range.last.row; row++) {
    // findRow and findCell do not create what they do not find.
    const cells = ws.findRow(row + 1);
    if (cells === undefined) continue;
    for (let column = range.first.column; column <= range.last.column; column++) {
      if (except !== undefined && inRange({ row, column }, except)) continue;
      if (!isEmptyValue(cells.findCell(column + 1)?.value)) return { row, column };
    }
  }
  return undefined;
}
