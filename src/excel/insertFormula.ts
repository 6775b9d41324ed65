import { ExcelRun, officeSupports, runCommand, Supports } from "./scaffold";

/**
 * Types a formula into the active cell, as the analyst would, in one sync; Excel computes it at once. Returns the
 * cell's sheet-qualified address. A cell being edited, or a protected sheet, is a HostError in words.
 */
export function insertFormula(
  formula: string,
  run: ExcelRun = Excel.run,
  supports: Supports = officeSupports
): Promise<string> {
  return runCommand(run, supports, async (context) => {
    const cell = context.workbook.getActiveCell();
    cell.formulas = [[formula]];
    cell.load(["address"]);
    await context.sync();
    return cell.address;
  });
}
