import { Finding } from "../domain/findings";
import { a1, rangeA1 } from "../workbook/address";
import { Colour, TONES } from "../workbook/styles";
import {
  ExcelConditionalFormats,
  ExcelLoadedConditionalFormat,
  ExcelTableInWorkbook,
} from "./excelModel";
import { parseCell, SheetRange } from "./rangeAddress";
import { cost, RequestBatch } from "./requestBatch";

/** Excel's "Light Red Fill" and "Yellow Fill" (the conditional-format presets), as the workbook's own bands use. */
export const ERROR_FILL: Colour = TONES.error.fill;
export const WARNING_FILL: Colour = TONES.warning.fill;

/** Cells of one row, side by side, filled with one colour. */
export interface Highlight {
  /** "C7" or "C7:E7", on the table's sheet. */
  readonly address: string;
  readonly fill: Colour;
  /** How many cells the address holds. */
  readonly cells: number;
}

/**
 * The marks that point at the findings on a table's data rows: each error's and warning's cell, when it is in the
 * data body `body` (so the next run, which removes the marks on the data body, removes it too; a finding on the
 * header, such as a missing column, is not marked); an error's colour wins over a warning's on the same cell. Adjacent cells of a
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

/**
 * What marks a conditional format as this add-in's: its rule, always TRUE, names it. The user's own fills and
 * conditional formats never carry it, so clearing the marks of the last run never touches them.
 */
export const FINDING_MARK = "Partner Strategy finding";
const MARK_FORMULA = `=N("${FINDING_MARK}")=0`;

/**
 * Queues the read of the conditional formats on a table's data rows, so that the write can remove the last
 * run's marks: read it with the sync that reads the table.
 */
export function queueMarks(table: ExcelTableInWorkbook): ExcelConditionalFormats {
  const formats = table.getDataBodyRange().conditionalFormats;
  formats.load("items/id,items/customOrNullObject/rule/formula");
  return formats;
}

const isMark = (format: ExcelLoadedConditionalFormat): boolean =>
  !format.customOrNullObject.isNullObject &&
  format.customOrNullObject.rule.formula.includes(FINDING_MARK);

/**
 * Excel takes a RangeAreas address of up to 8,192 characters; a format's areas stay well under it, so that a
 * format is also cheap for Excel to redraw.
 */
const MAX_AREAS_ADDRESS = 2_000;

/** The highlights' addresses joined into RangeAreas addresses, one colour each, each under the limit. */
function areasOf(highlights: readonly Highlight[]): { address: string; fill: Colour }[] {
  const groups: { address: string; fill: Colour }[] = [];
  for (const fill of [...new Set(highlights.map((h) => h.fill))]) {
    let address = "";
    for (const h of highlights) {
      if (h.fill !== fill) continue;
      if (address !== "" && address.length + 1 + h.address.length > MAX_AREAS_ADDRESS) {
        groups.push({ address, fill });
        address = "";
      }
      address = address === "" ? h.address : `${address},${h.address}`;
    }
    if (address !== "") groups.push({ address, fill });
  }
  return groups;
}

/**
 * Removes the marks the last run left on the table's data rows (`marks`, read by queueMarks), then marks the cells
 * of these highlights with conditional formats of their colour: with ExcelApi 1.9 a few formats over many cells
 * each (`grouped`), else one per highlight. Values, the cells' own fills and every conditional format the user
 * made stay as they are.
 */
export async function highlight(
  batch: RequestBatch,
  table: ExcelTableInWorkbook,
  highlights: readonly Highlight[],
  marks: ExcelConditionalFormats,
  grouped: boolean
): Promise<void> {
  for (const format of marks.items.filter(isMark)) {
    await batch.reserve(cost(format.id));
    format.delete();
  }
  const sheet = table.worksheet;
  const targets = grouped ? areasOf(highlights) : highlights;
  for (const { address, fill } of targets) {
    // Three operations: add the format to the cells, set its rule, set its colour.
    await batch.reserve(cost(address, "Custom") + cost(MARK_FORMULA) + cost(fill));
    const formats = grouped
      ? sheet.getRanges(address).conditionalFormats
      : sheet.getRange(address).conditionalFormats;
    const mark = formats.add("Custom");
    mark.custom.rule.formula = MARK_FORMULA;
    mark.custom.format.fill.color = fill;
  }
}
