import { CsvError, parse } from "csv-parse";
import { createReadStream } from "fs";
import { pipeline } from "stream/promises";
import { UsageError } from "./args";

/**
 * How a CSV file's bytes are text: UTF-8 (a byte-order mark is dropped), Windows-1252 when they are not
 * UTF-8 (older CRMs and Excel's plain "CSV" export), UTF-16 for Excel's "Unicode Text" export.
 */
export type CsvEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/** A file whose first bytes read as CSV text: how to decode it and split its records. */
export interface CsvFile {
  readonly path: string;
  /** The file's name, as findings cite it ("export.csv!C7"). */
  readonly name: string;
  readonly encoding: CsvEncoding;
  readonly delimiter: string;
}

/** How much of a file is read to decide what it is: its header line must end within it. */
export const HEAD_BYTES = 4 * 1024 * 1024;

/**
 * The longest record read: a quote that is never closed would otherwise make the parser hold the rest
 * of the file as one field. Excel's cells hold at most 32,767 characters; a row of them is far below this.
 */
const MAX_RECORD_CHARS = 8 * 1024 * 1024;

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * The delimiter that splits the header line into the most fields, comma on a tie: Excel writes
 * semicolons where the comma is the decimal separator, and tabs in its "Unicode Text" export.
 */
function delimiterOf(header: string): string {
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

/**
 * UTF-16 as Excel's "Unicode Text" writes it: a byte-order mark, or (without one) a zero byte in every
 * other position of the first characters, which text in any single-byte encoding never has.
 */
function utf16Of(head: Uint8Array): CsvEncoding | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  const sample = Math.min(head.length, 64) & ~1;
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros === sample / 2 && evenZeros === 0) return "utf-16le";
  if (evenZeros === sample / 2 && oddZeros === 0) return "utf-16be";
  return undefined;
}

/** Decodes the head of a file: a character cut at its end is no error. Undefined when not `encoding`. */
function decodeHead(head: Uint8Array, encoding: CsvEncoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: encoding === "utf-8" }).decode(head, {
      stream: true,
    });
  } catch {
    return undefined;
  }
}

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
  const utf16 = utf16Of(head);
  if (utf16 === undefined && head.includes(0)) {
    throw new UsageError(
      `${name} is not a CSV file: it holds binary data (save the data as CSV UTF-8, or give an .xlsx workbook)`
    );
  }
  let encoding: CsvEncoding = utf16 ?? "utf-8";
  let text = decodeHead(head, encoding);
  if (text === undefined) {
    encoding = "windows-1252";
    text = decodeHead(head, encoding)!;
  }
  const end = text.search(/[\r\n]/);
  if (end < 0 && !complete) {
    throw new UsageError(
      `${name} is not a CSV file: no line break in its first ${HEAD_BYTES / 1024 / 1024} MB`
    );
  }
  const header = end < 0 ? text : text.slice(0, end);
  return { path, name, encoding, delimiter: delimiterOf(header.replace(/^\uFEFF/, "")) };
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
