import { a1 } from "../workbook/address";
import { CellRef, LooseCellPlan, SheetPlan, TablePlan } from "../workbook/plan";
import { sameWording } from "../workbook/roadmapRefresh";
import {
  CellRange,
  ExistingWorkbook,
  planRange,
  plannedNotes,
  rangeOfBlock,
  rangeText,
} from "./existingWorkbook";
import { graftSheets } from "./package/graftSheets";
import { placedOrder } from "./package/sheetOrder";
import { OldTable, writeTablesOnSheet } from "./package/sheetTables";
import { ZipPackage } from "./package/zipPackage";
import { assertEditable, assertReplaceable } from "./unkeptContent";
import { writePlanToBuffer } from "./writePlan";

export interface ReplacedSheet {
  readonly buffer: Uint8Array;
  /** The sheet written: the one holding the plan's first table, wherever the user moved it. */
  readonly sheet: string;
  /** Whether the workbook lacked the sheet, which was added where the program's order puts it. */
  readonly created: boolean;
}

const occupied = (
  sheet: string,
  table: TablePlan,
  range: CellRange,
  at: CellRef,
  holds: string
): Error =>
  new Error(
    `${sheet}!${a1(at)} holds ${holds} where the new ${table.name} (${sheet}!${rangeText(range)}) would go: move it, then run again`
  );

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
  const pkg = await ZipPackage.open(existing);
  await assertEditable(pkg);
  const workbook = await ExistingWorkbook.open(pkg);
  const { tables } = workbook;
  const home = sheet.tables
    .map((t) => tables.get(t.name.toUpperCase())?.sheet)
    .find((name) => name !== undefined);
  const ws = workbook.findSheet(home ?? sheet.name);
  if (ws === undefined) {
    const scratch = await writePlanToBuffer({ sheets: [sheet] });
    await graftSheets(pkg, scratch, placedOrder(workbook.sheetNames(), [sheet.name], programOrder));
    return { buffer: await pkg.save(), sheet: sheet.name, created: true };
  }
  if (ws.part === undefined)
    throw new Error(`${ws.name} is not a worksheet (a chart sheet?): rename it, then run again`);

  const writes = new Map<string, SheetWrite>();
  const writeOn = (target: string): SheetWrite => {
    const write = writes.get(target) ?? { tables: [], cells: [], replacing: [] };
    writes.set(target, write);
    return write;
  };
  for (const table of sheet.tables) {
    const found = tables.get(table.name.toUpperCase());
    const target = found === undefined ? ws : workbook.findSheet(found.sheet)!;
    const old = found === undefined ? undefined : rangeOfBlock(found.block);
    const at = old?.first ?? table.topLeft;
    const range = planRange(table, at);
    const filled = await workbook.firstFilledCell(target, range, old, plannedNotes(table, at));
    if (filled !== undefined) throw occupied(target.name, table, range, filled.at, filled.holds);
    const write = writeOn(target.name);
    write.tables.push({ ...table, topLeft: at });
    if (found !== undefined) write.replacing.push({ name: found.name, block: found.block });
  }
  for (const cell of sheet.cells) {
    const current = await workbook.cellValue(ws, cell.at);
    const planned = cell.value;
    const generated =
      current === undefined ||
      current === "" ||
      (typeof current === "string" && typeof planned === "string" && sameWording(current, planned));
    if (generated) writeOn(ws.name).cells.push(cell);
  }
  await assertReplaceable(
    pkg,
    sheet.tables.flatMap((t) => tables.get(t.name.toUpperCase()) ?? [])
  );
  for (const [target, write] of writes)
    await writeTablesOnSheet(pkg, target, write.tables, write.cells, write.replacing);
  return { buffer: await pkg.save(), sheet: ws.name, created: false };
}
