import { mkdtemp, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { attractivenessScore, parseRatings } from "../../src/domain/scoring";
import { DEFAULT_PROGRAM_SETTINGS } from "../../src/domain/settings";
import { DASHBOARD_SHEET, MEASURES } from "../../src/workbook/dashboardSheet";
import { refreshRoadmap } from "../../src/workbook/roadmapRefresh";
import { ROADMAP_SHEET, TBL_ROADMAP } from "../../src/workbook/roadmapSheet";
import { SAMPLE_PARTNERS } from "../../src/workbook/sample";
import { mergePlanIntoWorkbook } from "../../src/xlsx/mergePlan";
import { readTables } from "../../src/xlsx/readTables";
import { replaceSheetTables } from "../../src/xlsx/replaceSheetTables";
import {
  edit,
  expectKept,
  programBytes,
  programPlan,
  sheet,
  userEdits,
} from "../unit/xlsx/userEdits";
import { python } from "../unit/xlsx/openpyxlFixture";
import { readParts } from "../unit/xlsx/zipParts";
import { describeWithEngine, LIBREOFFICE } from "./engine";
import { recalculate, savedByLibreOffice } from "./libreoffice";

// Each test converts with LibreOffice, which takes far more than jest's 5 s on a busy 2-core machine.
jest.setTimeout(180_000);

const ERROR_CELL = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#NUM!|#NULL!|#N\/A|Err:\d+)$/;

const PLAN = programPlan();
const UNRATED = SAMPLE_PARTNERS.filter((p) => !parseRatings(p.ratings).ok).length;

/** Every error a sheet shows, as "Sheet!R5C3 #NAME?". */
const errorsIn = (sheets: Map<string, string[][]>): string[] =>
  [...sheets].flatMap(([name, rows]) =>
    rows.flatMap((cells, r) =>
      cells.flatMap((text, c) =>
        ERROR_CELL.test(text) ? [`${name}!R${r + 1}C${c + 1} ${text}`] : []
      )
    )
  );

/** Errors besides the #N/A of partners not yet rated (their Score and Band on the Scoring sheet). */
function expectNoErrors(sheets: Map<string, string[][]>): void {
  const errors = errorsIn(sheets);
  expect(errors.filter((e) => !/^Scoring!.* #N\/A$/.test(e))).toEqual([]);
  expect(errors).toHaveLength(2 * UNRATED);
}

/** The Dashboard's summary as LibreOffice computed it: measure → shown text. */
function summary(sheets: Map<string, string[][]>): Map<string, string> {
  const grid = sheets.get(DASHBOARD_SHEET);
  if (grid === undefined)
    throw new Error(`no ${DASHBOARD_SHEET} in ${[...sheets.keys()].join(", ")}`);
  return new Map(grid.filter((row) => row[0] !== undefined).map((row) => [row[0]!, row[1] ?? ""]));
}

describeWithEngine(LIBREOFFICE, "a merged workbook in a real spreadsheet", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ps-merge-recalc-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function shown(name: string, bytes: Uint8Array): Promise<Map<string, string[][]>> {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return recalculate(path);
  }

  test("a user's workbook with the Dashboard added back opens and computes, the edits included", async () => {
    const edited = await edit(await programBytes(), userEdits);
    const merged = (await mergePlanIntoWorkbook(edited, PLAN)).buffer!;
    const sheets = await shown("user-merged.xlsx", merged);
    expect([...sheets.keys()].sort()).toEqual(
      [...PLAN.sheets.map((s) => s.name), "My Notes"].sort()
    );
    expectNoErrors(sheets);

    // The user's own formula reads the quarter they added.
    const tables = await readTables(merged);
    const pipeline = tables.get("tblQuarterly")!.rows.map((r) => r[2] as number);
    expect(pipeline.at(-1)).toBe(250_000);
    const notes = sheets.get("My Notes")!;
    expect(Number(notes[1]![3])).toBe(pipeline.reduce((a, b) => a + b, 0));
    expect(notes.slice(1, 4).map((r) => r[2])).toEqual(["20", "40", "60"]);

    // The changed rating is scored: the Scoring sheet computes the domain's score.
    const first = SAMPLE_PARTNERS[0]!;
    const ratings = parseRatings([12, ...first.ratings.slice(1)]);
    if (!ratings.ok) throw new Error("the first sample partner is rated");
    const scoring = sheets.get("Scoring")!;
    expect(Number(scoring[3]![7])).toBeCloseTo(attractivenessScore(ratings.value), 9);

    // The Dashboard computes from the user's data.
    const dashboard = summary(sheets);
    expect(dashboard.get(MEASURES.landscapePartners)).toBe(String(SAMPLE_PARTNERS.length));
    expect(dashboard.get(MEASURES.currentArr)).not.toBe("");
  });

  test("a workbook last saved by LibreOffice: kept whole, the missing sheets added, and it computes", async () => {
    const withoutSheets = await edit(await programBytes(), (wb) => {
      wb.removeWorksheet(sheet(wb, DASHBOARD_SHEET).id);
      wb.removeWorksheet(sheet(wb, ROADMAP_SHEET).id);
    });
    const saved = await savedByLibreOffice("saved.xlsx", withoutSheets);
    const result = await mergePlanIntoWorkbook(saved, PLAN);
    expect(result.added).toEqual([ROADMAP_SHEET, DASHBOARD_SHEET]);
    await expectKept(saved, result.buffer!);
    const sheets = await shown("saved-merged.xlsx", result.buffer!);
    expectNoErrors(sheets);
    expect(summary(sheets).get(MEASURES.landscapePartners)).toBe(String(SAMPLE_PARTNERS.length));
    // The Roadmap's quarter column is computed from each due date.
    const roadmap = sheets.get(ROADMAP_SHEET)!;
    expect(roadmap[3]![0]).toBe("2027-Q1");
    expect(
      roadmap
        .slice(3, 22)
        .map((r) => r[0])
        .at(-1)
    ).toBe("2027-Q4");
  });

  test("an analyst's own workbook saved by LibreOffice (a chart, a note, a name): the program added computes, their content unchanged", async () => {
    const own = python(`
import sys
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
wb = Workbook()
ws = wb.active
ws.title = "Sales"
for row in [["Quarter", "Amount"], ["Q1", 100], ["Q2", 300], ["Q3", 200]]:
    ws.append(row)
ws["A6"] = "Tax"
ws["B6"] = "=SUM(B2:B4)*TaxRate"
ws["D1"].comment = Comment("check Q2 with finance", "Ann")
wb.defined_names.append(DefinedName("TaxRate", attr_text="0.2"))
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=4), titles_from_data=True)
ws.add_chart(chart, "F2")
wb.save(sys.argv[1])
`);
    const saved = await savedByLibreOffice(
      "analyst.xlsx",
      new Uint8Array(Buffer.from(own, "base64"))
    );
    const before = readParts(saved);
    expect([...before.keys()].some((p) => p.startsWith("xl/charts/"))).toBe(true);

    const result = await mergePlanIntoWorkbook(saved, PLAN);
    expect(result.added).toEqual(PLAN.sheets.map((s) => s.name));
    const after = readParts(result.buffer!);
    const shared = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "docProps/app.xml",
    ];
    for (const [name, bytes] of before)
      if (!shared.includes(name))
        expect({ name, same: after.get(name)?.equals(bytes) }).toEqual({ name, same: true });

    // What an independent reader sees of the analyst's content.
    const content = (bytes: Uint8Array) =>
      JSON.parse(
        python(
          `import sys, json
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb["Sales"]
print(json.dumps({
  "cells": [[c.value for c in r] for r in ws["A1:B6"]],
  "note": ws["D1"].comment.text if ws["D1"].comment else None,
  "names": sorted((n.name, n.attr_text) for n in wb.defined_names.definedName if not n.name.startswith("_")),
}))`,
          bytes
        )
      ) as { names: string[][] };
    const [was, is] = [content(saved), content(result.buffer!)];
    expect(is).toMatchObject({ ...was, names: expect.arrayContaining(was.names) });
    expect(is).toMatchObject({ note: expect.stringContaining("check Q2 with finance") });

    const sheets = await shown("analyst-merged.xlsx", result.buffer!);
    expectNoErrors(sheets);
    expect(sheets.get("Sales")!.slice(0, 6)).toEqual(
      (await shown("analyst-saved.xlsx", saved)).get("Sales")!.slice(0, 6)
    );
    expect(Number(sheets.get("Sales")![5]![1])).toBeCloseTo(120, 9);
    expect(summary(sheets).get(MEASURES.landscapePartners)).toBe(String(SAMPLE_PARTNERS.length));
  });

  test("a roadmap refreshed in a workbook saved by LibreOffice computes, for the new program year", async () => {
    const saved = await savedByLibreOffice("roadmap.xlsx", await programBytes());
    const existing = (await readTables(saved, "formula")).get(TBL_ROADMAP);
    const settings = { ...DEFAULT_PROGRAM_SETTINGS, programYear: 2028 };
    const refresh = refreshRoadmap(existing, settings, new Date(Date.UTC(2027, 10, 1)));
    const replaced = await replaceSheetTables(
      saved,
      refresh.sheet,
      PLAN.sheets.map((s) => s.name)
    );
    await expectKept(saved, replaced.buffer, [ROADMAP_SHEET]);
    const sheets = await shown("roadmap-refreshed.xlsx", replaced.buffer);
    const roadmap = sheets.get(ROADMAP_SHEET)!;
    expect(roadmap[0]![0]).toBe("Partnership Roadmap 2028");
    expect(roadmap[2]!.slice(-4)).toEqual(["2028-Q1", "2028-Q2", "2028-Q3", "2028-Q4"]);
    expect(roadmap[3]![0]).toBe("2028-Q1");
    // The timeline shows each milestone's status in its quarter's column.
    expect(roadmap[3]![8]).toBe("Not started");
    expect(errorsIn(new Map([[ROADMAP_SHEET, roadmap]]))).toEqual([]);
    expect(errorsIn(new Map([[DASHBOARD_SHEET, sheets.get(DASHBOARD_SHEET)!]]))).toEqual([]);
  });
});
