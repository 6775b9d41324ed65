import { normaliseName, readText } from "../domain/cells";
import {
  DEFAULT_PROGRAM_SETTINGS,
  parseSettings,
  ProgramSettings,
  SETTING_FIELDS,
  SettingKey,
  SettingsError,
  settingsRows,
} from "../domain/settings";
import { err, Result } from "../domain/result";
import { a1 } from "../workbook/address";
import { SETTINGS_COLUMNS, TBL_SETTINGS } from "../workbook/settingsSheet";
import { HostError } from "./errors";
import { ReadTable } from "./readProgramTables";

/**
 * The settings the user edited in the task pane, and only those: they are what "Update settings" writes and what
 * overrides the workbook's own settings when the roadmap is generated.
 */
export type SettingsEdits = Partial<ProgramSettings>;

export const NO_SETTINGS_TABLE =
  `There is no ${TBL_SETTINGS} table: create the program workbook first ` +
  `(its Settings sheet holds the settings).`;

/** tblSettings as read: where its columns are and which row holds each setting. */
export interface SettingsTable {
  readonly read: ReadTable;
  /** Indexes, in the table, of the Setting and Value columns and of the Note column when there is one. */
  readonly columns: {
    readonly setting: number;
    readonly value: number;
    readonly note: number | undefined;
  };
  /** Index among the data rows of each setting's first row; a setting the table lacks is absent. */
  readonly rows: ReadonlyMap<SettingKey, number>;
}

const FIELD_BY_NAME: ReadonlyMap<string, SettingKey> = new Map(
  SETTING_FIELDS.flatMap((f) => [
    [normaliseName(f.key), f.key],
    [normaliseName(f.label), f.key],
  ])
);

/** The setting a Setting cell names, read as parseSettings reads it: its key or its label, in any case. */
const fieldOf = (raw: unknown): SettingKey | undefined =>
  FIELD_BY_NAME.get(normaliseName(readText(raw) ?? ""));

/** Locates tblSettings' columns (by header, ignoring case) and its settings' rows. */
export function settingsTable(read: ReadTable): SettingsTable {
  const header = read.values.header.map((h) => normaliseName(readText(h) ?? ""));
  const index = (name: string): number | undefined => {
    const i = header.indexOf(normaliseName(name));
    return i < 0 ? undefined : i;
  };
  const setting = index(SETTINGS_COLUMNS.setting);
  const value = index(SETTINGS_COLUMNS.value);
  if (setting === undefined || value === undefined) {
    throw new HostError(
      `${TBL_SETTINGS} on the ${read.range.sheet} sheet needs a ${SETTINGS_COLUMNS.setting} and a ` +
        `${SETTINGS_COLUMNS.value} column. Rename its headers, then try again.`,
      "InvalidArgument"
    );
  }
  const rows = new Map<SettingKey, number>();
  read.values.rows.forEach((row, i) => {
    const key = fieldOf(row[setting]);
    if (key !== undefined && !rows.has(key)) rows.set(key, i);
  });
  return { read, columns: { setting, value, note: index(SETTINGS_COLUMNS.note) }, rows };
}

/** Where a setting's Value cell is, as "B7". */
export function valueCell(table: SettingsTable, row: number): string {
  const { topLeft } = table.read.values;
  return a1({ row: topLeft.row + 1 + row, column: topLeft.column + table.columns.value });
}

/** The edited settings' Value cells as the Settings sheet holds them: lists comma-separated, shares as fractions. */
export function editedValues(
  edits: SettingsEdits
): { key: SettingKey; label: string; value: string | number }[] {
  return settingsRows({ ...DEFAULT_PROGRAM_SETTINGS, ...edits }).filter((r) => r.key in edits);
}

/** What is wrong with a setting, and the Value cell it is in ("Settings!B7") when it comes from the workbook. */
export interface SettingsProblem extends SettingsError {
  readonly cell: string | undefined;
}

/**
 * The program's settings: the workbook's tblSettings where it has one (a setting it lacks keeps its default), with
 * the task pane's edits over it; or every problem, each with its cell.
 */
export function mergeSettings(
  table: SettingsTable | undefined,
  edits: SettingsEdits
): Result<ProgramSettings, SettingsProblem[]> {
  const pairs: (readonly [unknown, unknown])[] = [];
  const cells = new Map<string, string>();
  if (table) {
    const { setting, value } = table.columns;
    const sheet = table.read.range.sheet;
    table.read.values.rows.forEach((row, i) => {
      const key = fieldOf(row[setting]);
      if (key !== undefined && key in edits) return;
      pairs.push([row[setting], row[value]]);
      const name = readText(row[setting]) ?? "";
      if (!cells.has(name)) cells.set(name, `${sheet}!${valueCell(table, i)}`);
    });
  }
  for (const { key, value } of editedValues(edits)) pairs.push([key, value]);
  const parsed = parseSettings(pairs);
  if (parsed.ok) return parsed;
  return err(parsed.error.map((e) => ({ ...e, cell: cells.get(e.key) })));
}

/** "Settings!B7: Years "x" is not a whole number of years from 1; Company is blank". */
export const describeProblems = (problems: readonly SettingsProblem[]): string =>
  problems.map((p) => (p.cell === undefined ? p.message : `${p.cell}: ${p.message}`)).join("; ");

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
