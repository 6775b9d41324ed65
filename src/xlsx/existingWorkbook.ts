import { a1 } from "../workbook/address";
import { CellRef, TablePlan } from "../workbook/plan";
import { PackageTable, packageTables } from "./package/packageTables";
import { Block, blockOf, contains } from "./package/ranges";
import { Relationships } from "./package/relationships";
import { CellValue, SheetCells, richText, sharedStringTexts } from "./package/sheetCells";
import { splitSheet } from "./package/sheetText";
import { SheetEntry, WorkbookPart } from "./package/workbookPart";
import { ZipPackage } from "./package/zipPackage";

/**
 * Questions about a workbook read from a file, before anything is added to it: which sheets and tables it
 * holds (Excel compares their names ignoring case), whether a range is free. Answered from the package's
 * parts, so any file Excel can open can be asked, whatever it holds.
 */

const nameKey = (name: string): string => name.toUpperCase();

export interface CellRange {
  readonly first: CellRef;
  readonly last: CellRef;
}

/** The cells a planned table covers, header included; an empty table is written with one blank row. */
export const planRange = (table: TablePlan, at: CellRef = table.topLeft): CellRange => ({
  first: at,
  last: {
    row: at.row + Math.max(1, table.rows.length),
    column: at.column + table.columns.length - 1,
  },
});

export const rangeText = ({ first, last }: CellRange): string => `${a1(first)}:${a1(last)}`;

export const rangeOfBlock = (b: Block): CellRange => ({
  first: { row: b.top, column: b.left },
  last: { row: b.bottom, column: b.right },
});

const blockOfRange = ({ first, last }: CellRange): Block => ({
  top: first.row,
  left: first.column,
  bottom: last.row,
  right: last.column,
});

/** The notes a planned table puts on its header cells, by "row,column" (0-based). */
export function plannedNotes(table: TablePlan, at: CellRef = table.topLeft): Map<string, string> {
  const notes = new Map<string, string>();
  table.columns.forEach((c, i) => {
    if (c.description !== undefined) notes.set(`${at.row},${at.column + i}`, c.description);
  });
  return notes;
}

/** A cell of a range in use, and by what. */
export interface FilledCell {
  readonly at: CellRef;
  readonly holds: "data" | "a note";
}

export class ExistingWorkbook {
  private readonly cells = new Map<string, SheetCells>();
  private strings: Promise<readonly string[]> | undefined;

  private constructor(
    private readonly pkg: ZipPackage,
    private readonly workbook: WorkbookPart,
    /** Every table of the workbook by its name in upper case. */
    readonly tables: ReadonlyMap<string, PackageTable>
  ) {}

  static async open(pkg: ZipPackage): Promise<ExistingWorkbook> {
    return new ExistingWorkbook(pkg, await WorkbookPart.of(pkg), await packageTables(pkg));
  }

  /** Every sheet's name, in tab order. */
  sheetNames(): string[] {
    return this.workbook.sheets().map((s) => s.name);
  }

  findSheet(name: string): SheetEntry | undefined {
    return this.workbook.sheets().find((s) => nameKey(s.name) === nameKey(name));
  }

  private async sheetCells(part: string): Promise<SheetCells> {
    let cells = this.cells.get(part);
    if (cells === undefined) {
      cells = new SheetCells(splitSheet(await this.pkg.text(part)), () => this.sharedStrings());
      this.cells.set(part, cells);
    }
    return cells;
  }

  private sharedStrings(): Promise<readonly string[]> {
    this.strings ??= (async () => {
      const part = this.workbook.partOfType("sharedStrings");
      const xml = part === undefined ? undefined : await this.pkg.textIfAny(part);
      return xml === undefined ? [] : sharedStringTexts(xml);
    })();
    return this.strings;
  }

  /**
   * The first cell of `range` holding data, outside `except`; else the first (outside `except`) holding
   * a note other than the one `notes` (the plan's, by "row,column") would put there: the plan's note
   * replaces it, and any other note on an empty cell stays. Undefined when the range is free.
   */
  async firstFilledCell(
    sheet: SheetEntry,
    range: CellRange,
    except?: CellRange,
    notes: ReadonlyMap<string, string> = new Map()
  ): Promise<FilledCell | undefined> {
    if (sheet.part === undefined) return undefined;
    const block = blockOfRange(range);
    const skip = except === undefined ? undefined : blockOfRange(except);
    const filled = (await this.sheetCells(sheet.part)).firstFilled(block, skip);
    if (filled !== undefined) return { at: filled, holds: "data" };
    const note = (await this.notesOf(sheet.part)).find(({ at, text }) => {
      if (!contains(block, at.top, at.left)) return false;
      if (skip !== undefined && contains(skip, at.top, at.left)) return false;
      const planned = notes.get(`${at.top},${at.left}`);
      return planned !== undefined && planned.trim() !== text.trim();
    });
    return note === undefined
      ? undefined
      : { at: { row: note.at.top, column: note.at.left }, holds: "a note" };
  }

  /** The sheet's notes: each one's cell and text. */
  private async notesOf(part: string): Promise<{ at: Block; text: string }[]> {
    const rel = (await Relationships.of(this.pkg, part)).ofType("comments")[0];
    const xml = rel?.part === undefined ? undefined : await this.pkg.textIfAny(rel.part);
    if (xml === undefined) return [];
    const notes: { at: Block; text: string }[] = [];
    for (const m of xml.matchAll(
      /<(?:\w+:)?comment\b[^>]*?\sref="([^"]+)"[^>]*>([\s\S]*?)<\/(?:\w+:)?comment>/g
    )) {
      const at = blockOf(m[1]!);
      if (at !== undefined) notes.push({ at, text: richText(m[2]!) });
    }
    return notes;
  }

  /** What a cell shows as a constant; undefined when it is empty. */
  async cellValue(sheet: SheetEntry, cell: CellRef): Promise<CellValue | undefined> {
    if (sheet.part === undefined) return undefined;
    return (await this.sheetCells(sheet.part)).value(cell.row, cell.column);
  }
}
