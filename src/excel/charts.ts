import { a1, dataRowCount, rangeA1 } from "../workbook/address";
import { CellRef, ChartPlan, TablePlan } from "../workbook/plan";
import {
  ChartType,
  ExcelRange,
  ExcelTableInWorkbook,
  ExcelWorkbook,
  ExcelWorksheet,
} from "./excelModel";
import { parseRangeAddress } from "./rangeAddress";
import { cost, OPERATION_OVERHEAD, RequestBatch } from "./requestBatch";

const CHART_TYPES: Readonly<Record<ChartPlan["kind"], ChartType>> = {
  column: "ColumnClustered",
  bar: "BarClustered",
};
const LINE: ChartType = "Line";

/** Where a chart's figures are: each series' column with its header (the header names it), and the labels. */
interface ChartData {
  readonly sheet: string;
  /** One per series of the plan, in its order: the column, header included. */
  readonly series: readonly { readonly first: CellRef; readonly last: CellRef }[];
  /** The category column's data cells. */
  readonly categories: { readonly first: CellRef; readonly last: CellRef };
}

export interface LocatedChart {
  readonly plan: ChartPlan;
  readonly data: ChartData;
}

/** A table already in the workbook that a chart draws from, looked up by the sync that reads the workbook's names. */
interface ChartTable {
  readonly table: ExcelTableInWorkbook;
  readonly range: ExcelRange;
  readonly header: ExcelRange;
}

/**
 * Queues the look-up of every table the charts draw from: where it is and its headers. A table the run is about to
 * create is a null object here and is located from the plan instead.
 */
export function queueChartTables(
  workbook: Pick<ExcelWorkbook, "tables">,
  charts: readonly ChartPlan[]
): ReadonlyMap<string, ChartTable> {
  const queued = new Map<string, ChartTable>();
  for (const { table: name } of charts) {
    const key = name.toLowerCase();
    if (queued.has(key)) continue;
    const table = workbook.tables.getItemOrNullObject(name);
    const range = table.getRange();
    range.load(["address"]);
    const header = table.getHeaderRowRange();
    header.load(["values"]);
    queued.set(key, { table, range, header });
  }
  return queued;
}

/** The plan's tables that this run adds, each with the sheet it goes on. */
export type AddedTables = ReadonlyMap<string, { readonly sheet: string; readonly plan: TablePlan }>;

/**
 * Finds each chart's columns: in a table this run adds, from the plan; in a table already in the workbook, from its
 * headers as just read (matched ignoring case and surrounding spaces), wherever the user moved it. A chart whose
 * table or columns are missing is left out, with a sentence that says why: a chart is never worth failing the run.
 */
export function locateCharts(
  charts: readonly ChartPlan[],
  added: AddedTables,
  existing: ReadonlyMap<string, ChartTable>
): { readonly located: LocatedChart[]; readonly leftOut: string[] } {
  const located: LocatedChart[] = [];
  const leftOut: string[] = [];
  for (const plan of charts) {
    const found = locate(plan, added, existing);
    if (typeof found === "string")
      leftOut.push(`The chart "${plan.title}" was left out: ${found}.`);
    else located.push({ plan, data: found });
  }
  return { located, leftOut };
}

function locate(
  plan: ChartPlan,
  added: AddedTables,
  existing: ReadonlyMap<string, ChartTable>
): ChartData | string {
  const key = plan.table.toLowerCase();
  const fresh = added.get(key);
  const queued = existing.get(key);
  let sheet: string;
  let headers: readonly unknown[];
  let topLeft: CellRef;
  let rows: number;
  if (fresh) {
    ({ sheet } = fresh);
    headers = fresh.plan.columns.map((c) => c.header);
    topLeft = fresh.plan.topLeft;
    rows = dataRowCount(fresh.plan);
  } else if (queued && !queued.table.isNullObject) {
    const { sheet: on, first, last } = parseRangeAddress(queued.range.address);
    sheet = on;
    headers = queued.header.values[0] ?? [];
    topLeft = first;
    rows = last.row - first.row;
  } else {
    return `there is no ${plan.table} table`;
  }
  const column = (header: string): number | undefined => {
    const wanted = header.trim().toLowerCase();
    const i = headers.findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === wanted);
    return i < 0 ? undefined : topLeft.column + i;
  };
  const category = column(plan.categoryColumn);
  const values = plan.series.map((series) => column(series.column));
  const missing = [plan.categoryColumn, ...plan.series.map((series) => series.column)].filter(
    (_, i) => (i === 0 ? category : values[i - 1]) === undefined
  );
  if (category === undefined || missing.length > 0) {
    return `${plan.table} has no ${missing.join(" or ")} column`;
  }
  const bottom = topLeft.row + rows;
  return {
    sheet,
    series: values.map((c) => ({
      first: { row: topLeft.row, column: c! },
      last: { row: bottom, column: c! },
    })),
    categories: {
      first: { row: topLeft.row + 1, column: category },
      last: { row: bottom, column: category },
    },
  };
}

/**
 * Draws the charts on their sheet, each over the plan's cells from `at`. The first series makes the chart (its
 * header names it); each further one is added by name with its values, and a target series is drawn as a line
 * over the bars. Every series takes its labels from the category column, which need not be next to it (hence
 * ExcelApi 1.7). The legend shows only when there are several series: otherwise the title says what the one is.
 */
export async function drawCharts(
  batch: RequestBatch,
  worksheets: Pick<ExcelWorkbook["worksheets"], "getItem">,
  sheet: ExcelWorksheet,
  charts: readonly LocatedChart[]
): Promise<void> {
  for (const { plan, data } of charts) {
    const source = worksheets.getItem(data.sheet);
    const categories = rangeA1(data.categories.first, data.categories.last);
    const first = rangeA1(data.series[0]!.first, data.series[0]!.last);
    const start = a1(plan.at);
    const end = a1({
      row: plan.at.row + plan.size.rows - 1,
      column: plan.at.column + plan.size.columns - 1,
    });
    const legend = plan.series.length > 1;

    await batch.reserve(
      cost(CHART_TYPES[plan.kind], data.sheet, first, "Columns") +
        cost(plan.title) +
        cost(legend, "Bottom") +
        cost(start, end) +
        cost(0, data.sheet, categories) +
        4 * OPERATION_OVERHEAD
    );
    const chart = sheet.charts.add(CHART_TYPES[plan.kind], source.getRange(first), "Columns");
    chart.title.text = plan.title;
    chart.legend.visible = legend;
    if (legend) chart.legend.position = "Bottom";
    chart.setPosition(start, end);
    if (plan.kind === "bar") {
      // Bars listed top down as their table lists them, the values' axis still at the bottom.
      await batch.reserve(cost(true, "Maximum") + 2 * OPERATION_OVERHEAD);
      chart.axes.categoryAxis.reversePlotOrder = true;
      chart.axes.categoryAxis.position = "Maximum";
    }
    chart.series.getItemAt(0).setXAxisValues(source.getRange(categories));
    for (const [i, column] of data.series.slice(1).entries()) {
      const plannedSeries = plan.series[i + 1]!;
      // An added series takes the data cells alone: its name is given, not read from the header.
      const cells = rangeA1(
        { row: column.first.row + 1, column: column.first.column },
        column.last
      );
      await batch.reserve(
        cost(plannedSeries.column, data.sheet, cells, categories) + 4 * OPERATION_OVERHEAD
      );
      const series = chart.series.add(plannedSeries.column);
      series.setValues(source.getRange(cells));
      series.setXAxisValues(source.getRange(categories));
      if (plannedSeries.line === true) series.chartType = LINE;
    }
  }
}
