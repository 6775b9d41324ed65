import { Workbook } from "exceljs";
import { DASHBOARD_SHEET } from "../../../src/workbook/dashboardSheet";
import { mergePlanIntoWorkbook, MergeResult } from "../../../src/xlsx/mergePlan";
import {
  edit,
  expectKept,
  programBytes,
  programPlan,
  sheet,
  tableModel,
  tablesIn,
  userEdits,
  loadWorkbook,
} from "./userEdits";
import { readParts, withParts } from "./zipParts";

const PLAN = programPlan();
const PROGRAM_SHEETS = PLAN.sheets.map((s) => s.name);

async function merged(bytes: Uint8Array): Promise<MergeResult & { buffer: Uint8Array }> {
  const result = await mergePlanIntoWorkbook(bytes, PLAN);
  if (result.buffer === undefined) throw new Error("nothing was added");
  return { ...result, buffer: result.buffer };
}

const names = (workbook: Workbook): string[] => workbook.worksheets.map((ws) => ws.name);

describe("mergePlanIntoWorkbook", () => {
  let program: Uint8Array;
  beforeAll(async () => {
    program = await programBytes();
  });

  test("a user's workbook: every edit survives, the deleted Dashboard comes back after Executives", async () => {
    const edited = await edit(program, userEdits);
    const result = await merged(edited);
    expect(result.added).toEqual([DASHBOARD_SHEET]);
    expect(result.addedTables).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.kept).toEqual([
      ...PROGRAM_SHEETS.filter((s) => s !== DASHBOARD_SHEET),
      "My Notes",
    ]);

    await expectKept(edited, result.buffer);
    const workbook = await loadWorkbook(result.buffer);
    expect(names(workbook)).toEqual([...PROGRAM_SHEETS, "My Notes"]);
    const tables = await tablesIn(result.buffer);
    // The edits themselves, as read back.
    expect(tables.get("tblScoring")!.rows[0]![2]).toBe(12);
    expect(tables.get("tblSettings")!.rows[0]![1]).toBe("Acme Renamed Ltd");
    expect(tables.get("tblQuarterly")!.rows.at(-1)![0]).toBe("Brand New Partner");
    const notes = sheet(workbook, "My Notes");
    expect(notes.getCell("A1").value).toBe("Call Northwind about the Q3 plan");
    expect(["C2", "C3", "C4"].map((a) => notes.getCell(a).formula)).toEqual([
      "B2*2",
      "B3*2",
      "B4*2",
    ]);
    // The Dashboard as planned, every table of it.
    const dashboard = PLAN.sheets.find((s) => s.name === DASHBOARD_SHEET)!;
    for (const t of dashboard.tables) {
      expect(tables.get(t.name)?.header).toEqual(t.columns.map((c) => c.header));
      expect(tables.get(t.name)?.sheet).toBe(DASHBOARD_SHEET);
    }
  });

  test("the check of what was kept notices a changed format, a lost validation or a changed table", async () => {
    const changes: ((wb: Workbook) => void)[] = [
      (wb) => (sheet(wb, "Models").getCell("B4").numFmt = "0.00"),
      (wb) => {
        const ws = sheet(wb, "Roadmap") as unknown as { dataValidations: { model: object } };
        ws.dataValidations.model = {};
      },
      (wb) => (tableModel(sheet(wb, "Quarterly"), "tblQuarterly").tableRef = "A3:J60"),
    ];
    for (const change of changes) {
      await expect(expectKept(program, await edit(program, change))).rejects.toThrow();
    }
  });

  test("a second run adds nothing and leaves the file as it is", async () => {
    const once = await merged(await edit(program, userEdits));
    const again = await mergePlanIntoWorkbook(once.buffer, PLAN);
    expect(again).toEqual({
      buffer: undefined,
      added: [],
      addedTables: [],
      kept: [...PROGRAM_SHEETS, "My Notes"],
      skipped: [],
    });
  });

  test("the complete program workbook: nothing to add", async () => {
    const result = await mergePlanIntoWorkbook(program, PLAN);
    expect(result).toMatchObject({ buffer: undefined, added: [], kept: PROGRAM_SHEETS });
  });

  test("sheets missing at the start and in the middle go where the program puts them; the active tab stays", async () => {
    const edited = await edit(program, (wb) => {
      for (const name of ["Settings", "Roadmap", "RACI"]) wb.removeWorksheet(sheet(wb, name).id);
      wb.views = [
        {
          x: 0,
          y: 0,
          width: 10000,
          height: 20000,
          firstSheet: 0,
          activeTab: 6,
          visibility: "visible",
        },
      ];
    });
    const active = names(await loadWorkbook(edited))[6];
    expect(active).toBe("Quarterly");
    const result = await merged(edited);
    expect(result.added).toEqual(["Settings", "Roadmap", "RACI"]);
    const workbook = await loadWorkbook(result.buffer);
    expect(names(workbook)).toEqual(PROGRAM_SHEETS);
    expect(names(workbook)[workbook.views[0]!.activeTab]).toBe("Quarterly");
    await expectKept(edited, result.buffer);
  });

  test("added sheets print as planned, by their own names; the analyst's print settings stay on their sheets", async () => {
    const edited = await edit(program, (wb) => {
      for (const name of ["Settings", "Roadmap"]) wb.removeWorksheet(sheet(wb, name).id);
      sheet(wb, "Quarterly").pageSetup.printArea = "A1:B5";
    });
    const result = await merged(edited);
    expect(result.added).toEqual(["Settings", "Roadmap"]);
    const xml = readParts(result.buffer).get("xl/workbook.xml")!.toString();
    const tabs = [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
    expect(tabs).toEqual(PROGRAM_SHEETS);
    const scoped = [
      ...xml.matchAll(/<definedName name="([^"]+)" localSheetId="(\d+)">([^<]*)</g),
    ].map((m) => ({
      name: m[1]!,
      sheet: tabs[Number(m[2])]!,
      formula: m[3]!.replace(/&apos;/g, "'"),
    }));
    // Every sheet-scoped name still names its own sheet: the inserted sheets shifted the others' positions.
    for (const n of scoped) expect(n.formula).toContain(`'${n.sheet}'!`);
    const of = (name: string, on: string) =>
      scoped.find((n) => n.name === name && n.sheet === on)?.formula;
    expect(of("_xlnm.Print_Titles", "Settings")).toBe("'Settings'!$A:$A,'Settings'!$1:$3");
    expect(of("_xlnm.Print_Area", "Roadmap")).toMatch(/^'Roadmap'!\$A\$1:\$[A-Z]+\$\d+$/);
    // As the analyst's file had it (exceljs writes the rows relative).
    expect(of("_xlnm.Print_Area", "Quarterly")).toBe("'Quarterly'!$A1:$B5");
    await expectKept(edited, result.buffer);
  });

  test("a missing table is added to its sheet when its cells are empty, else left out and said so", async () => {
    const unlisted = await edit(program, (wb) => {
      // Converted to a range: the table is gone, its cells stay.
      sheet(wb, "Roadmap").removeTable("tblRoadmap");
    });
    const kept = await mergePlanIntoWorkbook(unlisted, PLAN);
    expect(kept.buffer).toBeUndefined();
    expect(kept.skipped).toEqual([
      { name: "tblRoadmap", reason: "Roadmap!A3:L22 is not empty (A3 holds data)" },
    ]);

    const cleared = await edit(program, (wb) => {
      const ws = sheet(wb, "Roadmap");
      ws.removeTable("tblRoadmap");
      for (let row = 3; row <= 22; row++)
        for (let c = 1; c <= 12; c++) ws.getCell(row, c).value = null;
    });
    const added = await merged(cleared);
    expect(added.added).toEqual([]);
    expect(added.addedTables).toEqual([{ table: "tblRoadmap", sheet: "Roadmap" }]);
    await expectKept(cleared, added.buffer, ["Roadmap"]);
    const roadmap = (await tablesIn(added.buffer)).get("tblRoadmap")!;
    expect(roadmap.sheet).toBe("Roadmap");
    expect(roadmap.rows).toHaveLength(
      PLAN.sheets.find((s) => s.name === "Roadmap")!.tables[0]!.rows.length
    );
    // The title above the table is the user's to keep: untouched.
    expect(sheet(await loadWorkbook(added.buffer), "Roadmap").getCell("A1").value).toBe(
      sheet(await loadWorkbook(cleared), "Roadmap").getCell("A1").value
    );
  });

  test("a sheet the user renamed is not added again: its table lives on", async () => {
    const renamed = await edit(program, (wb) => {
      sheet(wb, "Roadmap").name = "Road Map 2027";
    });
    const result = await mergePlanIntoWorkbook(renamed, PLAN);
    expect(result.buffer).toBeUndefined();
    expect(result.skipped).toEqual([
      { name: "Roadmap", reason: "its table tblRoadmap is on the sheet Road Map 2027" },
    ]);
  });

  test("a sheet whose formulas would read a column the user renamed is left out, not added broken", async () => {
    const edited = await edit(program, (wb) => {
      const ws = sheet(wb, "Quarterly");
      const t = ws.getTable("tblQuarterly") as unknown as {
        table: { columns: { name: string }[] };
      };
      t.table.columns[2]!.name = "Pipeline ($)";
      ws.getCell("C3").value = "Pipeline ($)";
      wb.removeWorksheet(sheet(wb, DASHBOARD_SHEET).id);
    });
    const result = await mergePlanIntoWorkbook(edited, PLAN);
    expect(result.buffer).toBeUndefined();
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]!.name).toBe(DASHBOARD_SHEET);
    expect(result.skipped[0]!.reason).toMatch(
      /^its formula at Dashboard![A-Z]+\d+ reads tblQuarterly\[Pipeline\], a column the workbook's tblQuarterly lacks$/
    );
  });

  test("leaving one addition out leaves out the ones that read it", async () => {
    const edited = await edit(program, (wb) => {
      sheet(wb, "Roadmap").removeTable("tblRoadmap");
      wb.removeWorksheet(sheet(wb, DASHBOARD_SHEET).id);
    });
    const result = await mergePlanIntoWorkbook(edited, PLAN);
    expect(result.buffer).toBeUndefined();
    expect(result.skipped.map((s) => s.name)).toEqual(["tblRoadmap", DASHBOARD_SHEET]);
    expect(result.skipped[1]!.reason).toMatch(/reads table tblRoadmap, which the workbook lacks$/);
  });

  test("a workbook of the user's own gets the whole program after its sheets", async () => {
    const own = new Workbook();
    own.addWorksheet("Data").getCell("A1").value = "mine";
    const bytes = new Uint8Array(await own.xlsx.writeBuffer());
    const result = await merged(bytes);
    expect(result.added).toEqual(PROGRAM_SHEETS);
    expect(result.kept).toEqual(["Data"]);
    expect(names(await loadWorkbook(result.buffer))).toEqual(["Data", ...PROGRAM_SHEETS]);
    await expectKept(bytes, result.buffer);
  });

  test("parts this program does not model (charts, pivot tables, anything new) are kept byte for byte", async () => {
    const removed = await edit(program, (wb) => wb.removeWorksheet(sheet(wb, DASHBOARD_SHEET).id));
    const extra = {
      "xl/charts/chart1.xml": "<c:chartSpace/>",
      "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
      "xl/somethingNew/part1.xml": "<x/>",
    };
    const result = await merged(withParts(removed, extra));
    expect(result.added).toEqual([DASHBOARD_SHEET]);
    const parts = readParts(result.buffer);
    for (const [name, text] of Object.entries(extra))
      expect(parts.get(name)!.toString()).toBe(text);
  });

  test("tables saved without a table style, as LibreOffice saves them, are written back", async () => {
    const edited = await edit(program, (wb) => wb.removeWorksheet(sheet(wb, DASHBOARD_SHEET).id));
    const parts = readParts(edited);
    const unstyled = Object.fromEntries(
      [...parts]
        .filter(([name]) => name.startsWith("xl/tables/"))
        .map(([name, xml]) => [name, xml.toString("utf8").replace(/<tableStyleInfo[^>]*\/>/, "")])
    );
    const bytes = withParts(edited, unstyled);
    expect(readParts(bytes).get("xl/tables/table1.xml")!.toString()).not.toContain(
      "tableStyleInfo"
    );
    const result = await merged(bytes);
    expect(result.added).toEqual([DASHBOARD_SHEET]);
    await expectKept(bytes, result.buffer);
  });

  test("table names compare ignoring case, as in Excel", async () => {
    const edited = await edit(program, (wb) => {
      const model = tableModel(sheet(wb, "Roadmap"), "tblRoadmap") as unknown as {
        name: string;
        displayName: string;
      };
      model.name = "TBLROADMAP";
      model.displayName = "TBLROADMAP";
    });
    expect((await mergePlanIntoWorkbook(edited, PLAN)).buffer).toBeUndefined();
  });
});
