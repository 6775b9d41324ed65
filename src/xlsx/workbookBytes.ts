import { Workbook } from "exceljs";

/** A table as exceljs keeps a loaded one; `style` is null for a table saved without one. */
interface LoadedTableModel {
  style: object | null | undefined;
}

/** A note as exceljs keeps a loaded one with formatted text: margins and all. */
interface LoadedNote {
  note?: string | { margins?: { inset?: unknown } };
}

/** An .xlsx file's bytes as an exceljs Workbook, to read. Browser-safe: no file system. */
export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  // exceljs's types call its input a Buffer extending ArrayBuffer: hand it a fresh ArrayBuffer.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/**
 * An .xlsx file's bytes as an exceljs Workbook, to change and write back. Two things exceljs 4.4 reads
 * from files other programs wrote (LibreOffice's) but would write back wrong are set right here.
 */
export async function loadWorkbookToRewrite(bytes: Uint8Array): Promise<Workbook> {
  const workbook = await loadWorkbook(bytes);
  for (const ws of workbook.worksheets) {
    for (const table of ws.getTables() as unknown as { table: LoadedTableModel }[]) {
      // A table saved without style information cannot be written back: the same "no style", stated.
      table.table.style ??= { showRowStripes: false, showColumnStripes: false };
    }
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        // A note box saved without margins reads as NaN margins, written back as "NaNmm": the defaults.
        const { note } = (cell as unknown as { _comment?: LoadedNote })._comment ?? {};
        const margins = typeof note === "object" ? note.margins : undefined;
        if (margins !== undefined && !isNumbers(margins.inset)) delete margins.inset;
      })
    );
  }
  return workbook;
}

const isNumbers = (value: unknown): boolean =>
  Array.isArray(value) && value.every((v) => typeof v === "number" && Number.isFinite(v));

/** A workbook as .xlsx bytes, set to be fully calculated when Excel opens it. */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  // Formulas are written without cached results; Excel fills them in only on a full calculation.
  workbook.calcProperties.fullCalcOnLoad = true;
  // A Node Buffer at run time (typed as an ArrayBuffer by exceljs): copy it into a plain Uint8Array.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
