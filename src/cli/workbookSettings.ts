import { DEFAULT_PROGRAM_SETTINGS, ProgramSettings } from "../domain/settings";
import { TableValues } from "../workbook/readProgram";
import { TBL_SETTINGS } from "../workbook/settingsSheet";
import {
  describeProblems,
  locateSettings,
  mergeSettings,
  MISSING_SETTINGS_COLUMNS,
} from "../workbook/settingsTable";
import { TableContents } from "../xlsx/readTables";
import { UsageError } from "./args";
import { readSettingsFile } from "./settingsFile";
import { tableValues } from "../xlsx/tableValues";

/** The program settings a command works with, and where they came from, for its report. */
export interface ResolvedSettings {
  readonly settings: ProgramSettings;
  /** "settings.json", "tblSettings", or "the defaults". */
  readonly source: string;
}

/**
 * The settings a workbook's tblSettings holds. Throws one UsageError naming the file and, for each wrong
 * setting, its cell and what is wrong.
 */
export function settingsFromTable(values: TableValues, file: string): ProgramSettings {
  const table = locateSettings(values);
  if (table === undefined) throw new UsageError(`${file}: ${MISSING_SETTINGS_COLUMNS}`);
  const merged = mergeSettings(table, {});
  if (merged.ok) return merged.value;
  throw new UsageError(`${file}: ${describeProblems(merged.error)}`);
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
