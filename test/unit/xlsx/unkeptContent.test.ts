import { Workbook } from "exceljs";
import { unkeptContent } from "../../../src/xlsx/unkeptContent";
import { loadWorkbook } from "../../../src/xlsx/workbookBytes";
import { programBytes } from "./userEdits";
import { readParts, withParts } from "./zipParts";

const CUSTOM_PROPERTIES = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${body}</Properties>`;

/** A one-sheet workbook whose sheet XML is changed by `change`. */
async function sheetWith(change: (xml: string) => string): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.addWorksheet("Data").getCell("A1").value = 5;
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const xml = readParts(bytes).get("xl/worksheets/sheet1.xml")!.toString("utf8");
  return withParts(bytes, { "xl/worksheets/sheet1.xml": change(xml) });
}

const beforeEnd = (extra: string) => (xml: string) =>
  xml.replace("</worksheet>", `${extra}</worksheet>`);

describe("unkeptContent", () => {
  let program: Uint8Array;
  beforeAll(async () => {
    program = await programBytes();
  });

  test("the program workbook, as this program writes it: nothing that a rewrite would lose", async () => {
    await expect(unkeptContent(program)).resolves.toEqual([]);
  });

  test("parts exceljs drops are named as a user knows them, each once", async () => {
    const bytes = withParts(program, {
      "xl/charts/chart1.xml": "<c:chartSpace/>",
      "xl/charts/chart2.xml": "<c:chartSpace/>",
      "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
      "xl/pivotCache/pivotCacheDefinition1.xml": "<pivotCacheDefinition/>",
      "xl/threadedComments/threadedComment1.xml": "<ThreadedComments/>",
      "xl/connections.xml": "<connections/>",
      "xl/somethingNew/part1.xml": "<x/>",
    });
    await expect(unkeptContent(bytes)).resolves.toEqual([
      "charts",
      "pivot tables",
      "threaded comments",
      "data connections (Power Query)",
      "xl/somethingNew/part1.xml",
    ]);
  });

  test("parts holding nothing of the user's do not count: calculation chain, printer settings, empty custom properties", async () => {
    const bytes = withParts(program, {
      "xl/calcChain.xml": "<calcChain/>",
      "xl/printerSettings/printerSettings1.bin": "\u0000\u0001",
      "docProps/custom.xml": CUSTOM_PROPERTIES(""),
    });
    await expect(unkeptContent(bytes)).resolves.toEqual([]);
  });

  test("custom document properties (a sensitivity label) count", async () => {
    const label =
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_Name"><vt:lpwstr>Confidential</vt:lpwstr></property>';
    const bytes = withParts(program, { "docProps/custom.xml": CUSTOM_PROPERTIES(label) });
    await expect(unkeptContent(bytes)).resolves.toEqual(["custom document properties"]);
  });

  test("sparklines and Excel 2010's drop-down lists inside a sheet count", async () => {
    const sparklines = await sheetWith(
      beforeEnd(
        '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups/></ext></extLst>'
      )
    );
    await expect(unkeptContent(sparklines)).resolves.toEqual(["sparklines"]);
    const lists = await sheetWith(
      beforeEnd(
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1"/></ext></extLst>'
      )
    );
    await expect(unkeptContent(lists)).resolves.toEqual([
      "drop-down lists that read another sheet",
    ]);
  });

  test("a validation whose bound is a formula counts: exceljs would write it back as NaN", async () => {
    const rule =
      '<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="A2"><formula1>0</formula1><formula2>$B$1</formula2></dataValidation></dataValidations>';
    const bytes = await sheetWith((xml) => xml.replace("</sheetData>", `</sheetData>${rule}`));
    await expect(unkeptContent(bytes)).resolves.toEqual([
      "validation rules whose bounds are formulas",
    ]);
    // Why: exceljs reads the bound as a number.
    const validation = (await loadWorkbook(bytes))
      .getWorksheet("Data")!
      .getCell("A2").dataValidation;
    expect(validation.formulae).toEqual([0, NaN]);

    const numeric = await sheetWith((xml) =>
      xml.replace("</sheetData>", `</sheetData>${rule.replace("$B$1", "100")}`)
    );
    await expect(unkeptContent(numeric)).resolves.toEqual([]);
  });

  test("bytes that are not a zip package are refused with the reason", async () => {
    await expect(unkeptContent(new TextEncoder().encode("Partner,Quarter\n"))).rejects.toThrow(
      "it is not a zip package"
    );
  });
});
