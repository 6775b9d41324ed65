import { CellValue, Workbook, Worksheet } from "exceljs";
import { CRITERIA } from "../../../src/domain/scoring";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { WorkbookPlan } from "../../../src/workbook/plan";
import { readTables, TableContents } from "../../../src/xlsx/readTables";
import { writePlanToBuffer } from "../../../src/xlsx/writePlan";

/** A fixed day, so that two plans made in one test are the same. */
export const TODAY = new Date(Date.UTC(2026, 10, 2));

export const programPlan = (): WorkbookPlan =>
  programWorkbookPlan({ data: "sample", mode: "portable", today: TODAY });

/**
 * An .xlsx file's bytes as an exceljs Workbook, for tests to look into what the file host wrote (the
 * program itself reads workbooks from their package).
 */
export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  // exceljs's types call its input a Buffer extending ArrayBuffer: hand it a fresh ArrayBuffer.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

export const programBytes = (): Promise<Uint8Array> => writePlanToBuffer(programPlan());

/** Edits an .xlsx with exceljs, as a user would in a spreadsheet, and returns the saved bytes. */
export async function edit(
  bytes: Uint8Array,
  change: (workbook: Workbook) => void
): Promise<Uint8Array> {
  const workbook = await loadWorkbook(bytes);
  change(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const sheet = (workbook: Workbook, name: string): Worksheet => {
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
};

/** The loaded table's model, which a user's edit in Excel changes along with the cells. */
export const tableModel = (
  ws: Worksheet,
  name: string
): { tableRef: string; autoFilterRef?: string } =>
  (ws.getTable(name) as unknown as { table: { tableRef: string; autoFilterRef?: string } }).table;

/** Appends a row to a table: the table grows over it, as when a user types under a table in Excel. */
export function appendRow(ws: Worksheet, name: string, values: readonly CellValue[]): void {
  const model = tableModel(ws, name);
  const [from, to] = model.tableRef.split(":") as [string, string];
  const last = Number(/\d+$/.exec(to)![0]) + 1;
  const firstColumn = ws.getCell(from).col;
  values.forEach((v, i) => (ws.getCell(last, Number(firstColumn) + i).value = v));
  model.tableRef = `${from}:${to.replace(/\d+$/, String(last))}`;
  model.autoFilterRef = model.tableRef;
}

export const RATING = CRITERIA[0]!.label;

/**
 * The user's edits of the brief: a rating and a setting changed, a quarter added to tblQuarterly, a sheet
 * of their own (with a filled-down formula), the Dashboard deleted.
 */
export function userEdits(workbook: Workbook): void {
  const scoring = sheet(workbook, "Scoring");
  // tblScoring starts at A3: its first partner is row 4, the first rating column C.
  if (scoring.getCell("C3").value !== RATING) throw new Error("tblScoring moved");
  scoring.getCell("C4").value = 12;
  const settings = sheet(workbook, "Settings");
  if (settings.getCell("A4").value !== "Company") throw new Error("tblSettings moved");
  settings.getCell("B4").value = "Acme Renamed Ltd";
  appendRow(sheet(workbook, "Quarterly"), "tblQuarterly", [
    "Brand New Partner",
    "2026-Q3",
    250_000,
    0,
    0,
    1,
    "No",
    1,
    "No",
    "Registered",
  ]);
  const notes = workbook.addWorksheet("My Notes");
  notes.getCell("A1").value = "Call Northwind about the Q3 plan";
  notes.getCell("B2").value = 10;
  notes.getCell("B3").value = 20;
  notes.getCell("B4").value = 30;
  notes.fillFormula("C2:C4", "B2*2", [20, 40, 60]);
  notes.getCell("D2").value = { formula: "SUM(tblQuarterly[Pipeline])", date1904: false };
  workbook.removeWorksheet(sheet(workbook, "Dashboard").id);
}

/** Alignment as a spreadsheet shows it when nothing is set: LibreOffice writes these out, exceljs leaves them out. */
const DEFAULT_ALIGNMENT: Readonly<Record<string, unknown>> = {
  horizontal: "general",
  indent: 0,
  shrinkToFit: false,
  textRotation: 0,
  wrapText: false,
};
/** The margins of a note's box when none are given, which exceljs writes out. */
const DEFAULT_NOTE_INSET = [0.13, 0.13, 0.25, 0.25];

/** A style without what is shown the same when left out: two files that look alike compare equal. */
function shownStyle(style: Record<string, unknown> | undefined): unknown {
  if (style === undefined) return undefined;
  const { numFmt, alignment, ...rest } = style;
  const set = Object.entries((alignment ?? {}) as Record<string, unknown>).filter(
    ([key, value]) => DEFAULT_ALIGNMENT[key] !== value
  );
  return {
    ...rest,
    ...(numFmt !== undefined && numFmt !== "General" && { numFmt }),
    ...(set.length > 0 && { alignment: Object.fromEntries(set) }),
  };
}

/** Every cell of a sheet, as exceljs models it (value, formula, style, note), by address. */
export function cellsOf(ws: Worksheet): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const model = JSON.parse(JSON.stringify(cell.model)) as {
        style?: Record<string, unknown>;
        comment?: { note?: { anchor?: unknown; margins?: { inset?: unknown } } };
      };
      // exceljs places a note's pop-up box itself when it writes the file (a known difference).
      delete model.comment?.note?.anchor;
      const margins = model.comment?.note?.margins;
      if (margins !== undefined) {
        const inset = JSON.stringify(margins.inset ?? DEFAULT_NOTE_INSET);
        if (inset === JSON.stringify(DEFAULT_NOTE_INSET)) delete margins.inset;
      }
      cells.set(cell.address, { ...model, style: shownStyle(model.style) });
    })
  );
  return cells;
}

