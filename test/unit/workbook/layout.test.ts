import {
  columnPixels,
  columnWidths,
  headerFits,
  headerRowHeights,
  headerWidth,
  printLayout,
  textPixels,
  wrappedLines,
} from "../../../src/workbook/layout";
import { SheetPlan } from "../../../src/workbook/plan";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { lineHeight } from "../../../src/workbook/styles";

const PROGRAMS = {
  sample: programWorkbookPlan({ data: "sample", mode: "portable" }),
  blank: programWorkbookPlan({ data: "blank", mode: "addin" }),
};

/**
 * What a 1366-pixel laptop screen shows of a sheet: the window less Excel's row numbers and its scroll bar. A
 * column of width w takes w × 7 + 5 pixels (Calibri 11).
 */
const SCREEN_PIXELS = 1366 - 66;

/** The columns an analyst reads each sheet by, from its first table's first column. */
const KEY_COLUMNS_THROUGH: Readonly<Record<string, string>> = {
  Models: "Default Economics",
  Landscape: "Recruitment Rank",
  "Tier Review": "Next Tier Gap",
  Decisions: "Decision",
  Roadmap: "Last Reviewed",
};

describe("readable layout", () => {
  test.each(Object.entries(PROGRAMS))(
    "%s program: no header is wider than its column: each wraps within it, its row tall enough",
    (_, plan) => {
      const cut: string[] = [];
      for (const sheet of plan.sheets) {
        const heights = headerRowHeights(sheet);
        for (const table of sheet.tables) {
          for (const column of table.columns) {
            if (!headerFits(column)) cut.push(`${sheet.name}: ${column.header} (${column.width})`);
            const lines = wrappedLines(column.header, columnPixels(column.width), true);
            if (heights.get(table.topLeft.row)! < lines * lineHeight())
              cut.push(`${sheet.name}: ${column.header} needs ${lines} lines`);
          }
        }
      }
      expect(cut).toEqual([]);
    }
  );

  test.each(PROGRAMS.sample.sheets.map((s) => [s.name, s] as const))(
    "%s: its key columns fit a 1366-pixel laptop screen",
    (name, sheet: SheetPlan) => {
      const table = sheet.tables[0]!;
      const through = KEY_COLUMNS_THROUGH[name];
      const last =
        through === undefined
          ? table.columns.length - 1
          : table.columns.findIndex((c) => c.header === through);
      expect(last).toBeGreaterThanOrEqual(0);
      const pixels = table.columns
        .slice(0, last + 1)
        .reduce((sum, c) => sum + Math.trunc(columnPixels(c.width) + 5), 0);
      expect(pixels).toBeLessThanOrEqual(SCREEN_PIXELS);
    }
  );

  test("long text wraps: Tiers benefits, Decisions rationale, OKR objectives and their like", () => {
    const wrapped = PROGRAMS.sample.sheets.flatMap((s) =>
      s.tables.flatMap((t) =>
        t.columns.filter((c) => c.wrap === true).map((c) => `${s.name}: ${c.header}`)
      )
    );
    expect(wrapped).toEqual(
      expect.arrayContaining([
        "Tiers: Benefits",
        "Tiers: Commitments",
        "Decisions: Rationale",
        "OKRs: Objective",
        "OKRs: Key Result",
        "Tier Review: Finding",
        "Roadmap: Milestone",
      ])
    );
    // Any other text shows whole in Excel (Calibri): within its column, or running on over empty cells to its
    // right, as spreadsheets show it, within the printed area.
    const cut = PROGRAMS.sample.sheets.flatMap((sheet) => {
      const filled = new Set<string>();
      for (const t of sheet.tables)
        t.rows.forEach((r, i) =>
          r.forEach((v, c) => {
            if (v !== null) filled.add(`${t.topLeft.row + 1 + i}:${t.topLeft.column + c}`);
          })
        );
      for (const c of sheet.cells) filled.add(`${c.at.row}:${c.at.column}`);
      const widths = columnWidths(sheet);
      const lastColumn = printLayout(sheet).area.last.column;
      return sheet.tables.flatMap((t) =>
        t.columns.flatMap((c, i) => {
          if (c.wrap === true) return [];
          const column = t.topLeft.column + i;
          return t.rows.flatMap((r, k) => {
            const text = r[i];
            if (typeof text !== "string") return [];
            const row = t.topLeft.row + 1 + k;
            let room = columnPixels(c.width);
            for (let n = column + 1; n <= lastColumn && !filled.has(`${row}:${n}`); n++)
              room += columnPixels(widths.get(n) ?? 8.43);
            return textPixels(text) > room ? [`${sheet.name}: ${c.header}: ${text}`] : [];
          });
        })
      );
    });
    expect(cut).toEqual([]);
  });

  test("text wraps at word boundaries, a word longer than the line across lines", () => {
    expect(wrappedLines("short", 100)).toBe(1);
    expect(wrappedLines("one two three four five six seven", 60)).toBeGreaterThan(2);
    expect(wrappedLines("x".repeat(100), 70)).toBe(
      Math.ceil(textPixels("x".repeat(100), false, "fallback") / 70)
    );
    expect(headerWidth("Core to Differentiation")).toBeGreaterThanOrEqual(
      Math.ceil(textPixels("Differentiation", true) / 7)
    );
  });
});

describe("print layout", () => {
  const layout = (name: string) =>
    printLayout(PROGRAMS.sample.sheets.find((s) => s.name === name)!);

  test("every sheet prints its frozen rows and its key column on every page, within a print area", () => {
    for (const sheet of PROGRAMS.sample.sheets) {
      const print = printLayout(sheet);
      expect(print.titleRows).toBe(sheet.freezeRows);
      expect(print.titleColumns).toBe(sheet.keyColumns ?? 1);
      for (const table of sheet.tables) {
        expect(print.area.last.row).toBeGreaterThanOrEqual(table.topLeft.row + table.rows.length);
        expect(print.area.last.column).toBeGreaterThanOrEqual(
          table.topLeft.column + table.columns.length - 1
        );
      }
    }
    expect(layout("Decisions").titleColumns).toBe(2);
  });

  test("wide sheets print landscape; a long, narrower list portrait, where it takes fewer pages", () => {
    expect(layout("Decisions").orientation).toBe("landscape");
    expect(layout("Tiers").orientation).toBe("landscape");
    expect(layout("Quarterly").orientation).toBe("portrait");
  });
});
