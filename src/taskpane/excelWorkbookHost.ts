import { listOf } from "../domain/cells";
import { ProgramSettings } from "../domain/settings";
import { ApplyReport } from "../excel/applyPlan";
import { generateRoadmapInExcel, RoadmapReport } from "../excel/generateRoadmap";
import { readSettingsInExcel } from "../excel/readSettings";
import { RowsWritten } from "../excel/applyPlan";
import { ExcelRun, officeSupports, runInExcel } from "../excel/scaffold";
import { SettingsEdits, WorkbookSettings } from "../workbook/settingsTable";
import { SettingsUpdateReport, updateSettingsInExcel } from "../excel/updateSettings";
import { RowsRead } from "../excel/readProgramTables";
import { selectCell, validateInExcel } from "../excel/validateTiers";
import { programWorkbookPlan, StartingData } from "../workbook/programPlan";
import { scoredPartnerCount } from "../workbook/scoringSheet";
import { HostError } from "../excel/errors";
import { importInExcel } from "../excel/importData";
import { insertFormula } from "../excel/insertFormula";
import { applyWeightsInExcel, readScoringInExcel } from "../excel/weights";
import { Weights } from "../domain/scoring";
import { ScoringReading } from "../workbook/readScoring";
import { countLine } from "../workbook/importDecision";
import {
  DataImportOutcome,
  ExcelHost,
  HostOutcome,
  PickedFile,
  ValidationOutcome,
} from "./workbookHost";

/**
 * Inside Excel: adds the program workbook's sheets to the open workbook, its scores computed by the add-in's =PS
 * functions; writes the settings the user edits; generates the roadmap; validates the tiers of the program it
 * holds, and shows the cell of a finding.
 */
export class ExcelWorkbookHost implements ExcelHost {
  readonly kind = "excel";

  /**
   * Every command runs in `run`: Excel.run (looked up when a command runs, as Excel is defined only once
   * Office is ready), or a test's recording fake of it.
   */
  constructor(private readonly run: ExcelRun = (options, batch) => Excel.run(options, batch)) {}

  readSettings(): Promise<WorkbookSettings> {
    return readSettingsInExcel(this.run);
  }

  async createProgramWorkbook(
    settings: ProgramSettings,
    data: StartingData,
    onRows?: RowsWritten
  ): Promise<HostOutcome> {
    const plan = programWorkbookPlan({ mode: "addin", data, settings });
    const report = await runInExcel(plan, this.run, officeSupports, onRows);
    return { message: programWorkbookSentence(report, scoredPartnerCount(plan)) };
  }

  async updateSettings(edits: SettingsEdits): Promise<HostOutcome> {
    return { message: settingsSentence(await updateSettingsInExcel(edits, this.run)) };
  }

  async generateRoadmap(edits: SettingsEdits): Promise<HostOutcome> {
    return {
      message: roadmapSentence(await generateRoadmapInExcel(edits, new Date(), this.run)),
    };
  }

  validateTiers(onRows?: RowsRead): Promise<ValidationOutcome> {
    return validateInExcel(this.run, officeSupports, onRows);
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return selectCell(sheet, cell, this.run);
  }

  readScoring(): Promise<ScoringReading> {
    return readScoringInExcel(this.run);
  }

  async applyWeights(weights: Weights): Promise<HostOutcome> {
    await applyWeightsInExcel(weights, this.run);
    return {
      message: `Applied the weights ${weights.join("/")} to tblWeights: the Scoring sheet's scores and bands follow.`,
    };
  }

  async insertFormula(formula: string): Promise<HostOutcome> {
    const address = await insertFormula(formula, this.run);
    return { message: `Inserted ${formula} in ${address}.` };
  }

  async importData(file: PickedFile): Promise<DataImportOutcome> {
    // Reading CSV and .xlsx files needs parsers the rest of the pane does not: they load with the first import.
    const { readExportFile, UnreadableExport } = await import(
      /* webpackChunkName: "xlsx" */ "../xlsx/exportFile"
    );
    let source;
    try {
      source = await readExportFile(file.name, file.bytes);
    } catch (e) {
      if (e instanceof UnreadableExport) throw new HostError(e.message, "InvalidArgument");
      throw e;
    }
    const report = await importInExcel(source, undefined, this.run);
    return { lines: report.counts.map(countLine), findings: report.findings };
  }
}

const sheets = (n: number): string => `${n} ${n === 1 ? "sheet" : "sheets"}`;

/** Scaffolding never overwrites: sheets that were already there are reported as kept, untouched. */
export function programWorkbookSentence(report: ApplyReport, partners: number): string {
  const { created, kept, chartsLeftOut } = report;
  let sentence: string;
  if (created.length === 0) {
    sentence = "Every sheet of the program workbook already exists; nothing was changed.";
  } else if (kept.length === 0) {
    const holding =
      partners === 0
        ? "its data tables empty, ready for your partners"
        : `with ${partners} partners on the Scoring sheet`;
    sentence = `Created the program workbook: ${sheets(created.length)}, ${holding}.`;
  } else {
    const others = kept.length === 1 ? "the other one was" : `the other ${kept.length} were`;
    sentence = `Created ${sheets(created.length)} (${listOf(created)}); ${others} already there, left untouched.`;
  }
  return [sentence, ...chartsLeftOut].join(" ");
}

export function settingsSentence(report: SettingsUpdateReport): string {
  const { updated, added } = report;
  if (updated.length === 0 && added.length === 0)
    return "The Settings table already holds these settings; nothing was changed.";
  const parts: string[] = [];
  if (updated.length > 0) parts.push(`Updated ${listOf(updated)}`);
  if (added.length > 0) parts.push(`added ${listOf(added)}`);
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} in the Settings table.`;
}

/** "Roadmap for 2027: 19 milestones (3 kept as edited)." */
export function roadmapSentence(report: RoadmapReport): string {
  const edited = report.edited > 0 ? ` (${report.edited} kept as edited)` : "";
  const own =
    report.byHand > 0
      ? `, and ${report.byHand} ${report.byHand === 1 ? "row" : "rows"} of your own`
      : "";
  return `Roadmap for ${report.programYear}: ${report.milestones} milestones${edited}${own}.`;
}
