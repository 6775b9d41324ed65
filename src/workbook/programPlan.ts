import { FormulaMode, WorkbookPlan } from "./plan";
import { SAMPLE_PARTNERS } from "./sample";
import { RatedPartner, scoringSheetPlan } from "./scoringSheet";

export interface ProgramOptions {
  readonly mode: FormulaMode;
  /** Defaults to the built-in sample. */
  readonly partners?: readonly RatedPartner[];
}

/** The program workbook: every sheet of the playbook the product scaffolds, in tab order. */
export function programWorkbookPlan(options: ProgramOptions): WorkbookPlan {
  return { sheets: [scoringSheetPlan(options.partners ?? SAMPLE_PARTNERS, options.mode)] };
}
