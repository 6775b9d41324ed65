import { a1 } from "../workbook/address";
import { structuredReferences } from "../workbook/names";
import { CellPlan, CellRef, isFormula, SheetPlan, TablePlan, WorkbookPlan } from "../workbook/plan";
import { ExistingWorkbook, planRange, plannedNotes, rangeText } from "./existingWorkbook";
import { graftSheets } from "./package/graftSheets";
import { placedOrder } from "./package/sheetOrder";
import { addTablesToSheet } from "./package/sheetTables";
import { ZipPackage } from "./package/zipPackage";
import { assertEditable } from "./unkeptContent";
import { writePlanToBuffer } from "./writePlan";

/** A sheet or table of the plan left out, and why: adding it would have overwritten or broken something. */
export interface Skipped {
  readonly name: string;
  readonly reason: string;
}

export interface MergeResult {
  /** The workbook with what was added; undefined when it lacked nothing it could be given: leave the file. */
  readonly buffer: Uint8Array | undefined;
  /** The plan's sheets added, in the plan's order. */
  readonly added: string[];
  /** Tables of the plan added to sheets the workbook had. */
  readonly addedTables: { readonly table: string; readonly sheet: string }[];
  /** Every sheet the workbook had, in its order, each kept as it was. */
  readonly kept: string[];
  readonly skipped: Skipped[];
}

const nameKey = (name: string): string => name.toUpperCase();

/** A table or sheet the plan would add, and the formulas it would bring. */
interface Addition {
  readonly name: string;
  readonly tables: readonly TablePlan[];
  readonly formulas: readonly { readonly at: string; readonly formula: string }[];
}

function formulasOf(sheet: string, tables: readonly TablePlan[], loose: SheetPlan["cells"] = []) {
  const formulas: { at: string; formula: string }[] = [];
  const add = (at: CellRef, cell: CellPlan) => {
    if (isFormula(cell)) formulas.push({ at: `${sheet}!${a1(at)}`, formula: cell.formula });
  };
  for (const t of tables) {
    t.rows.forEach((row, r) =>
      row.forEach((cell, c) =>
        add({ row: t.topLeft.row + 1 + r, column: t.topLeft.column + c }, cell)
      )
    );
  }
  for (const cell of loose) add(cell.at, cell.value);
  return formulas;
}

/**
 * What is wrong with the first structured reference of `addition` that names a table or column the
 * workbook would not hold: Excel repairs such a formula into #REF! when it opens the file.
 */
function brokenReference(
  addition: Addition,
  columns: ReadonlyMap<string, ReadonlySet<string>>
): string | undefined {
  for (const { at, formula } of addition.formulas) {
    for (const ref of structuredReferences(formula)) {
      const known = columns.get(nameKey(ref.table));
      if (known === undefined)
        return `its formula at ${at} reads table ${ref.table}, which the workbook lacks`;
      const missing = ref.columns.find((c) => !known.has(nameKey(c)));
      if (missing !== undefined) {
        return `its formula at ${at} reads ${ref.table}[${missing}], a column the workbook's ${ref.table} lacks`;
      }
    }
  }
  return undefined;
}

/**
 * Adds to an .xlsx workbook what it lacks of the plan, and changes nothing else: every sheet it has is kept
 * as it is (values, formulas, formats, the user's own sheets), each missing sheet is added where the plan's
 * order puts it, and a missing table of a sheet it has is added only where that table's cells are empty.
 * A sheet or table is left out, and said so, when its table already lives elsewhere, its cells are in use,
 * or its formulas would read a table or column the workbook lacks. Running it again adds nothing.
 * Throws WouldLoseContent, before reading further, for a workbook holding what cannot be kept.
 */
export async function mergePlanIntoWorkbook(
  existing: Uint8Array,
  plan: WorkbookPlan
): Promise<MergeResult> {
  const pkg = await ZipPackage.open(existing);
  await assertEditable(pkg);
  const workbook = await ExistingWorkbook.open(pkg);
  const kept = workbook.sheetNames();
  const { tables } = workbook;
  const skipped: Skipped[] = [];

  const sheets: { plan: SheetPlan; addition: Addition }[] = [];
  const toExisting: { sheet: string; table: TablePlan; addition: Addition }[] = [];
  for (const sheet of plan.sheets) {
    const missing = sheet.tables.filter((t) => !tables.has(nameKey(t.name)));
    const found = workbook.findSheet(sheet.name);
    if (found === undefined) {
      if (sheet.tables.length > 0 && missing.length === 0) {
        const [first] = sheet.tables;
        const home = tables.get(nameKey(first!.name))!;
        skipped.push({
          name: sheet.name,
          reason: `its table ${home.name} is on the sheet ${home.sheet}`,
        });
        continue;
      }
      const planned: SheetPlan = { ...sheet, tables: missing };
      sheets.push({
        plan: planned,
        addition: {
          name: sheet.name,
          tables: missing,
          formulas: formulasOf(sheet.name, missing, sheet.cells),
        },
      });
      continue;
    }
    for (const table of missing) {
      if (found.part === undefined) {
        skipped.push({
          name: table.name,
          reason: `${found.name} is not a worksheet (a chart sheet?)`,
        });
        continue;
      }
      const range = planRange(table);
      const filled = await workbook.firstFilledCell(found, range, undefined, plannedNotes(table));
      if (filled !== undefined) {
        skipped.push({
          name: table.name,
          reason: `${found.name}!${rangeText(range)} is not empty (${a1(filled.at)} holds ${filled.holds})`,
        });
        continue;
      }
      toExisting.push({
        sheet: found.name,
        table,
        addition: { name: table.name, tables: [table], formulas: formulasOf(found.name, [table]) },
      });
    }
  }

  // Leaving out one addition can break another's references: settle until every one left reads what exists.
  for (let settled = false; !settled;) {
    const columns = new Map<string, ReadonlySet<string>>();
    for (const [key, table] of tables)
      columns.set(key, new Set(table.columns.map((c) => nameKey(c.name))));
    for (const { addition } of [...sheets, ...toExisting]) {
      for (const t of addition.tables)
        columns.set(nameKey(t.name), new Set(t.columns.map((c) => nameKey(c.header))));
    }
    settled = true;
    for (const list of [sheets, toExisting] as { addition: Addition }[][]) {
      for (let i = list.length - 1; i >= 0; i--) {
        const reason = brokenReference(list[i]!.addition, columns);
        if (reason === undefined) continue;
        skipped.push({ name: list[i]!.addition.name, reason });
        list.splice(i, 1);
        settled = false;
      }
    }
  }

  const addedTables = toExisting.map(({ sheet, table }) => ({ table: table.name, sheet }));
  const added = sheets.map((s) => s.plan.name);
  if (added.length === 0 && addedTables.length === 0) {
    return { buffer: undefined, added, addedTables, kept, skipped };
  }
  const bySheet = new Map<string, TablePlan[]>();
  for (const { sheet, table } of toExisting)
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), table]);
  for (const [sheet, tablesToAdd] of bySheet) await addTablesToSheet(pkg, sheet, tablesToAdd);
  if (sheets.length > 0) {
    const scratch = await writePlanToBuffer({ sheets: sheets.map((s) => s.plan) });
    const order = placedOrder(
      kept,
      added,
      plan.sheets.map((s) => s.name)
    );
    await graftSheets(pkg, scratch, order);
  }
  return { buffer: await pkg.save(), added, addedTables, kept, skipped };
}
