import { tableRange } from "./address";
import { CellRef, SheetPlan, TablePlan } from "./plan";
import { lineHeight, lookOf } from "./styles";

/**
 * How text fits its column, estimated from its characters, the way Calibri 11 sets them: a column `width`
 * characters wide is `width` × 7 pixels of text (Excel's width unit is the widest digit, 7 pixels), and each
 * character takes about its glyph's pixels. Good to a character or two, which is all a header's wrap needs.
 */

const DIGIT_PIXELS = 7;
/** A table header shows its filter button at the right of the cell, over the text. */
const FILTER_BUTTON_PIXELS = 18;
/** Bold glyphs are about this much wider. */
const BOLD = 1.08;
/**
 * Where Calibri is missing (LibreOffice on Linux without Carlito, its metric twin), text is set in a wider font,
 * about 15% wider: the estimates allow for it, since a row a little too tall costs nothing and one too short cuts
 * its text.
 */
const FALLBACK_FONT = 1.15;

function glyphPixels(ch: string): number {
  if (ch === " ") return 3;
  if (/[0-9]/.test(ch)) return 7;
  if (/[iljtfrI.,:;'!|()[\]]/.test(ch)) return 4;
  if (/[mwMW@%]/.test(ch)) return 11;
  if (/[A-Z&]/.test(ch)) return 8;
  return 6.5;
}

/** Calibri, or the wider font that stands in for it where it is missing. */
export type Typeface = "calibri" | "fallback";

/** Pixels the text takes on one line at 11 points (bold when the cell's font is). */
export function textPixels(text: string, bold = false, typeface: Typeface = "calibri"): number {
  let pixels = 0;
  for (const ch of text) pixels += glyphPixels(ch);
  return (bold ? pixels * BOLD : pixels) * (typeface === "fallback" ? FALLBACK_FONT : 1);
}

/** Pixels of text a column of this width (in characters) shows on one line. */
export const columnPixels = (width: number): number => width * DIGIT_PIXELS;

/**
 * Lines the text takes when it wraps at word boundaries within `pixels`; a word longer than a line is cut across.
 * Measured in the wider fallback typeface unless told: a row sized for it also fits Calibri.
 */
export function wrappedLines(
  text: string,
  pixels: number,
  bold = false,
  typeface: Typeface = "fallback"
): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const w = textPixels(word, bold, typeface);
    const gap = used === 0 ? 0 : textPixels(" ", bold, typeface);
    if (used + gap + w <= pixels) {
      used += gap + w;
      continue;
    }
    if (used > 0) lines++;
    lines += Math.max(0, Math.ceil(w / pixels) - 1);
    used = w % pixels || Math.min(w, pixels);
  }
  return lines;
}

/** Pixels of a header cell's text room on screen in Excel: the column less its filter button. */
const onScreen = (width: number): number => columnPixels(width) - FILTER_BUTTON_PIXELS;

/**
 * Lines a header takes (headers are bold and wrap: styles.ts "header"): on screen in Excel, in Calibri beside the
 * filter button, and printed or shown without Calibri, in the wider fallback across the whole column.
 */
const linesOfHeader = (header: string, width: number): number =>
  Math.max(
    wrappedLines(header, onScreen(width), true, "calibri"),
    wrappedLines(header, columnPixels(width), true, "fallback")
  );

/** Lines the table's tallest header takes. */
export function headerLines(table: TablePlan): number {
  return Math.max(1, ...table.columns.map((c) => linesOfHeader(c.header, c.width)));
}

/**
 * Points of each header row of the sheet (zero-based row → height): every header's lines show in full. Tables side
 * by side share their header row, which takes the taller.
 */
export function headerRowHeights(sheet: SheetPlan): ReadonlyMap<number, number> {
  const heights = new Map<number, number>();
  for (const table of sheet.tables) {
    const row = table.topLeft.row;
    heights.set(row, Math.max(heights.get(row) ?? 0, headerLines(table) * lineHeight()));
  }
  return heights;
}

