import { rangeA1 } from "../workbook/address";
import { HEALTH_TABLES } from "../workbook/healthCheck";
import { TableValues } from "../workbook/readProgram";
import {
  TBL_QUARTERLY,
  TBL_TIER_REVIEW,
  TBL_TIER_RULES,
  TBL_TIERS,
  TIER_REVIEW_SHEET,
} from "../workbook/tierSheets";
import { officeCode } from "./errors";
import { ExcelContext, ExcelRange, ExcelTableInWorkbook, NullableObject } from "./excelModel";
import { parseRangeAddress, SheetRange } from "./rangeAddress";
import { jsonBytes, REQUEST_BUDGET } from "./requestBatch";

/** A table found in the workbook: the proxy to reach it again, and where it is (header row included). */
export interface FoundTable {
  readonly table: ExcelTableInWorkbook;
  readonly range: SheetRange;
}

/** A table found and read: what validateTables takes. */
export interface ReadTable extends FoundTable {
  readonly values: TableValues;
}

/** What validation needs to know of the workbook before it writes anything. */
export interface ProgramTables {
  /** Undefined when the workbook has no tblQuarterly. */
  readonly quarterly: ReadTable | undefined;
  readonly tiers: ReadTable | undefined;
  readonly settings: ReadTable | undefined;
  /** The health check's other tables (HEALTH_TABLES besides the three above) the workbook has, by name. */
  readonly others: ReadonlyMap<string, TableValues>;
  /** tblTierReview, wherever it is, with its header row's values. */
  readonly review: (FoundTable & { readonly header: readonly unknown[] }) | undefined;
  /** Whether a sheet is named Tier Review, holding tblTierReview or not. */
  readonly reviewSheetExists: boolean;
  /** `context.sync` calls made. */
  readonly syncs: number;
}

/** Hears, after each block of tblQuarterly's rows read, how many are read of how many. */
export type RowsRead = (read: number, total: number) => void;

/** Excel on the web answers this when what a request loads is over 5 MB (NOTES: any response, any request). */
const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** Rows of the first block when tblQuarterly is read in blocks; the next blocks are sized from what it weighed. */
const FIRST_BLOCK_ROWS = 5_000;

/**
 * Reads the program's tables (the health check's, HEALTH_TABLES) in one sync, asking for each with getItemOrNullObject so that a missing table is an
 * answer, not an exception; `alsoRead` queues what the caller reads with them (again, if the first try is refused). Excel on the web refuses a response over 5 MB: then tblQuarterly's rows are read again
 * in blocks each under the request budget (more syncs, but validation still works on the largest programs).
 */
export async function readProgramTables(
  context: ExcelContext,
  alsoRead: () => void = () => undefined,
  onRows: RowsRead = () => undefined
): Promise<ProgramTables> {
  alsoRead();
  const whole = queueReads(context, true);
  try {
    await context.sync();
    return tablesOf(whole, 1);
  } catch (e) {
    if (officeCode(e) !== RESPONSE_TOO_LARGE) throw e;
  }
  alsoRead();
  const outline = queueReads(context, false);
  await context.sync();
  const tables = tablesOf(outline, 2);
  if (!tables.quarterly) return tables;
  const blocks = await readRowsInBlocks(context, tables.quarterly, onRows);
  const { values } = tables.quarterly;
  return {
    ...tables,
    quarterly: { ...tables.quarterly, values: { ...values, rows: blocks.rows } },
    syncs: tables.syncs + blocks.syncs,
  };
}

/** A table's look-up, queued: read its proxies only after the sync. */
export interface QueuedTable {
  readonly table: ExcelTableInWorkbook;
  readonly range: ExcelRange;
}

/** The look-ups of one read, queued: proxies whose loaded properties are read after the sync. */
interface QueuedReads {
  readonly quarterly: QueuedTable;
  /** tblQuarterly's header row, loaded when its rows come in blocks. */
  readonly quarterlyHeader: ExcelRange | undefined;
  readonly tiers: QueuedTable;
  readonly settings: QueuedTable;
  readonly review: QueuedTable;
  readonly reviewHeader: ExcelRange;
  readonly reviewSheet: NullableObject;
  readonly others: ReadonlyMap<string, QueuedTable>;
}

/** The health check's tables besides those tier validation reads itself. */
const OTHER_TABLES = HEALTH_TABLES.filter(
  (n) => n !== TBL_QUARTERLY && n !== TBL_TIERS && n !== TBL_TIER_RULES
);

