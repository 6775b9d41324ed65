import { CsvError, parse } from "csv-parse/sync";
import { chooseTarget } from "../workbook/importRows";
import { ImportTargetName, programImportTargets } from "../workbook/importTargets";
import { TableValues } from "../workbook/readProgram";
import { readFirstSheet, readTables, TableContents } from "./readTables";
import { tableValues } from "./tableValues";

/**
 * A CRM export as a table, from its bytes: an .xlsx workbook's table whose header fits one of the program's
 * data tables (else its first sheet), or a CSV file. Browser-safe, so the task pane reads the file the user
 * picks with the same code as the command line.
 */

/** Why an export cannot be read, in one sentence that names the file. */
export class UnreadableExport extends Error {
  override readonly name = "UnreadableExport";
}

/** An .xlsx is a zip archive; Excel 97–2003 workbooks are OLE compound files. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b);

/**
 * The text of a CSV file: UTF-8 (a byte-order mark is dropped), UTF-16 with its byte-order mark (Excel's
 * "Unicode Text"), or Windows-1252 when the bytes are not UTF-8, as older CRMs write it. Undefined for
 * binary content.
 */
function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter that splits the header line into the most fields, comma on a tie. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  let best: string = DELIMITERS[0];
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const fields = header.split(delimiter).length;
    if (fields > most) {
      best = delimiter;
      most = fields;
    }
  }
  return best;
}

/** A CSV export as a table: its first record is the header, record n is row n (blank lines kept as rows). */
function csvExport(bytes: Uint8Array, name: string): TableValues {
  const text = decodeText(bytes);
  if (text === undefined) {
    throw new UnreadableExport(
      `${name} is not a CSV file: it holds binary data (save the data as CSV UTF-8, or as an .xlsx workbook)`
    );
  }
  if (text.trim() === "") throw new UnreadableExport(`${name} is empty`);
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, bom: true });
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
