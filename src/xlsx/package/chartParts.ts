import { columnLetters, dataRowCount } from "../../workbook/address";
import {
  CellPlan,
  ChartPlan,
  ChartSeriesPlan,
  ColumnPlan,
  SheetPlan,
  TablePlan,
  WorkbookPlan,
} from "../../workbook/plan";
import { ContentTypes } from "./contentTypes";
import { freePartName, relativeTarget } from "./partNames";
import { Relationships, relType } from "./relationships";
import { WorkbookPart } from "./workbookPart";
import { ZipPackage } from "./zipPackage";
import { WORKSHEET_ORDER } from "./worksheetOrder";

/**
 * The plan's charts as DrawingML parts, added to a package the exceljs writer made (exceljs writes no charts): for
 * each sheet with charts, one drawing (xl/drawings/drawingN.xml) anchoring one chart part (xl/charts/chartN.xml) per
 * chart, the sheet's <drawing r:id>, the relationships and the content types. Each series refers to its table's
 * cells, so Excel and LibreOffice redraw it as the figures change; the cached points are the plan's constants
 * (labels, headers), while figures computed by formula are left for the engine to fill in on open.
 */

const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Bars in a calm blue and a lighter one; a target line in orange. */
const BAR_COLOURS = ["2F5597", "9DC3E6", "A5A5A5"] as const;
const LINE_COLOUR = "ED7D31";

/** The ids of a chart's two axes: any numbers, unique within the chart, each naming the other as its crossAx. */
const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

/** Worksheet children that CT_Worksheet puts after <drawing>: the drawing goes before the first of them. */
const AFTER_DRAWING = WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf("drawing") + 1);

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `'Dashboard'!$B$12:$B$16`: always quoted, so any sheet name reads. */
const absolute = (sheet: string, column: number, first: number, last = first): string => {
  const cell = (row: number) => `$${columnLetters(column)}$${row + 1}`;
  return `'${sheet.replace(/'/g, "''")}'!${cell(first)}${last === first ? "" : `:${cell(last)}`}`;
};

/** A chart's table with the sheet it is on, found in the plan. */
interface ChartSource {
  readonly sheet: string;
  readonly table: TablePlan;
}

function findTable(plan: WorkbookPlan, name: string): ChartSource | undefined {
  for (const sheet of plan.sheets) {
    const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (table !== undefined) return { sheet: sheet.name, table };
  }
  return undefined;
}

/** A table column's position and plan, by header (ignoring case and surrounding spaces). */
function columnOf(
  table: TablePlan,
  header: string
): { index: number; plan: ColumnPlan } | undefined {
  const wanted = header.trim().toLowerCase();
  const index = table.columns.findIndex((c) => c.header.trim().toLowerCase() === wanted);
  return index < 0 ? undefined : { index, plan: table.columns[index]! };
}

/** The cache of a column's data cells: the constants the plan holds; a formula's point is left out. */
function cachePoints(table: TablePlan, index: number, kind: "str" | "num"): string {
  const rows = dataRowCount(table);
  const points: string[] = [];
  for (let i = 0; i < rows; i++) {
    const cell: CellPlan | undefined = table.rows[i]?.[index];
    if (kind === "str" && typeof cell === "string")
      points.push(`<c:pt idx="${i}"><c:v>${escapeXml(cell)}</c:v></c:pt>`);
    if (kind === "num" && typeof cell === "number")
      points.push(`<c:pt idx="${i}"><c:v>${cell}</c:v></c:pt>`);
  }
  return `<c:ptCount val="${rows}"/>${points.join("")}`;
}

