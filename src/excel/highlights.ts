import { Finding } from "../domain/findings";
import { a1, rangeA1 } from "../workbook/address";
import { Colour } from "../workbook/plan";
import { ExcelTableInWorkbook } from "./excelModel";
import { parseCell, SheetRange } from "./rangeAddress";
import { cost, OPERATION_OVERHEAD, RequestBatch } from "./requestBatch";

/** Excel's "Light Red Fill" and "Yellow Fill" (the conditional-format presets), as the workbook's own bands use. */
export const ERROR_FILL: Colour = "#FFC7CE";
export const WARNING_FILL: Colour = "#FFEB9C";

/** Cells of one row, side by side, filled with one colour. */
export interface Highlight {
  /** "C7" or "C7:E7", on the table's sheet. */
  readonly address: string;
  readonly fill: Colour;
  /** How many cells the address holds. */
  readonly cells: number;
}

/**
 * The fills that point at the findings on a table's data rows: each error's and warning's cell, when it is in the
 * data body `body` (so the next run, which clears the data body's fill, clears it too; a finding on the header, such
 * as a missing column, is not filled); an error's fill wins over a warning's on the same cell. Adjacent cells of a
 * row with the same fill are one range. Info findings are not highlighted.
 */
export function highlightsOf(findings: readonly Finding[], body: SheetRange): Highlight[] {
  const { sheet, first, last } = body;
  const fills = new Map<string, { row: number; column: number; fill: Colour }>();
  for (const f of findings) {
    if (f.severity === "info" || f.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
    const at = parseCell(f.cell);
    if (!at || at.row < first.row || at.row > last.row) continue;
    if (at.column < first.column || at.column > last.column) continue;
    const key = `${at.row}:${at.column}`;
    if (fills.get(key)?.fill === ERROR_FILL) continue;
    fills.set(key, { ...at, fill: f.severity === "error" ? ERROR_FILL : WARNING_FILL });
  }
  const cells = [...fills.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  const highlights: Highlight[] = [];
  for (let i = 0; i < cells.length;) {
    const start = cells[i]!;
    let end = start;
    for (i++; i < cells.length; i++) {
      const next = cells[i]!;
      if (next.row !== end.row || next.column !== end.column + 1 || next.fill !== end.fill) break;
      end = next;
    }
    const address = end === start ? a1(start) : rangeA1(start, end);
    highlights.push({ address, fill: start.fill, cells: end.column - start.column + 1 });
  }
  return highlights;
}

/** A fill reaches the cells through three object paths (getRange, format, fill), each one more operation's bytes. */
const FILL_OVERHEAD = 2 * OPERATION_OVERHEAD;

/**
 * Clears the own fill of the table's data rows, which removes the previous run's highlights (a table style's banding
 * is not a fill and stays; the header row, which findings never fill, keeps whatever fill the user gave it), then
 * fills the cells of these highlights. Values are never touched.
 */
export async function highlight(
  batch: RequestBatch,
  table: ExcelTableInWorkbook,
  highlights: readonly Highlight[]
): Promise<void> {
  await batch.reserve(cost() + FILL_OVERHEAD);
  table.getDataBodyRange().format.fill.clear();
  const sheet = table.worksheet;
  for (const h of highlights) {
    await batch.reserve(cost(h.address, h.fill) + FILL_OVERHEAD);
    sheet.getRange(h.address).format.fill.color = h.fill;
  }
}
