import { Cell, Worksheet } from "exceljs";
import { a1 } from "../workbook/address";
import { SheetPlan, TablePlan } from "../workbook/plan";
import { sameWording } from "../workbook/roadmapRefresh";
import {
  CellRange,
  findSheet,
  firstFilledCell,
  inRange,
  loadedRange,
  placeSheets,
  planRange,
  rangeText,
  tablesByName,
} from "./existingWorkbook";
import { cellRef } from "./readTables";
import { assertRewritable } from "./unkeptContent";
import {
  addSheet,
  addTable,
  conditionalFormatsOf,
  validationsOf,
  writeLooseCell,
} from "./writePlan";
import { loadWorkbookToRewrite, workbookBytes } from "./workbookBytes";

export interface ReplacedSheet {
  readonly buffer: Uint8Array;
  /** The sheet written: the one holding the plan's first table, wherever the user moved it. */
  readonly sheet: string;
  /** Whether the workbook lacked the sheet, which was added where the program's order puts it. */
  readonly created: boolean;
}

/** A range address ("C4" or "C4:C22") as a range. */
function rangeOf(address: string): CellRange {
  const [from, to = from] = address.split(":") as [string, string?];
  return { first: cellRef(from), last: cellRef(to) };
}

const within = (inner: CellRange, outer: CellRange): boolean =>
  inRange(inner.first, outer) && inRange(inner.last, outer);

/** Every cell of the range that exists, each once. */
function existingCells(ws: Worksheet, range: CellRange): Cell[] {
  const cells: Cell[] = [];
  for (let row = range.first.row; row <= range.last.row; row++) {
    const r = ws.findRow(row + 1);
    for (let column = range.first.column; column <= range.last.column; column++) {
      const cell = r?.findCell(column + 1);
      if (cell !== undefined) cells.push(cell);
    }
  }
  return cells;
}

/** Empties a table's old cells: values, formats, notes, and the validations and rules that lay on them. */
function clearRange(ws: Worksheet, range: CellRange): void {
  for (const cell of existingCells(ws, range)) {
    cell.value = null;
    cell.style = {};
    // exceljs 4.4 can set a note but offers no way to remove one.
    (cell as unknown as { _comment?: unknown })._comment = undefined;
  }
  const validations = validationsOf(ws).model;
  for (const address of Object.keys(validations)) {
    if (within(rangeOf(address), range)) delete validations[address];
  }
  const formats = conditionalFormatsOf(ws);
  const keptFormats = formats.filter(
    (cf) => !cf.ref.split(/\s+/).every((part) => within(rangeOf(part), range))
  );
  formats.splice(0, formats.length, ...keptFormats);
}

const occupied = (ws: Worksheet, table: TablePlan, range: CellRange, at: string): Error =>
  new Error(
    `${ws.name}!${at} holds data where the new ${table.name} (${ws.name}!${rangeText(range)}) would go: move it, then run again`
  );

/**
 * Writes the plan's tables into an .xlsx over the tables of the same names, wherever they are (each
 * table's cells are replaced, at its current top-left cell), and keeps everything else: the other sheets,
 * and on this one every cell outside the tables. The plan's title and note cells are written where they
 * are blank or still hold the generated wording. A sheet the workbook lacks is added where
 * `programOrder` (the program's sheet names) puts it. Throws when a table would grow over cells holding
 * data, and WouldLoseContent for a workbook holding what exceljs cannot write back.
 */
export async function replaceSheetTables(
  existing: Uint8Array,
  sheet: SheetPlan,
  programOrder: readonly string[]
): Promise<ReplacedSheet> {
  await assertRewritable(existing);
  const workbook = await loadWorkbookToRewrite(existing);
  const tables = tablesByName(workbook);
  const home = sheet.tables
    .map((t) => tables.get(t.name.toUpperCase())?.ws)
    .find((ws) => ws !== undefined);
  const ws = home ?? findSheet(workbook, sheet.name);
  if (ws === undefined) {
    const added = addSheet(workbook, sheet);
    placeSheets(workbook, [added], programOrder);
    return { buffer: await workbookBytes(workbook), sheet: added.name, created: true };
  }

  const writes: (() => void)[] = [];
  for (const table of sheet.tables) {
    const found = tables.get(table.name.toUpperCase());
    const target = found?.ws ?? ws;
    const old = found === undefined ? undefined : loadedRange(found.table);
    const at = old?.first ?? table.topLeft;
    const range = planRange(table, at);
    const filled = firstFilledCell(target, range, old);
    if (filled !== undefined) throw occupied(target, table, range, a1(filled));
    writes.push(() => {
      if (found !== undefined && old !== undefined) {
        clearRange(target, old);
        target.removeTable(found.table.name);
      }
      addTable(target, { ...table, topLeft: at });
    });
  }
  for (const write of writes) write();
  for (const cell of sheet.cells) {
    const current = ws.findCell(cell.at.row + 1, cell.at.column + 1)?.value;
    const planned = cell.value;
    const generated =
      current === null ||
      current === undefined ||
      current === "" ||
      (typeof current === "string" && typeof planned === "string" && sameWording(current, planned));
    if (generated) writeLooseCell(ws, cell);
  }
  return { buffer: await workbookBytes(workbook), sheet: ws.name, created: false };
}
