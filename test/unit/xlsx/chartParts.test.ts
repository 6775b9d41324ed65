import { DOMParser, Element } from "@xmldom/xmldom";
import { columnLetters } from "../../../src/workbook/address";
import { DASHBOARD_SHEET, TBL_DASH_TIERS } from "../../../src/workbook/dashboardSheet";
import { ChartPlan, SheetPlan, WorkbookPlan } from "../../../src/workbook/plan";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { mergePlanIntoWorkbook } from "../../../src/xlsx/mergePlan";
import { writePlanToBuffer } from "../../../src/xlsx/writePlan";
import { python } from "./openpyxlFixture";
import { chartsOf, partText as text, sheetPart } from "./packageCharts";
import { readParts } from "./zipParts";

jest.setTimeout(60_000);

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const TODAY = new Date(Date.UTC(2026, 10, 25));
const PLAN = programWorkbookPlan({ data: "sample", mode: "portable", today: TODAY });
const DASHBOARD = PLAN.sheets.find((s) => s.name === DASHBOARD_SHEET)!;

const parse = (xml: string): Element =>
  new DOMParser().parseFromString(xml, "text/xml").documentElement!;
const children = (parent: Element, localName: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === localName
  );
const child = (parent: Element, localName: string): Element => {
  const found = children(parent, localName)[0];
  if (found === undefined) throw new Error(`<${parent.localName}> has no <${localName}>`);
  return found;
};
const val = (e: Element): string | null => e.getAttribute("val");

/** `'Dashboard'!$B$12:$B$16`: where a table column's data cells (or its header) are. */
function reference(sheet: SheetPlan, plan: ChartPlan, header: string, headerOnly = false): string {
  const table = sheet.tables.find((t) => t.name === plan.table)!;
  const column = columnLetters(
    table.topLeft.column + table.columns.findIndex((c) => c.header === header)
  );
  const top = table.topLeft.row + 1;
  const cells = headerOnly
    ? `$${column}$${top}`
    : `$${column}$${top + 1}:$${column}$${top + table.rows.length}`;
  return `'${sheet.name}'!${cells}`;
}

