import JSZip from "jszip";
import { Workbook, Worksheet } from "exceljs";
import { WorkbookPlan } from "../../../src/workbook/plan";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { quarterlySheetPlan } from "../../../src/workbook/tierSheets";
import { writePlanToBuffer } from "../../../src/xlsx/writePlan";
import { generatePartners } from "../../support/partners";
import { generateQuarters } from "../../support/quarterlyWorkbook";
import { PLAN } from "./plans";

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

/**
 * Text a cell keeps exactly (spaces, line breaks, characters XML escapes, the empty text, a header's text), in two
 * tables side by side sharing rows with loose cells between them, over more rows than a block.
 */
const TRICKY_TEXT = [
  " lead",
  "trail ",
  "two\nlines",
  "",
  "<&>\"'",
  "=SUM(A1:A2)",
  "Partner",
  "Ünïcødé ✓",
];
const SIDE_BY_SIDE: WorkbookPlan = {
  sheets: [
    {
      name: "Side",
      freezeRows: 1,
      cells: [
        { at: { row: 3, column: 3 }, value: "beside", style: "note" },
        {
          at: { row: 12_000, column: 3 },
          value: { formula: "=COUNTA(tblLeft[Partner])" },
          style: "label",
        },
      ],
      tables: [
        {
          name: "tblLeft",
          topLeft: { row: 0, column: 0 },
          columns: [
            { header: "Partner", width: 20, numberFormat: "@" },
            { header: "Pipeline", width: 12, numberFormat: "$#,##0" },
            { header: "Twice", width: 12, numberFormat: "0.0" },
          ],
          rows: Array.from({ length: 12_500 }, (_, i) => [
            TRICKY_TEXT[i % TRICKY_TEXT.length]!,
            i % 7 === 0 ? null : i * 1.5,
            { formula: "=tblLeft[[#This Row],[Pipeline]]*2" },
          ]),
        },
        {
          name: "tblRight",
          topLeft: { row: 1, column: 4 },
          columns: [
            { header: "Flag", width: 8 },
            { header: "Note", width: 30, wrap: true },
          ],
          rows: Array.from({ length: 40 }, (_, i) => [
            i % 2 === 0,
            i % 3 === 0 ? null : `note ${i}`,
          ]),
        },
      ],
    },
  ],
};

const EXCELJS_ONLY = { rowsAsTextFrom: Infinity };

describe.each([
  ["the sample program workbook", () => programWorkbookPlan({ data: "sample", mode: "portable" })],
  ["500 generated partners × 12 quarters", () => largePlan(500)],
  ["tables side by side, loose cells, tricky text", () => SIDE_BY_SIDE],
  ["the hand-made plan of writePlan.test.ts", () => PLAN],
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

describe("rows written as text: the shared strings", () => {
  test("count every text cell and every distinct text; a text typed as _xHHHH_ reads as typed", async () => {
    const typed = "code _x0041_ stays";
    const plan: WorkbookPlan = {
      sheets: [
        {
          ...SIDE_BY_SIDE.sheets[0]!,
          tables: [
            {
              ...SIDE_BY_SIDE.sheets[0]!.tables[0]!,
              rows: [...SIDE_BY_SIDE.sheets[0]!.tables[0]!.rows, [typed, 1, null]],
            },
          ],
        },
      ],
    };
    const bytes = await writePlanToBuffer(plan);
    const zip = await JSZip.loadAsync(bytes);
    const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(Number(/uniqueCount="(\d+)"/.exec(sst)![1])).toBe(sst.match(/<si>/g)!.length);
    expect(Number(/ count="(\d+)"/.exec(sst)![1])).toBe(sheet.match(/ t="s"/g)!.length);
    const ws = (await load(bytes)).getWorksheet("Side")!;
    const last = plan.sheets[0]!.tables[0]!.rows.length + 1;
    expect(ws.getCell(`A${last}`).value).toBe(typed);
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
