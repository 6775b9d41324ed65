import { PARTNER_TYPES } from "../../../src/domain/partners";
import { CRITERIA } from "../../../src/domain/scoring";
import { SETTING_FIELDS } from "../../../src/domain/settings";
import {
  applyPlan,
  columnWidthPoints,
  HostFeatures,
  NO_OPTIONAL_FEATURES,
  TABLE_STYLE,
} from "../../../src/excel/applyPlan";
import { HostError, toHostError } from "../../../src/excel/errors";
import { REQUEST_BUDGET } from "../../../src/excel/requestBatch";
import { runInExcel, Supports } from "../../../src/excel/scaffold";
import { a1, rangeA1, tableRange } from "../../../src/workbook/address";
import { ATTRIBUTION_SHEET } from "../../../src/workbook/attributionSheet";
import { DASHBOARD_SHEET, TBL_DASH_CHECKS } from "../../../src/workbook/dashboardSheet";
import { SheetPlan, WorkbookPlan } from "../../../src/workbook/plan";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import {
  bandFormula,
  RatedPartner,
  SCORING_SHEET,
  scoreFormula,
  scoringSheetPlan,
  TBL_SCORING,
  TBL_WEIGHTS,
} from "../../../src/workbook/scoringSheet";
import { SETTINGS_SHEET, TBL_SETTINGS } from "../../../src/workbook/settingsSheet";
import { TIER_REVIEW_SHEET } from "../../../src/workbook/tierSheets";
import { generatePartners } from "../../support/partners";
import { officeError, RecordingExcel } from "../../support/recordingExcel";

const FOUR_MB = 4_000_000;

/** The Scoring sheet alone: the mechanics under test do not depend on how many sheets the program has. */
const program = (list: readonly RatedPartner[]): WorkbookPlan => ({
  sheets: [scoringSheetPlan(list, "portable")],
});

/** A second sheet exercising what the Scoring sheet does not: whole numbers, numeric bands, every cell style. */
const REVIEW: SheetPlan = {
  name: "Review",
  freezeRows: 0,
  cells: [
    { at: { row: 0, column: 0 }, value: "Quarterly review", style: "title" },
    { at: { row: 1, column: 0 }, value: "Q3", style: "subtitle" },
    {
      at: { row: 1, column: 3 },
      value: { formula: "=COUNTA(tblReview[Partner])" },
      style: "label",
    },
  ],
  tables: [
    {
      name: "tblReview",
      topLeft: { row: 3, column: 1 },
      columns: [
        { header: "Partner", width: 20 },
        {
          header: "Certified individuals in the quarter",
          width: 10,
          validation: {
            kind: "whole",
            min: 0,
            max: 500,
            message: "Certified individuals: a whole number, 0–500.",
          },
          conditionalFormats: [
            { kind: "atLeast", value: 5, tone: "good" },
            { kind: "between", min: 1, max: 4, tone: "warning" },
            { kind: "lessThan", value: 1, tone: "error" },
          ],
        },
      ],
      rows: [],
    },
  ],
};

const allOps = (excel: RecordingExcel, request: number) =>
  excel.operations.filter((o) => o.request === request);