/**
 * Points of each row holding loose cells in type larger than the default (a title, a headline figure): the row is
 * as tall as its largest type needs, so the figure does not run into the words above it.
 */
export function looseRowHeights(sheet: SheetPlan): ReadonlyMap<number, number> {
  const heights = new Map<number, number>();
  for (const cell of sheet.cells) {
    const size = lookOf(cell.style).font?.size;
    if (size === undefined || size <= 11) continue;
    heights.set(cell.at.row, Math.max(heights.get(cell.at.row) ?? 0, lineHeight(size)));
  }
  return heights;
}

/** Excel's default column, 8.43 characters, where a plan sets no width. */
const DEFAULT_WIDTH = 8.43;
/** Excel's default row (15 points) and a title row (16-point type), in pixels. */
const ROW_PIXELS = 20;
const TITLE_ROW_PIXELS = 28;

/**
 * What a page holds, in pixels at 96 per inch: the smaller of A4 and US Letter each way (the paper is the user's
 * printer default) less Excel's default margins (0.7" left and right, 0.75" top and bottom).
 */
const PAGE = { portrait: { width: 660, height: 912 }, landscape: { width: 922, height: 650 } };

export type Orientation = keyof typeof PAGE;

/** How a sheet prints: one page wide, as many tall as it needs, its titles on every page. */
export interface PrintLayout {
  readonly orientation: Orientation;
  /** Everything the sheet shows: its tables, loose cells and charts. */
  readonly area: { readonly first: CellRef; readonly last: CellRef };
  /** Rows 1..n repeat at the top of every page (the frozen rows: title and header); 0 for none. */
  readonly titleRows: number;
  /** Columns A.. repeat at the left of every page: the key columns that name each row. */
  readonly titleColumns: number;
}

/** Sheet column → width in characters. Two tables stacked on one sheet may share a column: the wider wins. */
export function columnWidths(sheet: SheetPlan): ReadonlyMap<number, number> {
  const widths = new Map<number, number>();
  for (const table of sheet.tables) {
    table.columns.forEach((c, i) => {
      const column = table.topLeft.column + i;
      widths.set(column, Math.max(widths.get(column) ?? 0, c.width));
    });
  }
  return widths;
}

/** The bottom-right cell of everything on the sheet. */
function lastCell(sheet: SheetPlan): CellRef {
  let row = 0;
  let column = 0;
  const cover = (r: number, c: number) => {
    row = Math.max(row, r);
    column = Math.max(column, c);
  };
  for (const table of sheet.tables) {
    const { last } = tableRange(table);
    cover(last.row, last.column);
  }
  for (const cell of sheet.cells) cover(cell.at.row, cell.at.column);
  for (const chart of sheet.charts ?? [])
    cover(chart.at.row + chart.size.rows - 1, chart.at.column + chart.size.columns - 1);
  return { row, column };
}

/**
 * Points of each data row of the table whose wrapped text takes more than one line (undefined for the others):
 * spreadsheets do not size rows to wrapped text when they open a file, so the file host sets them. One pass over
 * the rows, measuring only the wrapped columns.
 */
export function dataRowHeights(table: TablePlan): (number | undefined)[] {
  const wrapped = table.columns.flatMap((c, i) => (c.wrap === true ? [{ c, i }] : []));
  if (wrapped.length === 0) return [];
  return table.rows.map((cells, r) => {
    let lines = 1;
    for (const { c, i } of wrapped) {
      const cell = cells[i];
      const text = typeof cell === "string" ? cell : c.formulaText?.[r];
      if (text !== undefined) lines = Math.max(lines, wrappedLines(text, columnPixels(c.width)));
    }
    return lines > 1 ? lines * lineHeight() : undefined;
  });
}

/** A note that wraps across the sheet's width, merged over the columns from its own to `through`. */
export interface WideNote {
  readonly at: CellRef;
  readonly through: number;
  /** Points of its row: every line shows. */
  readonly height: number;
}

