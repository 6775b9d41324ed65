import { ProgramSettings } from "../domain/settings";
import { programWorkbookPlan, StartingData } from "../workbook/programPlan";
import { scoredPartnerCount } from "../workbook/scoringSheet";
import { Finding } from "../domain/findings";
import { HostError } from "../excel/errors";
import { chooseTarget } from "../workbook/importRows";
import { countLine } from "../workbook/importDecision";
import { IMPORT_TARGET_NAMES, programImportTargets } from "../workbook/importTargets";
import { TableValues } from "../workbook/readProgram";
import { DEFAULT_WEIGHTS, Ratings } from "../domain/scoring";
import { SAMPLE_PARTNERS } from "../workbook/sample";
import { ScoringReading } from "../workbook/readScoring";
import { BrowserHost, DownloadOutcome, PickedFile, ValidationOutcome } from "./workbookHost";

export const WORKBOOK_FILE_NAME = "partner-program.xlsx";
export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Chromium and Firefox may still be reading the blob after click() returns; FileSaver.js waits 40 s too. */
const REVOKE_AFTER_MS = 40_000;

/**
 * Outside Excel: builds the program workbook file in the page, with the settings of the form, and downloads it. Its
 * formulas are native (portable mode), so it computes in Excel or LibreOffice without the add-in.
 */
export class BrowserWorkbookHost implements BrowserHost {
  readonly kind = "browser";

  async createProgramWorkbook(
    settings: ProgramSettings,
    data: StartingData,
    files: readonly PickedFile[] = []
  ): Promise<DownloadOutcome> {
    // exceljs and the readers weigh more than the rest of the page: their chunk loads only when the user asks for
    // the file.
    const [{ writePlanToBuffer }, { readExportFile, UnreadableExport }, imports] =
      await Promise.all([
        import(/* webpackChunkName: "xlsx" */ "../xlsx/writePlan"),
        import(/* webpackChunkName: "xlsx" */ "../xlsx/exportFile"),
        import(/* webpackChunkName: "xlsx" */ "../xlsx/importIntoWorkbook"),
      ]);
    const plan = programWorkbookPlan({ mode: "portable", data, settings });
    let bytes = await writePlanToBuffer(plan);
    const sources = [];
    for (const file of files) {
      try {
        sources.push(await readExportFile(file.name, file.bytes));
      } catch (e) {
        if (e instanceof UnreadableExport) throw new HostError(e.message, "InvalidArgument");
        throw e;
      }
    }
    const lines: string[] = [];
    const findings: Finding[] = [];
    // The Landscape first, so that the quarterly data's partners are known when it comes in.
    for (const source of byImportOrder(sources)) {
      let imported;
      try {
        imported = await imports.importIntoWorkbook(bytes, WORKBOOK_FILE_NAME, source);
      } catch (e) {
        if (e instanceof imports.ImportRefused) throw new HostError(e.message, "InvalidArgument");
        throw e;
      }
      bytes = imported.bytes ?? bytes;
      lines.push(...imported.decision.counts.map(countLine));
      findings.push(...imported.decision.findings);
    }
    // Blob's typings refuse a view that could be over a SharedArrayBuffer; slice() copies into an ArrayBuffer.
    download(new Blob([bytes.slice()], { type: XLSX_MIME_TYPE }), WORKBOOK_FILE_NAME);
    const partners = scoredPartnerCount(plan);
    const holding =
      files.length > 0
        ? `with the rows of ${files.length === 1 ? "1 file" : `${files.length} files`} imported`
        : partners === 0
          ? "its data tables empty, ready for your partners"
          : `with ${partners} partners scored by native formulas`;
    return {
      message: `${WORKBOOK_FILE_NAME} downloaded: the program workbook for ${settings.company}, ${holding}.`,
      lines,
      findings,
    };
  }

  /** Outside Excel there is no workbook: the sample company's partners, with the playbook's weights. */
  async readScoring(): Promise<ScoringReading> {
    return { weights: DEFAULT_WEIGHTS, partners: sampleRatedPartners(), unrated: 0 };
  }

  async validateFile(file: PickedFile): Promise<ValidationOutcome> {
    // The readers load with the first file; exceljs is not among them.
    const [{ validateFile }, { UnreadableExport }] = await Promise.all([
      import(/* webpackChunkName: "validate" */ "../xlsx/validateFile"),
      import(/* webpackChunkName: "validate" */ "../xlsx/csvSniff"),
    ]);
    try {
      const { findings, actions, summary, partners } = await validateFile(file.name, file.bytes);
      return { findings, actions, summary, partners };
    } catch (e) {
      if (e instanceof UnreadableExport) throw new HostError(e.message, "InvalidArgument");
      throw e;
    }
  }
}

function sampleRatedPartners(): ScoringReading["partners"] {
  return SAMPLE_PARTNERS.flatMap((p) =>
    p.ratings.every((r) => r !== null)
      ? [{ name: p.name, ratings: p.ratings as unknown as Ratings }]
      : []
  );
}

/** Exports in the order of the program's data tables (Landscape first); one no table fits stays where it was. */
function byImportOrder(sources: readonly TableValues[]): TableValues[] {
  const rank = (source: TableValues): number => {
    const chosen = chooseTarget(source.header, programImportTargets());
    return chosen.ok ? IMPORT_TARGET_NAMES.indexOf(chosen.value.name) : IMPORT_TARGET_NAMES.length;
  };
  return sources
    .map((source, i) => ({ source, i, rank: rank(source) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((s) => s.source);
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
