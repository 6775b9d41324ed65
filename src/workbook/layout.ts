import { SheetPlan, TablePlan } from "./plan";
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

function glyphPixels(ch: string): number {
  if (ch === " ") return 3;
  if (/[0-9]/.test(ch)) return 7;
  if (/[iljtfrI.,:;'!|()[\]]/.test(ch)) return 4;
  if (/[mwMW@%]/.test(ch)) return 11;
  if (/[A-Z&]/.test(ch)) return 8;
  return 6.5;
}

/** Pixels the text takes on one line, in Calibri 11 (bold when the cell's font is). */
export function textPixels(text: string, bold = false): number {
  let pixels = 0;
  for (const ch of text) pixels += glyphPixels(ch);
  return bold ? pixels * BOLD : pixels;
}

/** Pixels of text a column of this width (in characters) shows on one line. */
export const columnPixels = (width: number): number => width * DIGIT_PIXELS;

/** Lines the text takes when it wraps at word boundaries within `pixels`; a word longer than a line is cut across. */
export function wrappedLines(text: string, pixels: number, bold = false): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const w = textPixels(word, bold);
    const gap = used === 0 ? 0 : textPixels(" ", bold);
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

/** Pixels of a header cell's text room: the column less its filter button. */
export const headerPixels = (width: number): number => columnPixels(width) - FILTER_BUTTON_PIXELS;

/** Lines the table's tallest header takes (headers are bold and wrap: styles.ts "header"). */
export function headerLines(table: TablePlan): number {
  return Math.max(
    1,
    ...table.columns.map((c) => wrappedLines(c.header, headerPixels(c.width), true))
  );
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