describe("applyPlan: requests and syncs", () => {
  test("10 partners: one sync reads the names, one writes everything", async () => {
    const excel = new RecordingExcel();
    const report = await applyPlan(excel.context, program(generatePartners(10)));

    expect(report.syncs).toBe(excel.syncs);
    expect(excel.syncs).toBe(2); // DESIGN §5 allows 3 on the sample.
    expect(excel.largestRequest).toBeLessThan(FOUR_MB);
    expect(report).toMatchObject({ created: [SCORING_SHEET], kept: [] });
    expect(report.bytes).toBeGreaterThanOrEqual(excel.requests.reduce((a, b) => a + b, 0));
  });

  test("10,000 partners: every request under 4 MB, syncs ≤ 2 + ⌈bytes / 4 MB⌉", async () => {
    const excel = new RecordingExcel();
    const report = await applyPlan(excel.context, program(generatePartners(10_000)));
    const sent = excel.requests.reduce((a, b) => a + b, 0);

    expect(excel.largestRequest).toBeLessThan(FOUR_MB);
    expect(report.syncs).toBe(excel.syncs);
    expect(excel.syncs).toBeLessThanOrEqual(2 + Math.ceil(sent / FOUR_MB));
    expect(excel.syncs).toBeLessThanOrEqual(2 + Math.ceil(report.bytes / FOUR_MB));
    expect(excel.cell(SCORING_SHEET, "A10003")).toEqual({ value: "Partner 10000 Advisory Group" });
    expect(excel.cell(SCORING_SHEET, "H10003")).toEqual({
      formula: scoreFormula("portable").formula,
    });
    expect(excel.cell(SCORING_SHEET, "A10004")).toBeUndefined();
  });

  test("progress: after each request, the data rows Excel holds, rising to every row of the plan", async () => {
    const excel = new RecordingExcel();
    const plan = program(generatePartners(40_000));
    const heard: [number, number][] = [];
    await applyPlan(excel.context, plan, undefined, (written, total) =>
      heard.push([written, total])
    );
    const rows = plan.sheets.flatMap((s) => s.tables).reduce((n, t) => n + t.rows.length, 0);

    // One report per request after the first read: several while 40,000 rows go in, the last with them all.
    expect(heard.length).toBe(excel.syncs - 1);
    expect(heard.length).toBeGreaterThan(2);
    expect(heard.every(([, total]) => total === rows)).toBe(true);
    const written = heard.map(([w]) => w);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(written[0]).toBeGreaterThan(0);
    expect(written[0]).toBeLessThan(rows);
    expect(written.at(-1)).toBe(rows);
  });

  test("40,000 partners: the number of syncs follows the bytes, every request but the last is nearly full", async () => {
    const excel = new RecordingExcel();
    const report = await applyPlan(excel.context, program(generatePartners(40_000)));
    const sent = excel.requests.reduce((a, b) => a + b, 0);

    expect(excel.largestRequest).toBeLessThan(FOUR_MB);
    expect(sent).toBeGreaterThan(3 * FOUR_MB);
    expect(report.syncs).toBeLessThanOrEqual(2 + Math.ceil(sent / FOUR_MB));
    for (const bytes of excel.requests.slice(1, -1))
      expect(bytes).toBeGreaterThan(REQUEST_BUDGET * 0.9);
    expect(excel.cell(SCORING_SHEET, "I40003")).toEqual({
      formula: bandFormula("portable").formula,
    });
  });

  test("tables exist before any formula is written, and values come before formats", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, program(generatePartners(10)));
    const members = excel.operations.map((o) => o.member);
    const lastTable = members.lastIndexOf("table.name");
    const firstDataWrite = excel.operations.findIndex(
      (o) => o.member === "formulas" && /!A4:/.test(o.target)
    );
    const lastValue = members.lastIndexOf("formulas");
    const firstFormat = members.findIndex((m) => m === "numberFormat" || m.startsWith("format."));

    expect(lastTable).toBeLessThan(firstDataWrite);
    expect(lastValue).toBeLessThan(firstFormat);
  });
});

