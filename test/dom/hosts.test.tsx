import {
  BrowserWorkbookHost,
  WORKBOOK_FILE_NAME,
  XLSX_MIME_TYPE,
} from "../../src/taskpane/browserWorkbookHost";
import { ExcelWorkbookHost } from "../../src/taskpane/excelWorkbookHost";
import { DEFAULT_PROGRAM_SETTINGS } from "../../src/domain/settings";
import { generateRoadmapInExcel } from "../../src/excel/generateRoadmap";
import { runInExcel } from "../../src/excel/scaffold";
import { updateSettingsInExcel } from "../../src/excel/updateSettings";
import { selectCell, TierValidationReport, validateInExcel } from "../../src/excel/validateTiers";
import { writePlanToBuffer } from "../../src/xlsx/writePlan";
import { WorkbookPlan } from "../../src/workbook/plan";
import { programWorkbookPlan } from "../../src/workbook/programPlan";
import { SAMPLE_PARTNERS } from "../../src/workbook/sample";
import { TBL_SCORING } from "../../src/workbook/scoringSheet";
import { TBL_SETTINGS } from "../../src/workbook/settingsSheet";

// Excel itself is not available here, and exceljs is exercised for real by the Chromium end-to-end test:
// these tests check what each host asks for and what it tells the user.
jest.mock("../../src/excel/scaffold", () => ({ runInExcel: jest.fn() }));
jest.mock("../../src/excel/validateTiers", () => ({
  validateInExcel: jest.fn(),
  selectCell: jest.fn(),
}));
jest.mock("../../src/excel/updateSettings", () => ({ updateSettingsInExcel: jest.fn() }));
jest.mock("../../src/excel/generateRoadmap", () => ({ generateRoadmapInExcel: jest.fn() }));
jest.mock("../../src/xlsx/writePlan", () => ({ writePlanToBuffer: jest.fn() }));

const runInExcelMock = jest.mocked(runInExcel);
const validateMock = jest.mocked(validateInExcel);
const selectMock = jest.mocked(selectCell);
const writePlanMock = jest.mocked(writePlanToBuffer);
const updateMock = jest.mocked(updateSettingsInExcel);
const roadmapMock = jest.mocked(generateRoadmapInExcel);

/** The Value of a setting in the plan's tblSettings. */
const settingOf = (plan: WorkbookPlan, label: string): unknown =>
  plan.sheets
    .flatMap((s) => s.tables)
    .find((t) => t.name === TBL_SETTINGS)
    ?.rows.find((r) => r[0] === label)?.[1];

const scoreFormulaOf = (plan: WorkbookPlan): string => {
  const table = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === TBL_SCORING);
  const score = table?.rows[0]?.find((c) => typeof c === "object" && c !== null);
  return score && typeof score === "object" ? score.formula : "";
};

/** The partners the plan's Scoring sheet names. */
const partnersOf = (plan: WorkbookPlan): unknown[] =>
  (plan.sheets.flatMap((s) => s.tables).find((t) => t.name === TBL_SCORING)?.rows ?? [])
    .map((row) => row[0])
    .filter((name) => name !== null);

/** jsdom's Blob has no arrayBuffer(); its FileReader does. */
const contentOf = (blob: Blob): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });

