import { readFile } from "fs/promises";
import { basename, extname } from "path";
import { TableValues } from "../workbook/readProgram";
import { TBL_QUARTERLY, TBL_TIER_RULES, TBL_TIERS } from "../workbook/tierSheets";
import { readTables, TableContents } from "../xlsx/readTables";
import { UsageError } from "./args";
import { csvTable } from "./csvTable";

/** The tables a validation reads, and how to name the quarterly data in a message. */
export interface ProgramTables {
  /** "program.xlsx, table tblQuarterly" or "export.csv". */
  readonly source: string;
  readonly quarterly: TableValues;
  readonly tiers?: TableValues;
  readonly settings?: TableValues;
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

/** A file's bytes; a UsageError saying why when it cannot be read. */
export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const { code, message } = e as NodeJS.ErrnoException;
    throw new UsageError(
      `cannot read ${path}: ${(code === undefined ? undefined : READ_FAILURES[code]) ?? message}`
    );
  }
}

/** The name of the stream an encrypted .xlsx keeps its package in, as an OLE directory spells it. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/**
 * Excel saves a password-protected .xlsx as an OLE compound file (like an .xls) whose "EncryptedPackage"
 * stream holds the encrypted zip: its directory names that stream.
 */
const isEncryptedPackage = (bytes: Uint8Array): boolean =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE);

/**
 * Throws a UsageError unless the bytes are an .xlsx (a zip archive): `name` is password-protected, an
 * older Excel workbook, or something else.
 */
export function requireXlsx(bytes: Uint8Array, name: string): void {
  if (isZip(bytes)) return;
  if (startsWith(bytes, OLE) && isEncryptedPackage(bytes))
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

/** Error values read as their text ("#N/A"), an uncalculated formula as its text: a finding then quotes it. */
export function tableValues(table: TableContents): TableValues {
  return {
    sheet: table.sheet,
    header: table.header,
    rows: table.rows.map((row) =>
      row.map((cell) =>
        cell === null || typeof cell !== "object" || cell instanceof Date
          ? cell
          : "error" in cell
            ? cell.error
            : cell.formula
      )
    ),
    topLeft: table.topLeft,
  };
}

async function workbookTables(bytes: Uint8Array, name: string): Promise<ProgramTables> {
  let tables: Map<string, TableContents>;
  try {
    tables = await readTables(bytes);
  } catch (e) {
    throw new UsageError(
      `${name} cannot be read as an .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`
    );
  }
  // Excel compares table names ignoring case.
  const find = (wanted: string): TableContents | undefined =>
    [...tables].find(([n]) => n.toLowerCase() === wanted.toLowerCase())?.[1];
  const quarterly = find(TBL_QUARTERLY);
  if (quarterly === undefined) {
    const names = [...tables.keys()];
    const held = names.length === 0 ? "it has no tables" : `its tables: ${names.join(", ")}`;
    throw new UsageError(`${name} has no table ${TBL_QUARTERLY} (${held})`);
  }
  if (quarterly.rows.length === 0) {
    throw new UsageError(`${name}: table ${TBL_QUARTERLY} has no data rows`);
  }
  const tiers = find(TBL_TIERS);
  const settings = find(TBL_TIER_RULES);
  return {
    source: `${name}, table ${TBL_QUARTERLY}`,
    quarterly: tableValues(quarterly),
    ...(tiers && { tiers: tableValues(tiers) }),
    ...(settings && { settings: tableValues(settings) }),
  };
}

/**
 * The program tables of FILE: an .xlsx workbook's tblQuarterly (with tblTiers and tblTierRules when it
 * has them), or a CSV export of quarterly data. The content decides, not the extension, except that a
 * file named .xlsx must be one. Throws a UsageError with the reason when the file cannot be read.
 */
export async function readProgramFile(path: string): Promise<ProgramTables> {
  const bytes = await readBytes(path);
  const name = basename(path);
  if (bytes.length === 0) throw new UsageError(`${name} is empty`);
  if (isZip(bytes)) return workbookTables(bytes, name);
  if (startsWith(bytes, OLE) || /^\.xls[xm]$/i.test(extname(path))) requireXlsx(bytes, name);
  return { source: name, quarterly: csvTable(bytes, name) };
}
