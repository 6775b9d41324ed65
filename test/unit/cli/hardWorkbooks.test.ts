import JSZip from "jszip";
import { mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { chartFixture, pythonEdit } from "../xlsx/openpyxlFixture";
import { programBytes } from "../xlsx/userEdits";
import { run } from "./run";

/**
 * Workbooks exceljs could not open or took minutes over (issue 13), through the commands that read them:
 * each finishes in seconds, or stops with one line saying why.
 */

let dir: string;
/** The sample program workbook, saved by openpyxl with a bar chart on its Dashboard. */
let charted: Uint8Array;
beforeAll(async () => {
  charted = pythonEdit(
    `
import sys
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
wb = load_workbook(sys.argv[1])
ws = wb["Quarterly"]
chart = BarChart()
chart.add_data(Reference(ws, min_col=3, min_row=3, max_row=10), titles_from_data=True)
wb["Dashboard"].add_chart(chart, "H2")
wb.save(sys.argv[1])
`,
    await programBytes()
  );
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ps-cli-hard-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const QUARTERLY_CSV =
  "Partner,Quarter,Pipeline,Recorded Tier\nZenith Partners,2026-Q1,150000,Silver\n";

/** Runs a command and says how long it took. */
async function timed(...argv: string[]) {
  const started = Date.now();
  const result = await run(...argv);
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

describe("commands on workbooks saved by openpyxl with a chart", () => {
  test("validate reads the tables and reports findings", async () => {
    const { code, err, seconds } = await timed("validate", await file("charted.xlsx", charted));
    expect(err).toEqual([]);
    expect([0, 1]).toContain(code);
    expect(seconds).toBeLessThan(10);
  });

  test("import adds the rows and keeps the chart", async () => {
    const workbook = await file("charted.xlsx", charted);
    const { code, out, err } = await timed("import", workbook, await file("q.csv", QUARTERLY_CSV));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toBe("Quarterly: added 1, updated 0, unchanged 0, rejected 0");
    const charts = async (bytes: Uint8Array) =>
      (await JSZip.loadAsync(bytes)).file(/^xl\/charts\/chart\d+\.xml$/).length;
    // The Dashboard's own four, as openpyxl saved them, and the one it added.
    expect(await charts(charted)).toBe(5);
    expect(await charts(await readFile(workbook))).toBe(5);
  });

  test("import reads an export workbook with a chart from its first sheet", async () => {
    const exported = pythonEdit(
      `
import sys
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
wb = load_workbook(sys.argv[1])
ws = wb.active
ws.delete_rows(1, ws.max_row)
for row in [["Partner", "Quarter", "Pipeline", "Recorded Tier"], ["Zenith Partners", "2026-Q1", 150000, "Silver"]]:
    ws.append(row)
wb.save(sys.argv[1])
`,
      chartFixture()
    );
    const { code, out, err } = await timed(
      "import",
      await file("charted.xlsx", charted),
      await file("export.xlsx", exported),
      "--dry-run"
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toBe("Quarterly: added 1, updated 0, unchanged 0, rejected 0");
  });

  test("workbook --out adds the program's sheets to a workbook with a chart, which stays", async () => {
    const before = chartFixture();
    const path = await file("chart.xlsx", before);
    const { code, out, err, seconds } = await timed("workbook", "--out", path);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/chart\.xlsx: added: .*Quarterly.*; kept: 1 sheet$/);
    const chart = async (bytes: Uint8Array) =>
      (await JSZip.loadAsync(bytes)).file("xl/charts/chart1.xml")!.async("string");
    expect(await chart(new Uint8Array(await readFile(path)))).toBe(await chart(before));
    expect(seconds).toBeLessThan(10);
  });
});

describe("commands on a workbook with a validation over A1:XFD1048576 and 50,000 merged ranges", () => {
  let huge: Uint8Array;
  beforeAll(() => {
    huge = pythonEdit(
      `
import sys
from openpyxl import load_workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.merge import MergedCellRange
wb = load_workbook(sys.argv[1])
ws = wb["Quarterly"]
ws.add_data_validation(DataValidation(type="list", formula1='"a,b"', sqref="A1:XFD1048576"))
notes = wb.create_sheet("Notes")
# Added to the list directly: openpyxl's merge_cells would itself take minutes on 50,000 ranges.
for r in range(1, 50001):
    notes.merged_cells.ranges.append(MergedCellRange(notes, "A%d:B%d" % (r, r)))
wb.save(sys.argv[1])
`,
      charted
    );
  });

  test("its parts hold them", async () => {
    const zip = await JSZip.loadAsync(huge);
    const parts = await Promise.all(
      zip.file(/^xl\/worksheets\/sheet\d+\.xml$/).map((f) => f.async("string"))
    );
    expect(parts.some((x) => x.includes('sqref="A1:XFD1048576"'))).toBe(true);
    expect(Math.max(...parts.map((x) => x.split("<mergeCell ").length - 1))).toBe(50_000);
  });

  test.each([
    ["validate", (p: string) => ["validate", p], /^\d+ errors?, \d+ warnings?, \d+ info$/],
    [
      "import",
      (p: string, csv: string) => ["import", p, csv, "--dry-run"],
      /^Quarterly: added 1, updated 0, unchanged 0, rejected 0$/,
    ],
    [
      "workbook --out",
      (p: string) => ["workbook", "--out", p],
      /huge\.xlsx: added: nothing \(the file is unchanged\); kept: 18 sheets$/,
    ],
  ])("%s finishes in seconds", async (_, argv, first) => {
    const path = await file("huge.xlsx", huge);
    const { code, out, err, seconds } = await timed(
      ...argv(path, await file("q.csv", QUARTERLY_CSV))
    );
    expect(err).toEqual([]);
    expect([0, 1]).toContain(code);
    expect(out[0]).toMatch(first);
    expect(seconds).toBeLessThan(10);
  });
});

describe("a damaged workbook: exit 2 and one line naming the file, the part and what is wrong", () => {
  test.each([
    ["validate", (p: string) => ["validate", p]],
    ["import", (p: string, csv: string) => ["import", p, csv]],
    ["workbook --out", (p: string) => ["workbook", "--out", p]],
  ])("%s", async (name, argv) => {
    const zip = await JSZip.loadAsync(charted);
    zip.file("xl/worksheets/sheet1.xml", "this is not XML");
    const path = await file("book.xlsx", await zip.generateAsync({ type: "uint8array" }));
    const { code, out, err } = await run(...argv(path, await file("q.csv", QUARTERLY_CSV)));
    expect({ code, out, err }).toEqual({
      code: 2,
      out: [],
      err: [
        `partner-strategy ${name.split(" ")[0]}: book.xlsx cannot be read as an .xlsx workbook: its part xl/worksheets/sheet1.xml is not XML`,
      ],
    });
  });
});
