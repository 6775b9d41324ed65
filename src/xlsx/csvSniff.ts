/**
 * What the first bytes of a file say about it as CSV text: how to decode it and what separates its fields.
 * Browser-safe: the command line's streaming reader and the task pane's import share it.
 */

/** Why an export cannot be read, in one sentence that names the file. */
export class UnreadableExport extends Error {
  override readonly name = "UnreadableExport";
}

/**
 * How a CSV file's bytes are text: UTF-8 (a byte-order mark is dropped), Windows-1252 when they are not
 * UTF-8 (older CRMs and Excel's plain "CSV" export), UTF-16 for Excel's "Unicode Text" export.
 */
export type CsvEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/** How much of a file is read to decide what it is: its header line must end within it. */
export const HEAD_BYTES = 4 * 1024 * 1024;

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
 * The encoding and delimiter of CSV text whose first bytes are `head` (`complete`: the head is the whole
 * file). Throws UnreadableExport when it cannot be CSV text.
 */
export function sniffCsv(
  head: Uint8Array,
  name: string,
  complete: boolean
): { readonly encoding: CsvEncoding; readonly delimiter: string } {
  const utf16 = utf16Of(head);
  if (utf16 === undefined && head.includes(0)) {
    throw new UnreadableExport(
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
    throw new UnreadableExport(
      `${name} is not a CSV file: no line break in its first ${HEAD_BYTES / 1024 / 1024} MB`
    );
  }
  const header = end < 0 ? text : text.slice(0, end);
  return { encoding, delimiter: delimiterOf(header.replace(/^\uFEFF/, "")) };
}
