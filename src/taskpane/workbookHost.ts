import { HostError } from "../excel/errors";
import { WorkbookPlan } from "../workbook/plan";
import { SCORING_SHEET, TBL_SCORING } from "../workbook/scoringSheet";

/** What the task pane tells the user once the host has finished. */
export interface HostOutcome {
  /** One sentence, shown as is. */
  readonly message: string;
}

/**
 * Where the task pane's command runs: inside Excel (the add-in writes the sheet into the open workbook), or in
 * a plain browser (the page builds the workbook file and downloads it). Components receive it as a prop, so
 * they never touch Office.js and are tested with a fake.
 */
export interface WorkbookHost {
  readonly kind: "excel" | "browser";
  /** Rejects with a HostError when the cause is something the user can act on. */
  createScoringSheet(): Promise<HostOutcome>;
}

export const UNEXPECTED_FAILURE = "Something unexpected went wrong. Please try again.";

/** The sentence to show for a failed run: the host's own words, never an internal message or stack trace. */
export function failureMessage(error: unknown): string {
  return error instanceof HostError ? error.message : UNEXPECTED_FAILURE;
}

/** How many partners the plan's scoring table holds. */
export function scoredPartnerCount(plan: WorkbookPlan): number {
  const sheet = plan.sheets.find((s) => s.name === SCORING_SHEET);
  return sheet?.tables.find((t) => t.name === TBL_SCORING)?.rows.length ?? 0;
}
