import { DEFAULT_PROGRAM_SETTINGS } from "../../../src/domain/settings";
import { refreshRoadmap } from "../../../src/workbook/roadmapRefresh";
import { editTableRows } from "../../../src/xlsx/editTableRows";
import { mergePlanIntoWorkbook } from "../../../src/xlsx/mergePlan";
import { replaceSheetTables } from "../../../src/xlsx/replaceSheetTables";
import { lossFixture, python, pythonEdit } from "./openpyxlFixture";
import { programPlan } from "./userEdits";
import { readParts, withParts } from "./zipParts";

jest.setTimeout(120_000);

const PLAN = programPlan();
const ORDER = PLAN.sheets.map((s) => s.name);

/** The parts of `before` that differ in `after` (removed or changed), by name. */
function changedParts(before: Uint8Array, after: Uint8Array): string[] {
  const [a, b] = [readParts(before), readParts(after)];
  return [...a].filter(([name, bytes]) => !b.get(name)?.equals(bytes)).map(([name]) => name);
}

/** What openpyxl, an independent reader, sees of the user's content. */
const USER_CONTENT = `
import sys, json
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
d, o = wb["Data"], wb["Other"]
print(json.dumps({
  "names": sorted((n.name, n.attr_text, n.hidden, n.localSheetId) for n in wb.defined_names.definedName),
  "protected": bool(wb.security and wb.security.lockStructure),
  "calcMode": wb.calculation.calcMode,
  "notes": [d["E1"].comment and d["E1"].comment.text, o["H1"].comment and o["H1"].comment.text],
  "links": [d["E2"].hyperlink.target, d["E2"].value, d["F1"].hyperlink.location, d["F1"].hyperlink.tooltip, o["C1"].hyperlink.ref],
  "filter": [o.auto_filter.ref, [list(f.filters.filter) for f in o.auto_filter.filterColumn]],
  "text": [d["G5"].value, d["G6"].value],
  "sheets": wb.sheetnames,
}, default=str))
`;

const userContent = (bytes: Uint8Array): Record<string, unknown> =>
  JSON.parse(python(USER_CONTENT, bytes)) as Record<string, unknown>;

