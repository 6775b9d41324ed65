import { Worksheet } from "exceljs";
import { a1 } from "../workbook/address";
import { LooseCellPlan, SheetPlan, TablePlan } from "../workbook/plan";
import { sameWording } from "../workbook/roadmapRefresh";
import {
  CellRange,
  findSheet,
  firstFilledCell,
  loadedRange,
  planRange,
  rangeText,
  tablesByName,
} from "./existingWorkbook";
import { graftSheets } from "./package/graftSheets";
import { placedOrder } from "./package/sheetOrder";
import { OldTable, writeTablesOnSheet } from "./package/sheetTables";
import { WorkbookPart } from "./package/workbookPart";
import { ZipPackage } from "./package/zipPackage";
import { assertRewritable } from "./unkeptContent";
import { writePlanToBuffer } from "./writePlan";
import { loadWorkbook } from "./workbookBytes";

export interface ReplacedSheet {
  readonly buffer: Uint8Array;
  /** The sheet written: the one holding the plan's first table, wherever the user moved it. */
  readonly sheet: string;
  /** Whether the workbook lacked the sheet, which was added where the program's order puts it. */
  readonly created: boolean;
}

const occupied = (ws: Worksheet, table: TablePlan, range: CellRange, at: string): Error =>
  new Error(
    `${ws.name}!${at} holds data where the new ${table.name} (${ws.name}!${rangeText(range)}) would go: move it, then run again`
  );

const blockOf = ({ first, last }: CellRange) => ({
  top: first.row,
  left: first.column,
  bottom: last.row,
  right: last.column,
});

/** What one sheet of the workbook gets: tables, generated cells, and the tables they replace. */
interface SheetWrite {
  readonly tables: TablePlan[];
  readonly cells: LooseCellPlan[];
  readonly replacing: OldTable[];
}

/**
 * Writes the plan's tables into an .xlsx over the tables of the same names, wherever they are (each
 * table's cells are replaced, at its current top-left cell), and keeps everything else: the other sheets,
 * and on this one every cell outside the tables. The plan's title and note cells are written where they
 * are blank or still hold the generated wording. A sheet the workbook lacks is added where
 * `programOrder` (the program's sheet names) puts it. Only the sheet's part, its tables and notes, and
 * the workbook's shared parts change. Throws when a table would grow over cells holding data, and
 * WouldLoseContent for a workbook holding what cannot be kept.
 */
export async function replaceSheetTables(
  existing: Uint8Array,
  sheet: SheetPlan,
  programOrder: readonly string[]
): Promise<ReplacedSheet> {
  await assertRewritable(existing);
  const pkg = await ZipPackage.open(existing);
  // exceljs answers the questions (where the tables are, which cells are free); it writes nothing back.
  const workbook = await loadWorkbook(existing);
  const tables = tablesByName(workbook);
  const home = sheet.tables
    .map((t) => tables.get(t.name.toUpperCase())?.ws)
    .find((ws) => ws !== undefined);
  const ws = home ?? findSheet(workbook, sheet.name);
  if (ws === undefined) {
    const kept = (await WorkbookPart.of(pkg)).sheets().map((s) => s.name);
    const scratch = await writePlanToBuffer({ sheets: [sheet] });
    await graftSheets(pkg, scratch, placedOrder(kept, [sheet.name], programOrder));
    return { buffer: await pkg.save(), sheet: sheet.name, created: true };
  }

  const writes = new Map<Worksheet, SheetWrite>();
  const writeOn = (target: Worksheet): SheetWrite => {
    const write = writes.get(target) ?? { tables: [], cells: [], replacing: [] };
    writes.set(target, write);
    return write;
  };
  for (const table of sheet.tables) {
    const found = tables.get(table.name.toUpperCase());
    const target = found?.ws ?? ws;
    const old = found === undefined ? undefined : loadedRange(found.table);
    const at = old?.first ?? table.topLeft;
    const range = planRange(table, at);
    const filled = firstFilledCell(target, range, old);
    if (filled !== undefined) throw occupied(target, table, range, a1(filled));
    const write = writeOn(target);
    write.tables.push({ ...table, topLeft: at });
    if (found !== undefined && old !== undefined)
      write.replacing.push({ name: found.table.name, block: blockOf(old) });
  }
  for (const cell of sheet.cells) {
    const current = ws.findCell(cell.at.row + 1, cell.at.column + 1)?.value;
    const planned = cell.value;
    const generated =
      current === null ||
      current === undefined ||
      current === "" ||
      (typeof current === "string" && typeof planned === "string" && sameWording(current, planned));
    if (generated) writeOn(ws).cells.push(cell);
  }
  for (const [target, write] of writes)
    await writeTablesOnSheet(pkg, target.name, write.tables, write.cells, write.replacing);
  return { buffer: await pkg.save(), sheet: ws.name, created: false };
}