/** Queues a table's look-up and the load of its whole range: address, and values unless `values` is false. */
export function queueTable(context: ExcelContext, name: string, values: boolean): QueuedTable {
  const table = context.workbook.tables.getItemOrNullObject(name);
  const range = table.getRange();
  range.load(["address"]);
  if (values) range.load(["values"]);
  return { table, range };
}

/**
 * Queues every look-up validation needs. `wholeQuarterly`: tblQuarterly's values, header and rows; otherwise its
 * address and header alone (its rows then come in blocks).
 */
function queueReads(context: ExcelContext, wholeQuarterly: boolean): QueuedReads {
  const quarterly = queueTable(context, TBL_QUARTERLY, wholeQuarterly);
  let quarterlyHeader: ExcelRange | undefined;
  if (!wholeQuarterly) {
    quarterlyHeader = quarterly.table.getHeaderRowRange();
    quarterlyHeader.load(["values"]);
  }
  const review = queueTable(context, TBL_TIER_REVIEW, false);
  const reviewHeader = review.table.getHeaderRowRange();
  reviewHeader.load(["values"]);
  return {
    quarterly,
    quarterlyHeader,
    tiers: queueTable(context, TBL_TIERS, true),
    settings: queueTable(context, TBL_TIER_RULES, true),
    review,
    reviewHeader,
    reviewSheet: context.workbook.worksheets.getItemOrNullObject(TIER_REVIEW_SHEET),
    others: new Map(OTHER_TABLES.map((n) => [n, queueTable(context, n, true)])),
  };
}

/** What the synced look-ups found. */
function tablesOf(queued: QueuedReads, syncs: number): ProgramTables {
  const { quarterlyHeader, reviewHeader } = queued;
  const review = found(queued.review);
  return {
    quarterly: readTable(queued.quarterly, quarterlyHeader),
    tiers: readTable(queued.tiers),
    settings: readTable(queued.settings),
    review: review && { ...review, header: reviewHeader.values[0] ?? [] },
    reviewSheetExists: !queued.reviewSheet.isNullObject,
    others: new Map(
      [...queued.others].flatMap(([name, q]) => {
        const read = readTable(q);
        return read === undefined ? [] : [[name, read.values] as const];
      })
    ),
    syncs,
  };
}

function found({ table, range }: QueuedTable): FoundTable | undefined {
  return table.isNullObject ? undefined : { table, range: parseRangeAddress(range.address) };
}

/** A found table's values: its whole range's, or only its header row's when that is all that was loaded. */
export function readTable(queued: QueuedTable, headerRow?: ExcelRange): ReadTable | undefined {
  const table = found(queued);
  if (!table) return undefined;
  const [header = [], ...rows] = headerRow ? headerRow.values : queued.range.values;
  const values: TableValues = {
    sheet: table.range.sheet,
    header,
    rows,
    topLeft: table.range.first,
  };
  return { ...table, values };
}

/**
 * tblQuarterly's data rows, one block of rows per sync. Each block after the first holds as many rows as fit in the
 * request budget at the heaviest bytes per row seen so far; a block Excel still refuses is halved and read again.
 */
async function readRowsInBlocks(
  context: ExcelContext,
  quarterly: FoundTable,
  onRows: RowsRead
): Promise<{ rows: unknown[][]; syncs: number }> {
  const { first, last } = quarterly.range;
  const total = last.row - first.row;
  const sheet = quarterly.table.worksheet;
  const rows: unknown[][] = [];
  let syncs = 0;
  let size = FIRST_BLOCK_ROWS;
  let bytesPerRow = 0;
  for (let top = first.row + 1; top <= last.row;) {
    const bottom = Math.min(last.row, top + size - 1);
    const block = sheet.getRange(
      rangeA1({ row: top, column: first.column }, { row: bottom, column: last.column })
    );
    block.load(["values"]);
    syncs++;
    try {
      // One sync per block is the point: each response must stay under Excel on the web's limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (officeCode(e) !== RESPONSE_TOO_LARGE || bottom === top) throw e;
      size = Math.ceil((bottom - top + 1) / 2);
      continue;
    }
    for (const row of block.values) rows.push(row);
    onRows(rows.length, total);
    bytesPerRow = Math.max(bytesPerRow, jsonBytes(block.values) / block.values.length);
    size = Math.max(1, Math.floor(REQUEST_BUDGET / bytesPerRow));
    top = bottom + 1;
  }
  return { rows, syncs };
}