describe("the package-level writer on a workbook openpyxl wrote (issue 13's losses)", () => {
  const fixture = lossFixture();
  const before = userContent(fixture);
  test("workbook: the program's sheets are added; every part of the user's is byte for byte as it was", async () => {
    const result = await mergePlanIntoWorkbook(fixture, PLAN);
    expect(result.added).toEqual(ORDER);
    const buffer = result.buffer!;
    expect(changedParts(fixture, buffer)).toEqual(expect.arrayContaining([]));
    for (const name of changedParts(fixture, buffer))
      expect([
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
      ]).toContain(name);
    const after = userContent(buffer);
    expect(after).toEqual({ ...before, sheets: ["Data", "Other", ...ORDER] });
    // The user's calculation mode stays; a full calculation is asked for by one attribute.
    const workbookXml = readParts(buffer).get("xl/workbook.xml")!.toString();
    expect(workbookXml).toMatch(/<calcPr [^>]*calcMode="manual"/);
    expect(workbookXml).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    const values = python(
      `import sys\nfrom openpyxl import load_workbook\nws = load_workbook(sys.argv[1])["Settings"]\nprint(ws["A4"].value)`,
      buffer
    );
    expect(values.trim()).toBe("Company");
    // Running again adds nothing.
    expect((await mergePlanIntoWorkbook(buffer, PLAN)).buffer).toBeUndefined();
  });

  test("roadmap: the sheet is created, then refreshed, touching only its own parts", async () => {
    const generate = async (bytes: Uint8Array) => {
      const refresh = refreshRoadmap(
        undefined,
        DEFAULT_PROGRAM_SETTINGS,
        new Date(Date.UTC(2027, 1, 15))
      );
      return replaceSheetTables(bytes, refresh.sheet, ORDER);
    };
    const created = await generate(fixture);
    expect(created.created).toBe(true);
    const refreshed = await generate(created.buffer);
    expect(refreshed.created).toBe(false);
    // The Roadmap sheet's part owns its tables and notes (with their drawing): nothing else changes.
    const roadmapRels = readParts(refreshed.buffer)
      .get("xl/worksheets/_rels/sheet3.xml.rels")!
      .toString();
    const owned = [...roadmapRels.matchAll(/Target="\.\.\/([^"]+)"/g)].map((m) => `xl/${m[1]}`);
    for (const name of changedParts(created.buffer, refreshed.buffer)) {
      expect([
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/styles.xml",
        "xl/worksheets/sheet3.xml",
        "xl/worksheets/_rels/sheet3.xml.rels",
        ...owned,
      ]).toContain(name);
    }
    // Creating the sheet changed only the shared parts; the user's own are byte for byte as they were.
    for (const name of changedParts(fixture, created.buffer))
      expect([
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
      ]).toContain(name);
    expect(userContent(refreshed.buffer)).toEqual({
      ...before,
      sheets: ["Data", "Other", "Roadmap"],
    });
  });

  test("workbook: a note on an empty cell where a table goes is kept; one where the plan's note would go blocks it", async () => {
    const withNotes = (header: boolean) =>
      pythonEdit(
        `import sys
from openpyxl import load_workbook
from openpyxl.comments import Comment
wb = load_workbook(sys.argv[1])
ws = wb.create_sheet("Roadmap")
ws["C10"].comment = Comment("mine, on an empty cell", "Ann")
${header ? 'ws["A3"].comment = Comment("my own header note", "Ann")' : ""}
wb.save(sys.argv[1])`,
        fixture
      );
    const blocked = await mergePlanIntoWorkbook(withNotes(true), PLAN);
    expect(blocked.skipped).toContainEqual({
      name: "tblRoadmap",
      reason: "Roadmap!A3:L22 is not empty (A3 holds a note)",
    });
    const merged = await mergePlanIntoWorkbook(withNotes(false), PLAN);
    expect(merged.addedTables).toContainEqual({ table: "tblRoadmap", sheet: "Roadmap" });
    const notes = JSON.parse(
      python(
        `import sys, json\nfrom openpyxl import load_workbook\nws = load_workbook(sys.argv[1])["Roadmap"]\nprint(json.dumps({c.coordinate: c.comment.text for r in ws.iter_rows() for c in r if c.comment}))`,
        merged.buffer!
      )
    ) as Record<string, string>;
    expect(notes).toMatchObject({
      C10: "mine, on an empty cell",
      A3: "The quarter of the Due date.",
    });
    expect(Object.values(notes)).toHaveLength(1 + 6);
  });

  test("editTableRows: updates and appends only the table's cells; formulas follow; text stays text", async () => {
    const edited = await editTableRows(fixture, [
      {
        table: "TBLDATA",
        updates: [{ dataRow: 0, column: "pipeline", value: 150 }],
        appends: [
          [
            { column: "Partner", value: '=HYPERLINK("x")' },
            { column: "Pipeline", value: 300 },
          ],
          [{ column: "Partner", value: "-1" }],
        ],
      },
    ]);
    for (const name of changedParts(fixture, edited))
      expect(["xl/worksheets/sheet1.xml", "xl/tables/table1.xml", "xl/workbook.xml"]).toContain(
        name
      );
    expect(userContent(edited)).toEqual(before);
    const cells = JSON.parse(
      python(
        `import sys, json\nfrom openpyxl import load_workbook\nwb = load_workbook(sys.argv[1])\nws = wb["Data"]\nprint(json.dumps({"cells": [[c.value, c.data_type] for r in ws["A2:C5"] for c in r], "ref": ws.tables["tblData"].ref, "filter": ws.tables["tblData"].autoFilter.ref if ws.tables["tblData"].autoFilter else None}))`,
        edited
      )
    ) as { cells: unknown[]; ref: string };
    expect(cells).toMatchObject({
      ref: "A1:C5",
      cells: [
        ["Alpha", "s"],
        [150, "n"],
        ["=B2*2", "f"],
        ["Beta", "s"],
        [200, "n"],
        ["=B3*2", "f"],
        ['=HYPERLINK("x")', "s"],
        [300, "n"],
        ["=B4*2", "f"],
        ["-1", "s"],
        [null, "n"],
        ["=B5*2", "f"],
      ],
    });
  });

  test("editTableRows grows the sheet's dimension with the table and drops the stale calculation chain", async () => {
    // A calculation chain as Excel keeps one: the part, its relationship and its content type.
    const original = readParts(fixture);
    const text = (name: string) => original.get(name)!.toString();
    const withChain = withParts(fixture, {
      "xl/calcChain.xml":
        '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C2" i="1"/></calcChain>',
      "xl/_rels/workbook.xml.rels": text("xl/_rels/workbook.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'
      ),
      "[Content_Types].xml": text("[Content_Types].xml").replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'
      ),
    });
    const rows = Array.from({ length: 10 }, (_, i) => [{ column: "Partner", value: `P${i}` }]);
    const edited = await editTableRows(withChain, [
      { table: "tblData", updates: [], appends: rows },
    ]);
    const parts = readParts(edited);
    expect(parts.get("xl/worksheets/sheet1.xml")!.toString()).toMatch(/<dimension ref="A1:G13"\/>/);
    expect(parts.has("xl/calcChain.xml")).toBe(false);
    expect(parts.get("[Content_Types].xml")!.toString()).not.toContain("calcChain");
    expect(parts.get("xl/_rels/workbook.xml.rels")!.toString()).not.toContain("calcChain");
  });

  test("editTableRows refuses to append over data below the table, and names the cell", async () => {
    const script = `import sys\nfrom openpyxl import load_workbook\nwb = load_workbook(sys.argv[1])\nwb["Data"]["A6"] = "mine"\nwb.save(sys.argv[1])`;
    const crowded = pythonEdit(script, fixture);
    await expect(
      editTableRows(crowded, [
        { table: "tblData", updates: [], appends: [[], [], [{ column: "Partner", value: "y" }]] },
      ])
    ).rejects.toThrow("Data!A6 holds data below tblData: move it, then import again");
  });
});
