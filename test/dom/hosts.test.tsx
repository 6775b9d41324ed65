import {
  BrowserWorkbookHost,
  WORKBOOK_FILE_NAME,
  XLSX_MIME_TYPE,
} from "../../src/taskpane/browserWorkbookHost";
import { ExcelWorkbookHost } from "../../src/taskpane/excelWorkbookHost";
import { runInExcel } from "../../src/excel/scaffold";
import { selectCell, TierValidationReport, validateInExcel } from "../../src/excel/validateTiers";
import { writePlanToBuffer } from "../../src/xlsx/writePlan";
import { WorkbookPlan } from "../../src/workbook/plan";
import { SAMPLE_PARTNERS } from "../../src/workbook/sample";
import { TBL_SCORING } from "../../src/workbook/scoringSheet";

// Excel itself is not available here, and exceljs is exercised for real by the Chromium end-to-end test:
// these tests check what each host asks for and what it tells the user.
jest.mock("../../src/excel/scaffold", () => ({ runInExcel: jest.fn() }));
jest.mock("../../src/excel/validateTiers", () => ({
  validateInExcel: jest.fn(),
  selectCell: jest.fn(),
}));
jest.mock("../../src/xlsx/writePlan", () => ({ writePlanToBuffer: jest.fn() }));

const runInExcelMock = jest.mocked(runInExcel);
const validateMock = jest.mocked(validateInExcel);
const selectMock = jest.mocked(selectCell);
const writePlanMock = jest.mocked(writePlanToBuffer);

const scoreFormulaOf = (plan: WorkbookPlan): string => {
  const table = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === TBL_SCORING);
  const score = table?.rows[0]?.find((c) => typeof c === "object" && c !== null);
  return score && typeof score === "object" ? score.formula : "";
};

/** jsdom's Blob has no arrayBuffer(); its FileReader does. */
const contentOf = (blob: Blob): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });

describe("ExcelWorkbookHost", () => {
  test("creates the Scoring sheet with the add-in's functions and says how many partners it holds", async () => {
    runInExcelMock.mockResolvedValueOnce({ created: ["Scoring"], kept: [], syncs: 2, bytes: 9000 });

    const outcome = await new ExcelWorkbookHost().createScoringSheet();

    expect(outcome.message).toBe(
      `Created the Scoring sheet with ${SAMPLE_PARTNERS.length} partners.`
    );
    const plan = runInExcelMock.mock.calls[0]![0];
    expect(scoreFormulaOf(plan)).toMatch(/^=PS\.PARTNERSCORE\(/);
  });

  test("says nothing changed when the sheet was already there", async () => {
    runInExcelMock.mockResolvedValueOnce({ created: [], kept: ["Scoring"], syncs: 1, bytes: 100 });

    const outcome = await new ExcelWorkbookHost().createScoringSheet();

    expect(outcome.message).toBe("The Scoring sheet already exists; nothing was changed.");
  });

  test("validates the tiers in the open workbook and hands the findings to the pane", async () => {
    const report: TierValidationReport = {
      findings: [
        {
          severity: "error",
          rule: "tier.recorded-mismatch",
          sheet: "Quarterly",
          cell: "J34",
          partner: "PwC",
          quarter: "2026-Q2",
          message: "PwC 2026-Q2: recorded Platinum, expected Gold",
        },
      ],
      actions: [{ partner: "PwC", tier: "Platinum", status: { kind: "demote", to: "Gold" } }],
      summary: { errors: 1, warnings: 0, info: 0 },
      partners: 1,
      highlightedCells: 1,
      syncs: 2,
      bytes: 9000,
    };
    validateMock.mockResolvedValueOnce(report);

    await expect(new ExcelWorkbookHost().validateTiers()).resolves.toBe(report);
  });

  test("shows a finding's cell", async () => {
    selectMock.mockResolvedValueOnce(undefined);

    await new ExcelWorkbookHost().selectCell("Quarterly", "J34");

    expect(selectMock).toHaveBeenCalledWith("Quarterly", "J34");
  });

  test("lets Excel's errors through for the task pane to word", async () => {
    const failure = new Error("boom");
    runInExcelMock.mockRejectedValueOnce(failure);

    await expect(new ExcelWorkbookHost().createScoringSheet()).rejects.toBe(failure);
  });
});

describe("BrowserWorkbookHost", () => {
  const bytes = new Uint8Array([80, 75, 3, 4, 20]);
  let clicked: { download: string; href: string; inDocument: boolean }[];
  let blobs: Blob[];

  beforeEach(() => {
    jest.useFakeTimers();
    clicked = [];
    blobs = [];
    writePlanMock.mockResolvedValue(bytes);
    // jsdom implements neither object URLs nor downloads.
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:workbook";
    });
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicked.push({
        download: this.download,
        href: this.href,
        inDocument: document.body.contains(this),
      });
    });
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  test("downloads partner-program.xlsx built with native formulas", async () => {
    const outcome = await new BrowserWorkbookHost().createScoringSheet();

    expect(clicked).toEqual([
      { download: WORKBOOK_FILE_NAME, href: "blob:workbook", inDocument: true },
    ]);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe(XLSX_MIME_TYPE);
    expect(await contentOf(blobs[0]!)).toEqual(bytes);
    expect(scoreFormulaOf(writePlanMock.mock.calls[0]![0])).not.toContain("PS.");
    expect(outcome.message).toBe(
      `partner-program.xlsx downloaded: the Scoring sheet with ${SAMPLE_PARTNERS.length} partners, scored with native formulas.`
    );
  });

  test("leaves no link behind and releases the file's memory once the download has started", async () => {
    await new BrowserWorkbookHost().createScoringSheet();

    expect(document.querySelectorAll("a")).toHaveLength(0);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    jest.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:workbook");
  });
});
