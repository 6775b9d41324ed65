import { Block, contains } from "./ranges";
import { SplitSheet, cellsOf, holdsValue, unescapeXml } from "./sheetText";

/**
 * What an existing sheet's cells hold, read from its part's rows as text: the rows are split once, and a
 * question about a range only looks into the rows it covers, so a sheet of a million rows or a range of
 * whole columns costs one pass, never a walk cell by cell.
 */

/** The text of an `<is>` or `<si>`: its runs' `<t>`, without phonetic guides (`<rPh>`). */
export function richText(xml: string): string {
  const runs = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "");
  let text = "";
  for (const m of runs.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g))
    text += m[1] ?? "";
  return storedText(text);
}

/** Text as a cell stores it, unescaped: "_xHHHH_" is how the format stores characters XML cannot carry. */
export const storedText = (xml: string): string =>
  unescapeXml(xml).replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );

/** The shared strings part's texts, by index. */
export const sharedStringTexts = (xml: string): string[] =>
  [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) =>
    richText(m[1] ?? "")
  );

export type CellValue = string | number | boolean;

export class SheetCells {
  private readonly rowIndex = new Map<number, string>();

  constructor(
    private readonly sheet: SplitSheet,
    private readonly strings: () => Promise<readonly string[]>
  ) {
    for (const row of sheet.rows) this.rowIndex.set(row.r, row.xml);
  }

  /** The first cell of `range` (0-based) holding a value or formula, outside `except`, row by row. */
  firstFilled(range: Block, except?: Block): { row: number; column: number } | undefined {
    let found: { row: number; column: number } | undefined;
    for (const row of this.sheet.rows) {
      const r = row.r - 1;
      if (r < range.top || r > range.bottom) continue;
      if (found !== undefined && found.row <= r) continue;
      for (const cell of cellsOf(row.xml, this.sheet.prefix).cells) {
        if (cell.column < range.left || cell.column > range.right) continue;
        if (except !== undefined && contains(except, r, cell.column)) continue;
        if (!holdsValue(cell.xml) || isBlankText(cell.xml)) continue;
        if (found === undefined || r < found.row || cell.column < found.column)
          found = { row: r, column: cell.column };
        break;
      }
    }
    return found;
  }

  /** What a cell shows as a constant (a formula's cached result); undefined for an empty cell. */
  async value(row: number, column: number): Promise<CellValue | undefined> {
    const xml = this.rowIndex.get(row + 1);
    if (xml === undefined) return undefined;
    const cell = cellsOf(xml, this.sheet.prefix).cells.find((c) => c.column === column)?.xml;
    if (cell === undefined) return undefined;
    const type = /^<[^>]*?\st="(\w+)"/.exec(cell)?.[1] ?? "n";
    if (type === "inlineStr")
      return richText(/<(?:\w+:)?is\b[\s\S]*<\/(?:\w+:)?is>/.exec(cell)?.[0] ?? "");
    const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(cell)?.[1];
    if (v === undefined) return undefined;
    if (type === "s") return (await this.strings())[Number(v)] ?? "";
    if (type === "b") return v === "1";
    if (type === "str" || type === "e") return unescapeXml(v);
    return Number(v);
  }
}

/** An inline string with no text, which shows as an empty cell. */
const isBlankText = (cell: string): boolean =>
  !/<(\w+:)?(v|f)\b/.test(cell) && richText(cell) === "";