/**
 * Flags left out are off, a rank left out is 0: LibreOffice writes showInputMessage="false" and
 * aboveAverage="0", exceljs leaves them out. The same rules either way.
 */
function withoutDefaults(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDefaults);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => v !== false && !(key === "rank" && v === 0))
      .map(([key, v]) => [key, withoutDefaults(v)])
  );
}

/** What a user would see of a sheet besides its cells: layout, validations, rules, tables. */
export function layoutOf(ws: Worksheet): unknown {
  const internal = ws as unknown as {
    dataValidations: { model: Record<string, unknown> };
    conditionalFormattings: unknown[];
  };
  return JSON.parse(
    JSON.stringify({
      views: ws.views,
      columns: (ws.columns ?? []).map((c) => c.width),
      validations: withoutDefaults(internal.dataValidations.model),
      conditionalFormats: withoutDefaults(internal.conditionalFormattings),
      merges: (ws as unknown as { _merges: object })._merges,
      state: ws.state,
    })
  );
}

export const tablesIn = (bytes: Uint8Array): Promise<Map<string, TableContents>> =>
  readTables(bytes, "formula");

/**
 * Every sheet of `before` (but those named in `except`) is in `after` exactly as it was: cells, styles,
 * notes, layout, validations, conditional formats; and every table reads back the same.
 */
export async function expectKept(
  before: Uint8Array,
  after: Uint8Array,
  except: readonly string[] = []
): Promise<void> {
  const [a, b] = [await loadWorkbook(before), await loadWorkbook(after)];
  for (const ws of a.worksheets.filter((w) => !except.includes(w.name))) {
    const kept = sheet(b, ws.name);
    expect({ sheet: ws.name, cells: cellsOf(kept) }).toEqual({
      sheet: ws.name,
      cells: cellsOf(ws),
    });
    expect({ sheet: ws.name, layout: layoutOf(kept) }).toEqual({
      sheet: ws.name,
      layout: layoutOf(ws),
    });
  }
  const [tablesBefore, tablesAfter] = [await tablesIn(before), await tablesIn(after)];
  for (const [name, table] of tablesBefore) {
    if (!except.includes(table.sheet)) expect(tablesAfter.get(name)).toEqual(table);
  }
}