/**
 * The sheet's notes in column A, each merged across the columns of the sheet's tables and wrapped there: a long
 * note neither runs off the screen to the right nor is cut at the edge of the printed page.
 */
export function wideNotes(sheet: SheetPlan): WideNote[] {
  const widths = columnWidths(sheet);
  const right = Math.max(0, ...widths.keys());
  return sheet.cells
    .filter((c) => c.style === "note" && c.at.column === 0 && typeof c.value === "string")
    .map((note) => {
      // Up to the next cell of its row, if any: a merge would hide it.
      const next = sheet.cells
        .filter((c) => c.at.row === note.at.row && c.at.column > 0)
        .reduce((min, c) => Math.min(min, c.at.column), right + 1);
      const through = next - 1;
      let pixels = 0;
      for (let c = 0; c <= through; c++) pixels += columnPixels(widths.get(c) ?? DEFAULT_WIDTH) + 5;
      return {
        at: note.at,
        through,
        height: wrappedLines(note.value as string, pixels) * lineHeight(),
      };
    });
}

/** Pixels each row of the sheet takes on screen, through `last`: wrapped text makes its row taller. */
function rowPixels(sheet: SheetPlan, last: number): number[] {
  const rows: number[] = Array.from({ length: last + 1 }, () => ROW_PIXELS);
  const set = (row: number, points: number) => {
    if (row <= last) rows[row] = Math.max(rows[row]!, Math.ceil((points * 96) / 72));
  };
  for (const cell of sheet.cells)
    if (cell.style === "title") rows[cell.at.row] = Math.max(rows[cell.at.row]!, TITLE_ROW_PIXELS);
  for (const [row, points] of headerRowHeights(sheet)) set(row, points);
  for (const note of wideNotes(sheet)) set(note.at.row, note.height);
  for (const table of sheet.tables)
    dataRowHeights(table).forEach((points, r) => {
      if (points !== undefined) set(table.topLeft.row + 1 + r, points);
    });
  return rows;
}

/** Pages a sheet of this many pixels takes, scaled down to one page wide. */
function pagesTall(width: number, height: number, page: { width: number; height: number }) {
  const scale = Math.min(1, page.width / width);
  return { pages: Math.ceil((height * scale) / page.height), scale };
}

/**
 * How the sheet prints: the orientation that takes fewer pages once scaled to one page wide (on a tie, the one that
 * prints larger), the rows frozen on screen as titles on every page, and `keyColumns` columns from A as well.
 */
export function printLayout(sheet: SheetPlan): PrintLayout {
  const last = lastCell(sheet);
  const widths = columnWidths(sheet);
  let width = 0;
  for (let c = 0; c <= last.column; c++) width += columnPixels(widths.get(c) ?? DEFAULT_WIDTH) + 5;
  const height = rowPixels(sheet, last.row).reduce((sum, h) => sum + h, 0);
  const portrait = pagesTall(width, height, PAGE.portrait);
  const landscape = pagesTall(width, height, PAGE.landscape);
  const wide =
    landscape.pages < portrait.pages ||
    (landscape.pages === portrait.pages && landscape.scale > portrait.scale);
  return {
    orientation: wide ? "landscape" : "portrait",
    area: { first: { row: 0, column: 0 }, last },
    titleRows: sheet.freezeRows,
    titleColumns: sheet.keyColumns ?? 1,
  };
}

/** Whether a header shows whole once wrapped: each of its words fits the column beside the filter button. */
export const headerFits = (column: { readonly header: string; readonly width: number }): boolean =>
  column.header
    .split(/\s+/)
    .every(
      (word) =>
        textPixels(word, true, "calibri") <= onScreen(column.width) &&
        textPixels(word, true, "fallback") <= columnPixels(column.width)
    );

/** The narrowest width (whole characters) at which a header shows whole in at most `lines` lines. */
export function headerWidth(header: string, lines = 3): number {
  let width = 1;
  while (!headerFits({ header, width }) || linesOfHeader(header, width) > lines) width++;
  return width;
}
