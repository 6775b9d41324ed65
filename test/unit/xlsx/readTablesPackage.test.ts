import JSZip from "jszip";
import { readFirstSheet, readTables } from "../../../src/xlsx/readTables";
import { writePlanToBuffer } from "../../../src/xlsx/writePlan";
import { PLAN } from "./plans";
import { python } from "./openpyxlFixture";

/** A workbook an openpyxl script (given its path as sys.argv[1]) built and saved. */
const openpyxl = (script: string): Uint8Array =>
  new Uint8Array(
    Buffer.from(
      python(`
import sys, datetime
from openpyxl import Workbook
from openpyxl.worksheet.table import Table
wb = Workbook()
ws = wb.active
ws.title = "Data"
${script}
wb.save(sys.argv[1])
`),
      "base64"
    )
  );

/** The workbook with one part's text replaced, as a damaged file has it. */
async function withPart(bytes: Uint8Array, part: string, text: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, text);
  return zip.generateAsync({ type: "uint8array" });
}

const utc = (...parts: [number, number, number, number?, number?]): Date =>
  new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0, parts[4] ?? 0));

describe("readTables over the package: files exceljs could not open, in time linear in their cells", () => {
  test("a workbook with a bar chart (exceljs: reading 'anchors' of undefined) reads its table", async () => {
    const bytes = openpyxl(`
from openpyxl.chart import BarChart, Reference
for row in [["Quarter", "Pipeline"], ["Q1", 10], ["Q2", 30], ["Q3", 20]]:
    ws.append(row)
ws.add_table(Table(displayName="tblPipeline", ref="A1:B4"))
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=4), titles_from_data=True)
ws.add_chart(chart, "D2")
`);
    expect((await readTables(bytes)).get("tblPipeline")).toEqual({
      sheet: "Data",
      header: ["Quarter", "Pipeline"],
      rows: [
        ["Q1", 10],
        ["Q2", 30],
        ["Q3", 20],
      ],
      topLeft: { row: 0, column: 0 },
    });
    expect((await readFirstSheet(bytes))?.rows).toHaveLength(3);
  });

  test("a validation over A1:XFD1048576 and 50,000 merged ranges read in seconds, not cell by cell", async () => {
    const bytes = openpyxl(`
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.merge import MergedCellRange
ws.append(["Partner", "Pipeline"])
ws.append(["Acme", 5])
ws.add_table(Table(displayName="tblData", ref="A1:B3"))
dv = DataValidation(type="list", formula1='"a,b"', sqref="A1:XFD1048576")
ws.add_data_validation(dv)
# Added to the list directly: openpyxl's merge_cells would itself take minutes on 50,000 ranges.
for r in range(10, 50010):
    ws.merged_cells.ranges.append(MergedCellRange(ws, "D%d:E%d" % (r, r)))
`);
    const started = Date.now();
    const table = (await readTables(bytes)).get("tblData")!;
    const first = await readFirstSheet(bytes);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(table.rows).toEqual([["Acme", 5]]);
    expect(first?.header).toEqual(["Partner", "Pipeline"]);
  });

  test("dates under built-in and custom formats read as Dates at UTC; numbers under other formats stay numbers", async () => {
    const bytes = openpyxl(`
ws.append(["Built-in", "Custom", "Time", "Quoted", "Red", "Formula"])
ws.append([datetime.datetime(2025, 3, 31), datetime.datetime(2026, 1, 2, 13, 30), 0.75, 12.5, 7, "=A2+1"])
ws["A2"].number_format = "mm-dd-yy"
ws["B2"].number_format = '[$-409]dd/mm/yyyy\\\\ h:mm;@'
ws["C2"].number_format = "h:mm"
ws["D2"].number_format = '0.0 "days"'
ws["E2"].number_format = "[Red]0"
ws.add_table(Table(displayName="tblDates", ref="A1:F2"))
`);
    const { rows } = (await readTables(bytes)).get("tblDates")!;
    expect(rows).toEqual([
      [
        utc(2025, 3, 31),
        utc(2026, 1, 2, 13, 30),
        new Date(Date.UTC(1899, 11, 30, 18)),
        12.5,
        7,
        { formula: "=A2+1" },
      ],
    ]);
  });

  test("the 1904 date system", async () => {
    const bytes = openpyxl(`
from openpyxl.utils.datetime import CALENDAR_MAC_1904
wb.epoch = CALENDAR_MAC_1904
ws.append(["Due"])
ws.append([datetime.datetime(2025, 3, 31)])
ws.add_table(Table(displayName="tblDue", ref="A1:A2"))
`);
    expect((await readTables(bytes)).get("tblDue")!.rows).toEqual([[utc(2025, 3, 31)]]);
  });

  test("a damaged part is one line naming the part and what is wrong, never a library's message", async () => {
    const bytes = await writePlanToBuffer(PLAN);
    const damaged = (part: string, text: string) =>
      withPart(bytes, part, text).then((b) => readTables(b));
    await expect(damaged("xl/worksheets/sheet2.xml", "not a worksheet")).rejects.toThrow(
      /^its part xl\/worksheets\/sheet2\.xml is not XML$/
    );
    await expect(damaged("xl/tables/table1.xml", "<table><tableColumns>")).rejects.toThrow(
      /^its part xl\/tables\/table1\.xml is not XML$/
    );
    const cut = (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!;
    const sheet = await cut.async("string");
    await expect(
      damaged("xl/worksheets/sheet1.xml", sheet.slice(0, sheet.indexOf("</sheetData>")))
    ).rejects.toThrow(/^its part xl\/worksheets\/sheet1\.xml is cut short/);
    await expect(readTables(bytes.slice(0, bytes.length / 2))).rejects.toThrow(
      /^it is not a complete zip archive/
    );
  });
});
