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

/** A chart is this many columns wide; a column chart this many rows high, a bar chart about a row per bar. */
const CHART_COLUMNS = 8;
const CHART_ROWS = 15;
const MAX_CHART_ROWS = 40;

/** Where a chart's figures are: the value column with its header (the series and its name), and the labels. */
interface ChartData {
  readonly sheet: string;
  /** The value column, header included. */
  readonly values: { readonly first: CellRef; readonly last: CellRef };
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
  const value = column(plan.valueColumn);
  const missing = [
    category === undefined ? plan.categoryColumn : undefined,
    value === undefined ? plan.valueColumn : undefined,
  ].filter((h) => h !== undefined);
  if (category === undefined || value === undefined) {
    return `${plan.table} has no ${missing.join(" or ")} column`;
  }
  const bottom = topLeft.row + rows;
  return {
    sheet,
    values: { first: { row: topLeft.row, column: value }, last: { row: bottom, column: value } },
    categories: {
      first: { row: topLeft.row + 1, column: category },
      last: { row: bottom, column: category },
    },
  };
}

/**
 * Draws the charts on their sheet: one series, the value column (its header names it), labelled by the category
 * column, which need not be next to it (hence ChartSeries.setXAxisValues, ExcelApi 1.7). Each chart takes the
 * plan's cell as its top-left corner; the legend is hidden, since the title says what the one series is.
 */
export async function drawCharts(
  batch: RequestBatch,
  worksheets: Pick<ExcelWorkbook["worksheets"], "getItem">,
  sheet: ExcelWorksheet,
  charts: readonly LocatedChart[]
): Promise<void> {
  for (const { plan, data } of charts) {
    const source = worksheets.getItem(data.sheet);
    const values = rangeA1(data.values.first, data.values.last);
    const categories = rangeA1(data.categories.first, data.categories.last);
    const bars = data.categories.last.row - data.categories.first.row + 1;
    const height =
      plan.kind === "bar" ? Math.min(MAX_CHART_ROWS, Math.max(CHART_ROWS, bars + 3)) : CHART_ROWS;
    const start = a1(plan.at);
    const end = a1({ row: plan.at.row + height - 1, column: plan.at.column + CHART_COLUMNS - 1 });

    await batch.reserve(
      cost(CHART_TYPES[plan.kind], data.sheet, values, "Columns") +
        cost(plan.title) +
        cost(false) +
        cost(start, end) +
        cost(0, data.sheet, categories) +
        3 * OPERATION_OVERHEAD
    );
    const chart = sheet.charts.add(CHART_TYPES[plan.kind], source.getRange(values), "Columns");
    chart.title.text = plan.title;
    chart.legend.visible = false;
    chart.setPosition(start, end);
    chart.series.getItemAt(0).setXAxisValues(source.getRange(categories));
  }
}
