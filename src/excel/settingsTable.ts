import { ProgramSettings } from "../domain/settings";
import {
  describeProblems,
  locateSettings,
  mergeSettings,
  MISSING_SETTINGS_COLUMNS,
  SettingsEdits,
  SettingsTable,
} from "../workbook/settingsTable";
import { TBL_SETTINGS } from "../workbook/settingsSheet";
import { HostError } from "./errors";
import { ReadTable } from "./readProgramTables";

export const NO_SETTINGS_TABLE =
  `There is no ${TBL_SETTINGS} table: create the program workbook first ` +
  `(its Settings sheet holds the settings).`;

/** tblSettings located, or a HostError asking the user to restore its columns. */
export function settingsTable(read: ReadTable): SettingsTable {
  const table = locateSettings(read.values);
  if (table === undefined) {
    throw new HostError(
      `${MISSING_SETTINGS_COLUMNS} (on the ${read.range.sheet} sheet). Rename its headers, then try again.`,
      "InvalidArgument"
    );
  }
  return table;
}

/** mergeSettings, or a HostError naming each problem's cell for the user to correct. */
export function programSettings(
  table: SettingsTable | undefined,
  edits: SettingsEdits
): ProgramSettings {
  const merged = mergeSettings(table, edits);
  if (merged.ok) return merged.value;
  throw new HostError(
    `The program settings have problems: ${describeProblems(merged.error)}. Correct them, then try again.`,
    "InvalidArgument"
  );
}
