import { todayUtc } from "../domain/cells";
import { Finding, FindingSummary } from "../domain/findings";
import { TierAction } from "../domain/tiers";
import { SheetPlan } from "../workbook/plan";
import { checkProgramHealth, tableSet } from "../workbook/healthCheck";
import { TBL_LANDSCAPE } from "../workbook/landscapeSheet";
import { TBL_OKRS } from "../workbook/okrsSheet";
import { TableValues } from "../workbook/readProgram";
import {
  TBL_QUARTERLY,
  TBL_TIER_RULES,
  TBL_TIERS,
  TBL_TIER_REVIEW,
  TIER_REVIEW_HEADERS,
  TIER_REVIEW_SHEET,
  tierReviewSheetPlan,
} from "../workbook/tierSheets";
import {
  addSheets,
  HostFeatures,
  NO_OPTIONAL_FEATURES,
  PreparedSheet,
  PreparedTable,
  prepareSheet,
  startRequest,
} from "./applyPlan";
import { HostError, officeCode, toHostError } from "./errors";
import { ExcelConditionalFormats, ExcelContext } from "./excelModel";
import { Highlight, highlight, highlightsOf, queueMarks } from "./highlights";
import { FoundTable, readProgramTables, RowsRead } from "./readProgramTables";
import { prepareRows, replaceRows } from "./replaceRows";
import { RequestBatch } from "./requestBatch";
import { ExcelRun, officeSupports, runCommand, Supports } from "./scaffold";

export interface TierValidationReport {
  /** Errors first, then by sheet and cell. */
  readonly findings: Finding[];
  /** What to do with each partner now, in the order they first appear. */
  readonly actions: TierAction[];
  readonly summary: FindingSummary;
  /** Partners on the Tier Review. */
  readonly partners: number;
  /** Cells of tblQuarterly filled to point at a finding. */
  readonly highlightedCells: number;
  /** `context.sync` calls made. */
  readonly syncs: number;
  /** Estimated request bytes written (see requestBatch.ts). */
  readonly bytes: number;
}

export const NO_PROGRAM_TABLES =
  `This workbook has none of the program's tables (${TBL_QUARTERLY}, ${TBL_LANDSCAPE}, ${TBL_OKRS}…): ` +
  `create the program workbook first (or name your quarterly data table ${TBL_QUARTERLY}).`;

/** Validates the program in the open workbook as one command: one Ctrl+Z undoes the review and the highlights. */
export function validateInExcel(
  run: ExcelRun = Excel.run,
  supports: Supports = officeSupports,
  onRows?: RowsRead
): Promise<TierValidationReport> {
  return runCommand(run, supports, (context, features) =>
    validateTiers(context, features, todayUtc(), onRows)
  );
}

/**
 * Reads tblQuarterly, tblTiers and tblTierRules (and the marks of the last run) in one sync and validates them;
 * then marks the cells of tblQuarterly that the findings cite with conditional formats, after removing the previous
 * run's marks (the user's own fills and formats are never touched), and writes the Tier Review (creating
 * its sheet, or replacing tblTierReview's rows: it is generated output). Nothing the user typed changes. The writes
 * share requests under the budget of requestBatch.ts, so the syncs follow the bytes written: two on the sample,
 * 2 + ⌈bytes / 4 MB⌉ at most on any program (Excel on the web's response limit aside: readProgramTables.ts).
 */
