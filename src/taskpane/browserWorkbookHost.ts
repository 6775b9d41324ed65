import { ProgramSettings } from "../domain/settings";
import { programWorkbookPlan, StartingData } from "../workbook/programPlan";
import { scoredPartnerCount } from "../workbook/scoringSheet";
import { BrowserHost, HostOutcome } from "./workbookHost";

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

  async createProgramWorkbook(settings: ProgramSettings, data: StartingData): Promise<HostOutcome> {
    // exceljs weighs more than the rest of the page: its webpack chunk loads only when the user asks for the file.
    const { writePlanToBuffer } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/writePlan");
    const plan = programWorkbookPlan({ mode: "portable", data, settings });
    const bytes = await writePlanToBuffer(plan);
    // Blob's typings refuse a view that could be over a SharedArrayBuffer; slice() copies into an ArrayBuffer.
    download(new Blob([bytes.slice()], { type: XLSX_MIME_TYPE }), WORKBOOK_FILE_NAME);
    const partners = scoredPartnerCount(plan);
    const holding =
      partners === 0
        ? "its data tables empty, ready for your partners"
        : `with ${partners} partners scored by native formulas`;
    return {
      message: `${WORKBOOK_FILE_NAME} downloaded: the program workbook for ${settings.company}, ${holding}.`,
    };
  }
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
