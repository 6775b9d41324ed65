import { Cell, Workbook, Worksheet } from "exceljs";
import { applyPlan, NO_OPTIONAL_FEATURES } from "../../../src/excel/applyPlan";
import { timestampOf } from "../../../src/domain/dealRegistrations";
import { WorkbookPlan } from "../../../src/workbook/plan";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { writePlanToBuffer } from "../../../src/xlsx/writePlan";
import { parseRange, RecordingExcel, SheetState } from "../../support/recordingExcel";

/**
 * One plan, two renderers: what a user sees in each cell (its value or formula, number format, fill, font and
 * wrap) is the same whether the add-in drew it in Excel or the file host wrote the .xlsx.
 */

interface Look {
  readonly content: string | number | boolean | null;
  readonly numberFormat: string | undefined;
  readonly fill: string | undefined;
  readonly font: {
    readonly bold: boolean;
    readonly italic: boolean;
    readonly size: number;
    readonly color: string | undefined;
  };
  readonly wrap: boolean;
}

const DEFAULT_FONT_SIZE = 11;
const general = (format: unknown): string | undefined =>
  format === undefined || format === "General" ? undefined : String(format);
const hex = (argb: string | undefined): string | undefined =>
  argb === undefined ? undefined : `#${argb.slice(-6).toUpperCase()}`;

/** A cell of the .xlsx, as exceljs reads it back. */
function fileLook(cell: Cell): Look {
  const value = cell.value;
  const content =
    value instanceof Date
      ? timestampOf(value) // the date and its time of day, as the cell holds it
      : value !== null && typeof value === "object" && "formula" in value
        ? `=${value.formula}`
        : value === ""
          ? null // Excel keeps no empty text: writing "" empties the cell
          : (value as string | number | boolean | null);
  const fill = cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined;
  return {
    content,
    numberFormat: general(cell.numFmt),
    fill: hex(fill),
    font: {
      bold: cell.font?.bold === true,
      italic: cell.font?.italic === true,
      size: cell.font?.size ?? DEFAULT_FONT_SIZE,
      color: hex(cell.font?.color?.argb),
    },
    wrap: cell.alignment?.wrapText === true,
  };
}

/** A cell as the recording fake of Excel holds it: its content, and every setting whose range covers it, in order. */
function excelLook(sheet: SheetState, row: number, column: number, address: string): Look {
  const content = sheet.cells.get(address);
  const settings = new Map<string, unknown>();
  for (const s of sheet.settings) {
    if (!/^[A-Z]+[0-9]+(:[A-Z]+[0-9]+)?$/.test(s.address)) continue;
    const box = parseRange(s.address);
    if (row < box.top || row > box.bottom || column < box.left || column > box.right) continue;
    const value = Array.isArray(s.value)
      ? (s.value as unknown[][])[row - box.top]![column - box.left]
      : s.value;
    settings.set(s.member, value);
  }
  return {
    content: content === undefined ? null : "formula" in content ? content.formula : content.value,
    numberFormat: general(settings.get("numberFormat")),
    fill: hex(sheet.fills.get(address)?.replace("#", "")),
    font: {
      bold: settings.get("format.font.bold") === true,
      italic: settings.get("format.font.italic") === true,
      size: (settings.get("format.font.size") as number | undefined) ?? DEFAULT_FONT_SIZE,
      color: hex((settings.get("format.font.color") as string | undefined)?.replace("#", "")),
    },
    wrap: settings.get("format.wrapText") === true,
  };
}

/** A merged range shows its first cell's value and format; exceljs repeats them in the others. */
const hiddenByMerge = (cell: Cell): boolean => cell.isMerged && cell.master !== cell;

/** exceljs's types omit the merged ranges a sheet holds, "A2:K2" each. */
const mergesOf = (ws: Worksheet): string[] => (ws.model as unknown as { merges: string[] }).merges;

async function renderBoth(plan: WorkbookPlan): Promise<{ file: Workbook; excel: RecordingExcel }> {
  const excel = new RecordingExcel([]);
  await applyPlan(excel.context, plan, { ...NO_OPTIONAL_FEATURES, pageLayout: true });
  const file = new Workbook();
  await file.xlsx.load(new Uint8Array(await writePlanToBuffer(plan)).buffer);
  return { file, excel };
}

describe("the Excel host and the file host draw the same plan the same way", () => {
  const plan = programWorkbookPlan({
    data: "sample",
    mode: "portable",
    today: new Date(Date.UTC(2026, 5, 30)),
  });
  let rendered: { file: Workbook; excel: RecordingExcel };

  beforeAll(async () => {
    rendered = await renderBoth(plan);
  });

  test.each(plan.sheets.map((s) => s.name))(
    "%s: every cell's value, number format, fill, font and wrap",
    (name) => {
      const ws = rendered.file.getWorksheet(name)!;
      const sheet = rendered.excel.sheet(name);
      const addresses = new Set<string>(sheet.cells.keys());
      ws.eachRow((row) => row.eachCell((cell) => addresses.add(cell.address)));
      expect(addresses.size).toBeGreaterThan(0);
      const differences: string[] = [];
      for (const address of addresses) {
        const { top: row, left: column } = parseRange(address);
        const cell = ws.getCell(row + 1, column + 1);
        if (hiddenByMerge(cell)) continue;
        const inFile = fileLook(cell);
        const inExcel = excelLook(sheet, row, column, address);
        if (JSON.stringify(inFile) !== JSON.stringify(inExcel))
          differences.push(
            `${address}: file ${JSON.stringify(inFile)}, Excel ${JSON.stringify(inExcel)}`
          );
      }
      expect(differences).toEqual([]);
      const merged = sheet.settings.filter((s) => s.member === "merge").map((s) => s.address);
      expect(merged.sort()).toEqual([...mergesOf(ws)].sort());
    }
  );

  test.each(plan.sheets.map((s) => s.name))(
    "%s prints the same: one page wide, its orientation, print area and titles",
    (name) => {
      const setup = rendered.file.getWorksheet(name)!.pageSetup;
      const page = rendered.excel.sheet(name).page;
      const bare = (address: string | undefined) => address?.replace(/\$/g, "");
      expect(setup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(page.orientation?.toLowerCase()).toBe(setup.orientation);
      expect(bare(page.printArea)).toBe(bare(setup.printArea));
      expect(bare(page.titleRows)).toBe(bare(setup.printTitlesRow));
      expect(bare(page.titleColumns)).toBe(bare(setup.printTitlesColumn));
      expect(setup.printTitlesColumn).toMatch(/^A:[A-Z]$/);
    }
  );

  test("the comparison sees the styles: titles, wrapped headers, money and a wrapped long-text column", () => {
    const looks = plan.sheets.flatMap((s) => {
      const sheet = rendered.excel.sheet(s.name);
      return [...sheet.cells.keys()].map((address) => {
        const { top, left } = parseRange(address);
        return excelLook(sheet, top, left, address);
      });
    });
    expect(looks.some((l) => l.font.size === 16 && l.font.bold)).toBe(true);
    expect(looks.some((l) => l.numberFormat === "$#,##0")).toBe(true);
    expect(looks.filter((l) => l.wrap).length).toBeGreaterThan(50);
  });
});