describe("applyPlan: what the user sees", () => {
  const sample: RatedPartner[] = [
    { name: "=SUM(A1)", type: "Boutique", ratings: [90, 80, 70, 60, 50] },
    { name: "'quoted", type: "GSI", ratings: [10, 20, 30, 40, null] },
    { name: "-minus", type: "Big 4", ratings: [1, 2, 3, 4, 5] },
    { name: "Plain & Simple LLP", type: "Long-tail", ratings: [0, 100, 0, 100, 0] },
  ];

  test("headers, values and formulas land in the grid as a table", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, program(sample));

    expect(excel.table(TBL_SCORING)).toEqual({
      name: TBL_SCORING,
      sheet: SCORING_SHEET,
      address: "A3:I7",
      headers: ["Partner", "Partner Type", ...CRITERIA.map((c) => c.label), "Score", "Band"],
      style: TABLE_STYLE,
    });
    expect(excel.table(TBL_WEIGHTS)).toMatchObject({
      address: "K3:M8",
      headers: ["Criterion", "Weight", "Question"],
    });
    expect(excel.cell(SCORING_SHEET, "A1")).toEqual({ value: "Partner Attractiveness Scoring" });
    expect(excel.cell(SCORING_SHEET, "A7")).toEqual({ value: "Plain & Simple LLP" });
    expect(excel.cell(SCORING_SHEET, "B7")).toEqual({ value: "Long-tail" });
    expect(excel.cell(SCORING_SHEET, "D7")).toEqual({ value: 100 });
    expect(excel.cell(SCORING_SHEET, "H7")).toEqual({ formula: scoreFormula("portable").formula });
    expect(excel.cell(SCORING_SHEET, "I7")).toEqual({ formula: bandFormula("portable").formula });
    expect(excel.cell(SCORING_SHEET, "L4")).toEqual({ value: CRITERIA[0].weight });
    // A rating not yet given is an empty cell, not a zero.
    expect(excel.cell(SCORING_SHEET, "G5")).toBeUndefined();
  });

  test("text that looks like a formula stays text, exactly as typed", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, program(sample));

    expect(excel.cell(SCORING_SHEET, "A4")).toEqual({ value: "=SUM(A1)" });
    expect(excel.cell(SCORING_SHEET, "A5")).toEqual({ value: "'quoted" });
    expect(excel.cell(SCORING_SHEET, "A6")).toEqual({ value: "-minus" });
  });

  test("number formats, widths, validation, conditional formats, styles and frozen rows", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, { sheets: [scoringSheetPlan(sample, "portable"), REVIEW] });
    const scoring = excel.sheet(SCORING_SHEET);
    const review = excel.sheet("Review");

    expect(scoring.settings).toEqual(
      expect.arrayContaining([
        { address: "A4:A7", member: "numberFormat", value: "@" },
        { address: "C4:C7", member: "numberFormat", value: "0" },
        { address: "H4:H7", member: "numberFormat", value: "0.0" },
        { address: "A:A", member: "format.columnWidth", value: columnWidthPoints(28) },
        { address: "A1", member: "format.font.bold", value: true },
        { address: "A1", member: "format.font.size", value: 16 },
        { address: "A2", member: "format.font.italic", value: true },
      ])
    );
    expect(columnWidthPoints(8.43 + 5 / 7)).toBe(48); // Excel's default column: 64 pixels.
    expect(scoring.validations).toEqual(
      expect.arrayContaining([
        {
          address: "B4:B7",
          rule: { list: { inCellDropDown: true, source: PARTNER_TYPES.join(",") } },
          errorAlert: expect.objectContaining({
            showAlert: true,
            style: "Stop",
            title: "Partner Type",
          }),
        },
        {
          address: "C4:C7",
          rule: { decimal: { operator: "Between", formula1: 0, formula2: 100 } },
          errorAlert: expect.objectContaining({
            message: "ICP Client Overlap is a rating from 0 to 100.",
          }),
        },
      ])
    );
    expect(scoring.conditionalFormats).toContainEqual({
      id: expect.any(String),
      address: "I4:I7",
      type: "CellValue",
      rule: { operator: "EqualTo", formula1: '="Priority"' },
      fill: "#C6EFCE",
      font: "#006100",
    });
    expect(scoring.frozenRows).toBe(3);

    expect(review.validations[0]).toMatchObject({
      address: "C5:C5",
      rule: { wholeNumber: { operator: "Between", formula1: 0, formula2: 500 } },
      errorAlert: { title: "Certified individuals in the qua" },
    });
    expect(review.conditionalFormats.map((f) => f.rule)).toEqual([
      { operator: "GreaterThanOrEqual", formula1: "5" },
      { operator: "Between", formula1: "1", formula2: "4" },
      { operator: "LessThan", formula1: "1" },
    ]);
    expect(review.settings).toContainEqual({
      address: "A2",
      member: "format.font.size",
      value: 12,
    });
    expect(review.cells.get("D2")).toEqual({ formula: "=COUNTA(tblReview[Partner])" });
    expect(review.frozenRows).toBe(0);
    expect(excel.table("tblReview")).toMatchObject({ address: "B4:C5" });
    expect(excel.activeSheet).toBe(SCORING_SHEET);
  });

  test("header notes are written only where Excel has notes (ExcelApi 1.18)", async () => {
    const without = new RecordingExcel();
    await applyPlan(without.context, program(sample));
    const withNotes = new RecordingExcel();
    await applyPlan(withNotes.context, program(sample), { ...NO_OPTIONAL_FEATURES, notes: true });

    expect(without.sheet(SCORING_SHEET).notes.size).toBe(0);
    expect(withNotes.sheet(SCORING_SHEET).notes.get("H3")).toMatch(
      /^Weighted attractiveness score/
    );
  });
});