describe("the file host's charts (DrawingML parts added to the package exceljs wrote)", () => {
  let parts: Map<string, Buffer>;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writePlanToBuffer(PLAN);
    parts = readParts(bytes);
  });

  test("the Dashboard's four charts: a drawing with its relationships, the sheet's <drawing r:id> in schema order, content types", () => {
    const charts = chartsOf(parts, DASHBOARD_SHEET);
    expect(charts).toHaveLength(DASHBOARD.charts!.length);
    expect(charts).toHaveLength(4);
    expect([...parts.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort()).toEqual(
      [...charts].sort()
    );
    const types = text(parts, "[Content_Types].xml");
    for (const chart of charts) {
      expect(types).toContain(
        `<Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`
      );
    }
    expect(types).toMatch(
      /PartName="\/xl\/drawings\/drawing1\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawing\+xml"/
    );
    // CT_Worksheet: <drawing> after the page set-up, before <legacyDrawing> (the notes) and <tableParts>.
    const sheet = text(parts, sheetPart(parts, DASHBOARD_SHEET));
    const at = (tag: string) => sheet.indexOf(`<${tag}`);
    expect(at("drawing")).toBeGreaterThan(at("sheetData"));
    expect(at("drawing")).toBeLessThan(at("tableParts"));
    if (at("legacyDrawing") >= 0) expect(at("drawing")).toBeLessThan(at("legacyDrawing"));
    // Only the Dashboard has charts.
    for (const other of PLAN.sheets.filter((s) => s.name !== DASHBOARD_SHEET))
      expect(chartsOf(parts, other.name)).toEqual([]);
  });

  test("each chart has the chart schema's required elements, its axes naming each other, series over the plan's cells", () => {
    const charts = chartsOf(parts, DASHBOARD_SHEET);
    for (const [i, plan] of DASHBOARD.charts!.entries()) {
      const space = parse(text(parts, charts[i]!));
      expect(space.namespaceURI).toBe(C);
      expect(space.localName).toBe("chartSpace");
      const chart = child(space, "chart");
      expect(child(child(child(child(chart, "title"), "tx"), "rich"), "p").textContent).toBe(
        plan.title
      );
      const plotArea = child(chart, "plotArea");
      const catAx = child(plotArea, "catAx");
      const valAx = child(plotArea, "valAx");
      const [catId, valId] = [catAx, valAx].map((a) => val(child(a, "axId")));
      expect(catId).not.toBe(valId);
      expect(val(child(catAx, "crossAx"))).toBe(valId);
      expect(val(child(valAx, "crossAx"))).toBe(catId);
      for (const axis of [catAx, valAx]) {
        for (const required of ["scaling", "axPos"])
          expect(children(axis, required)).toHaveLength(1);
      }

      const bar = child(plotArea, "barChart");
      expect(val(child(bar, "barDir"))).toBe(plan.kind === "bar" ? "bar" : "col");
      const groups = [bar, ...children(plotArea, "lineChart")];
      for (const group of groups) {
        expect(children(group, "axId").map(val)).toEqual([catId, valId]);
      }
      const series = groups.flatMap((g) => children(g, "ser"));
      expect(series.map((s) => val(child(s, "order")))).toEqual(
        plan.series.map((_, n) => String(n))
      );
      const lines = children(plotArea, "lineChart").flatMap((g) => children(g, "ser"));
      expect(lines).toHaveLength(plan.series.filter((s) => s.line === true).length);
      for (const [n, planned] of [
        ...plan.series.filter((s) => s.line !== true),
        ...plan.series.filter((s) => s.line === true),
      ].entries()) {
        const ser = series[n]!;
        const f = (path: string[]) => path.reduce((e, name) => child(e, name), ser).textContent;
        expect(f(["tx", "strRef", "f"])).toBe(reference(DASHBOARD, plan, planned.column, true));
        expect(f(["val", "numRef", "f"])).toBe(reference(DASHBOARD, plan, planned.column));
        expect(f(["cat", "strRef", "f"])).toBe(reference(DASHBOARD, plan, plan.categoryColumn));
        // The header is cached, so a viewer names the series before any recalculation.
        expect(f(["tx", "strRef", "strCache", "pt", "v"])).toBe(planned.column);
      }
      expect(children(chart, "legend")).toHaveLength(plan.series.length > 1 ? 1 : 0);
    }
  });

  test("the category labels the plan holds as text are cached: the tiers read before any recalculation", () => {
    const index = DASHBOARD.charts!.findIndex((c) => c.table === TBL_DASH_TIERS);
    const xml = text(parts, chartsOf(parts, DASHBOARD_SHEET)[index]!);
    const cat = /<c:cat>[\s\S]*?<\/c:cat>/.exec(xml)![0];
    expect([...cat.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])).toEqual([
      "Platinum",
      "Gold",
      "Silver",
      "Registered",
      "Exited",
    ]);
  });

  test("openpyxl reads the Dashboard's charts, their titles and series", () => {
    const out = python(
      `
import sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1])["${DASHBOARD_SHEET}"]
for c in ws._charts:
    print(type(c).__name__, len(c.series), c.series[0].val.numRef.f)
`,
      bytes
    );
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(4);
    for (const [i, plan] of DASHBOARD.charts!.entries()) {
      const bars = plan.series.filter((s) => s.line !== true);
      expect(lines[i]).toBe(
        `BarChart ${bars.length} ${reference(DASHBOARD, plan, bars[0]!.column)}`
      );
    }
  });

  test("a plan without charts leaves exceljs's package as it was", async () => {
    const plain: WorkbookPlan = { sheets: [{ ...DASHBOARD, charts: [] }] };
    const written = readParts(await writePlanToBuffer(plain));
    expect([...written.keys()].filter((n) => n.includes("chart") || /drawing\d/.test(n))).toEqual(
      []
    );
  });
});

describe("a Dashboard grafted into an analyst's workbook", () => {
  test("brings its four charts; the analyst's own chart stays byte for byte and still reads", async () => {
    const own = python(`
import sys
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
wb = Workbook()
ws = wb.active
ws.title = "My Figures"
for row in [["Quarter", "Deals"], ["Q1", 3], ["Q2", 5]]:
    ws.append(row)
chart = BarChart()
chart.title = "My deals"
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True)
ws.add_chart(chart, "D2")
wb.save(sys.argv[1])
`);
    const before = readParts(Buffer.from(own, "base64"));
    const ownCharts = [...before.keys()].filter((n) => n.startsWith("xl/charts/"));
    expect(ownCharts).toHaveLength(1);

    const result = await mergePlanIntoWorkbook(Buffer.from(own, "base64"), PLAN);
    expect(result.added).toContain(DASHBOARD_SHEET);
    const after = readParts(result.buffer!);
    for (const name of [...before.keys()].filter((n) => /^xl\/(charts|drawings)\//.test(n)))
      expect(after.get(name)!.equals(before.get(name)!)).toBe(true);
    expect(chartsOf(after, "My Figures")).toEqual(ownCharts);
    const dashboardCharts = chartsOf(after, DASHBOARD_SHEET);
    expect(dashboardCharts).toHaveLength(4);
    expect(dashboardCharts.filter((c) => ownCharts.includes(c))).toEqual([]);

    const out = python(
      `
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
for name in ["My Figures", "${DASHBOARD_SHEET}"]:
    print(name, [c.title.tx.rich.p[0].r[0].t for c in wb[name]._charts])
`,
      result.buffer!
    );
    expect(out).toContain("My Figures ['My deals']");
    expect(out).toContain(
      `${DASHBOARD_SHEET} ${JSON.stringify(DASHBOARD.charts!.map((c) => c.title))
        .replace(/"/g, "'")
        .replace(/,/g, ", ")}`
    );
  });
});
