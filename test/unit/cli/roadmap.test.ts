import { mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { excelSerial } from "../../../src/workbook/dates";
import { ROADMAP_SHEET, TBL_ROADMAP } from "../../../src/workbook/roadmapSheet";
import {
  appendRow,
  edit,
  expectKept,
  programBytes,
  programPlan,
  sheet,
  tablesIn,
  loadWorkbook,
} from "../xlsx/userEdits";
import { readParts, withParts } from "../xlsx/zipParts";
import { expectUsageError, run } from "./run";

const EXAMPLE = resolve(__dirname, "../../../examples/settings.json");
const PROGRAM_SHEETS = programPlan().sheets.map((s) => s.name);

let dir: string;
let program: Uint8Array;
beforeAll(async () => {
  program = await programBytes();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ps-cli-roadmap-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

const bytesOf = async (path: string): Promise<Uint8Array> => new Uint8Array(await readFile(path));

/** An analyst's roadmap: three milestones updated, one added by hand, a setting changed elsewhere. */
const analystEdits = (bytes: Uint8Array) =>
  edit(bytes, (wb) => {
    const ws = sheet(wb, ROADMAP_SHEET);
    ws.getCell("F4").value = "Done";
    ws.getCell("F5").value = "In progress";
    ws.getCell("E6").value = "Finance";
    ws.getCell("G6").value = new Date(Date.UTC(2027, 1, 20));
    appendRow(ws, TBL_ROADMAP, [
      null,
      "Extra",
      "Marketing",
      "Partner awards night",
      "CPO",
      "Not started",
    ]);
  });

describe("partner-strategy roadmap FILE", () => {
  test("refreshes the Roadmap sheet alone, keeping the edits; running it again changes nothing", async () => {
    const before = await analystEdits(program);
    const path = await file("program.xlsx", before);
    const first = await run("roadmap", path);
    expect(first).toEqual({
      code: 0,
      out: [
        "Roadmap for 2027: 19 milestones (3 kept as edited, 0 new), 1 added by hand",
        `${path}: refreshed the Roadmap sheet; settings from tblSettings`,
      ],
      err: [],
    });
    const once = await bytesOf(path);
    await expectKept(before, once, [ROADMAP_SHEET]);
    const roadmap = (await tablesIn(once)).get(TBL_ROADMAP)!;
    expect(roadmap.rows.slice(0, 3).map((r) => r[5])).toEqual([
      "Done",
      "In progress",
      "Not started",
    ]);
    expect(roadmap.rows[2]!.slice(4, 7)).toEqual([
      "Finance",
      "Not started",
      new Date(Date.UTC(2027, 1, 20)),
    ]);
    expect(roadmap.rows.at(-1)![3]).toBe("Partner awards night");

    const second = await run("roadmap", path);
    expect(second.out[0]).toBe(first.out[0]);
    await expectKept(once, await bytesOf(path));
  });

  test("--settings: the roadmap of their year, the edits kept, the file's settings untouched", async () => {
    const before = await analystEdits(program);
    const path = await file("program.xlsx", before);
    const { code, out } = await run("roadmap", path, "--settings", EXAMPLE);
    expect(code).toBe(0);
    expect(out).toEqual([
      // The two milestones stating targets are the same milestones at Kestrel's targets: none is new.
      "Roadmap for 2028: 19 milestones (3 kept as edited, 0 new), 1 added by hand",
      `${path}: refreshed the Roadmap sheet; settings from ${EXAMPLE}`,
    ]);
    const after = await bytesOf(path);
    await expectKept(before, after, [ROADMAP_SHEET]);
    const roadmap = (await tablesIn(after)).get(TBL_ROADMAP)!;
    expect(roadmap.header.slice(-4)).toEqual(["2028-Q1", "2028-Q2", "2028-Q3", "2028-Q4"]);
    expect(roadmap.rows.map((r) => r[3])).toContain("Partner-sourced ARR hits 9% of total ARR");
    // A generated due moves to the new year; the one the analyst typed stays.
    expect(roadmap.rows[0]![6]).toEqual(new Date(Date.UTC(2028, 2, 31)));
    expect(roadmap.rows[2]![6]).toEqual(new Date(Date.UTC(2027, 1, 20)));
    expect(sheet(await loadWorkbook(after), ROADMAP_SHEET).getCell("A1").value).toBe(
      "Partnership Roadmap 2028"
    );
  });

  test("a workbook without a Roadmap sheet gets one after OKRs, reviewed today", async () => {
    const before = await edit(program, (wb) => wb.removeWorksheet(sheet(wb, ROADMAP_SHEET).id));
    const path = await file("no-roadmap.xlsx", before);
    const { code, out } = await run("roadmap", path);
    expect(code).toBe(0);
    expect(out).toEqual([
      "Roadmap for 2027: 19 milestones (0 kept as edited, 19 new), 0 added by hand",
      `${path}: created the Roadmap sheet; settings from tblSettings`,
    ]);
    const after = await bytesOf(path);
    await expectKept(before, after);
    expect((await loadWorkbook(after)).worksheets.map((ws) => ws.name)).toEqual(PROGRAM_SHEETS);
    const reviewed = (await tablesIn(after)).get(TBL_ROADMAP)!.rows.map((r) => r[7]);
    const today = excelSerial(new Date());
    for (const date of reviewed) expect(excelSerial(date as Date)).toBe(today);

    const again = await run("roadmap", path);
    expect(again.out[0]).toBe(
      "Roadmap for 2027: 19 milestones (0 kept as edited, 0 new), 0 added by hand"
    );
    await expectKept(after, await bytesOf(path));
  });

  test("a workbook without tblSettings takes the defaults, and says so", async () => {
    const path = await file(
      "no-settings.xlsx",
      await edit(program, (wb) => wb.removeWorksheet(sheet(wb, "Settings").id))
    );
    const { code, out } = await run("roadmap", path);
    expect(code).toBe(0);
    expect(out[1]).toBe(`${path}: refreshed the Roadmap sheet; settings from the defaults`);
  });

  test("a wrong setting in tblSettings: exit 2 naming its cell, the file untouched", async () => {
    const bytes = await edit(program, (wb) => {
      sheet(wb, "Settings").getCell("B20").value = "next year";
    });
    const path = await file("bad.xlsx", bytes);
    await expectUsageError(
      ["roadmap", path],
      'partner-strategy roadmap: bad.xlsx: Settings!B20: Program Year "next year" is not a year from 1900 to 9999'
    );
    expect(await bytesOf(path)).toEqual(bytes);
  });

  test("a workbook with a chart keeps it byte for byte; its roadmap is refreshed", async () => {
    const chart = "<c:chartSpace/>";
    const bytes = withParts(program, { "xl/charts/chart1.xml": chart });
    const path = await file("charts.xlsx", bytes);
    const { code, err } = await run("roadmap", path);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const after = await bytesOf(path);
    expect(readParts(after).get("xl/charts/chart1.xml")!.toString()).toBe(chart);
    await expectKept(bytes, after, [ROADMAP_SHEET]);
  });

  test("a table that would grow over the user's cells: exit 1 naming the cell", async () => {
    const bytes = await edit(program, (wb) => {
      const ws = sheet(wb, ROADMAP_SHEET);
      appendRow(ws, TBL_ROADMAP, [null, null, null, "Partner awards night"]);
      ws.getCell("A24").value = "total";
      ws.getCell("D4").value = null;
    });
    const path = await file("crowded.xlsx", bytes);
    const { code, err } = await run("roadmap", path);
    expect(code).toBe(1);
    expect(err).toEqual([
      "partner-strategy roadmap: Roadmap!A24 holds data where the new tblRoadmap (Roadmap!A3:L24) would go: move it, then run again",
    ]);
    expect(await bytesOf(path)).toEqual(bytes);
  });

  test.each([
    [[], "missing FILE: the .xlsx workbook to update"],
    [["a.xlsx", "b.xlsx"], 'unexpected argument "b.xlsx"'],
    [["a.xlsx", "--settings"], "--settings needs a value"],
    [["a.xlsx", "--out", "b.xlsx"], "unknown option --out"],
  ])("%j: exit 2 with one line: %s", async (args, message) => {
    await expectUsageError(["roadmap", ...args], `partner-strategy roadmap: ${message}`);
  });

  test("a file that does not exist or is not an .xlsx: exit 2", async () => {
    const missing = join(dir, "missing.xlsx");
    await expectUsageError(
      ["roadmap", missing],
      `partner-strategy roadmap: cannot read ${missing}: no such file`
    );
    const csv = await file("data.csv", new TextEncoder().encode("Partner,Quarter\n"));
    await expectUsageError(
      ["roadmap", csv],
      "partner-strategy roadmap: data.csv is not an .xlsx workbook (its content is not a zip archive)"
    );
  });
});
