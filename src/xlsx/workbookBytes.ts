import { Workbook } from "exceljs";

/** A workbook as .xlsx bytes, set to be fully calculated when Excel opens it. */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  // Formulas are written without cached results; Excel fills them in only on a full calculation.
  workbook.calcProperties.fullCalcOnLoad = true;
  // A Node Buffer at run time (typed as an ArrayBuffer by exceljs): copy it into a plain Uint8Array.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
