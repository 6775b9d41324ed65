import { basename } from "path";
import { countLine } from "../../workbook/importDecision";
import { IMPORT_TARGET_NAMES, ImportTargetName } from "../../workbook/importTargets";
import { TableValues } from "../../workbook/readProgram";
import { readExportFile, UnreadableExport } from "../../xlsx/exportFile";
import { ImportRefused, importIntoWorkbook, WorkbookImport } from "../../xlsx/importIntoWorkbook";
import { UnreadablePackage } from "../../xlsx/package/unreadablePackage";
import { parseCommandLine, UsageError } from "../args";
import { Command } from "../command";
import { findingJson, findingsTable } from "../formatValidation";
import { readBytes, requireXlsx } from "../programFile";
import { writeFileSafely } from "../writeWorkbookFile";

const isTargetName = (name: string): name is ImportTargetName =>
  (IMPORT_TARGET_NAMES as readonly string[]).includes(name);

/**
 * An export is read whole, and its rows are checked and compared with the table's in memory: 120,000 quarterly rows
 * (7 MB) take about 9 s and 550 MB here (`npm run bench`), so 16 MB stays within a minute and a few GB.
 */
const MAX_EXPORT_BYTES = 16 * 1024 * 1024;

/** The export's rows, read from the file at `path`. */
async function readExport(path: string, into: ImportTargetName | undefined): Promise<TableValues> {
  const bytes = await readBytes(path, {
    maxBytes: MAX_EXPORT_BYTES,
    tooLarge: (size) =>
      `${basename(path)} is ${Math.round(size / 1024 / 1024)} MB: import takes exports up to ${MAX_EXPORT_BYTES / 1024 / 1024} MB; split it (by year or region) and import each part`,
  });
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
    const source = await readExport(dataPath, into);
    const dryRun = flags.has("dry-run");
    let imported: WorkbookImport;
    try {
      imported = await importIntoWorkbook(bytes, name, source, { into, dryRun });
    } catch (e) {
      if (e instanceof ImportRefused) throw new UsageError(e.message);
      if (e instanceof UnreadablePackage) {
        throw new UsageError(`${name} cannot be read as an .xlsx workbook: ${e.message}`);
      }
      throw new Error(`${name} is left as it is: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (imported.bytes !== undefined) await writeFileSafely(workbookPath, imported.bytes);
    const { outcome, counts, findings } = imported.decision;

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
          findings: findings.map(findingJson),
        })
      );
    } else {
      for (const c of counts) io.out(countLine(c));
      if (dryRun) io.out(`--dry-run: ${name} is unchanged`);
      if (findings.length > 0) for (const line of ["", ...findingsTable(findings)]) io.out(line);
    }
    return outcome.rejected > 0 ? 1 : 0;
  },
};
