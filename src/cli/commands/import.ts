import { basename } from "path";
import { Finding, sortFindings } from "../../domain/findings";
import {
  chooseTarget,
  countLine,
  ExistingTable,
  ImportOutcome,
  planImport,
  scoringRowsFor,
  TableCount,
  unknownPartners,
} from "../../workbook/importRows";
import {
  IMPORT_TARGET_NAMES,
  ImportTargetName,
  programImportTarget,
  programImportTargets,
} from "../../workbook/importTargets";
import { TBL_LANDSCAPE } from "../../workbook/landscapeSheet";
import { TableValues } from "../../workbook/readProgram";
import { TBL_SCORING } from "../../workbook/scoringSheet";
import { TableRowEdits } from "../../workbook/tableEdits";
import { editTableRows } from "../../xlsx/editTableRows";
import { readExportFile, UnreadableExport } from "../../xlsx/exportFile";
import { readTables, TableContents } from "../../xlsx/readTables";
import { parseCommandLine, UsageError } from "../args";
import { Command } from "../command";
import { findingJson, findingsTable } from "../formatValidation";
import { readBytes, requireXlsx, tableValues } from "../programFile";
import { writeFileSafely } from "../writeWorkbookFile";

const isTargetName = (name: string): name is ImportTargetName =>
  (IMPORT_TARGET_NAMES as readonly string[]).includes(name);

/** Excel compares table names ignoring case. */
const tableNamed = (
  tables: ReadonlyMap<string, TableContents>,
  name: string
): TableContents | undefined =>
  [...tables].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

const existingOf = (table: TableContents): ExistingTable => ({
  header: table.header,
  rows: tableValues(table).rows,
});

async function tablesOf(bytes: Uint8Array, name: string): Promise<Map<string, TableContents>> {
  try {
    return await readTables(bytes);
  } catch (e) {
    throw new UsageError(
      `${name} cannot be read as an .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`
    );
  }
}

/** The export's rows, read from the file at `path`. */
async function readExport(path: string, into: ImportTargetName | undefined): Promise<TableValues> {
  const bytes = await readBytes(path);
  try {
    return await readExportFile(basename(path), bytes, into);
  } catch (e) {
    if (e instanceof UnreadableExport) throw new UsageError(e.message);
    throw e;
  }
}

export const importCommand: Command = {
  name: "import",
  usage: `WORKBOOK.xlsx DATA.csv|DATA.xlsx [--into ${IMPORT_TARGET_NAMES.join("|")}] [--dry-run] [--json]`,
  summary:
    "Import a CRM export into one of the program's data tables (the one --into names, else the one " +
    "whose columns the header has; headers in any order, with the aliases real exports use). Rows are " +
    "keyed (Partner; quarterly: Partner + Quarter; decisions: ID): a new key is added, a known one updated " +
    "in the columns the export carries, nothing else changes. Bad rows are rejected with a finding citing " +
    "the export's cell. Exit code 0 when every row was imported, 1 when some were rejected, 2 when a file " +
    "cannot be read.",
  async run(args, io) {
    const { positionals, values, flags } = parseCommandLine(args, ["into"], ["dry-run", "json"]);
    const [workbookPath, dataPath, extra] = positionals;
    if (workbookPath === undefined)
      throw new UsageError("missing WORKBOOK: the .xlsx to import into");
    if (dataPath === undefined)
      throw new UsageError("missing DATA: the .csv or .xlsx export to import");
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const into = values.into;
    if (into !== undefined && !isTargetName(into)) {
      throw new UsageError(
        `--into must be one of ${IMPORT_TARGET_NAMES.join(", ")}, got "${into}"`
      );
    }

    const bytes = await readBytes(workbookPath);
    const name = basename(workbookPath);
    requireXlsx(bytes, name);
    const tables = await tablesOf(bytes, name);
    const source = await readExport(dataPath, into);
    const chosen = chooseTarget(source.header, programImportTargets(), into);
    if (!chosen.ok) throw new UsageError(`${basename(dataPath)}: ${chosen.error}`);
    const target = chosen.value;
    const table = tableNamed(tables, target.table);
    if (table === undefined) {
      throw new UsageError(
        `${name} has no table ${target.table}: add the program's sheets first (partner-strategy workbook --out ${name})`
      );
    }
    const planned = planImport(target, source, existingOf(table));
    if (!planned.ok) throw new UsageError(`${name}: ${planned.error}`);
    const outcome: ImportOutcome = planned.value;

    const counts: TableCount[] = [{ sheet: table.sheet, table: target.table, ...outcome }];
    const edits: TableRowEdits[] = [outcome.edits];
    const findings: Finding[] = [...outcome.findings];
    const scoring = tableNamed(tables, TBL_SCORING);
    if (target.name === "landscape" && scoring !== undefined) {
      const rows = scoringRowsFor(outcome, programImportTarget("scoring"), existingOf(scoring));
      edits.push(rows.edits);
      counts.push({ sheet: scoring.sheet, table: TBL_SCORING, added: rows.added });
    }
    const landscape = tableNamed(tables, TBL_LANDSCAPE);
    if (target.name === "quarterly" && landscape !== undefined) {
      findings.push(...unknownPartners(outcome, existingOf(landscape), source.sheet));
    }

    const dryRun = flags.has("dry-run");
    const changes = edits.some((e) => e.updates.length > 0 || e.appends.length > 0);
    if (changes && !dryRun) {
      let edited: Uint8Array;
      try {
        edited = await editTableRows(bytes, edits);
      } catch (e) {
        throw new Error(`${name} is left as it is: ${e instanceof Error ? e.message : String(e)}`);
      }
      await writeFileSafely(workbookPath, edited);
    }

    const sorted = sortFindings(findings);
    if (flags.has("json")) {
      const [main, ...also] = counts;
      io.out(
        JSON.stringify({
          table: main!.table,
          added: outcome.added,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          rejected: outcome.rejected,
          also: also.map((c) => ({ table: c.table, added: c.added })),
          dryRun,
          findings: sorted.map(findingJson),
        })
      );
    } else {
      for (const c of counts) io.out(countLine(c));
      if (dryRun) io.out(`--dry-run: ${name} is unchanged`);
      if (sorted.length > 0) for (const line of ["", ...findingsTable(sorted)]) io.out(line);
    }
    return outcome.rejected > 0 ? 1 : 0;
  },
};
