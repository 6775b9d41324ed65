import { Weights } from "../domain/scoring";
import { readScoring, ScoringReading, weightCells } from "../workbook/readScoring";
import { SCORING_SHEET, TBL_SCORING, TBL_WEIGHTS } from "../workbook/scoringSheet";
import { HostError } from "./errors";
import { ExcelRun, officeSupports, runCommand, Supports } from "./scaffold";
import { CellInput } from "./excelModel";

/**
 * Reads tblScoring and tblWeights in two syncs (which of them exist, then their values) for the Weights section.
 * Missing tables read as no partners and no weights.
 */
export function readScoringInExcel(
  run: ExcelRun = Excel.run,
  supports: Supports = officeSupports
): Promise<ScoringReading> {
  return runCommand(run, supports, async (context) => {
    const scoring = context.workbook.tables.getItemOrNullObject(TBL_SCORING);
    const weights = context.workbook.tables.getItemOrNullObject(TBL_WEIGHTS);
    await context.sync();
    const scoringRange = scoring.isNullObject ? undefined : scoring.getRange();
    const weightsRange = weights.isNullObject ? undefined : weights.getRange();
    scoringRange?.load(["values"]);
    weightsRange?.load(["values"]);
    if (scoringRange || weightsRange) await context.sync();
    const asTable = (values: unknown[][] | undefined) =>
      values && {
        sheet: SCORING_SHEET,
        header: values[0] ?? [],
        rows: values.slice(1),
        topLeft: { row: 0, column: 0 },
      };
    return readScoring(asTable(scoringRange?.values), asTable(weightsRange?.values));
  });
}

/**
 * Writes the five weights into tblWeights' Weight column, on each criterion's row, in two syncs; the other cells
 * are written back as they were (formulas kept). One Ctrl+Z undoes it where Excel can merge undo groups.
 */
export function applyWeightsInExcel(
  weights: Weights,
  run: ExcelRun = Excel.run,
  supports: Supports = officeSupports
): Promise<void> {
  return runCommand(run, supports, async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(TBL_WEIGHTS);
    await context.sync();
    if (table.isNullObject) {
      throw new HostError(
        `There is no ${TBL_WEIGHTS} table: create the program workbook first (Program section).`,
        "ItemNotFound"
      );
    }
    const header = table.getHeaderRowRange();
    const body = table.getDataBodyRange();
    header.load(["values"]);
    body.load(["formulas"]);
    await context.sync();
    const rows = body.formulas.map((r) => [...r]);
    const cells = weightCells({ header: header.values[0] ?? [], rows });
    if (cells.column < 0 || cells.rows.some((r) => r < 0)) {
      throw new HostError(
        `${TBL_WEIGHTS} has no Weight column or misses a criterion's row: restore it (or delete the Scoring sheet and create the program workbook again).`,
        "InvalidArgument"
      );
    }
    cells.rows.forEach((r, i) => (rows[r]![cells.column] = weights[i]! as CellInput));
    body.formulas = rows;
    await context.sync();
  });
}
