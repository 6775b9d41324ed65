import { DEFAULT_PROGRAM_SETTINGS, ProgramSettings } from "../domain/settings";
import { COMPETITORS_SHEET } from "./competitorsSheet";
import { LANDSCAPE_SHEET } from "./landscapeSheet";
import { FormulaMode, SheetPlan, WorkbookPlan } from "./plan";
import { BLANK_DATA, ProgramData, programSheets, sampleData } from "./programSheets";
import { RatedPartner, scoringSheetPlan } from "./scoringSheet";
import { tierSheets } from "./tierSheets";

/**
 * What the data tables start with. "blank": nothing, the analyst's own program to fill in or import into.
 * "sample": the fictional company's worked example.
 */
export type StartingData = "blank" | "sample";

interface ProgramBase {
  readonly mode: FormulaMode;
  /** Defaults to the sample company's settings (a worked example). */
  readonly settings?: ProgramSettings;
  /** Dates the worked example and the roadmap's first review; defaults to now. */
  readonly today?: Date;
}

/** The sample's partners can be replaced (tests and the bench scale them up); a blank program has none. */
export type ProgramOptions = ProgramBase &
  (
    | { readonly data: "blank" }
    | { readonly data: "sample"; readonly partners?: readonly RatedPartner[] }
  );

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
 * Tiers, Quarterly, Tier Review, Attribution, Decisions, OKRs, Roadmap, RACI, Executives, Deal Registrations,
 * Dashboard.
 */
export function programWorkbookPlan(options: ProgramOptions): WorkbookPlan {
  const today = options.today ?? new Date();
  const data = options.data === "sample" ? sampleData(today, options.partners) : BLANK_DATA;
  const program = programSheets(
    options.settings ?? DEFAULT_PROGRAM_SETTINGS,
    options.mode,
    today,
    data
  );
  return assembleProgram(program, options.mode, data);
}

/** The Scoring sheet after the Landscape, the tier sheets after the Competitors (so before the Attribution). */
export function assembleProgram(
  program: readonly SheetPlan[],
  mode: FormulaMode,
  data: Pick<ProgramData, "partners" | "quarters">
): WorkbookPlan {
  const withScoring = after(program, LANDSCAPE_SHEET, [scoringSheetPlan(data.partners, mode)]);
  return { sheets: after(withScoring, COMPETITORS_SHEET, tierSheets(mode, data.quarters)) };
}
