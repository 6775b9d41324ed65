import { Workbook, WorkbookView, Worksheet } from "exceljs";
import { a1 } from "../workbook/address";
import { CellRef, TablePlan } from "../workbook/plan";
import { LoadedTable, tableRange, tablesOf } from "./readTables";

/**
 * Questions about a workbook read from a file, before anything is added to it: which sheets and tables it
 * holds (Excel compares their names ignoring case), whether a range is free, where a new sheet goes.
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

export const findTable = (workbook: Workbook, name: string): FoundTable | undefined =>
  tablesByName(workbook).get(nameKey(name));

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

/** exceljs orders sheets by a number its types omit. */
const orderOf = (ws: Worksheet): { orderNo: number } => ws as unknown as { orderNo: number };

/**
 * Moves each added sheet to where the program's order puts it among the sheets present: after the nearest
 * program sheet before it, else before the nearest after it, else last. The sheets the workbook had keep
 * their order, and the tab that was active stays active.
 */
export function placeSheets(
  workbook: Workbook,
  added: readonly Worksheet[],
  programOrder: readonly string[]
): void {
  // Undefined for a workbook saved without window settings, whatever exceljs's types say.
  const view = (workbook.views as WorkbookView[] | undefined)?.[0];
  const sheets = workbook.worksheets;
  const active = view === undefined ? undefined : sheets[view.activeTab];
  const first = view === undefined ? undefined : sheets[view.firstSheet];
  const order = sheets.filter((ws) => !added.includes(ws));
  const position = (name: string): number =>
    programOrder.findIndex((n) => nameKey(n) === nameKey(name));
  for (const ws of added) {
    const wanted = position(ws.name);
    let after = -1;
    let before = -1;
    order.forEach((other, i) => {
      const p = position(other.name);
      if (p < 0) return;
      if (p < wanted && (after < 0 || p > position(order[after]!.name))) after = i;
      if (p > wanted && (before < 0 || p < position(order[before]!.name))) before = i;
    });
    if (after >= 0) order.splice(after + 1, 0, ws);
    else if (before >= 0) order.splice(before, 0, ws);
    else order.push(ws);
  }
  order.forEach((ws, i) => (orderOf(ws).orderNo = i));
  if (view !== undefined) {
    if (active !== undefined) view.activeTab = order.indexOf(active);
    if (first !== undefined) view.firstSheet = order.indexOf(first);
  }
}
