import { CellContext, FormulaReading, ReadCell, cellValue } from "./cellValue";
import { damagedPart } from "./unreadablePackage";
import { shiftFormula } from "./shiftFormula";
import { RowText, cellsOf, splitSheet, unescapeXml } from "./sheetText";
import { textRootPrefix } from "./xmlDocument";

/** What the rest of the workbook tells about a sheet's cells. */
export type WorkbookContext = Omit<CellContext, "sharedFormula">;

/** A cell that holds something, 0-based column. */
export interface ValueAt {
  readonly column: number;
  readonly value: ReadCell;
}

interface SharedFormula {
  readonly formula: string;
  readonly row: number;
  readonly column: number;
}

/**
 * A worksheet's values, read from its part as text in one pass over the rows it has: a sheet's size is the
 * cells it holds, never the ranges its validations, merges or formats name.
 */
export class SheetValues {
  /** The rows in order of row number. */
  private readonly rows: RowText[];
  private masters: Map<string, SharedFormula> | undefined;
  private readonly context: CellContext;

  constructor(
    xml: string,
    private readonly prefix: string,
    workbook: WorkbookContext
  ) {
    this.rows = splitSheet(xml).rows.sort((a, b) => a.r - b.r);
    this.context = {
      ...workbook,
      sharedFormula: (group, row, column) => this.sharedFormula(group, row, column),
    };
  }

  /** A worksheet part's text as values; an UnreadablePackage when it is not a worksheet or is cut short. */
  static of(xml: string, part: string, workbook: WorkbookContext): SheetValues {
    const p = textRootPrefix(xml, part, "worksheet", "a worksheet");
    const open = new RegExp(`<${p}sheetData\\b[^>]*?(/?)>`).exec(xml);
    if (open === null) throw damagedPart(part, "is not a worksheet's XML (it has no rows)");
    if (open[1] !== "/" && !xml.includes(`</${p}sheetData>`, open.index))
      throw damagedPart(part, "is cut short (its rows never end)");
    return new SheetValues(xml, p, workbook);
  }

  /** The rows between `top` and `bottom` (0-based, inclusive) that hold a value, with those values. */
  *rowsBetween(
    top: number,
    bottom: number,
    formulas: FormulaReading
  ): Generator<{ row: number; cells: ValueAt[] }> {
    for (let i = this.firstRowFrom(top + 1); i < this.rows.length; i++) {
      const { r, xml } = this.rows[i]!;
      if (r - 1 > bottom) return;
      const cells: ValueAt[] = [];
      for (const cell of cellsOf(xml, this.prefix).cells) {
        const value = cellValue(cell.xml, r - 1, cell.column, this.context, formulas);
        if (value !== null) cells.push({ column: cell.column, value });
      }
      if (cells.length > 0) yield { row: r - 1, cells };
    }
  }

  /** The index of the first row numbered `r` (1-based) or more: a binary search. */
  private firstRowFrom(r: number): number {
    let [low, high] = [0, this.rows.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.rows[mid]!.r < r) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * A follower's formula: the group's first cell holds the formula, and every other cell of the group
   * reads it moved by its distance from there, as a fill does. The masters are gathered in one pass, the
   * first time a follower needs its formula.
   */
  private sharedFormula(group: string, row: number, column: number): string | undefined {
    this.masters ??= this.sharedMasters();
    const master = this.masters.get(group);
    return master && shiftFormula(master.formula, row - master.row, column - master.column);
  }

  private sharedMasters(): Map<string, SharedFormula> {
    const masters = new Map<string, SharedFormula>();
    for (const { r, xml } of this.rows) {
      if (!xml.includes("shared")) continue;
      for (const cell of cellsOf(xml, this.prefix).cells) {
        const f = /<(?:\w+:)?f\b([^>]*)>([^<]+)<\/(?:\w+:)?f>/.exec(cell.xml);
        const group = f && /\st="shared"/.test(f[1]!) && /\ssi="([^"]*)"/.exec(f[1]!)?.[1];
        if (group && !masters.has(group))
          masters.set(group, { formula: unescapeXml(f[2]!), row: r - 1, column: cell.column });
      }
    }
    return masters;
  }
}
