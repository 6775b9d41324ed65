import JSZip from "jszip";
import { Workbook, Worksheet } from "exceljs";
import { WorkbookPlan } from "../../../src/workbook/plan";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { quarterlySheetPlan } from "../../../src/workbook/tierSheets";
import { writePlanToBuffer } from "../../../src/xlsx/writePlan";
import { generatePartners } from "../../support/partners";
import { generateQuarters } from "../../support/quarterlyWorkbook";

/**
 * The rows of large tables are written as text into the package exceljs wrote (package/tableRowsText.ts): the
 * workbook must read the same as when exceljs writes every row, to exceljs and in the package's own XML.
 */

async function load(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/** Parts of exceljs's Worksheet its types leave out. */
interface WorksheetModel {
  readonly dataValidations: { readonly model: unknown };
  readonly conditionalFormattings: unknown;
  readonly tables: Record<string, { readonly model: unknown }>;
}

/** Everything of a sheet exceljs reads: each cell's value and style, rows, columns, tables, rules, page. */
function sheetReading(ws: Worksheet): unknown {
  const cells: unknown[] = [];
  const rows: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    rows.push([r, row.height, row.hidden]);
    row.eachCell({ includeEmpty: true }, (cell) =>
      cells.push([cell.address, cell.type, cell.value, cell.style])
    );
  });
  const model = ws as unknown as WorksheetModel;
  return {
    name: ws.name,
    dimensions: ws.dimensions.range,
    cells,
    rows,
    columns: (ws.columns ?? []).map((c) => [c.width, c.hidden]),
    merges: ws.model.merges,
    views: ws.views,
    pageSetup: ws.pageSetup,
    validations: model.dataValidations.model,
    conditionalFormats: model.conditionalFormattings,
    tables: Object.values(model.tables).map((t) => t.model),
  };
}

/** A plan with `partners` generated partners and their quarters, as the bench writes it at 10,000. */
function largePlan(partners: number): WorkbookPlan {
  const program = programWorkbookPlan({
    data: "sample",
    mode: "portable",
    partners: generatePartners(partners),
  });
  const quarterly = quarterlySheetPlan(generateQuarters(partners, 12));
  return { sheets: program.sheets.map((s) => (s.name === quarterly.name ? quarterly : s)) };
}

const EXCELJS_ONLY = { rowsAsTextFrom: Infinity };

describe.each([
  ["the sample program workbook", () => programWorkbookPlan({ data: "sample", mode: "portable" })],
  ["500 generated partners × 12 quarters", () => largePlan(500)],
])("rows written as text: %s", (_, makePlan) => {
  let plan: WorkbookPlan;
  let asText: Uint8Array;
  let byExceljs: Uint8Array;
  beforeAll(async () => {
    plan = makePlan();
    asText = await writePlanToBuffer(plan);
    byExceljs = await writePlanToBuffer(plan, EXCELJS_ONLY);
  });

  test("every sheet reads as exceljs alone writes it: values, formulas, styles, tables, rules", async () => {
    const [a, b] = await Promise.all([load(asText), load(byExceljs)]);
    expect(a.worksheets.map((ws) => ws.name)).toEqual(b.worksheets.map((ws) => ws.name));
    for (const ws of b.worksheets)
      expect(sheetReading(a.getWorksheet(ws.name)!)).toEqual(sheetReading(ws));
  });

  test("the formulas' text in the package is the very text exceljs writes", async () => {
    const formulas = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      const texts: string[] = [];
      for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet")))
        for (const m of (await zip.file(name)!.async("string")).matchAll(
          /<c r="([A-Z]+\d+)"[^>]*><f>([^<]*)<\/f>/g
        ))
          texts.push(`${name}!${m[1]}=${m[2]}`);
      return texts.sort();
    };
    const [a, b] = await Promise.all([formulas(asText), formulas(byExceljs)]);
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });
});

describe("rows written as text: progress", () => {
  test("onRows hears the rows written, up to every data row of the plan", async () => {
    const plan = largePlan(100);
    const heard: [number, number][] = [];
    await writePlanToBuffer(plan, { onRows: (written, total) => heard.push([written, total]) });
    const total = plan.sheets.reduce((n, s) => s.tables.reduce((m, t) => m + t.rows.length, n), 0);
    expect(heard.length).toBeGreaterThan(1);
    expect(heard.every(([, t]) => t === total)).toBe(true);
    expect(heard.map(([w]) => w)).toEqual([...heard.map(([w]) => w)].sort((x, y) => x - y));
    expect(heard.at(-1)).toEqual([total, total]);
  });
});
