import { CellLook, HorizontalAlignment, VerticalAlignment } from "../workbook/styles";
import { ExcelRange } from "./excelModel";
import { cost, RequestBatch } from "./requestBatch";

const HORIZONTAL: Readonly<
  Record<HorizontalAlignment, ExcelRange["format"]["horizontalAlignment"]>
> = {
  left: "Left",
  center: "Center",
  right: "Right",
};
const VERTICAL: Readonly<Record<VerticalAlignment, ExcelRange["format"]["verticalAlignment"]>> = {
  top: "Top",
  center: "Center",
  bottom: "Bottom",
};

/**
 * Queues what a look of the style vocabulary (src/workbook/styles.ts) sets, over every cell of the range: one
 * operation per property, whatever the range's size. What the look leaves out stays as the cells have it.
 */
export async function drawLook(
  batch: RequestBatch,
  range: ExcelRange,
  address: string,
  look: CellLook
): Promise<void> {
  await batch.reserve(cost(address, look));
  const { font, fill, numberFormat, wrap, horizontal, vertical } = look;
  if (font !== undefined) Object.assign(range.format.font, font);
  if (fill !== undefined) range.format.fill.color = fill;
  if (numberFormat !== undefined) range.numberFormat = numberFormat;
  if (wrap !== undefined) range.format.wrapText = wrap;
  if (horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[horizontal];
  if (vertical !== undefined) range.format.verticalAlignment = VERTICAL[vertical];
}
