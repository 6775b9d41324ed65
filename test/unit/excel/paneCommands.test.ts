import { applyPlan } from "../../../src/excel/applyPlan";
import { HostError } from "../../../src/excel/errors";
import { insertFormula } from "../../../src/excel/insertFormula";
import { applyWeightsInExcel, readScoringInExcel } from "../../../src/excel/weights";
import { Supports } from "../../../src/excel/scaffold";
import { DEFAULT_WEIGHTS } from "../../../src/domain/scoring";
import { SAMPLE_PARTNERS } from "../../../src/workbook/sample";
import { SCORING_SHEET, scoringSheetPlan } from "../../../src/workbook/scoringSheet";
import { RecordingExcel } from "../../support/recordingExcel";

const none: Supports = () => false;

async function scoringWorkbook(): Promise<RecordingExcel> {
  // The fake does not calculate: the Score and Band formulas read as blank, which the pane does not read.
  const excel = new RecordingExcel([], () => "");
  await applyPlan(excel.context, { sheets: [scoringSheetPlan(SAMPLE_PARTNERS, "addin")] });
  return excel;
}

describe("insertFormula", () => {
  test("types the formula into the active cell in one sync and says where", async () => {
    const excel = new RecordingExcel([{ name: "Sheet1" }]);
    excel.activeSheet = "Sheet1";
    excel.selection = { sheet: "Sheet1", address: "B2:C4" };

    const address = await insertFormula("=PS.PARTNERBAND(65)", excel.run, none);

    expect(excel.cell("Sheet1", "B2")).toEqual({ formula: "=PS.PARTNERBAND(65)" });
    expect(excel.cell("Sheet1", "C2")).toBeUndefined();
    expect(address).toBe("Sheet1!B2");
    expect(excel.syncs).toBe(1);
  });

  test("a cell being edited is a HostError saying to finish editing", async () => {
    const excel = new RecordingExcel([{ name: "Sheet1" }]);
    excel.selection = { sheet: "Sheet1", address: "A1" };
    excel.failOnSync(1, "InvalidOperationInCellEditMode");

    const failure = insertFormula("=PS.PARTNERBAND(65)", excel.run, none);

    await expect(failure).rejects.toBeInstanceOf(HostError);
    await expect(failure).rejects.toThrow("Finish editing the cell, then try again.");
  });
});

describe("weights in Excel", () => {
  test("reads tblWeights and the fully rated partners of tblScoring in two syncs", async () => {
    const excel = await scoringWorkbook();
    const before = excel.syncs;

    const read = await readScoringInExcel(excel.run, none);

    expect(excel.syncs - before).toBe(2);
    expect(read.weights).toEqual(DEFAULT_WEIGHTS);
    const rated = SAMPLE_PARTNERS.filter((p) => p.ratings.every((r) => r !== null));
    expect(read.partners.map((p) => p.name)).toEqual(rated.map((p) => p.name));
    expect(read.partners[0]!.ratings).toEqual(rated[0]!.ratings);
    expect(read.unrated).toBe(SAMPLE_PARTNERS.length - rated.length);
  });

  test("a workbook without the Scoring sheet: no partners, no weights, one sync", async () => {
    const excel = new RecordingExcel([{ name: "Sheet1" }]);
    expect(await readScoringInExcel(excel.run, none)).toEqual({
      weights: undefined,
      partners: [],
      unrated: 0,
    });
    expect(excel.syncs).toBe(1);
  });

  test("Apply writes each criterion's weight on its row of tblWeights and reads back", async () => {
    const excel = await scoringWorkbook();

    await applyWeightsInExcel([40, 20, 20, 10, 10], excel.run, none);

    expect((await readScoringInExcel(excel.run, none)).weights).toEqual([40, 20, 20, 10, 10]);
    expect(excel.sheet(SCORING_SHEET)).toBeDefined();
  });

  test("Apply without tblWeights says to create the program workbook", async () => {
    const excel = new RecordingExcel([{ name: "Sheet1" }]);
    await expect(applyWeightsInExcel(DEFAULT_WEIGHTS, excel.run, none)).rejects.toThrow(
      "There is no tblWeights table: create the program workbook first (Program section)."
    );
  });
});
