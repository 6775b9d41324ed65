import { ApplyReport } from "../excel/applyPlan";
import { runInExcel } from "../excel/scaffold";
import { selectCell, validateInExcel } from "../excel/validateTiers";
import { programWorkbookPlan } from "../workbook/programPlan";
import { SCORING_SHEET } from "../workbook/scoringSheet";
import { ExcelHost, HostOutcome, ValidationOutcome, scoredPartnerCount } from "./workbookHost";

/**
 * Inside Excel: adds the Scoring sheet to the open workbook, scored by the add-in's =PS functions; validates the
 * tiers of the program it holds, and shows the cell of a finding.
 */
export class ExcelWorkbookHost implements ExcelHost {
  readonly kind = "excel";

  async createScoringSheet(): Promise<HostOutcome> {
    const plan = programWorkbookPlan({ mode: "addin" });
    const report = await runInExcel(plan);
    return { message: scoringSheetSentence(report, scoredPartnerCount(plan)) };
  }

  validateTiers(): Promise<ValidationOutcome> {
    return validateInExcel();
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return selectCell(sheet, cell);
  }
}

/** Scaffolding never overwrites: a sheet that was already there is reported as kept, untouched. */
export function scoringSheetSentence(report: ApplyReport, partners: number): string {
  if (report.created.includes(SCORING_SHEET)) {
    return `Created the ${SCORING_SHEET} sheet with ${partners} partners.`;
  }
  return `The ${SCORING_SHEET} sheet already exists; nothing was changed.`;
}
