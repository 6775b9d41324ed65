import { DEFAULT_PROGRAM_SETTINGS } from "../../../src/domain/settings";
import { refreshRoadmap } from "../../../src/workbook/roadmapRefresh";
import { ROADMAP_SHEET, TBL_ROADMAP } from "../../../src/workbook/roadmapSheet";
import { replaceSheetTables } from "../../../src/xlsx/replaceSheetTables";
import { WouldLoseContent } from "../../../src/xlsx/unkeptContent";
import {
  appendRow,
  edit,
  expectKept,
  programBytes,
  programPlan,
  sheet,
  tablesIn,
  TODAY,
  loadWorkbook,
} from "./userEdits";
import { readParts, withParts } from "./zipParts";

const ORDER = programPlan().sheets.map((s) => s.name);
const LATER = new Date(Date.UTC(2027, 1, 15));
const NEXT_YEAR = { ...DEFAULT_PROGRAM_SETTINGS, programYear: 2028 };

/** What "Generate roadmap" does to a file: read tblRoadmap with its formulas, refresh, write back. */
async function generate(bytes: Uint8Array, settings = DEFAULT_PROGRAM_SETTINGS) {
  const existing = (await tablesIn(bytes)).get(TBL_ROADMAP);
  const refresh = refreshRoadmap(existing, settings, LATER);
  return { refresh, ...(await replaceSheetTables(bytes, refresh.sheet, ORDER)) };
}

/** An analyst's roadmap: two statuses and an owner changed, a row of their own, a note under the table. */
const analystEdits = (bytes: Uint8Array) =>
  edit(bytes, (wb) => {
    const ws = sheet(wb, ROADMAP_SHEET);
    ws.getCell("F4").value = "Done";
    ws.getCell("F5").value = "At risk";
    ws.getCell("E6").value = "Finance";
    appendRow(ws, TBL_ROADMAP, [
      null,
      "Extra",
      "Marketing",
      "Partner awards night",
      "CPO",
      "In progress",
    ]);
    ws.getCell("A30").value = "Ask Maya before changing Q4.";
  });

