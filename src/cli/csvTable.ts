import { CsvError, parse } from "csv-parse";
import { createReadStream } from "fs";
import { pipeline } from "stream/promises";
import { CsvEncoding, sniffCsv, UnreadableExport } from "../xlsx/csvSniff";
import { UsageError } from "./args";

export type { CsvEncoding };
export { HEAD_BYTES } from "../xlsx/csvSniff";

/** A file whose first bytes read as CSV text: how to decode it and split its records. */
export interface CsvFile {
  readonly path: string;
  /** The file's name, as findings cite it ("export.csv!C7"). */
  readonly name: string;
  readonly encoding: CsvEncoding;
  readonly delimiter: string;
}

/**
 * The longest record read: a quote that is never closed would otherwise make the parser hold the rest
 * of the file as one field. Excel's cells hold at most 32,767 characters; a row of them is far below this.
 */
const MAX_RECORD_CHARS = 8 * 1024 * 1024;

/**
 * What the first bytes of a file say about it as CSV: its encoding and delimiter. `complete`: the head
 * is the whole file. Throws a UsageError when it cannot be CSV text.
 */
export function csvFileOf(
  path: string,
  name: string,
  head: Uint8Array,
  complete: boolean
): CsvFile {
  try {
    return { path, name, ...sniffCsv(head, name, complete) };
  } catch (e) {
    if (e instanceof UnreadableExport) throw new UsageError(e.message);
    throw e;
  }
}

/** The file is not UTF-8 after all, past its head: it is read again as Windows-1252. */
export class NotUtf8 extends Error {
  override readonly name = "NotUtf8";
}

/** Thrown through the parser to stop reading when the caller has what it needs. */
const STOP = new Error("stopped");

const binary = (name: string): UsageError =>
  new UsageError(
    `${name} is not a CSV file: it holds binary data past its first lines (save the data as CSV UTF-8, or give an .xlsx workbook)`
  );

/**
 * Reads a CSV file record by record, in constant memory: `onRecord` gets each record (the header first)
 * as its fields, and returns false to stop reading. Resolves to "stopped" or "done". Throws NotUtf8 when
 * a UTF-8 file turns out not to be, and a UsageError when the text is not CSV (an unclosed quote, a
 * record longer than any spreadsheet row, binary data).
 */
export async function readCsvRecords(
  file: CsvFile,
  encoding: CsvEncoding,
  onRecord: (record: string[]) => boolean
): Promise<"stopped" | "done"> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
  const singleByte = encoding === "utf-8" || encoding === "windows-1252";
  async function* text(): AsyncGenerator<string> {
    for await (const chunk of createReadStream(file.path, { highWaterMark: 1024 * 1024 })) {
      const bytes = chunk as Buffer;
      if (singleByte && bytes.includes(0)) throw binary(file.name);
      yield decoder.decode(bytes, { stream: true });
    }
    yield decoder.decode();
  }
  const parser = parse({
    delimiter: file.delimiter,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  let stopped = false;
  parser.on("data", (record: string[]) => {
    if (stopped) return;
    if (!onRecord(record)) {
      stopped = true;
      parser.destroy(STOP);
    }
  });
  try {
    await pipeline(text, parser);
    return "done";
  } catch (e) {
    if (e === STOP) return "stopped";
    if ((e as NodeJS.ErrnoException).code === "ERR_ENCODING_INVALID_ENCODED_DATA") {
      throw new NotUtf8();
    }
    if (e instanceof CsvError) {
      throw new UsageError(`${file.name} is not a readable CSV file: ${e.message}`);
    }
    throw e;
  }
}
