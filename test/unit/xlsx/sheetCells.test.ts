import { SheetCells, sharedStringTexts } from "../../../src/xlsx/package/sheetCells";
import { splitSheet } from "../../../src/xlsx/package/sheetText";

const SHEET = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="2"><c r="B2" s="3"/><c r="C2" t="inlineStr"><is><t></t></is></c></row>
<row r="5"><c r="D5" t="s"><v>1</v></c><c r="E5" t="inlineStr"><is><r><t>rich </t></r><r><t>text_x000D_</t></r></is></c></row>
<row r="9"><c r="A9" t="b"><v>1</v></c><c r="B9"><f>1+1</f><v>2</v></c></row>
</sheetData></worksheet>`;
const STRINGS = `<sst><si><t>zero</t></si><si><r><t>one &amp; </t></r><r><t>more</t></r><rPh><t>ignored</t></rPh></si></sst>`;

const cells = () =>
  new SheetCells(splitSheet(SHEET), () => Promise.resolve(sharedStringTexts(STRINGS)));
const ALL = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };

describe("SheetCells: what an existing sheet's cells hold, from its rows as text", () => {
  test("the first filled cell of any range, styled-only and empty-text cells not counting; in one pass", () => {
    const started = Date.now();
    expect(cells().firstFilled(ALL)).toEqual({ row: 4, column: 3 });
    expect(cells().firstFilled(ALL, { top: 4, left: 0, bottom: 4, right: 16_383 })).toEqual({
      row: 8,
      column: 0,
    });
    expect(
      cells().firstFilled({ top: 0, left: 5, bottom: 1_048_575, right: 16_383 })
    ).toBeUndefined();
    // A whole-sheet range is never walked cell by cell.
    expect(Date.now() - started).toBeLessThan(500);
  });

  test("values as a reader shows them: shared and rich text, escapes, booleans, cached results", async () => {
    const sheet = cells();
    await expect(sheet.value(4, 3)).resolves.toBe("one & more");
    await expect(sheet.value(4, 4)).resolves.toBe("rich text\r");
    await expect(sheet.value(8, 0)).resolves.toBe(true);
    await expect(sheet.value(8, 1)).resolves.toBe(2);
    await expect(sheet.value(1, 1)).resolves.toBeUndefined();
    await expect(sheet.value(100, 1)).resolves.toBeUndefined();
  });
});
