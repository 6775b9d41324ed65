import { Finding } from "../domain/findings";
import { a1 } from "../workbook/address";
import { chooseTarget, ImportOutcome } from "../workbook/importRows";
import { decideImport, relatedTable, TableCount, WorkbookTable } from "../workbook/importDecision";
import { ImportTargetName, programImportTargets } from "../workbook/importTargets";
import { TableValues } from "../workbook/readProgram";
import { TableRowEdits } from "../workbook/tableEdits";
import { HostFeatures, startRequest, toCellInput } from "./applyPlan";
import { HostError } from "./errors";
import { CellInput, ExcelContext, ExcelRange } from "./excelModel";
import { queueTable, readTable, ReadTable } from "./readProgramTables";
import { cost, OPERATION_OVERHEAD, RequestBatch, jsonBytes } from "./requestBatch";
import { ExcelRun, officeSupports, runCommand, Supports } from "./scaffold";

/** What an import into the open workbook did. */
export interface ExcelImportReport {
  readonly outcome: ImportOutcome;
  /** A count per table written: the target's, then Scoring's when a Landscape import added to it. */
  readonly counts: readonly TableCount[];
  /** The outcome's findings and the unknown-partner warnings, errors first. */
  readonly findings: readonly Finding[];
  readonly syncs: number;
  readonly bytes: number;
}

/** Imports a CRM export's rows into the open workbook as one command: one Ctrl+Z undoes it. */
export function importInExcel(
  source: TableValues,
  into?: ImportTargetName,
  run: ExcelRun = Excel.run,
  supports: Supports = officeSupports
): Promise<ExcelImportReport> {
  return runCommand(run, supports, (context, features) =>
    importTable(context, source, into, features)
  );
}

/** A table read for an import: its cells, and its last data row's formulas (what a new row computes with). */
interface Target {
  readonly read: ReadTable;
  readonly lastRow: ExcelRange;
}

/** Queues a table's read for an import: its whole range, and its last data row's formulas. */
function queueForImport(context: ExcelContext, name: string) {
  const queued = queueTable(context, name, true);
  const lastRow = queued.table.getDataBodyRange().getLastRow();
  lastRow.load(["formulas"]);
  return { queued, lastRow };
}

/**
 * Reads the target table (and the Landscape or Scoring table the import also concerns) in one sync, decides
 * the import in the domain, then writes only the cells it changes and appends the new rows, in requests under
 * the budget: 1 + ⌈bytes / 4 MB⌉ syncs after the read. Nothing else in the workbook changes.
 */
export async function importTable(
  context: ExcelContext,
  source: TableValues,
  into: ImportTargetName | undefined,
  features: HostFeatures
): Promise<ExcelImportReport> {
  const chosen = chooseTarget(source.header, programImportTargets(), into);
  if (!chosen.ok) throw new HostError(`${source.sheet}: ${chosen.error}.`, "InvalidArgument");
  const target = chosen.value;

  const related = relatedTable(target);
  const reads = new Map(
    [target.table, ...(related === undefined ? [] : [related])].map((name) => [
      name.toLowerCase(),
      queueForImport(context, name),
    ])
  );
  await context.sync();
  const found = new Map<string, Target>();
  for (const [name, { queued, lastRow }] of reads) {
    const read = readTable(queued);
    if (read !== undefined) found.set(name, { read, lastRow });
  }
  if (!found.has(target.table.toLowerCase())) {
    throw new HostError(
      `There is no ${target.table} table: create the program workbook first, then import.`,
      "ItemNotFound"
    );
  }
  const tableOf = (name: string): WorkbookTable | undefined => {
    const t = found.get(name.toLowerCase());
    return (
      t && {
        sheet: t.read.range.sheet,
        header: t.read.values.header.map(String),
        rows: t.read.values.rows,
      }
    );
  };
  const decided = decideImport(source, tableOf, "This workbook", into);
  if (!decided.ok) throw new HostError(`${decided.error}.`, "InvalidArgument");
  const { outcome, edits, counts, findings } = decided.value;

  const batch = new RequestBatch(context, () => startRequest(context.application, features));
  for (const e of edits) await writeEdits(batch, found.get(e.table.toLowerCase())!, e);
  await batch.flush();
  return {
    outcome,
    counts,
    findings,
    syncs: 1 + batch.syncs,
    bytes: batch.bytes,
  };
}

async function writeEdits(
  batch: RequestBatch,
  target: Target,
  edits: TableRowEdits
): Promise<void> {
  const { range, values, table } = target.read;
  const column = new Map(values.header.map((h, i) => [String(h).trim().toLowerCase(), i]));
  const at = (header: string): number => {
    const index = column.get(header.trim().toLowerCase());
    if (index === undefined) throw new Error(`${edits.table} has no column ${header}`);
    return index;
  };
  const sheet = table.worksheet;
  for (const update of edits.updates) {
    const cell = a1({
      row: range.first.row + 1 + update.dataRow,
      column: range.first.column + at(update.column),
    });
    // Formula-like text stays text (toCellInput), as the file host writes it.
    const formulas = [[toCellInput(update.value)]];
    await batch.reserve(cost(cell, formulas));
    sheet.getRange(cell).formulas = formulas;
  }
  if (edits.appends.length === 0) return;
  // Formula columns of the new rows get the last row's formulas: the tables' formulas read their own row.
  const [last = []] = target.lastRow.formulas;
  const computed = last.map((f) => (typeof f === "string" && f.startsWith("=") ? f : ""));
  const rows = edits.appends.map((cells) => {
    const row: CellInput[] = computed.slice();
    for (const { column: header, value } of cells) row[at(header)] = toCellInput(value);
    return row;
  });
  const sizes = rows.map(jsonBytes);
  for (let first = 0; first < rows.length;) {
    const count = await batch.reserveRun(sizes, first, OPERATION_OVERHEAD);
    table.rows.add(undefined, rows.slice(first, first + count));
    first += count;
  }
}