function seriesXml(
  source: ChartSource,
  category: number,
  series: ChartSeriesPlan,
  order: number,
  barIndex: number
): string {
  const { sheet, table } = source;
  const column = columnOf(table, series.column)!;
  const sheetColumn = table.topLeft.column + column.index;
  const header = table.topLeft.row;
  const last = header + dataRowCount(table);
  const colour = series.line === true ? LINE_COLOUR : BAR_COLOURS[barIndex % BAR_COLOURS.length]!;
  const shape =
    series.line === true
      ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:prstDash val="dash"/><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
      : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
  const format = escapeXml(column.plan.numberFormat ?? "General");
  return (
    `<c:ser><c:idx val="${order}"/><c:order val="${order}"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(absolute(sheet, sheetColumn, header))}</c:f>` +
    `<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(column.plan.header)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    shape +
    `<c:cat><c:strRef><c:f>${escapeXml(absolute(sheet, table.topLeft.column + category, header + 1, last))}</c:f>` +
    `<c:strCache>${cachePoints(table, category, "str")}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(absolute(sheet, sheetColumn, header + 1, last))}</c:f>` +
    `<c:numCache><c:formatCode>${format}</c:formatCode>${cachePoints(table, column.index, "num")}</c:numCache></c:numRef></c:val>` +
    (series.line === true ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

const AXIS_IDS = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;

/** The chart part: bars (columns or horizontal bars) for its series, a line over them for a target. */
function chartXml(chart: ChartPlan, source: ChartSource): string | undefined {
  const category = columnOf(source.table, chart.categoryColumn);
  if (category === undefined || chart.series.some((s) => !columnOf(source.table, s.column)))
    return undefined;
  const bars = chart.series.filter((s) => s.line !== true);
  const lines = chart.series.filter((s) => s.line === true);
  let order = 0;
  const barSeries = bars.map((s, i) => seriesXml(source, category.index, s, order++, i)).join("");
  const lineSeries = lines.map((s) => seriesXml(source, category.index, s, order++, 0)).join("");
  const horizontal = chart.kind === "bar";
  // Horizontal bars list the categories top down, as the table does: reversed, with the values' axis at the bottom.
  const barChart =
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `${barSeries}<c:gapWidth val="60"/>${AXIS_IDS}</c:barChart>`;
  const lineChart =
    lines.length === 0
      ? ""
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lineSeries}<c:marker val="1"/>${AXIS_IDS}</c:lineChart>`;
  const font = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
  const categoryAxis =
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${font}` +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valueFormat = escapeXml(
    columnOf(source.table, chart.series[0].column)!.plan.numberFormat ?? "General"
  );
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${valueFormat}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${font}<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  const legend =
    chart.series.length > 1
      ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${font}</c:legend>`
      : "";
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${barChart}${lineChart}${categoryAxis}${valueAxis}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** One anchor per chart, from the plan's top-left cell over its size in cells. */
function drawingXml(anchors: readonly { chart: ChartPlan; relId: string }[]): string {
  const marker = (tag: string, column: number, row: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const body = anchors
    .map(
      ({ chart, relId }, i) =>
        `<xdr:twoCellAnchor editAs="oneCell">` +
        marker("from", chart.at.column, chart.at.row) +
        marker("to", chart.at.column + chart.size.columns, chart.at.row + chart.size.rows) +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.title)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="${relId}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    )
    .join("");
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">${body}</xdr:wsDr>`;
}

/** The worksheet with a <drawing r:id> where the schema puts it, its root declaring the relationships' prefix. */
function withDrawing(sheetXml: string, relId: string): string {
  const rootEnd = /<worksheet\b[^>]*>/.exec(sheetXml);
  if (rootEnd === null) throw new Error("a worksheet part the writer made has no <worksheet> root");
  let xml = sheetXml;
  let prefix =
    /\sxmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      rootEnd[0]
    )?.[1];
  if (prefix === undefined) {
    prefix = "r";
    xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${R_NS}"`);
  }
  const element = `<drawing ${prefix}:id="${relId}"/>`;
  const after = new RegExp(`<(?:${AFTER_DRAWING.join("|")})\\b|</worksheet>`).exec(xml);
  return `${xml.slice(0, after!.index)}${element}${xml.slice(after!.index)}`;
}

/** Adds one sheet's charts to the package; returns how many were drawn. */
async function addSheetCharts(
  pkg: ZipPackage,
  types: ContentTypes,
  sheetPart: string,
  sheet: SheetPlan,
  plan: WorkbookPlan
): Promise<number> {
  const drawing = freePartName("xl/drawings/drawing1.xml", (n) => pkg.has(n));
  const drawingRels = await Relationships.of(pkg, drawing);
  const anchors: { chart: ChartPlan; relId: string }[] = [];
  for (const chart of sheet.charts ?? []) {
    const source = findTable(plan, chart.table);
    const xml = source === undefined ? undefined : chartXml(chart, source);
    if (xml === undefined) continue;
    const part = freePartName("xl/charts/chart1.xml", (n) => pkg.has(n));
    pkg.set(part, xml);
    types.add(part, CHART_TYPE);
    anchors.push({
      chart,
      relId: drawingRels.add(relType("chart"), relativeTarget(drawing, part)),
    });
  }
  if (anchors.length === 0) return 0;
  pkg.set(drawing, drawingXml(anchors));
  types.add(drawing, DRAWING_TYPE);
  drawingRels.saveTo(pkg);
  const sheetRels = await Relationships.of(pkg, sheetPart);
  const relId = sheetRels.add(relType("drawing"), relativeTarget(sheetPart, drawing));
  sheetRels.saveTo(pkg);
  pkg.set(sheetPart, withDrawing(await pkg.text(sheetPart), relId));
  return anchors.length;
}

/** Whether the plan has any chart to draw. */
export const hasCharts = (plan: WorkbookPlan): boolean =>
  plan.sheets.some((s) => (s.charts ?? []).length > 0);

/**
 * Adds the plan's charts to their sheets in the package (a chart whose table or columns the plan lacks is left
 * out); a package for a plan without charts is left as it was.
 */
export async function addChartParts(pkg: ZipPackage, plan: WorkbookPlan): Promise<void> {
  const charted = plan.sheets.filter((s) => (s.charts ?? []).length > 0);
  if (charted.length === 0) return;
  const types = await ContentTypes.of(pkg);
  const parts = new Map(
    (await WorkbookPart.of(pkg)).sheets().map((s) => [s.name.toLowerCase(), s.part])
  );
  let drawn = 0;
  for (const sheet of charted) {
    const part = parts.get(sheet.name.toLowerCase());
    if (part !== undefined) drawn += await addSheetCharts(pkg, types, part, sheet, plan);
  }
  if (drawn > 0) types.saveTo(pkg);
}
