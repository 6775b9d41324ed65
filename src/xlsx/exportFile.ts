import { CsvError, parse } from "csv-parse/sync";
import { chooseTarget } from "../workbook/importRows";
import { ImportTargetName, programImportTargets } from "../workbook/importTargets";
import { TableValues } from "../workbook/readProgram";
import { sniffCsv, UnreadableExport } from "./csvSniff";
import { readFirstSheet, readTables, TableContents } from "./readTables";
import { tableValues } from "./tableValues";

export { UnreadableExport };

/**
 * A CRM export as a table, from its bytes: an .xlsx workbook's table whose header fits one of the program's
 * data tables (else its first sheet), or a CSV file. Browser-safe, so the task pane reads the file the user
 * picks with the same code as the command line.
 */

/** An .xlsx is a zip archive; Excel 97–2003 workbooks are OLE compound files. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b);

/** A CSV export as a table: its first record is the header, record n is row n (blank lines kept as rows). */
function csvExport(bytes: Uint8Array, name: string): TableValues {
  const { encoding, delimiter } = sniffCsv(bytes, name, true);
  const text = new TextDecoder(encoding).decode(bytes);
  if (text.trim() === "") throw new UnreadableExport(`${name} is empty`);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, bom: true });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    throw new UnreadableExport(`${name} is not a readable CSV file: ${e.message}`);
  }
  const [header = [], ...rows] = records;
  if (rows.every((r) => r.every((field) => field.trim() === ""))) {
    throw new UnreadableExport(`${name} has no data rows under its header`);
  }
  return { sheet: name, header, rows, topLeft: { row: 0, column: 0 } };
}

async function workbookExport(
  bytes: Uint8Array,
  name: string,
  into: ImportTargetName | undefined
): Promise<TableValues> {
  let tables: Map<string, TableContents>;
  let sheet: TableContents | undefined;
  try {
    tables = await readTables(bytes);
    const fitting = [...tables.values()].find(
      (t) => chooseTarget(t.header, programImportTargets(), into).ok
    );
    if (fitting !== undefined) return tableValues(fitting, `${name} ${fitting.sheet}`);
    sheet = await readFirstSheet(bytes);
  } catch (e) {
    throw new UnreadableExport(
      `${name} cannot be read as an .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`
    );
  }
  if (sheet === undefined) throw new UnreadableExport(`${name} has no data on its first sheet`);
  return tableValues(sheet, `${name} ${sheet.sheet}`);
}

/**
 * The export in `bytes` (named `name` in every message and finding). The content decides, not the extension,
 * except that a file named .xlsx must be a workbook. Throws UnreadableExport saying why it cannot be read.
 */
export async function readExportFile(
  name: string,
  bytes: Uint8Array,
  into?: ImportTargetName
): Promise<TableValues> {
  if (bytes.length === 0) throw new UnreadableExport(`${name} is empty`);
  if (startsWith(bytes, ZIP)) return workbookExport(bytes, name, into);
  if (startsWith(bytes, OLE)) {
    throw new UnreadableExport(
      `${name} is an Excel 97–2003 workbook or a password-protected one: save it as .xlsx without a password, or as CSV`
    );
  }
  if (/\.xls[xm]?$/i.test(name)) {
    throw new UnreadableExport(
      `${name} is not an .xlsx workbook (its content is not a zip archive)`
    );
  }
  return csvExport(bytes, name);
}
