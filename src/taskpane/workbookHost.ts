import { Finding, FindingSummary } from "../domain/findings";
import { ProgramSettings } from "../domain/settings";
import { TierAction } from "../domain/tiers";
import { HostError } from "../excel/errors";
import { SettingsEdits, WorkbookSettings } from "../workbook/settingsTable";
import { StartingData } from "../workbook/programPlan";
import { ScoringReading } from "../workbook/readScoring";
import { Weights } from "../domain/scoring";

/** What the task pane tells the user once the host has finished. */
export interface HostOutcome {
  /** One sentence, shown as is. */
  readonly message: string;
}

/** What validating the tiers tells the task pane. */
export interface ValidationOutcome {
  readonly findings: readonly Finding[];
  /** What to do with each partner now. */
  readonly actions: readonly TierAction[];
  readonly summary: FindingSummary;
  /** Partners on the Tier Review. */
  readonly partners: number;
}

/** A file the user picked in the task pane: its name, as messages cite it, and its bytes. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What importing a file tells the task pane: a line per table, then the rejected rows and warnings. */
export interface DataImportOutcome {
  /** "Quarterly: added 24, updated 0, unchanged 0, rejected 2". */
  readonly lines: readonly string[];
  readonly findings: readonly Finding[];
}

/** Commands every host has. Each rejects with a HostError when the cause is something the user can act on. */
interface HostCommands {
  /**
   * Builds the program workbook with these settings (in the open workbook, or as a file), its data tables
   * empty or holding the sample.
   */
  createProgramWorkbook(settings: ProgramSettings, data: StartingData): Promise<HostOutcome>;
  /** The scoring weights and rated partners the Weights section works from: the workbook's, or the sample's. */
  readScoring(): Promise<ScoringReading>;
}

/** Inside Excel: the add-in writes into the open workbook, so it can also change its settings and validate it. */
export interface ExcelHost extends HostCommands {
  readonly kind: "excel";
  /** As HostCommands', telling `onRows` after each request how many data rows are written of how many. */
  createProgramWorkbook(
    settings: ProgramSettings,
    data: StartingData,
    onRows?: (written: number, total: number) => void
  ): Promise<HostOutcome>;
  /** The open workbook's own settings (its tblSettings), for the form to show. */
  readSettings(): Promise<WorkbookSettings>;
  /** Writes the settings the user edited into the workbook's Settings table. */
  updateSettings(edits: SettingsEdits): Promise<HostOutcome>;
  /** Creates or refreshes the Roadmap sheet, from the workbook's settings with the user's edits over them. */
  generateRoadmap(edits: SettingsEdits): Promise<HostOutcome>;
  /**
   * Runs the health check, writes the Tier Review and highlights the cells the findings cite; `onRows` hears
   * how many quarterly rows are read, where a large table is read in blocks.
   */
  validateTiers(onRows?: (read: number, total: number) => void): Promise<ValidationOutcome>;
  /** Imports a CRM export (CSV or .xlsx) into the data table its header fits. */
  importData(file: PickedFile): Promise<DataImportOutcome>;
  /** Activates the sheet and selects the cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes the five weights into tblWeights. */
  applyWeights(weights: Weights): Promise<HostOutcome>;
  /** Types the formula into the active cell, where Excel computes it. */
  insertFormula(formula: string): Promise<HostOutcome>;
}

/** What the page outside Excel did: the file downloaded, and what each data file brought into it. */
export interface DownloadOutcome extends HostOutcome, DataImportOutcome {}

/** In a plain browser: the page builds the workbook file and downloads it, and validates a file the user picks. */
export interface BrowserHost extends HostCommands {
  readonly kind: "browser";
  /** Validates a program workbook (.xlsx) or a CSV export of quarterly data in the page: nothing is sent anywhere. */
  validateFile(file: PickedFile): Promise<ValidationOutcome>;
  /** Builds the workbook with the rows of these CRM exports imported into its data tables, and downloads it. */
  createProgramWorkbook(
    settings: ProgramSettings,
    data: StartingData,
    files?: readonly PickedFile[]
  ): Promise<DownloadOutcome>;
}

/**
 * Where the task pane's commands run. Components receive it as a prop, so they never touch Office.js and are
 * tested with a fake. In Excel the pane validates the open workbook; outside, a file the user picks.
 */
export type WorkbookHost = ExcelHost | BrowserHost;

export const UNEXPECTED_FAILURE = "Something unexpected went wrong. Please try again.";

/** The sentence to show for a failed run: the host's own words, never an internal message or stack trace. */
export function failureMessage(error: unknown): string {
  return error instanceof HostError ? error.message : UNEXPECTED_FAILURE;
}
