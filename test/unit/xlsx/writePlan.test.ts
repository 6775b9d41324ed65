import { CellFormulaValue, ConditionalFormattingOptions, Workbook, Worksheet } from "exceljs";
import { WorkbookPlan } from "../../../src/workbook/plan";
import { writePlanToBuffer } from "../../../src/xlsx/writePlan";
import { PLAN } from "./plans";

async function load(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

const sheet = (workbook: Workbook, name: string): Worksheet => {
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
};

describe("writePlanToBuffer", () => {
  let bytes: Uint8Array;
  let workbook: Workbook;
  beforeAll(async () => {
    bytes = await writePlanToBuffer(PLAN);
    workbook = await load(bytes);
  });

  test("writes a zip (.xlsx) as a plain Uint8Array, sheets in plan order", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK");
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["Partners", "Tier Review"]);
  });

  test("formulas are written without '=' and without a cached result", () => {
    const ws = sheet(workbook, "Partners");
    const value = ws.getCell("F4").value as CellFormulaValue;
    expect(value.formula).toBe("tblPartners[[#This Row],[Rating]]*2");
    expect(value.result).toBeUndefined();
    expect((ws.getCell("E2").value as CellFormulaValue).formula).toBe(
      "COUNTA(tblPartners[Partner])"
    );
  });

  test("text that looks like a formula stays text", () => {
    const ws = sheet(workbook, "Partners");
    expect(ws.getCell("B4").value).toBe("=SUM(A1:A9)");
    expect(ws.getCell("B4").formula).toBeUndefined();
    expect(ws.getCell("A2").value).toBe("=Not a formula, a note");
  });

  test("column widths, number formats on every data cell, header descriptions as notes", () => {
    const ws = sheet(workbook, "Partners");
    expect([2, 3, 4, 5, 6, 7].map((c) => ws.getColumn(c).width)).toEqual([28, 14, 10, 10, 12, 8]);
    for (let row = 4; row <= 7; row++) {
      expect(ws.getCell(row, 2).numFmt).toBe("@");
      expect(ws.getCell(row, 4).numFmt).toBe("0");
      expect(ws.getCell(row, 6).numFmt).toBe("0.0");
    }
    expect(ws.getCell("B3").note).toBe("The partner's legal name.");
    expect(ws.getCell(8, 2).numFmt).toBeUndefined();
  });

  test("data validation covers the data cells with the column's message", () => {
    const ws = sheet(workbook, "Partners");
    for (let row = 4; row <= 7; row++) {
      expect(ws.getCell(row, 3).dataValidation).toMatchObject({
        type: "list",
        formulae: ['"Big 4,GSI,Say ""hi"""'],
        showErrorMessage: true,
        error: "Pick a type.",
      });
      expect(ws.getCell(row, 4).dataValidation).toMatchObject({
        type: "decimal",
        operator: "between",
        formulae: [0, 100],
        error: "Rating is 0 to 100.",
      });
      expect(ws.getCell(row, 5).dataValidation).toMatchObject({
        type: "whole",
        formulae: [0, 500],
      });
    }
    expect(ws.getCell("C3").dataValidation).toBeUndefined();
    expect(ws.getCell("C8").dataValidation).toBeUndefined();
  });

  test("conditional formats on the data cells, with their fills and unique priorities", () => {
    const ws = sheet(workbook, "Partners");
    // Loaded but left out of exceljs's Worksheet type.
    const formats = (ws as unknown as { conditionalFormattings: ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(formats.map((f) => f.ref)).toEqual(["D4:D7", "F4:F7"]);
    const rules = formats.flatMap((f) => f.rules);
    expect(rules.map((r) => r.priority)).toEqual([1, 2, 3, 4]);
    expect(rules[0]).toMatchObject({ type: "expression", formulae: ["D4>=75"] });
    expect(rules[1]).toMatchObject({ type: "cellIs", operator: "between", formulae: ["50", "74"] });
    expect(rules[2]).toMatchObject({ type: "cellIs", operator: "lessThan", formulae: ["50"] });
    expect(rules[3]).toMatchObject({ type: "cellIs", operator: "equal", formulae: ['"Priority"'] });
    expect(rules[0]!.style?.fill).toMatchObject({
      pattern: "solid",
      bgColor: { argb: "FFC6EFCE" },
    });
    expect(rules[0]!.style?.font?.color).toEqual({ argb: "FF006100" });
  });

  test("loose cells are styled and frozen rows are set", () => {
    const ws = sheet(workbook, "Partners");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell("A2").font).toMatchObject({ italic: true });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(
      (sheet(workbook, "Tier Review").views ?? []).filter((v) => v.state === "frozen")
    ).toEqual([]);
  });

  test("an empty table is written with one blank row", () => {
    const ws = sheet(workbook, "Tier Review");
    expect([ws.getCell("A1").value, ws.getCell("B1").value]).toEqual(["Quarter", "Pipeline"]);
    expect(ws.getCell("B2").numFmt).toBe("$#,##0");
    expect(ws.getCell("A2").value).toBeNull();
  });

  test("a list value with a comma is refused, naming the column", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "S",
          freezeRows: 0,
          cells: [],
          tables: [
            {
              name: "tblS",
              topLeft: { row: 0, column: 0 },
              columns: [
                {
                  header: "Model",
                  width: 10,
                  validation: { kind: "list", values: ["Co-Sell", "OEM, Embed"], message: "m" },
                },
              ],
              rows: [],
            },
          ],
        },
      ],
    };
    await expect(writePlanToBuffer(plan)).rejects.toThrow(
      'Model: the list value "OEM, Embed" contains a comma'
    );
  });
});
