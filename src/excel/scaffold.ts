import { applyPlan, ApplyReport, HostFeatures, RowsWritten } from "./applyPlan";
import { toHostError } from "./errors";
import { ExcelContext } from "./excelModel";
import { WorkbookPlan } from "../workbook/plan";

/** `Office.context.requirements.isSetSupported`, injectable for tests. */
export type Supports = (set: string, version: string) => boolean;

/** The `Excel.run` overload the hosts use; `Excel.run` itself satisfies it. */
export type ExcelRun = <T>(
  options: Excel.RunOptions,
  batch: (context: ExcelContext) => Promise<T>
) => Promise<T>;

/** False outside Office, and before Office.onReady has set `Office.context`. */
export const officeSupports: Supports = (set, version) =>
  typeof Office !== "undefined" &&
  Office.context?.requirements?.isSetSupported(set, version) === true;

/**
 * Applies a plan to the open workbook in one Excel.run: one Ctrl+Z undoes it where Excel can merge undo groups,
 * calculation and repainting wait while each request is applied where Excel can suspend them, and any failure
 * becomes a HostError whose message says what to do.
 */
export function runInExcel(
  plan: WorkbookPlan,
  run: ExcelRun = Excel.run,
  supports: Supports = officeSupports,
  onRows?: RowsWritten
): Promise<ApplyReport> {
  return runCommand(run, supports, (context, features) =>
    applyPlan(context, plan, features, onRows)
  );
}

/**
 * Runs one command of the add-in in one Excel.run, with the optional features this Excel has: one Ctrl+Z undoes
 * it where Excel can merge undo groups, and any failure becomes a HostError.
 */
export async function runCommand<T>(
  run: ExcelRun,
  supports: Supports,
  command: (context: ExcelContext, features: HostFeatures) => Promise<T>
): Promise<T> {
  const api19 = supports("ExcelApi", "1.9");
  const features: HostFeatures = {
    suspendCalculation: supports("ExcelApi", "1.6"),
    suspendScreenUpdating: api19,
    notes: supports("ExcelApi", "1.18"),
    charts: supports("ExcelApi", "1.7"),
    rangeAreas: api19,
    pageLayout: api19,
  };
  const options: Excel.RunOptions = supports("ExcelApi", "1.20") ? { mergeUndoGroup: true } : {};
  try {
    return await run(options, (context) => command(context, features));
  } catch (e) {
    throw toHostError(e);
  }
}
