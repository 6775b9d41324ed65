import { Workbook } from "exceljs";
import { readTables } from "../../../src/xlsx/readTables";
import { writePlanToBuffer } from "../../../src/xlsx/writePlan";
import { PARTNERS, PLAN } from "./plans";

describe("readTables", () => {
  test("reads every table back by name: sheet, header, position and values", async () => {
    const tables = await readTables(await writePlanToBuffer(PLAN));
    expect([...tables.keys()].sort()).toEqual(["tblEmpty", "tblPartners"]);
    const partners = tables.get("tblPartners")!;
    expect(partners.sheet).toBe("Partners");
    expect(partners.topLeft).toEqual(PARTNERS.topLeft);
    expect(partners.header).toEqual(PARTNERS.columns.map((c) => c.header));
    // Never calculated: formulas come back as formulas, everything else exactly as planned.
    expect(partners.rows).toEqual(PARTNERS.rows);
  });

  test("an empty table reads back with its header and no rows", async () => {
    const empty = (await readTables(await writePlanToBuffer(PLAN))).get("tblEmpty")!;
    expect(empty).toEqual({
      sheet: "Tier Review",
      header: ["Quarter", "Pipeline"],
      rows: [],
      topLeft: { row: 0, column: 0 },
    });
  });

  test("cached formula results, errors, rich text and dates read as the user sees them", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Data");
    const when = new Date(Date.UTC(2025, 2, 31));
    ws.addTable({
      name: "tblData",
      ref: "C5",
      columns: [{ name: "Score" }, { name: "Band" }, { name: "Note" }, { name: "Due" }],
      rows: [
        [
          { formula: "1+1", result: 2 },
          { formula: "NA()", result: { error: "#N/A" } },
          { richText: [{ text: "a" }, { text: "b" }] },
          when,
        ],
        [null, null, null, null],
      ],
    });
    const data = (await readTables(new Uint8Array(await workbook.xlsx.writeBuffer()))).get(
      "tblData"
    )!;
    expect(data.topLeft).toEqual({ row: 4, column: 2 });
    expect(data.rows).toEqual([[2, { error: "#N/A" }, "ab", when]]);
  });

  test("a totals row is left out", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("Totals").addTable({
      name: "tblPipeline",
      ref: "A1",
      totalsRow: true,
      columns: [
        { name: "Partner", totalsRowLabel: "Total" },
        { name: "Pipeline", totalsRowFunction: "sum" },
      ],
      rows: [
        ["Deloitte", 100],
        ["PwC", 50],
      ],
    });
    const table = (await readTables(new Uint8Array(await workbook.xlsx.writeBuffer()))).get(
      "tblPipeline"
    )!;
    expect(table.rows).toEqual([
      ["Deloitte", 100],
      ["PwC", 50],
    ]);
  });
});