describe("ExcelWorkbookHost", () => {
  const SETTINGS = { ...DEFAULT_PROGRAM_SETTINGS, company: "Acme Analytics" };
  const report = (created: string[], kept: string[], chartsLeftOut: string[] = []) => ({
    created,
    kept,
    syncs: 2,
    bytes: 9000,
    charts: 2,
    chartsLeftOut,
  });

  test("creates the program workbook with the form's settings and the add-in's functions", async () => {
    const plan = programWorkbookPlan({ data: "sample", mode: "addin", settings: SETTINGS });
    const names = plan.sheets.map((s) => s.name);
    runInExcelMock.mockResolvedValueOnce(report(names, []));

    const outcome = await new ExcelWorkbookHost().createProgramWorkbook(SETTINGS, "sample");

    expect(outcome.message).toBe(
      `Created the program workbook: ${names.length} sheets, with ${SAMPLE_PARTNERS.length} partners on the Scoring sheet.`
    );
    const sent = runInExcelMock.mock.calls[0]![0];
    expect(scoreFormulaOf(sent)).toContain("PS.PARTNERSCORE(");
    expect(settingOf(sent, "Company")).toBe("Acme Analytics");
    expect(sent.sheets.map((s) => s.name)).toEqual(names);
  });

  test("without the sample, the data tables are empty and the sentence says so", async () => {
    const names = programWorkbookPlan({
      data: "blank",
      mode: "addin",
      settings: SETTINGS,
    }).sheets.map((s) => s.name);
    runInExcelMock.mockResolvedValueOnce(report(names, []));

    const outcome = await new ExcelWorkbookHost().createProgramWorkbook(SETTINGS, "blank");

    expect(outcome.message).toBe(
      `Created the program workbook: ${names.length} sheets, its data tables empty, ready for your partners.`
    );
    const sent = runInExcelMock.mock.lastCall![0];
    expect(partnersOf(sent)).toEqual([]);
    expect(scoreFormulaOf(sent)).toContain("PS.PARTNERSCORE(");
  });

  test("says which sheets it added and that the others were left untouched", async () => {
    runInExcelMock.mockResolvedValueOnce(
      report(["Roadmap", "Dashboard"], ["Settings", "Thesis", "Scoring"])
    );
    await expect(
      new ExcelWorkbookHost().createProgramWorkbook(SETTINGS, "sample")
    ).resolves.toEqual({
      message:
        "Created 2 sheets (Roadmap and Dashboard); the other 3 were already there, left untouched.",
    });

    runInExcelMock.mockResolvedValueOnce(report([], ["Settings"]));
    await expect(
      new ExcelWorkbookHost().createProgramWorkbook(SETTINGS, "sample")
    ).resolves.toEqual({
      message: "Every sheet of the program workbook already exists; nothing was changed.",
    });
  });

  test("a chart Excel could not draw is said after the sentence", async () => {
    const leftOut =
      'The chart "Partners by tier" was left out: this version of Excel cannot draw it.';
    runInExcelMock.mockResolvedValueOnce(report(["Dashboard"], ["Settings"], [leftOut]));

    const outcome = await new ExcelWorkbookHost().createProgramWorkbook(SETTINGS, "sample");

    expect(outcome.message).toBe(
      `Created 1 sheet (Dashboard); the other one was already there, left untouched. ${leftOut}`
    );
  });

  test("writes the edited settings and says which", async () => {
    updateMock.mockResolvedValueOnce({ updated: ["Company", "Target ARR"], added: [], syncs: 2 });
    const host = new ExcelWorkbookHost();

    await expect(host.updateSettings({ company: "Acme", targetArr: 9e7 })).resolves.toEqual({
      message: "Updated Company and Target ARR in the Settings table.",
    });
    expect(updateMock).toHaveBeenCalledWith(
      { company: "Acme", targetArr: 9e7 },
      expect.any(Function)
    );

    updateMock.mockResolvedValueOnce({ updated: ["Company"], added: ["ICP"], syncs: 2 });
    await expect(host.updateSettings({ company: "Acme", icp: "banks" })).resolves.toEqual({
      message: "Updated Company; added ICP in the Settings table.",
    });
    updateMock.mockResolvedValueOnce({ updated: [], added: [], syncs: 1 });
    await expect(host.updateSettings({ company: "Acme" })).resolves.toEqual({
      message: "The Settings table already holds these settings; nothing was changed.",
    });
  });

  test("generates the roadmap with the edited settings and counts what it kept", async () => {
    roadmapMock.mockResolvedValueOnce({
      programYear: 2027,
      milestones: 18,
      edited: 3,
      byHand: 0,
      created: false,
      syncs: 2,
    });
    const host = new ExcelWorkbookHost();

    await expect(host.generateRoadmap({ programYear: 2027 })).resolves.toEqual({
      message: "Roadmap for 2027: 18 milestones (3 kept as edited).",
    });
    expect(roadmapMock).toHaveBeenCalledWith(
      { programYear: 2027 },
      expect.any(Date),
      expect.any(Function)
    );

    roadmapMock.mockResolvedValueOnce({
      programYear: 2028,
      milestones: 19,
      edited: 0,
      byHand: 2,
      created: false,
      syncs: 2,
    });
    await expect(host.generateRoadmap({})).resolves.toEqual({
      message: "Roadmap for 2028: 19 milestones, and 2 rows of your own.",
    });
  });

  test("validates the tiers in the open workbook and hands the findings to the pane", async () => {
    const validation: TierValidationReport = {
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
    validateMock.mockResolvedValueOnce(validation);

    await expect(new ExcelWorkbookHost().validateTiers()).resolves.toBe(validation);
  });

  test("shows a finding's cell", async () => {
    selectMock.mockResolvedValueOnce(undefined);

    await new ExcelWorkbookHost().selectCell("Quarterly", "J34");

    expect(selectMock).toHaveBeenCalledWith("Quarterly", "J34", expect.any(Function));
  });

  test("lets Excel's errors through for the task pane to word", async () => {
    const failure = new Error("boom");
    runInExcelMock.mockRejectedValueOnce(failure);
    roadmapMock.mockRejectedValueOnce(failure);

    await expect(new ExcelWorkbookHost().createProgramWorkbook(SETTINGS, "sample")).rejects.toBe(
      failure
    );
    await expect(new ExcelWorkbookHost().generateRoadmap({})).rejects.toBe(failure);
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

  const SETTINGS = { ...DEFAULT_PROGRAM_SETTINGS, company: "Acme Analytics", programYear: 2028 };

  test("downloads partner-program.xlsx built with the form's settings and native formulas", async () => {
    const outcome = await new BrowserWorkbookHost().createProgramWorkbook(SETTINGS, "sample");

    expect(clicked).toEqual([
      { download: WORKBOOK_FILE_NAME, href: "blob:workbook", inDocument: true },
    ]);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe(XLSX_MIME_TYPE);
    expect(await contentOf(blobs[0]!)).toEqual(bytes);
    const plan = writePlanMock.mock.calls[0]![0];
    expect(scoreFormulaOf(plan)).not.toContain("PS.");
    expect(settingOf(plan, "Company")).toBe("Acme Analytics");
    expect(settingOf(plan, "Program Year")).toBe(2028);
    expect(outcome.message).toBe(
      `partner-program.xlsx downloaded: the program workbook for Acme Analytics, with ${SAMPLE_PARTNERS.length} partners scored by native formulas.`
    );
  });

  test("without the sample, the file's data tables are empty", async () => {
    const outcome = await new BrowserWorkbookHost().createProgramWorkbook(SETTINGS, "blank");

    const plan = writePlanMock.mock.lastCall![0];
    expect(partnersOf(plan)).toEqual([]);
    expect(settingOf(plan, "Company")).toBe("Acme Analytics");
    expect(outcome.message).toBe(
      "partner-program.xlsx downloaded: the program workbook for Acme Analytics, its data tables empty, ready for your partners."
    );
  });

  test("leaves no link behind and releases the file's memory once the download has started", async () => {
    await new BrowserWorkbookHost().createProgramWorkbook(SETTINGS, "sample");

    expect(document.querySelectorAll("a")).toHaveLength(0);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    jest.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:workbook");
  });
});
