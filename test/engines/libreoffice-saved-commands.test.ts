import { mkdtemp, readFile, rm, writeFile } from "fs/promises";
import JSZip from "jszip";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { python, pythonEdit } from "../unit/xlsx/openpyxlFixture";
import { programBytes } from "../unit/xlsx/userEdits";
import { describeWithEngine, LIBREOFFICE } from "./engine";
import { savedByLibreOffice } from "./libreoffice";

/**
 * A program workbook an analyst has kept in LibreOffice, with their own sheet (a chart, a note, merged cells, a
 * defined name), a hidden sheet and a workbook-level constant: `import`, `roadmap` and `validate --write` each
 * change only what they own, and an independent reader (openpyxl) finds every other cell, name and sheet as it was.
 */

interface Reading {
  readonly sheets: { readonly title: string; readonly state: string }[];
  readonly names: string[][];
  readonly cells: Record<string, Record<string, string>>;
  readonly merged: string[];
  readonly note: string | null;
}

function reading(bytes: Uint8Array): Reading {
  return JSON.parse(
    python(
      `import sys, json
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
print(json.dumps({
  "sheets": [{"title": ws.title, "state": ws.sheet_state} for ws in wb.worksheets],
  "names": sorted([n.name, n.attr_text] for n in wb.defined_names.definedName if not n.name.startswith("_xlnm")),
  "cells": {ws.title: {c.coordinate: repr(c.value) for row in ws.iter_rows() for c in row if c.value is not None} for ws in wb.worksheets},
  "merged": sorted(str(r) for r in wb["Analyst"].merged_cells.ranges),
  "note": wb["Analyst"]["D2"].comment.text if wb["Analyst"]["D2"].comment else None,
}))`,
      bytes
    )
  ) as Reading;
}

const CSV = "Partner,Quarter,Pipeline,Recorded Tier\nHarbor Analytics,2026-Q1,150000,Silver\n";

async function cli(...argv: string[]): Promise<number> {
  return main(argv, { out: () => undefined, err: (line) => console.error(line) });
}

describeWithEngine(LIBREOFFICE, "commands on a workbook last saved by LibreOffice", () => {
  let dir: string;
  let saved: Uint8Array;
  let before: Reading;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ps-lo-commands-"));
    // The analyst's additions, made by openpyxl, then the file saved again by LibreOffice.
    const own = pythonEdit(
      `import sys
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
wb = load_workbook(sys.argv[1])
ws = wb.create_sheet("Analyst")
for row in [["Quarter", "Amount"], ["Q1", 100], ["Q2", 300], ["Q3", 200]]:
    ws.append(row)
ws["A6"] = "Total with tax"
ws["B6"] = "=SUM(B2:B4)*(1+TaxRate)"
ws.merge_cells("D4:F4")
ws["D4"] = "Merged heading"
ws["D2"].comment = Comment("check Q2 with finance", "Ann")
wb.defined_names.append(DefinedName("TaxRate", attr_text="0.2"))
wb.defined_names.append(DefinedName("Amounts", attr_text="Analyst!$B$2:$B$4"))
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=4), titles_from_data=True)
ws.add_chart(chart, "H2")
hidden = wb.create_sheet("Lookup")
hidden["A1"] = "kept out of sight"
hidden.sheet_state = "hidden"
wb.save(sys.argv[1])
`,
      await programBytes()
    );
    saved = await savedByLibreOffice("analyst.xlsx", own);
    before = reading(saved);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("the analyst's workbook holds what the test is about", async () => {
    expect(before.sheets).toContainEqual({ title: "Lookup", state: "hidden" });
    expect(before.merged).toEqual(["D4:F4"]);
    expect(before.note).toContain("check Q2 with finance");
    expect(before.names.map(([n]) => n)).toEqual(expect.arrayContaining(["TaxRate", "Amounts"]));
    const zip = await JSZip.loadAsync(saved);
    expect(zip.file(/^xl\/charts\/chart\d+\.xml$/)).not.toHaveLength(0);
  });

  test.each([
    ["import", "Quarterly", (path: string, data: string) => ["import", path, data]],
    ["roadmap", "Roadmap", (path: string) => ["roadmap", path]],
    ["validate --write", "Tier Review", (path: string) => ["validate", path, "--write"]],
  ])("%s changes only the %s sheet", async (command, owned, argv) => {
    const path = join(dir, `${command.replace(/\W+/g, "-")}.xlsx`);
    await writeFile(path, saved);
    const data = join(dir, "crm.csv");
    await writeFile(data, CSV);
    expect([0, 1]).toContain(await cli(...argv(path, data)));
    const after = reading(new Uint8Array(await readFile(path)));

    expect(after.sheets).toEqual(before.sheets);
    expect(after.names).toEqual(before.names);
    expect(after.merged).toEqual(before.merged);
    expect(after.note).toBe(before.note);
    for (const { title } of before.sheets) {
      if (title === owned) continue;
      expect([title, after.cells[title]]).toEqual([title, before.cells[title]]);
    }
    const zip = await JSZip.loadAsync(await readFile(path));
    expect(zip.file(/^xl\/charts\/chart\d+\.xml$/)).not.toHaveLength(0);
    if (command === "import") {
      // The owned sheet keeps every cell it had; the new row is added below.
      const was = before.cells[owned]!;
      const is = after.cells[owned]!;
      for (const [cell, value] of Object.entries(was))
        expect([cell, is[cell]]).toEqual([cell, value]);
      expect(Object.values(is)).toContain("'Harbor Analytics'");
    }
  });
});
