import { DEFAULT_PROGRAM_SETTINGS, ProgramSettings } from "../domain/settings";
import { COMPETITORS_SHEET } from "./competitorsSheet";
import { LANDSCAPE_SHEET } from "./landscapeSheet";
import { FormulaMode, SheetPlan, WorkbookPlan } from "./plan";
import { programSheets } from "./programSheets";
import { SAMPLE_PARTNERS } from "./sample";
import { RatedPartner, scoringSheetPlan } from "./scoringSheet";
import { tierSheets } from "./tierSheets";

export interface ProgramOptions {
  readonly mode: FormulaMode;
  /** Defaults to the built-in sample. */
  readonly partners?: readonly RatedPartner[];
  /** Defaults to the sample company's settings (a worked example). */
  readonly settings?: ProgramSettings;
  /** Dates the worked example and the roadmap's first review; defaults to now. */
  readonly today?: Date;
}

/** Inserts `inserted` right after the sheet named `name`. */
function after(
  sheets: readonly SheetPlan[],
  name: string,
  inserted: readonly SheetPlan[]
): SheetPlan[] {
  const i = sheets.findIndex((s) => s.name === name);
  if (i < 0) throw new Error(`the program has no ${name} sheet`);
  return [...sheets.slice(0, i + 1), ...inserted, ...sheets.slice(i + 1)];
}

/**
 * The program workbook in the playbook's order: Settings, Thesis, Models, Landscape, Scoring, Competitors,
 * Tiers, Quarterly, Tier Review, Decisions, OKRs, Roadmap, RACI, Executives, Dashboard.
 */
export function programWorkbookPlan(options: ProgramOptions): WorkbookPlan {
  const partners = options.partners ?? SAMPLE_PARTNERS;
  const program = programSheets(
    options.settings ?? DEFAULT_PROGRAM_SETTINGS,
    options.mode,
    options.today ?? new Date(),
    partners
  );
  return assembleProgram(program, options.mode, partners);
}

/** The Scoring sheet after the Landscape, the tier sheets after the Competitors. */
export function assembleProgram(
  program: readonly SheetPlan[],
  mode: FormulaMode,
  partners: readonly RatedPartner[] = SAMPLE_PARTNERS
): WorkbookPlan {
  const withScoring = after(program, LANDSCAPE_SHEET, [scoringSheetPlan(partners, mode)]);
  return { sheets: after(withScoring, COMPETITORS_SHEET, tierSheets(mode)) };
}
