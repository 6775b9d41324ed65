import { normaliseName, readText } from "../domain/cells";
import { DEFAULT_PROGRAM_SETTINGS, parseSettings, ProgramSettings } from "../domain/settings";
import { a1 } from "../workbook/address";
import { TableValues } from "../workbook/readProgram";
import { SETTINGS_COLUMNS, TBL_SETTINGS } from "../workbook/settingsSheet";
import { TableContents } from "../xlsx/readTables";
import { UsageError } from "./args";
import { cellReference } from "./formatValidation";
import { readSettingsFile } from "./settingsFile";
import { tableValues } from "./programFile";

/** The program settings a command works with, and where they came from, for its report. */
export interface ResolvedSettings {
  readonly settings: ProgramSettings;
  /** "settings.json", "tblSettings", or "the defaults". */
  readonly source: string;
}

const column = (table: TableValues, header: string): number =>
  table.header.findIndex(
    (h) => typeof h === "string" && normaliseName(h) === normaliseName(header)
  );

/**
 * The settings a workbook's tblSettings holds, as the Setting/Value pairs parseSettings reads. Throws one
 * UsageError naming the file and, for each wrong setting, its cell and what is wrong.
 */
export function settingsFromTable(table: TableValues, file: string): ProgramSettings {
  const settingColumn = column(table, SETTINGS_COLUMNS.setting);
  const valueColumn = column(table, SETTINGS_COLUMNS.value);
  if (settingColumn < 0 || valueColumn < 0) {
    throw new UsageError(
      `${file}: ${TBL_SETTINGS} must have the columns ${SETTINGS_COLUMNS.setting} and ${SETTINGS_COLUMNS.value}`
    );
  }
  const keys = table.rows.map((row) => normaliseName(readText(row[settingColumn]) ?? ""));
  const parsed = parseSettings(
    table.rows.map((row): [unknown, unknown] => [row[settingColumn], row[valueColumn]])
  );
  if (parsed.ok) return parsed.value;
  const problems = parsed.error.map((e) => {
    const key = normaliseName(e.key);
    // A repeated setting is wrong where it repeats; anything else where it first appears.
    const row = e.message.endsWith("appears twice") ? keys.lastIndexOf(key) : keys.indexOf(key);
    if (row < 0) return e.message;
    const at = a1({
      row: table.topLeft.row + 1 + row,
      column: table.topLeft.column + (e.field === undefined ? settingColumn : valueColumn),
    });
    return `${cellReference(table.sheet, at)}: ${e.message}`;
  });
  throw new UsageError(`${file}: ${problems.join("; ")}`);
}

/**
 * The settings from --settings when given, else from the workbook's tblSettings when it has one, else the
 * defaults (the sample company).
 */
export async function resolveSettings(
  settingsPath: string | undefined,
  workbook?: { readonly name: string; readonly tables: ReadonlyMap<string, TableContents> }
): Promise<ResolvedSettings> {
  if (settingsPath !== undefined) {
    return { settings: await readSettingsFile(settingsPath), source: settingsPath };
  }
  const table = workbook && findTable(workbook.tables, TBL_SETTINGS);
  if (workbook !== undefined && table !== undefined) {
    return { settings: settingsFromTable(tableValues(table), workbook.name), source: TBL_SETTINGS };
  }
  return { settings: DEFAULT_PROGRAM_SETTINGS, source: "the defaults" };
}

/** Excel compares table names ignoring case. */
export const findTable = <T>(tables: ReadonlyMap<string, T>, wanted: string): T | undefined =>
  [...tables].find(([n]) => n.toLowerCase() === wanted.toLowerCase())?.[1];
