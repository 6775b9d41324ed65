import { CsvError, parse } from "csv-parse/sync";
import { TableValues } from "../workbook/readProgram";
import { UsageError } from "./args";

/**
 * The text of a CSV file: UTF-8 (a byte-order mark is dropped), or Windows-1252 when the bytes are not
 * UTF-8, as older CRMs and Excel's plain "CSV" export write it. Undefined for binary content.
 */
function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * The delimiter that splits the header line into the most fields, comma on a tie: Excel writes
 * semicolons where the comma is the decimal separator, and some exports use tabs.
 */
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

const isBlankRecord = (record: readonly string[]): boolean =>
  record.every((field) => field.trim() === "");

/**
 * A CSV file as a table: its first record is the header, and record n is row n, as Excel shows the file
 * (blank lines are kept as blank rows, so every finding cites the cell a user finds there). Throws a
 * UsageError saying why the bytes are not a CSV with data.
 */
export function csvTable(bytes: Uint8Array, name: string): TableValues {
  const text = decodeText(bytes);
  if (text === undefined) {
    throw new UsageError(
      `${name} is not a CSV file: it holds binary data (save the data as CSV UTF-8, or give an .xlsx workbook)`
    );
  }
  if (text.trim() === "") throw new UsageError(`${name} is empty`);
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    throw new UsageError(`${name} is not a readable CSV file: ${e.message}`);
  }
  const [header = [], ...rows] = records;
  if (rows.every(isBlankRecord)) throw new UsageError(`${name} has no data rows under its header`);
  return { sheet: name, header, rows, topLeft: { row: 0, column: 0 } };
}