describe("applyPlan: the user's data is never lost", () => {
  const userScoring = {
    name: "scoring",
    cells: {
      A1: "My own ratings",
      B2: 42,
      C2: "=B2*2",
      A3: "Partner",
      B3: "Rating",
      A4: "Acme",
      B4: 7,
    },
    tables: [{ name: "tblMine", address: "A3:B4" }],
  };

  test("an existing sheet (same name, any case) is left byte for byte and reported as kept", async () => {
    const excel = new RecordingExcel([userScoring]);
    const before = excel.snapshot("scoring");
    const report = await applyPlan(excel.context, {
      sheets: [scoringSheetPlan(generatePartners(10), "portable"), REVIEW],
    });

    expect(report).toMatchObject({ created: ["Review"], kept: [SCORING_SHEET] });
    expect(excel.snapshot("scoring")).toBe(before);
    expect(excel.operations.filter((o) => o.target.toLowerCase().startsWith("scoring"))).toEqual(
      []
    );
    expect(excel.sheets.map((s) => s.name)).toEqual(["scoring", "Review"]);
  });

  test("a table whose name is taken elsewhere is not added again; the rest of the sheet is", async () => {
    const excel = new RecordingExcel([
      {
        name: "My scores",
        cells: { A1: "Partner" },
        tables: [{ name: "TBLSCORING", address: "A1:A2" }],
      },
    ]);
    const before = excel.snapshot("My scores");
    const report = await applyPlan(excel.context, program(generatePartners(10)));

    expect(report.created).toEqual([SCORING_SHEET]);
    expect(excel.snapshot("My scores")).toBe(before);
    expect(excel.tables.map((t) => [t.name, t.sheet])).toEqual([
      ["TBLSCORING", "My scores"],
      [TBL_WEIGHTS, SCORING_SHEET],
    ]);
    expect(excel.cell(SCORING_SHEET, "A4")).toBeUndefined();
  });

  test("running twice changes nothing the second time", async () => {
    const excel = new RecordingExcel();
    const plan = { sheets: [scoringSheetPlan(generatePartners(10), "portable"), REVIEW] };
    await applyPlan(excel.context, plan);
    const before = excel.sheets.map((s) => excel.snapshot(s.name));
    const operationsBefore = excel.operations.length;
    const second = await applyPlan(excel.context, plan);

    expect(second).toMatchObject({ created: [], kept: [SCORING_SHEET, "Review"], syncs: 1 });
    expect(excel.sheets.map((s) => excel.snapshot(s.name))).toEqual(before);
    expect(excel.operations.slice(operationsBefore).map((o) => o.member)).toEqual([
      "worksheets.load",
      "tables.load",
    ]);
  });

  test("a malformed plan is refused before anything is written", async () => {
    const excel = new RecordingExcel();
    const good = scoringSheetPlan(generatePartners(3), "portable");
    const short = { ...good.tables[0]!, rows: [["Acme", "GSI"]] };
    await expect(
      applyPlan(excel.context, { sheets: [{ ...good, tables: [short] }] })
    ).rejects.toThrow("tblScoring: row 1 has 2 cells for 9 columns.");
    const comma = {
      ...REVIEW.tables[0]!,
      columns: [
        {
          header: "Tier",
          width: 9,
          validation: { kind: "list", values: ["A", "B, C"], message: "" },
        } as const,
      ],
    };
    await expect(
      applyPlan(excel.context, { sheets: [{ ...REVIEW, tables: [comma] }] })
    ).rejects.toThrow('tblReview[Tier]: the list value "B, C" contains a comma');
    expect(excel.syncs).toBe(2);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("runInExcel", () => {
  const everything: Supports = () => true;
  const nothing: Supports = () => false;

  test("with recent Excel: one undo group, calculation and repainting suspended in every write request", async () => {
    const excel = new RecordingExcel();
    const report = await runInExcel(program(generatePartners(10_000)), excel.run, everything);

    expect(excel.runOptions).toEqual([{ mergeUndoGroup: true }]);
    expect(report.created).toEqual([SCORING_SHEET]);
    for (let request = 1; request < excel.syncs; request++) {
      expect(
        allOps(excel, request)
          .slice(0, 2)
          .map((o) => o.member)
      ).toEqual(["suspendApiCalculationUntilNextSync", "suspendScreenUpdatingUntilNextSync"]);
    }
    expect(excel.sheet(SCORING_SHEET).notes.size).toBeGreaterThan(0);
    expect(excel.activeSheet).toBe(SCORING_SHEET);
  });

  test("with older Excel: plain run, nothing optional is called", async () => {
    const excel = new RecordingExcel();
    await runInExcel(program(generatePartners(10)), excel.run, nothing);

    expect(excel.runOptions).toEqual([{}]);
    expect(
      excel.operations.filter((o) => o.target === "application" || o.member === "notes.add")
    ).toEqual([]);
  });

  test("asks for each requirement set it uses", async () => {
    const asked: string[] = [];
    await runInExcel(program(generatePartners(1)), new RecordingExcel().run, (set, version) => {
      asked.push(`${set} ${version}`);
      return false;
    });
    expect(asked.sort()).toEqual([
      "ExcelApi 1.18",
      "ExcelApi 1.20",
      "ExcelApi 1.6",
      "ExcelApi 1.7",
      "ExcelApi 1.9",
    ]);
  });

  test("an Excel error becomes a HostError that says what to do", async () => {
    const excel = new RecordingExcel();
    excel.failOnSync(1, "InvalidOperationInCellEditMode");
    const failure = runInExcel(program(generatePartners(10)), excel.run, nothing);

    await expect(failure).rejects.toBeInstanceOf(HostError);
    await expect(failure).rejects.toMatchObject({
      message: "Finish editing the cell, then try again.",
      code: "InvalidOperationInCellEditMode",
    });
  });

  test("a sheet that Excel refuses to add (protected workbook) is reported in words", async () => {
    const excel = new RecordingExcel();
    excel.failOnSync(2, "AccessDenied");
    await expect(runInExcel(program(generatePartners(10)), excel.run, nothing)).rejects.toThrow(
      /protected or read-only/
    );
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("toHostError", () => {
  test.each([
    ["InvalidOperationInCellEditMode", /^Finish editing the cell, then try again\.$/],
    ["AccessDenied", /protected or read-only.*Unprotect/],
    ["ItemAlreadyExists", /already exists.*Rename it/],
    ["RequestPayloadSizeLimitExceeded", /too large for Excel/],
    ["GeneralException", /close and reopen the workbook/],
    ["InvalidArgument", /^Excel reported an error \(InvalidArgument\): Bad range\. Try again/],
  ])("%s", (code, message) => {
    const error = toHostError(officeError(code, "Bad range"));
    expect(error).toBeInstanceOf(HostError);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  test("errors that are not Excel's keep their message; a HostError passes through", () => {
    expect(toHostError(new TypeError("x is undefined"))).toMatchObject({
      code: "Unknown",
      message: "Something went wrong while changing the workbook: x is undefined",
    });
    const host = new HostError("Already said.", "AccessDenied");
    expect(toHostError(host)).toBe(host);
  });
});

describe("the whole program workbook", () => {
  const TODAY = new Date(Date.UTC(2026, 10, 25));
  const CHARTS: HostFeatures = { ...NO_OPTIONAL_FEATURES, charts: true };
  /** Where a plan's table lands: its sheet and its address. */
  const placed = (plan: WorkbookPlan, name: string) => {
    const sheet = plan.sheets.find((s) => s.tables.some((t) => t.name === name))!;
    const table = sheet.tables.find((t) => t.name === name)!;
    return { sheet: sheet.name, table, ...tableRange(table) };
  };
  /** "Scoring!H3:H31": a column of a plan's table, from `fromRow` (0: the header) to its last row. */
  const columnOf = (plan: WorkbookPlan, name: string, header: string, fromRow: number) => {
    const { sheet, table, first, last } = placed(plan, name);
    const column = first.column + table.columns.findIndex((c) => c.header === header);
    const range = rangeA1({ row: first.row + fromRow, column }, { row: last.row, column });
    return `${/^\w+$/.test(sheet) ? sheet : `'${sheet}'`}!${range}`;
  };

  test("the sample scaffolds every sheet, with its charts and per-row number formats, in at most 3 syncs; a second run changes nothing", async () => {
    const plan = programWorkbookPlan({ data: "sample", mode: "addin", today: TODAY });
    const excel = new RecordingExcel();
    const first = await applyPlan(excel.context, plan, CHARTS);
    expect(first.created).toEqual(plan.sheets.map((s) => s.name));
    // The Attribution sheet comes right after the Tier Review, with its quarters' and its years' tables.
    const review = first.created.indexOf(TIER_REVIEW_SHEET);
    expect(first.created.slice(review, review + 2)).toEqual([TIER_REVIEW_SHEET, ATTRIBUTION_SHEET]);
    expect(
      excel.tables.filter((t) => t.sheet === ATTRIBUTION_SHEET).map((t) => [t.name, t.address])
    ).toEqual(
      plan.sheets
        .find((s) => s.name === ATTRIBUTION_SHEET)!
        .tables.map((t) => {
          const { first: from, last } = tableRange(t);
          return [t.name, rangeA1(from, last)];
        })
    );
    expect(excel.syncs).toBeLessThanOrEqual(3);
    expect(first.syncs).toBe(excel.syncs);
    expect(excel.largestRequest).toBeLessThan(FOUR_MB);

    // The Dashboard's four charts, each over its own table: the first series makes the chart, the others are
    // added by name with their values, every one labelled by the category column; a target is a line.
    expect(first).toMatchObject({ charts: 4, chartsLeftOut: [] });
    const dashboard = plan.sheets.find((s) => s.name === DASHBOARD_SHEET)!;
    const drawn = excel.sheet(DASHBOARD_SHEET).charts;
    expect(drawn.map((c) => c.type)).toEqual([
      "ColumnClustered",
      "ColumnClustered",
      "ColumnClustered",
      "BarClustered",
    ]);
    for (const [i, chart] of dashboard.charts!.entries()) {
      const end = a1({
        row: chart.at.row + chart.size.rows - 1,
        column: chart.at.column + chart.size.columns - 1,
      });
      const categories = columnOf(plan, chart.table, chart.categoryColumn, 1);
      expect(drawn[i]).toEqual({
        type: chart.kind === "bar" ? "BarClustered" : "ColumnClustered",
        source: columnOf(plan, chart.table, chart.series[0].column, 0),
        seriesBy: "Columns",
        title: chart.title,
        legendVisible: chart.series.length > 1,
        ...(chart.series.length > 1 && { legendPosition: "Bottom" }),
        ...(chart.kind === "bar" && {
          categoryAxis: { reversePlotOrder: true, position: "Maximum" },
        }),
        position: { start: a1(chart.at), end },
        series: chart.series.map((s, n) => ({
          values: columnOf(plan, chart.table, s.column, n === 0 ? 0 : 1),
          categories,
          ...(n > 0 && { name: s.column }),
          ...(s.line === true && { chartType: "Line" }),
        })),
      });
    }
    expect(drawn[2]!.series.map((s) => s.chartType)).toEqual([undefined, undefined, "Line"]);
    // No grid lines on the Dashboard, no filter buttons on its summary tables.
    expect(excel.sheet(DASHBOARD_SHEET).gridlines).toBe(false);
    expect(excel.sheet(SETTINGS_SHEET).gridlines).toBeUndefined();
    const dashTables = dashboard.tables.map((t) => t.name);
    expect(
      excel.tables.filter((t) => dashTables.includes(t.name)).map((t) => t.showFilterButton)
    ).toEqual(dashTables.map(() => false));
    expect(excel.tables.find((t) => t.name === TBL_SETTINGS)!.showFilterButton).toBeUndefined();
    // Charts go in the last request, with the activation of the first sheet.
    const chartRequests = new Set(
      excel.operations.filter((o) => o.member === "charts.add").map((o) => o.request)
    );
    expect([...chartRequests]).toEqual([excel.syncs - 1]);

    // tblSettings' Value column: money, percentages, whole numbers and text, one format per row.
    const settings = placed(plan, TBL_SETTINGS);
    const value = settings.table.columns.findIndex((c) => c.header === "Value");
    const valueCells = columnOf(plan, TBL_SETTINGS, "Value", 1).split("!")[1];
    expect(excel.sheet(SETTINGS_SHEET).settings).toContainEqual({
      address: valueCells,
      member: "numberFormat",
      value: settings.table.columns[value]!.rowNumberFormats!.map((f) => [f ?? "General"]),
    });
    const formats = excel
      .sheet(SETTINGS_SHEET)
      .settings.find((s) => s.address === valueCells && s.member === "numberFormat")!
      .value as string[][];
    const formatOf = (label: string) =>
      formats[settings.table.rows.findIndex((r) => r[0] === label)]![0];
    expect(formatOf("Current ARR")).toMatch(/\$/);
    expect(formatOf("Partner Share of ARR")).toMatch(/%/);
    expect(formatOf("Company")).toBe("General");
    expect(formats).toHaveLength(SETTING_FIELDS.length);

    const snapshot = (): string => JSON.stringify(excel.sheets.map((s) => excel.snapshot(s.name)));
    const grid = snapshot();
    expect(grid).toContain("PS.PARTNERSCORE");

    const second = await applyPlan(excel.context, plan, CHARTS);
    expect(second).toMatchObject({
      created: [],
      kept: plan.sheets.map((s) => s.name),
      syncs: 1,
      charts: 0,
    });
    expect(snapshot()).toBe(grid);
  });

  test("10,000 partners: every request under 4 MB, syncs ≤ 2 + ⌈bytes / 4 MB⌉, four charts", async () => {
    const partners = generatePartners(10_000);
    const plan = programWorkbookPlan({ data: "sample", mode: "addin", partners, today: TODAY });
    const excel = new RecordingExcel();
    const report = await runInExcel(plan, excel.run, () => true);
    const sent = excel.requests.reduce((a, b) => a + b, 0);

    expect(excel.largestRequest).toBeLessThan(FOUR_MB);
    expect(report.syncs).toBe(excel.syncs);
    expect(excel.syncs).toBeLessThanOrEqual(2 + Math.ceil(sent / FOUR_MB));
    expect(excel.syncs).toBeLessThanOrEqual(2 + Math.ceil(report.bytes / FOUR_MB));
    expect(report.charts).toBe(4);
  });

  test("a chart over a table the user already has is drawn where that table is; one whose column is gone is left out, saying why", async () => {
    const plan = programWorkbookPlan({ data: "sample", mode: "addin", today: TODAY });
    const moved = new RecordingExcel([
      {
        name: "My checks",
        ranges: [
          {
            address: "C5:E7",
            values: [
              ["Notes", " open ", "CHECK"],
              ["a", 2, "Decisions without Finance input"],
              ["b", 0, "Executive meetings overdue"],
            ],
          },
        ],
        tables: [{ name: TBL_DASH_CHECKS, address: "C5:E7" }],
      },
    ]);
    const report = await applyPlan(moved.context, plan, CHARTS);
    expect(report.charts).toBe(4);
    expect(moved.sheet(DASHBOARD_SHEET).charts[3]).toMatchObject({
      source: "'My checks'!D5:D7",
      series: [{ values: "'My checks'!D5:D7", categories: "'My checks'!E6:E7" }],
    });
    expect(moved.snapshot("My checks")).not.toContain('charts":[{');

    const renamed = new RecordingExcel([
      {
        name: "My checks",
        ranges: [
          {
            address: "A1:B2",
            values: [
              ["Check", "Count"],
              ["Decisions without Finance input", 2],
            ],
          },
        ],
        tables: [{ name: TBL_DASH_CHECKS, address: "A1:B2" }],
      },
    ]);
    const partial = await applyPlan(renamed.context, plan, CHARTS);
    expect(partial.charts).toBe(3);
    expect(partial.chartsLeftOut).toEqual([
      `The chart "${byRuleTitle(plan)}" was left out: ${TBL_DASH_CHECKS} has no Open column.`,
    ]);
    expect(renamed.sheet(DASHBOARD_SHEET).charts.map((c) => c.type)).toEqual([
      "ColumnClustered",
      "ColumnClustered",
      "ColumnClustered",
    ]);
  });

  test("an Excel without ExcelApi 1.7 draws no chart and says so; everything else is the same", async () => {
    const plan = programWorkbookPlan({ data: "sample", mode: "addin", today: TODAY });
    const excel = new RecordingExcel();
    const report = await applyPlan(excel.context, plan);

    expect(report.charts).toBe(0);
    expect(report.chartsLeftOut).toHaveLength(4);
    expect(report.chartsLeftOut[0]).toMatch(
      /^The chart ".+" was left out: this version of Excel cannot draw it/
    );
    expect(excel.sheet(DASHBOARD_SHEET).charts).toEqual([]);
    expect(excel.operations.filter((o) => o.member.startsWith("charts"))).toEqual([]);
    expect(report.created).toEqual(plan.sheets.map((s) => s.name));
  });
});

const byRuleTitle = (plan: WorkbookPlan): string =>
  plan.sheets.find((s) => s.name === DASHBOARD_SHEET)!.charts![3]!.title;
