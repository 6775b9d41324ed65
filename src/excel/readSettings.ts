import { TBL_SETTINGS } from "../workbook/settingsSheet";
import { WorkbookSettings, workbookSettings } from "../workbook/settingsTable";
import { toHostError } from "./errors";
import { ExcelContext } from "./excelModel";
import { queueTable, readTable } from "./readProgramTables";
import { ExcelRun } from "./scaffold";

/** The open workbook's program settings, read from tblSettings in one Excel.run of one sync. */
export async function readSettingsInExcel(run: ExcelRun = Excel.run): Promise<WorkbookSettings> {
  try {
    return await run({}, readSettings);
  } catch (e) {
    throw toHostError(e);
  }
}

/** One sync: tblSettings' look-up and its values. */
export async function readSettings(context: ExcelContext): Promise<WorkbookSettings> {
  const queued = queueTable(context, TBL_SETTINGS, true);
  await context.sync();
  return workbookSettings(readTable(queued)?.values);
}