export async function validateTiers(
  context: ExcelContext,
  features: HostFeatures = NO_OPTIONAL_FEATURES,
  asOf: Date = todayUtc(),
  onRows?: RowsRead
): Promise<TierValidationReport> {
  // The last run's marks are read with the tables.
  let marks: ExcelConditionalFormats | undefined;
  const tables = await readProgramTables(
    context,
    () => (marks = queueMarks(context.workbook.tables.getItemOrNullObject(TBL_QUARTERLY))),
    onRows
  );
  const { quarterly, review: existing } = tables;
  if (!quarterly && tables.others.size === 0)
    throw new HostError(NO_PROGRAM_TABLES, "ItemNotFound");
  if (quarterly && !existing && tables.reviewSheetExists) {
    throw new HostError(
      `The ${TIER_REVIEW_SHEET} sheet has no ${TBL_TIER_REVIEW} table to hold the review. ` +
        `Rename or delete that sheet, then validate again.`,
      "ItemNotFound"
    );
  }
  if (quarterly && existing) checkReviewColumns(existing);

  const read: [string, TableValues][] = [...tables.others];
  if (quarterly) read.push([TBL_QUARTERLY, quarterly.values]);
  if (tables.tiers) read.push([TBL_TIERS, tables.tiers.values]);
  if (tables.settings) read.push([TBL_TIER_RULES, tables.settings.values]);
  const health = checkProgramHealth(tableSet(read), { asOf });
  const review = health.tierReview;
  // Everything is encoded and checked before the first write: a malformed plan changes nothing.
  let write: ReviewWrite | undefined;
  if (review) {
    const reviewSheet = tierReviewSheetPlan(review, "addin");
    write = existing
      ? { kind: "replace", table: existing, rows: reviewRows(reviewSheet) }
      : { kind: "add", sheet: prepareSheet(reviewSheet, new Set()) };
  }

  const batch = new RequestBatch(context, () => startRequest(context.application, features));
  let highlights: Highlight[] = [];
  if (quarterly) {
    const { range } = quarterly;
    const body = { ...range, first: { ...range.first, row: range.first.row + 1 } };
    highlights = highlightsOf(health.findings, body);
    // Highlights first, at the addresses just read: rows inserted or deleted in the review afterwards move the
    // cells below it, fills included, whatever table those cells belong to.
    await highlight(batch, quarterly.table, highlights, marks!, features.rangeAreas);
  }
  if (write?.kind === "replace") await replaceRows(batch, write.table, write.rows);
  else if (write?.kind === "add")
    await addSheets(batch, context.workbook.worksheets, [write.sheet], features);
  await batch.flush();

  return {
    findings: health.findings,
    actions: health.actions,
    summary: health.summary,
    partners: new Set(review?.review.map((r) => r.partner.toLowerCase())).size,
    highlightedCells: highlights.reduce((n, h) => n + h.cells, 0),
    syncs: tables.syncs + batch.syncs,
    bytes: batch.bytes,
  };
}

/** A tblTierReview whose columns are not the review's would get rows that do not fit: say so before writing. */
function checkReviewColumns(review: FoundTable & { readonly header: readonly unknown[] }): void {
  const key = (h: unknown) => (typeof h === "string" ? h.trim().toLowerCase() : h);
  const same =
    review.header.length === TIER_REVIEW_HEADERS.length &&
    review.header.every((h, i) => key(h) === key(TIER_REVIEW_HEADERS[i]));
  if (!same) {
    throw new HostError(
      `${TBL_TIER_REVIEW} on the ${review.range.sheet} sheet does not have the review's columns ` +
        `(${TIER_REVIEW_HEADERS.join(", ")}). It is written by validation: delete it (or its sheet), ` +
        `then validate again to write it afresh.`,
      "InvalidArgument"
    );
  }
}

/** The Tier Review is added with its sheet, or written over the rows of the tblTierReview already there. */
type ReviewWrite =
  | { readonly kind: "add"; readonly sheet: PreparedSheet }
  | { readonly kind: "replace"; readonly table: FoundTable; readonly rows: PreparedTable };

/** tblTierReview's rows as Range.formulas takes them. */
function reviewRows(sheet: SheetPlan): PreparedTable {
  const table = sheet.tables.find((t) => t.name === TBL_TIER_REVIEW);
  if (!table) throw new Error(`The ${sheet.name} plan has no ${TBL_TIER_REVIEW}.`);
  return prepareRows(table);
}

/**
 * Shows a cell to the user: activates its sheet and selects it, in one sync (a click in the task pane should answer
 * at once). A sheet that is gone is a HostError naming it.
 */
export async function selectCell(
  sheet: string,
  cell: string,
  run: ExcelRun = Excel.run
): Promise<void> {
  try {
    await run({}, async (context) => {
      const target = context.workbook.worksheets.getItem(sheet);
      target.activate();
      target.getRange(cell).select();
      await context.sync();
    });
  } catch (e) {
    if (officeCode(e) !== "ItemNotFound") throw toHostError(e);
    throw new HostError(
      `There is no sheet named "${sheet}" any more. Validate again to see where the findings are now.`,
      "ItemNotFound",
      { cause: e }
    );
  }
}
