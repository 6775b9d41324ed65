import { SheetValues } from "../../../src/xlsx/package/sheetValues";

const SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="2"><x:c r="B2"><x:f t="shared" ref="B2:C3" si="0">A2*$A$1+SUM(A2:A3)</x:f><x:v>4</x:v></x:c><x:c r="C2"><x:f t="shared" si="0"/></x:c></x:row>
<x:row r="3"><x:c r="B3"><x:f t="shared" si="0"/><x:v>6</x:v></x:c><x:c r="C3" t="e"><x:f>NA()</x:f><x:v>#N/A</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5" t="str"><x:f>""</x:f><x:v></x:v></x:c><x:c r="B5"><x:f>1/0</x:f><x:v/></x:c><x:c r="C5" t="d"><x:v>2025-03-31T12:00:00</x:v></x:c><x:c r="D5"><x:v>NaN</x:v></x:c><x:c r="E5" t="s"><x:v>1</x:v></x:c><x:c r="F5" t="str"><x:v>a_x000D_b &amp; c</x:v></x:c></x:row>
</x:sheetData></x:worksheet>`;

const sheet = () =>
  SheetValues.of(SHEET, "xl/worksheets/sheet1.xml", {
    strings: ["zero", "one"],
    dateStyles: new Set(),
    date1904: false,
  });

const rows = (reading: "result" | "formula") =>
  [...sheet().rowsBetween(0, 10, reading)].map(({ row, cells }) => [
    row,
    Object.fromEntries(cells.map((c) => [c.column, c.value])),
  ]);

describe("SheetValues: a worksheet's cells as a reader shows them, from the part's text", () => {
  test("a cached result where there is one; a shared formula's cells moved from its first cell", () => {
    expect(rows("result")).toEqual([
      [1, { 1: 4, 2: { formula: "=B2*$A$1+SUM(B2:B3)" } }],
      [2, { 1: 6, 2: { error: "#N/A" } }],
      [
        4,
        {
          0: "",
          1: { formula: "=1/0" },
          2: new Date(Date.UTC(2025, 2, 31, 12)),
          3: { error: "#NUM!" },
          4: "one",
          5: "a\rb & c",
        },
      ],
    ]);
  });

  test('"formula" reading: every formula cell as its formula', () => {
    expect(rows("formula").slice(0, 2)).toEqual([
      [1, { 1: { formula: "=A2*$A$1+SUM(A2:A3)" }, 2: { formula: "=B2*$A$1+SUM(B2:B3)" } }],
      [2, { 1: { formula: "=A3*$A$1+SUM(A3:A4)" }, 2: { formula: "=NA()" } }],
    ]);
  });

  test("only the rows asked for are read", () => {
    expect([...sheet().rowsBetween(2, 3, "result")].map((r) => r.row)).toEqual([2]);
  });

  test("a worksheet part that is not one, or is cut short, is named", () => {
    const context = { strings: [], dateStyles: new Set<number>(), date1904: false };
    expect(() => SheetValues.of("<sst/>", "xl/worksheets/sheet9.xml", context)).toThrow(
      "its part xl/worksheets/sheet9.xml is not a worksheet"
    );
    expect(() => SheetValues.of(SHEET.slice(0, 400), "xl/worksheets/sheet9.xml", context)).toThrow(
      "its part xl/worksheets/sheet9.xml is cut short (its rows never end)"
    );
  });
});
