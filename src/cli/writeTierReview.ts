import { basename } from "path";
import { ProgramReview } from "../workbook/readProgram";
import { programWorkbookPlan } from "../workbook/programPlan";
import { TBL_TIER_REVIEW, tierReviewSheetPlan } from "../workbook/tierSheets";
import { replaceSheetTables } from "../xlsx/replaceSheetTables";
import { WouldLoseContent } from "../xlsx/unkeptContent";
import { UsageError } from "./args";
import { isZip, readBytes } from "./programFile";
import { writeFileSafely } from "./writeWorkbookFile";

/** What `validate --write` did to the workbook. */
export interface WrittenReview {
  readonly path: string;
  readonly sheet: string;
  readonly rows: number;
  readonly created: boolean;
}

/**
 * Rewrites the Tier Review of the .xlsx at `path` (and only it) from `review`, the validation of the file's own
 * Quarterly and Tiers tables, as "Validate" does in Excel: the review is generated output, replaced each
 * time; every other sheet, and every cell of this one outside its table, stays as it was.
 */
export async function writeTierReview(path: string, review: ProgramReview): Promise<WrittenReview> {
  const bytes = await readBytes(path);
  const name = basename(path);
  if (!isZip(bytes)) {
    throw new UsageError(
      `--write needs an .xlsx workbook to write the Tier Review into; ${name} is not one`
    );
  }
  const plan = tierReviewSheetPlan(review, "portable");
  const order = programWorkbookPlan({ mode: "portable", data: "blank" }).sheets.map((s) => s.name);
  let replaced;
  try {
    replaced = await replaceSheetTables(bytes, plan, order);
  } catch (e) {
    if (!(e instanceof WouldLoseContent)) throw e;
    throw new Error(
      `${name} is left as it is: ${e.message}. Validate in Excel with the add-in instead.`
    );
  }
  const written = await writeFileSafely(path, replaced.buffer);
  const rows = plan.tables.find((t) => t.name === TBL_TIER_REVIEW)?.rows.length ?? 0;
  return { path: written, sheet: replaced.sheet, rows, created: replaced.created };
}
