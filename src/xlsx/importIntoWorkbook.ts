import { decideImport, ImportDecision, WorkbookTable } from "../workbook/importDecision";
import { ImportTargetName } from "../workbook/importTargets";
import { TableValues } from "../workbook/readProgram";
import { editTableRows } from "./editTableRows";
import { tableValues } from "./tableValues";
import { readTables } from "./readTables";

/** An import that cannot be done as asked: the export fits no table, the workbook lacks it... One sentence. */
export class ImportRefused extends Error {
  override readonly name = "ImportRefused";
}

export interface WorkbookImport {
  readonly decision: ImportDecision;
  /** The workbook with the rows imported; undefined when nothing changes (or on a dry run). */
  readonly bytes: Uint8Array | undefined;
}

/**
 * Imports an export's rows into an .xlsx workbook (named `name` in messages): reads its tables, decides the import
 * in the domain and edits only the rows it changes, at the package level. Browser-safe: the command line and the
 * page outside Excel share it. Throws ImportRefused when the import cannot be decided.
 */
export async function importIntoWorkbook(
  workbook: Uint8Array,
  name: string,
  source: TableValues,
  options: { readonly into?: ImportTargetName; readonly dryRun?: boolean } = {}
): Promise<WorkbookImport> {
  // Excel compares table names ignoring case.
  const tables = new Map(
    [...(await readTables(workbook))].map(([table, contents]) => [table.toLowerCase(), contents])
  );
  const tableOf = (table: string): WorkbookTable | undefined => {
    const found = tables.get(table.toLowerCase());
    return found && { ...tableValues(found), header: found.header };
  };
  const decided = decideImport(source, tableOf, name, options.into);
  if (!decided.ok) throw new ImportRefused(decided.error);
  const decision = decided.value;
  const changes = decision.edits.some((e) => e.updates.length > 0 || e.appends.length > 0);
  const bytes =
    changes && options.dryRun !== true ? await editTableRows(workbook, decision.edits) : undefined;
  return { decision, bytes };
}
