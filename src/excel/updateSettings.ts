import {
  DEFAULT_PROGRAM_SETTINGS,
  parseSettings,
  SETTING_FIELDS,
  SettingKey,
} from "../domain/settings";
import { a1, rangeA1 } from "../workbook/address";
import { settingsSheetPlan, TBL_SETTINGS } from "../workbook/settingsSheet";
import { HostFeatures, NO_OPTIONAL_FEATURES, startRequest, toCellInput } from "./applyPlan";
import { HostError } from "./errors";
import { ExcelContext } from "./excelModel";
import { queueTable, ReadTable, readTable } from "./readProgramTables";
import { cost, RequestBatch } from "./requestBatch";
import { ExcelRun, officeSupports, runCommand, Supports } from "./scaffold";
import {
  describeProblems,
  editedValues,
  mergeSettings,
  SettingsEdits,
  SettingsTable,
  valueCell,
} from "../workbook/settingsTable";
import { NO_SETTINGS_TABLE, settingsTable } from "./settingsTable";

export interface SettingsUpdateReport {
  /** Labels of the settings whose Value cell was written, in the table's order of settings. */
  readonly updated: string[];
  /** Labels of the settings the table lacked, added as rows at its end. */
  readonly added: string[];
  /** `context.sync` calls made. */
  readonly syncs: number;
}

/** Writes the task pane's edited settings into tblSettings, as one command (one Ctrl+Z undoes it). */
export function updateSettingsInExcel(
  edits: SettingsEdits,
  run: ExcelRun = Excel.run,
  supports: Supports = officeSupports
): Promise<SettingsUpdateReport> {
  return runCommand(run, supports, (context, features) => updateSettings(context, edits, features));
}

/**
 * Writes the edited settings into the Value cells of tblSettings, wherever the table is: the user asked for these
 * values, so their cells are overwritten, and nothing else is (a setting that already holds the value, however it
 * is written, is left as it is). A setting the table lacks gets a row at its end. Refused, with nothing written,
 * when an edit would leave the settings inconsistent (a target ARR below the workbook's current ARR). One sync
 * reads the table, one writes.
 */
export async function updateSettings(
  context: ExcelContext,
  edits: SettingsEdits,
  features: HostFeatures = NO_OPTIONAL_FEATURES
): Promise<SettingsUpdateReport> {
  const queued = queueTable(context, TBL_SETTINGS, true);
  await context.sync();
  const read = readTable(queued);
  if (!read) throw new HostError(NO_SETTINGS_TABLE, "ItemNotFound");
  const table = settingsTable(read);
  checkConsistent(table, edits);

  const changed = editedValues(edits).filter(({ key, value }) => {
    const row = table.rows.get(key);
    return row === undefined || !holds(table, row, key, value);
  });
  const updates = changed.filter((c) => table.rows.has(c.key));
  const additions = changed.filter((c) => !table.rows.has(c.key));

  const batch = new RequestBatch(context, () => startRequest(context.application, features));
  const sheet = read.table.worksheet;
  for (const { key, value } of updates) {
    const cell = valueCell(table, table.rows.get(key)!);
    const input = [[toCellInput(value)]];
    await batch.reserve(cost(cell, input));
    sheet.getRange(cell).formulas = input;
  }
  if (additions.length > 0) await addRows(batch, read, table, additions);
  await batch.flush();

  return {
    updated: updates.map((u) => u.label),
    added: additions.map((a) => a.label),
    syncs: 1 + batch.syncs,
  };
}

/**
 * An edit may be valid in the form (which starts from the defaults) and not in the workbook: a target ARR below the
 * current ARR the workbook holds. Such problems stop the update; the workbook's own (a blank ICP the user did not
 * touch) are not this command's to report.
 */
function checkConsistent(table: SettingsTable, edits: SettingsEdits): void {
  const merged = mergeSettings(table, edits);
  if (merged.ok) return;
  const arr = "currentArr" in edits || "targetArr" in edits;
  const caused = merged.error.filter(
    (p) => (p.field !== undefined && p.field in edits) || (arr && p.field === "targetArr")
  );
  if (caused.length > 0) {
    throw new HostError(
      `${describeProblems(caused)}. Nothing was changed: correct the settings, then update again.`,
      "InvalidArgument"
    );
  }
}

/** Whether a setting's Value cell already holds this value, however it is written there ("30%" holds 0.3). */
function holds(
  table: SettingsTable,
  row: number,
  key: SettingKey,
  value: string | number
): boolean {
  const current = table.values.rows[row]?.[table.columns.value];
  const was = parseSettings([[key, current]]);
  const now = parseSettings([[key, value]]);
  return was.ok && now.ok && JSON.stringify(was.value[key]) === JSON.stringify(now.value[key]);
}

/**
 * Adds a row per missing setting inside tblSettings: rows inserted at its last data row join the table (and move
 * whatever is below it down), pushing that row below them. Each row gets the setting's label, value, note and the
 * Value format the Settings sheet gives it.
 */
async function addRows(
  batch: RequestBatch,
  read: ReadTable,
  table: SettingsTable,
  rows: readonly { key: SettingKey; label: string; value: string | number }[]
): Promise<void> {
  const { range } = read;
  const sheet = read.table.worksheet;
  const { first, last } = range;
  const room = rangeA1(
    { row: last.row, column: first.column },
    { row: last.row + rows.length - 1, column: last.column }
  );
  await batch.reserve(cost(room, "Down"));
  sheet.getRange(room).insert("Down");

  const plan = settingsSheetPlan(DEFAULT_PROGRAM_SETTINGS).tables[0]!;
  const formats = plan.columns.find((c) => c.rowNumberFormats)?.rowNumberFormats ?? [];
  const notes = new Map(plan.rows.map((r) => [r[0], r[2]]));
  const { setting, value, note } = table.columns;
  for (const [i, row] of rows.entries()) {
    const at = (column: number) => a1({ row: last.row + i, column: first.column + column });
    const cells: [string, string | number][] = [
      [at(setting), row.label],
      [at(value), row.value],
    ];
    const text = notes.get(row.label);
    if (note !== undefined && typeof text === "string") cells.push([at(note), text]);
    for (const [cell, content] of cells) {
      const input = [[toCellInput(content)]];
      await batch.reserve(cost(cell, input));
      sheet.getRange(cell).formulas = input;
    }
    const format = formats[SETTING_FIELDS.findIndex((f) => f.key === row.key)];
    if (format !== undefined) {
      await batch.reserve(cost(at(value), format));
      sheet.getRange(at(value)).numberFormat = format;
    }
  }
}
