import { Workbook } from "exceljs";

/** An .xlsx file's bytes as an exceljs Workbook, to read. Browser-safe: no file system. */
export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  // exceljs's types call its input a Buffer extending ArrayBuffer: hand it a fresh ArrayBuffer.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/** A workbook as .xlsx bytes, set to be fully calculated when Excel opens it. */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  // Formulas are written without cached results; Excel fills them in only on a full calculation.
  workbook.calcProperties.fullCalcOnLoad = true;
  // A Node Buffer at run time (typed as an ArrayBuffer by exceljs): copy it into a plain Uint8Array.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
