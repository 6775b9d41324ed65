import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/** Debian's python3, which has python3-openpyxl (a python3 first on PATH may not). */
const PYTHON = "/usr/bin/python3";

/** Runs a python3 + openpyxl script with the workbook's path as sys.argv[1]; returns what it prints. */
export function python(script: string, bytes?: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "ps-openpyxl-"));
  const path = join(dir, "book.xlsx");
  if (bytes !== undefined) writeFileSync(path, bytes);
  const out = execFileSync(PYTHON, ["-c", script, path], { encoding: "utf8" });
  return bytes === undefined ? readFileSync(path).toString("base64") : out;
}

/**
 * A workbook holding what exceljs used to lose (issue 13), saved by openpyxl: notes on empty cells,
 * internal, tooltip and multi-cell hyperlinks, a hyperlinked number, defined names (a constant, an OFFSET
 * formula, a hidden one, a sheet-scoped one), workbook protection, manual calculation, an autofilter
 * with criteria, a "_x000D_" text, and a table tblData with a formula column.
 */
export function lossFixture(): Uint8Array {
  const script = `
import sys
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.hyperlink import Hyperlink
wb = Workbook()
ws = wb.active
ws.title = "Data"
ws.append(["Partner", "Pipeline", "Double"])
for i, (p, v) in enumerate([("Alpha", 100), ("Beta", 200)]):
    ws.append([p, v, "=B%d*2" % (i + 2)])
t = Table(displayName="tblData", ref="A1:C3")
t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
ws.add_table(t)
ws["E1"].comment = Comment("a note on an empty cell", "Ann")
ws["E2"] = 42
ws["E2"].hyperlink = "https://example.com/n"
ws["F1"] = "go"
ws["F1"].hyperlink = Hyperlink(ref="F1", location="Other!A1", tooltip="jump")
ws["G5"] = "a\\r\\nb"
ws["G6"] = "kept_x000D_escaped"
other = wb.create_sheet("Other")
other["A1"] = "x"
other["A2"] = 5
other.auto_filter.ref = "A1:A10"
other.auto_filter.add_filter_column(0, ["5"])
other["C1"].hyperlink = Hyperlink(ref="C1:D2", location="Data!A1", tooltip="range")
other["H1"].comment = Comment("another empty-cell note", "Bob")
wb.defined_names.append(DefinedName("TaxRate", attr_text="0.2"))
wb.defined_names.append(DefinedName("Window", attr_text="OFFSET(Data!$A$1,0,0,2,1)"))
wb.defined_names.append(DefinedName("Secret", attr_text="Data!$B$2", hidden=True))
wb.defined_names.append(DefinedName("Local", localSheetId=1, attr_text="Other!$A$2"))
wb.security = WorkbookProtection(workbookPassword="pw", lockStructure=True)
wb.calculation.calcMode = "manual"
wb.save(sys.argv[1])
`;
  return new Uint8Array(Buffer.from(python(script), "base64"));
}

/** The workbook as a python3 + openpyxl script (given its path as sys.argv[1]) changed and saved it. */
export function pythonEdit(script: string, bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "ps-openpyxl-"));
  const path = join(dir, "book.xlsx");
  writeFileSync(path, bytes);
  execFileSync(PYTHON, ["-c", script, path]);
  return new Uint8Array(readFileSync(path));
}

/** A workbook with a bar chart over a small table of numbers on its Data sheet, saved by openpyxl. */
export const chartFixture = (): Uint8Array =>
  new Uint8Array(
    Buffer.from(
      python(`
import sys
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
wb = Workbook()
ws = wb.active
ws.title = "Data"
for row in [["Quarter", "Pipeline"], ["Q1", 10], ["Q2", 30], ["Q3", 20]]:
    ws.append(row)
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=4), titles_from_data=True)
ws.add_chart(chart, "D2")
wb.save(sys.argv[1])
`),
      "base64"
    )
  );