describe("replaceSheetTables, with the refreshed roadmap", () => {
  let program: Uint8Array;
  beforeAll(async () => {
    program = await programBytes();
  });

  test("rewrites tblRoadmap where it is, keeps the analyst's edits and every other sheet as it was", async () => {
    const edited = await analystEdits(program);
    const result = await generate(edited);
    expect(result).toMatchObject({ sheet: ROADMAP_SHEET, created: false });
    expect(result.refresh).toMatchObject({ edited: 3, created: 0, byHand: 1 });
    await expectKept(edited, result.buffer, [ROADMAP_SHEET]);

    const roadmap = (await tablesIn(result.buffer)).get(TBL_ROADMAP)!;
    expect(roadmap.topLeft).toEqual({ row: 2, column: 0 });
    expect(roadmap.rows.map((r) => r[5]).slice(0, 2)).toEqual(["Done", "At risk"]);
    expect(roadmap.rows[2]![4]).toBe("Finance");
    expect(roadmap.rows.at(-1)!.slice(1, 6)).toEqual([
      "Extra",
      "Marketing",
      "Partner awards night",
      "CPO",
      "In progress",
    ]);
    const ws = sheet(await loadWorkbook(result.buffer), ROADMAP_SHEET);
    expect(ws.getCell("A30").value).toBe("Ask Maya before changing Q4.");
  });

  test("a second run changes nothing: the same tables, cells, validations and conditional formats", async () => {
    const once = await generate(await analystEdits(program));
    const twice = await generate(once.buffer);
    expect(twice.refresh).toMatchObject({ edited: 3, created: 0, byHand: 1, blankRows: 0 });
    await expectKept(once.buffer, twice.buffer);
  });

  test("a new program year: new quarter columns, the generated title follows, the user's title does not", async () => {
    const result = await generate(program, NEXT_YEAR);
    const roadmap = (await tablesIn(result.buffer)).get(TBL_ROADMAP)!;
    expect(roadmap.header.slice(-4)).toEqual(["2028-Q1", "2028-Q2", "2028-Q3", "2028-Q4"]);
    const ws = sheet(await loadWorkbook(result.buffer), ROADMAP_SHEET);
    expect(ws.getCell("A1").value).toBe("Partnership Roadmap 2028");

    const retitled = await edit(program, (wb) => {
      sheet(wb, ROADMAP_SHEET).getCell("A1").value = "Our plan";
    });
    const kept = await generate(retitled, NEXT_YEAR);
    expect(sheet(await loadWorkbook(kept.buffer), ROADMAP_SHEET).getCell("A1").value).toBe(
      "Our plan"
    );
  });

  test("formats shared with cells of other sheets stay theirs when the Roadmap's cells are written", async () => {
    // One font for every title: the saved file keeps one style for them all, which exceljs shares.
    const styled = await edit(program, (wb) => {
      for (const ws of wb.worksheets)
        ws.getCell("A1").font = { bold: true, size: 16, name: "Cambria" };
    });
    const result = await generate(styled, NEXT_YEAR);
    await expectKept(styled, result.buffer, [ROADMAP_SHEET]);
    expect(sheet(await loadWorkbook(result.buffer), "Settings").getCell("A1").style).toMatchObject({
      font: { name: "Cambria", size: 16 },
    });
  });

  test("a table that shrinks leaves no stale cells, validations or rules behind", async () => {
    // Three blank rows at the end, with the validations and the rules Excel extends to new table rows.
    const wide = await edit(program, (wb) => {
      const ws = sheet(wb, ROADMAP_SHEET);
      for (let i = 0; i < 3; i++) appendRow(ws, TBL_ROADMAP, [null]);
      const status = ws.getCell("F22").dataValidation;
      for (const row of [23, 24, 25]) ws.getCell(row, 6).dataValidation = status;
      const rules = (ws as unknown as { conditionalFormattings: { ref: string }[] })
        .conditionalFormattings;
      for (const rule of rules) rule.ref = rule.ref.replace(/22$/, "25");
    });
    const result = await generate(wide);
    const after = sheet(await loadWorkbook(result.buffer), ROADMAP_SHEET);
    const roadmap = (await tablesIn(result.buffer)).get(TBL_ROADMAP)!;
    expect(roadmap.topLeft.row + 1 + roadmap.rows.length).toBe(22);
    const table = after.getTable(TBL_ROADMAP) as unknown as { table: { tableRef: string } };
    expect(table.table.tableRef).toBe("A3:L22");
    for (const row of [23, 24, 25]) {
      for (let column = 1; column <= roadmap.header.length; column++) {
        expect(after.getCell(row, column).value).toBeNull();
        expect(after.getCell(row, column).dataValidation).toBeUndefined();
      }
    }
    const refs = (ws: unknown) =>
      (ws as { conditionalFormattings: { ref: string }[] }).conditionalFormattings.map(
        (f) => f.ref
      );
    expect(refs(after)).toEqual(refs(sheet(await loadWorkbook(program), ROADMAP_SHEET)));
  });

  test("a workbook without the Roadmap sheet gets it after OKRs, every other sheet untouched", async () => {
    const without = await edit(program, (wb) => wb.removeWorksheet(sheet(wb, ROADMAP_SHEET).id));
    const result = await generate(without);
    expect(result).toMatchObject({ sheet: ROADMAP_SHEET, created: true });
    expect(result.refresh).toMatchObject({ created: 19, edited: 0, byHand: 0 });
    await expectKept(without, result.buffer);
    const names = (await loadWorkbook(result.buffer)).worksheets.map((ws) => ws.name);
    expect(names).toEqual(ORDER);
  });

  test("tblRoadmap on a sheet the user renamed is refreshed there", async () => {
    const renamed = await edit(program, (wb) => {
      sheet(wb, ROADMAP_SHEET).name = "Plan";
    });
    const result = await generate(renamed, NEXT_YEAR);
    expect(result).toMatchObject({ sheet: "Plan", created: false });
    expect((await tablesIn(result.buffer)).get(TBL_ROADMAP)!.sheet).toBe("Plan");
    expect((await loadWorkbook(result.buffer)).worksheets.map((ws) => ws.name)).not.toContain(
      ROADMAP_SHEET
    );
  });

  test("a table that would grow over the user's cells is refused, naming the cell", async () => {
    const crowded = await edit(program, (wb) => {
      const ws = sheet(wb, ROADMAP_SHEET);
      appendRow(ws, TBL_ROADMAP, [null, null, null, "Partner awards night"]);
      ws.getCell("B24").value = "my total";
      // The roadmap milestone the user deleted comes back: the table grows by a row.
      ws.getCell("D4").value = null;
    });
    await expect(generate(crowded)).rejects.toThrow(
      "Roadmap!B24 holds data where the new tblRoadmap (Roadmap!A3:L24) would go: move it, then run again"
    );
  });

  test("a Roadmap sheet without tblRoadmap gets the table only if its cells are empty", async () => {
    const unlisted = await edit(program, (wb) => sheet(wb, ROADMAP_SHEET).removeTable(TBL_ROADMAP));
    await expect(generate(unlisted)).rejects.toThrow(
      /^Roadmap!A3 holds data where the new tblRoadmap/
    );
  });

  test("a tblRoadmap tied to a slicer is refused: writing it anew would disconnect the slicer", async () => {
    const id = /<table\b[^>]*\sid="(\d+)"[^>]*\sname="tblRoadmap"/.exec(
      [...readParts(program).values()]
        .map((b) => b.toString())
        .find((x) => x.includes('name="tblRoadmap"'))!
    )![1]!;
    const sliced = withParts(program, {
      "xl/slicerCaches/slicerCache1.xml": `<slicerCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><extLst><x:ext xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x15:tableSlicerCache xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" tableId="${id}" column="5"/></x:ext></extLst></slicerCacheDefinition>`,
    });
    await expect(generate(sliced)).rejects.toThrow(WouldLoseContent);
  });

  test("the refresh keeps the dates of the first generation", async () => {
    const result = await generate(program);
    const roadmap = (await tablesIn(result.buffer)).get(TBL_ROADMAP)!;
    const reviewed = roadmap.rows.map((r) => (r[7] as Date).toISOString().slice(0, 10));
    expect(new Set(reviewed)).toEqual(new Set([TODAY.toISOString().slice(0, 10)]));
  });
});
