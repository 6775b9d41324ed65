import { open, readFile, stat } from "fs/promises";
import { basename, extname } from "path";
import { isProgramWorkbook, ProgramTableSet } from "../workbook/healthCheck";
import { TBL_LANDSCAPE } from "../workbook/landscapeSheet";
import { TBL_OKRS } from "../workbook/okrsSheet";
import { TBL_QUARTERLY } from "../workbook/tierSheets";
import type { TableContents } from "../xlsx/readTables";
import { programTableSet } from "../xlsx/tableValues";
import { UsageError } from "./args";
import { CsvFile, csvFileOf, HEAD_BYTES } from "./csvTable";

/** The tables of a program workbook the health check reads, and how to name the file in a message. */
export interface ProgramTables {
  /** "program.xlsx". */
  readonly source: string;
  readonly tables: ProgramTableSet;
}

/** An .xlsx is a zip archive. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Excel 97–2003 workbooks (.xls) are OLE compound files. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b);
export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP);

const READ_FAILURES: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

const notRegular = (path: string): UsageError =>
  new UsageError(
    `cannot read ${path}: it is not a regular file (a device, pipe or socket); give a CSV or .xlsx file`
  );

/**
 * A regular file's bytes; a UsageError saying why when it cannot be read (a device such as /dev/zero would
 * never end). `maxBytes`: larger files are refused with `tooLarge`'s sentence, before any byte is read.
 */
export async function readBytes(
  path: string,
  limit?: { readonly maxBytes: number; readonly tooLarge: (bytes: number) => string }
): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error(), { code: "EISDIR" });
    if (!info.isFile()) throw notRegular(path);
    if (limit !== undefined && info.size > limit.maxBytes) {
      throw new UsageError(limit.tooLarge(info.size));
    }
    return await readFile(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const { code, message } = e as NodeJS.ErrnoException;
    throw new UsageError(
      `cannot read ${path}: ${(code === undefined ? undefined : READ_FAILURES[code]) ?? message}`
    );
  }
}

/**
 * Throws a UsageError unless the bytes are an .xlsx (a zip archive): `name` is an older Excel workbook, or
 * something else.
 */
export function requireXlsx(bytes: Uint8Array, name: string): void {
  if (isZip(bytes)) {
    requireWorkbookParts(bytes, name);
    return;
  }
  if (isEncrypted(bytes))
    throw new UsageError(`${name} is password-protected: remove the password in Excel first`);
  if (startsWith(bytes, OLE)) {
    throw new UsageError(
      `${name} is an Excel 97–2003 workbook: save it as .xlsx (or export the data as CSV)`
    );
  }
  throw new UsageError(
    bytes.length === 0
      ? `${name} is empty`
      : `${name} is not an .xlsx workbook (its content is not a zip archive)`
  );
}

/** A name in a zip's directory (names are stored as plain text there). */
const hasEntry = (bytes: Uint8Array, entry: string): boolean =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(entry, 0, "latin1");

/**
 * Throws a UsageError unless a zip archive has an .xlsx workbook's parts: an OpenDocument spreadsheet,
 * a binary .xlsb or any other zip would otherwise fail deep in the reader with its own words.
 */
function requireWorkbookParts(bytes: Uint8Array, name: string): void {
  if (hasEntry(bytes, "xl/workbook.xml")) return;
  if (hasEntry(bytes, "application/vnd.oasis.opendocument.spreadsheet")) {
    throw new UsageError(`${name} is an OpenDocument spreadsheet: save it as .xlsx in LibreOffice`);
  }
  if (hasEntry(bytes, "xl/workbook.bin")) {
    throw new UsageError(`${name} is an Excel binary workbook (.xlsb): save it as .xlsx`);
  }
  throw new UsageError(
    `${name} is a zip archive but not an .xlsx workbook: it has no xl/workbook.xml (another kind of archive, or a damaged workbook)`
  );
}

/**
 * Excel saves a password-protected workbook as an OLE compound file holding an "EncryptedPackage"
 * stream (its directory names are UTF-16): not an Excel 97–2003 workbook, though it starts like one.
 */
function isEncrypted(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, OLE)) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from("EncryptedPackage", "utf16le")
  );
}

async function workbookTables(bytes: Uint8Array, name: string): Promise<ProgramTables> {
  let tables: Map<string, TableContents>;
  try {
    // Loaded here: exceljs takes a third of a second to load, which a CSV has no use for.
    const { readTables } = await import("../xlsx/readTables");
    tables = await readTables(bytes);
  } catch (e) {
    throw new UsageError(
      `${name} cannot be read as an .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`
    );
  }
  const program = programTableSet(tables);
  if (!isProgramWorkbook(program)) {
    const names = [...tables.keys()];
    const held = names.length === 0 ? "it has no tables" : `its tables: ${names.join(", ")}`;
    throw new UsageError(
      `${name} has none of the program's tables (${TBL_QUARTERLY}, ${TBL_LANDSCAPE}, ${TBL_OKRS}…; ${held}): create the program workbook first (partner-strategy workbook --out ${name})`
    );
  }
  return { source: name, tables: program };
}

/** What a program file turned out to be: a workbook read whole, or a CSV file to stream. */
export type ProgramFile =
  | { readonly kind: "workbook"; readonly tables: ProgramTables }
  | { readonly kind: "csv"; readonly csv: CsvFile };

/** The first bytes of a regular file (up to HEAD_BYTES) and whether they are all of it. */
async function readHead(path: string): Promise<{ head: Uint8Array; complete: boolean }> {
  let handle;
  try {
    handle = await open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error(), { code: "EISDIR" });
    if (!stat.isFile()) throw notRegular(path);
    const buffer = Buffer.alloc(Math.min(stat.size, HEAD_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { head: buffer.subarray(0, bytesRead), complete: bytesRead === stat.size };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const { code, message } = e as NodeJS.ErrnoException;
    throw new UsageError(
      `cannot read ${path}: ${(code === undefined ? undefined : READ_FAILURES[code]) ?? message}`
    );
  } finally {
    await handle?.close();
  }
}

/**
 * FILE as program data: an .xlsx workbook's tables (HEALTH_TABLES, those it has), read whole; or a CSV export of quarterly data, only sniffed here (encoding, delimiter) so it can
 * be streamed. The content decides, not the extension, except that a file named .xlsx must be one.
 * Throws a UsageError with the reason when the file cannot be read as either.
 */
export async function openProgramFile(path: string): Promise<ProgramFile> {
  const { head, complete } = await readHead(path);
  const name = basename(path);
  if (head.length === 0) throw new UsageError(`${name} is empty`);
  if (isZip(head) || startsWith(head, OLE)) {
    const bytes = complete ? head : await readBytes(path);
    requireXlsx(bytes, name);
    return { kind: "workbook", tables: await workbookTables(bytes, name) };
  }
  if (/^\.xls[xm]$/i.test(extname(path))) requireXlsx(head, name);
  return { kind: "csv", csv: csvFileOf(path, name, head, complete) };
}
