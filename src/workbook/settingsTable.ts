import { normaliseName, readText } from "../domain/cells";
import { err, Result } from "../domain/result";
import {
  DEFAULT_PROGRAM_SETTINGS,
  parseSettings,
  ProgramSettings,
  settingField,
  SettingKey,
  SettingsError,
  settingsRows,
} from "../domain/settings";
import { a1 } from "./address";
import { TableValues } from "./readProgram";
import { SETTINGS_COLUMNS, TBL_SETTINGS } from "./settingsSheet";

/**
 * The settings the user edited in the task pane or gave on the command line, and only those: they are what
 * "Update settings" writes and what overrides the workbook's own settings.
 */
export type SettingsEdits = Partial<ProgramSettings>;

/** tblSettings as read: where its columns are and which row holds each setting. */
export interface SettingsTable {
  readonly values: TableValues;
  /** Indexes, in the table, of the Setting and Value columns and of the Note column when there is one. */
  readonly columns: {
    readonly setting: number;
    readonly value: number;
    readonly note: number | undefined;
  };
  /** Index among the data rows of each setting's first row; a setting the table lacks is absent. */
  readonly rows: ReadonlyMap<SettingKey, number>;
}

export const MISSING_SETTINGS_COLUMNS = `${TBL_SETTINGS} needs a ${SETTINGS_COLUMNS.setting} and a ${SETTINGS_COLUMNS.value} column`;

/** Locates tblSettings' columns (by header, ignoring case) and its settings' rows; undefined without them. */
export function locateSettings(values: TableValues): SettingsTable | undefined {
  const header = values.header.map((h) => normaliseName(readText(h) ?? ""));
  const index = (name: string): number | undefined => {
    const i = header.indexOf(normaliseName(name));
    return i < 0 ? undefined : i;
  };
  const setting = index(SETTINGS_COLUMNS.setting);
  const value = index(SETTINGS_COLUMNS.value);
  if (setting === undefined || value === undefined) return undefined;
  const rows = new Map<SettingKey, number>();
  values.rows.forEach((row, i) => {
    const key = settingField(row[setting])?.key;
    if (key !== undefined && !rows.has(key)) rows.set(key, i);
  });
  return { values, columns: { setting, value, note: index(SETTINGS_COLUMNS.note) }, rows };
}

/** Where a setting's Value cell is, as "B7". */
export function valueCell(table: SettingsTable, row: number): string {
  const { topLeft } = table.values;
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
 * the edits over it; or every problem, each with its cell.
 */
export function mergeSettings(
  table: SettingsTable | undefined,
  edits: SettingsEdits
): Result<ProgramSettings, SettingsProblem[]> {
  const pairs: (readonly [unknown, unknown])[] = [];
  const cells = new Map<string, string>();
  if (table) {
    const { setting, value } = table.columns;
    table.values.rows.forEach((row, i) => {
      const key = settingField(row[setting])?.key;
      if (key !== undefined && key in edits) return;
      pairs.push([row[setting], row[value]]);
      const name = readText(row[setting]) ?? "";
      if (!cells.has(name)) cells.set(name, `${table.values.sheet}!${valueCell(table, i)}`);
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

/** What an open workbook's tblSettings says: nothing (no table), the settings, or why they do not read. */
export type WorkbookSettings =
  | { readonly kind: "none" }
  | { readonly kind: "settings"; readonly settings: ProgramSettings }
  | { readonly kind: "problems"; readonly message: string };

/** The settings of tblSettings as read (undefined: the workbook has none), a setting it lacks at its default. */
export function workbookSettings(values: TableValues | undefined): WorkbookSettings {
  if (values === undefined) return { kind: "none" };
  const table = locateSettings(values);
  if (table === undefined) return { kind: "problems", message: MISSING_SETTINGS_COLUMNS };
  const merged = mergeSettings(table, {});
  return merged.ok
    ? { kind: "settings", settings: merged.value }
    : { kind: "problems", message: describeProblems(merged.error) };
}
