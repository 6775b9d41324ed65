import { columnLetters } from "../../../src/workbook/address";
import { Finding } from "../../../src/domain/findings";
import { DEFAULT_TIER_RULES, TIER_COLUMNS } from "../../../src/domain/tiers";
import { applyPlan, HostFeatures, NO_OPTIONAL_FEATURES } from "../../../src/excel/applyPlan";
import { HostError } from "../../../src/excel/errors";
import { CellInput } from "../../../src/excel/excelModel";
import {
  ERROR_FILL,
  FINDING_MARK,
  highlightsOf,
  WARNING_FILL,
} from "../../../src/excel/highlights";
import { parseCell, parseRangeAddress } from "../../../src/excel/rangeAddress";
import { Supports } from "../../../src/excel/scaffold";
import {
  NO_PROGRAM_TABLES,
  selectCell,
  TierValidationReport,
  validateInExcel,
  validateTiers,
} from "../../../src/excel/validateTiers";
import { SAMPLE_QUARTERS } from "../../../src/workbook/quarterlySample";
import {
  QUARTERLY_SHEET,
  quarterlySheetPlan,
  TBL_QUARTERLY,
  TBL_TIER_REVIEW,
  TIER_REVIEW_HEADERS,
  TIER_REVIEW_SHEET,
  TIER_REVIEW_TOP_LEFT,
  TIERS_SHEET,
  tiersSheetPlan,
} from "../../../src/workbook/tierSheets";
import { CellContent, parseRange, RecordingExcel, SeedSheet } from "../../support/recordingExcel";
import { quarterlyGrid, quarterlyWorkbook } from "../../support/quarterlyWorkbook";

const FOUR_MB = 4_000_000;
const EXCEL_ON_THE_WEB_LIMIT = 5_000_000;

/** The program workbook as the add-in scaffolds it (Tiers and Quarterly with the sample), plus any other sheets. */
async function sampleWorkbook(others: readonly SeedSheet[] = []): Promise<RecordingExcel> {
  const excel = new RecordingExcel(others);
  await applyPlan(excel.context, {
    sheets: [tiersSheetPlan(DEFAULT_TIER_RULES), quarterlySheetPlan(SAMPLE_QUARTERS)],
  });
  return excel;
}

/** tblQuarterly for 10,000 partners × 12 quarters, generated once: the tests only read it. */
let generatedGrid: CellInput[][] | undefined;
const generatedWorkbook = (): RecordingExcel =>
  quarterlyWorkbook((generatedGrid ??= quarterlyGrid(10_000, 12)));

interface Validation {
  readonly report: TierValidationReport;
  readonly syncs: number;
  readonly requests: number[];
  readonly responses: number[];
  /** Request bytes as the fake measured them. */
  readonly sent: number;
}

/** What a current Excel (Microsoft 365, Excel on the web) supports. */
const CURRENT_EXCEL: HostFeatures = {
  suspendCalculation: true,
  suspendScreenUpdating: true,
  notes: true,
  charts: true,
  rangeAreas: true,
  pageLayout: true,
};

/** Validates and returns what the fake saw of this validation alone. */
async function validate(
  excel: RecordingExcel,
  features = CURRENT_EXCEL,
  onRows?: (read: number, total: number) => void
): Promise<Validation> {
  const before = excel.syncs;
  const report = await validateTiers(excel.context, features, undefined, onRows);
  const requests = excel.requests.slice(before);
  return {
    report,
    syncs: excel.syncs - before,
    requests,
    responses: excel.responses.slice(before),
    sent: requests.reduce((a, b) => a + b, 0),
  };
}

/** Types into cells as a user would (through Excel, so the fake's grid changes as Excel's would). */
async function type(excel: RecordingExcel, sheet: string, address: string, value: CellInput) {
  excel.context.workbook.worksheets.getItem(sheet).getRange(address).formulas = [[value]];
  await excel.context.sync();
}

/** The marks validation should leave: a finding's cell on the Quarterly sheet, red for an error, else amber. */
function expectedFills(findings: readonly Finding[]): Map<string, string> {
  const fills = new Map<string, string>();
  for (const f of findings) {
    if (f.sheet !== QUARTERLY_SHEET || f.severity === "info") continue;
    if (fills.get(f.cell) !== ERROR_FILL)
      fills.set(f.cell, f.severity === "error" ? ERROR_FILL : WARNING_FILL);
  }
  return fills;
}

/** The cells validation marked on a sheet, with their colour: its conditional formats that carry the mark. */
function marks(excel: RecordingExcel, sheet = QUARTERLY_SHEET): Map<string, string> {
  const cells = new Map<string, string>();
  for (const format of excel.sheet(sheet).conditionalFormats) {
    if (format.type !== "Custom" || !format.formula?.includes(FINDING_MARK)) continue;
    for (const area of format.address.split(",")) {
      const box = parseRange(area);
      for (let row = box.top; row <= box.bottom; row++)
        for (let column = box.left; column <= box.right; column++)
          cells.set(`${String.fromCharCode(65 + column)}${row + 1}`, format.fill!);
    }
  }
  return cells;
}

/** tblQuarterly's data rows as validation sees them. */
function bodyOf(excel: RecordingExcel) {
  const box = parseRange(excel.table(TBL_QUARTERLY)!.address);
  return {
    sheet: QUARTERLY_SHEET,
    first: { row: box.top + 1, column: box.left },
    last: { row: box.bottom, column: box.right },
  };
}

const sortedEntries = <T>(map: ReadonlyMap<string, T>) =>
  [...map.entries()].sort(([a], [b]) => a.localeCompare(b));

/** A table's cells, row by row, as the user sees them. */
function grid(excel: RecordingExcel, table: string): (CellContent | undefined)[][] {
  const state = excel.table(table)!;
  const box = parseRange(state.address);
  const cells = excel.sheet(state.sheet).cells;
  const rows: (CellContent | undefined)[][] = [];
  for (let row = box.top; row <= box.bottom; row++) {
    const line: (CellContent | undefined)[] = [];
    for (let column = box.left; column <= box.right; column++)
      line.push(cells.get(`${String.fromCharCode(65 + column)}${row + 1}`));
    rows.push(line);
  }
  return rows;
}

const text = (cell: CellContent | undefined): unknown =>
  cell && "value" in cell ? cell.value : cell?.formula;

/** The Tier Review row of a partner's quarter, as column header → what the cell shows. */
function reviewRow(excel: RecordingExcel, partner: string, quarter: string) {
  const [header, ...rows] = grid(excel, TBL_TIER_REVIEW);
  const row = rows.find((r) => text(r[0]) === partner && text(r[1]) === quarter);
  if (!row) throw new Error(`No Tier Review row for ${partner} ${quarter}.`);
  return Object.fromEntries(header!.map((h, i) => [text(h), text(row[i])]));
}

const summaryOf = (report: TierValidationReport) => ({
  findings: report.findings,
  actions: report.actions,
  summary: report.summary,
  partners: report.partners,
});

describe("validateTiers: syncs and requests", () => {
  test("the sample: one sync reads, one writes the Tier Review and the highlights", async () => {
    const excel = await sampleWorkbook();
    const { report, syncs, requests, responses, sent } = await validate(excel);

    expect(syncs).toBe(2); // DESIGN §5 allows 3.
    expect(report.syncs).toBe(syncs);
    expect(Math.max(...requests)).toBeLessThan(FOUR_MB);
    expect(Math.max(...responses)).toBeLessThan(FOUR_MB);
    expect(report.bytes).toBeGreaterThanOrEqual(sent);
    expect(report.summary.errors).toBeGreaterThan(0);
  });

  /** The first validation of the generated workbook, shared by the tests that compare with it. */
  let firstRun: Promise<{ excel: RecordingExcel; typed: string } & Validation> | undefined;
  const validateTenThousand = () =>
    (firstRun ??= (async () => {
      const excel = generatedWorkbook();
      const typed = excel.contents(QUARTERLY_SHEET);
      return { excel, typed, ...(await validate(excel)) };
    })());

  test("10,000 partners × 12 quarters: every request under 4 MB, syncs ≤ 2 + ⌈bytes / 4 MB⌉", async () => {
    const first = await validateTenThousand();
    const { excel } = first;

    expect(Math.max(...first.requests)).toBeLessThan(FOUR_MB);
    expect(first.syncs).toBeLessThanOrEqual(2 + Math.ceil(first.sent / FOUR_MB));
    expect(first.syncs).toBeLessThanOrEqual(2 + Math.ceil(first.report.bytes / FOUR_MB));
    expect(first.report.syncs).toBe(first.syncs);
    expect(first.report.partners).toBe(10_000);
    // No row of the generated data repeats a partner's quarter: one review row per data row.
    const height = (table: string) => {
      const box = parseRange(excel.table(table)!.address);
      return box.bottom - box.top;
    };
    expect(height(TBL_TIER_REVIEW)).toBe(height(TBL_QUARTERLY));
    expect(sortedEntries(marks(excel))).toEqual(
      sortedEntries(expectedFills(first.report.findings))
    );
    expect(excel.contents(QUARTERLY_SHEET)).toBe(first.typed);

    // Validating again replaces the review in place, within the same budget.
    const second = await validate(excel);
    expect(Math.max(...second.requests)).toBeLessThan(FOUR_MB);
    expect(second.syncs).toBeLessThanOrEqual(2 + Math.ceil(second.sent / FOUR_MB));
    expect(summaryOf(second.report)).toEqual(summaryOf(first.report));
    expect(excel.contents(QUARTERLY_SHEET)).toBe(first.typed);
  });

  test("Excel on the web's 5 MB response limit: tblQuarterly is read in blocks, with the same outcome", async () => {
    const unlimited = await validateTenThousand();
    const excel = generatedWorkbook();
    excel.limitResponses(EXCEL_ON_THE_WEB_LIMIT);
    const heard: [number, number][] = [];
    const limited = await validate(excel, CURRENT_EXCEL, (read, total) =>
      heard.push([read, total])
    );
    // The pane's count: after each block, the rows read so far, up to every row of the table.
    const rows = generatedGrid!.length - 1; // the header row is not a data row
    expect(heard.length).toBeGreaterThan(1);
    expect(heard.map(([read]) => read)).toEqual(
      [...heard.map(([read]) => read)].sort((a, b) => a - b)
    );
    expect(heard.at(-1)).toEqual([rows, rows]);

    expect(unlimited.responses[0]).toBeGreaterThan(EXCEL_ON_THE_WEB_LIMIT);
    expect(summaryOf(limited.report)).toEqual(summaryOf(unlimited.report));
    // The refused read, one for the addresses and headers, then blocks each under the budget.
    expect(limited.responses[0]).toBe(unlimited.responses[0]);
    for (const bytes of limited.responses.slice(1)) expect(bytes).toBeLessThan(FOUR_MB);
    expect(limited.report.syncs).toBe(limited.syncs);
    expect(limited.syncs).toBeLessThanOrEqual(
      4 + Math.ceil((unlimited.responses[0]! + limited.sent) / FOUR_MB)
    );
  });
});

describe("validateTiers: what the user sees", () => {
  test("the Tier Review sheet is created with one row per partner and quarter, each finding on its row", async () => {
    const excel = await sampleWorkbook();
    const { report } = await validate(excel);
    const review = excel.table(TBL_TIER_REVIEW)!;

    expect(review.sheet).toBe(TIER_REVIEW_SHEET);
    expect(parseRangeAddress(`x!${review.address}`).first).toEqual(TIER_REVIEW_TOP_LEFT);
    expect(review.headers).toEqual(TIER_REVIEW_HEADERS);
    expect(grid(excel, TBL_TIER_REVIEW)).toHaveLength(1 + SAMPLE_QUARTERS.length);
    expect(report.partners).toBe(new Set(SAMPLE_QUARTERS.map((q) => q.partner)).size);
    for (const f of report.findings.filter((x) => x.partner && x.quarter)) {
      const row = reviewRow(excel, f.partner!, f.quarter!);
      expect(row.Finding).toContain(f.message.slice(`${f.partner} ${f.quarter}: `.length));
    }
    const mismatch = report.findings.find((f) => f.rule === "tier.recorded-mismatch")!;
    const [, recorded, expected] = /recorded (\w+), expected (\w+)/.exec(mismatch.message)!;
    expect(reviewRow(excel, mismatch.partner!, mismatch.quarter!)).toMatchObject({
      "Recorded Tier": recorded,
      "Expected Tier": expected,
    });
  });

  test("exactly the cells the findings cite are marked, and nothing the user typed changes", async () => {
    const excel = await sampleWorkbook();
    const quarterly = excel.contents(QUARTERLY_SHEET);
    const tiers = excel.snapshot(TIERS_SHEET);
    const { report } = await validate(excel);

    expect(report.findings.some((f) => f.severity === "warning")).toBe(true);
    expect(sortedEntries(marks(excel))).toEqual(sortedEntries(expectedFills(report.findings)));
    expect(report.highlightedCells).toBe(marks(excel).size);
    expect(excel.contents(QUARTERLY_SHEET)).toBe(quarterly);
    expect(excel.snapshot(TIERS_SHEET)).toBe(tiers);
    const onQuarterly = excel.operations.filter((o) => o.target.startsWith(TBL_QUARTERLY));
    expect(new Set(onQuarterly.map((o) => o.member))).toEqual(
      new Set([
        "getItemOrNullObject",
        "load",
        "conditionalFormats.load",
        "conditionalFormats.add",
        "conditionalFormat.custom.rule.formula",
        "conditionalFormat.custom.format.fill.color",
      ])
    );
    // Validation leaves the user where they were.
    expect(excel.activeSheet).toBe(TIERS_SHEET);
  });

  test("after a fix, validating again clears its highlight and rewrites the review in place", async () => {
    const excel = await sampleWorkbook();
    const first = await validate(excel);
    const mismatch = first.report.findings.find(
      (f) => f.rule === "tier.recorded-mismatch" && f.sheet === QUARTERLY_SHEET
    )!;
    const expected = /expected (\w+)/.exec(mismatch.message)![1]!;
    const reviewAddress = excel.table(TBL_TIER_REVIEW)!.address;

    await type(excel, QUARTERLY_SHEET, mismatch.cell, expected);
    const second = await validate(excel);

    expect(second.syncs).toBe(2);
    expect(marks(excel).has(mismatch.cell)).toBe(
      second.report.findings.some((f) => f.cell === mismatch.cell && f.severity !== "info")
    );
    expect(sortedEntries(marks(excel))).toEqual(
      sortedEntries(expectedFills(second.report.findings))
    );
    expect(excel.table(TBL_TIER_REVIEW)!.address).toBe(reviewAddress);
    expect(reviewRow(excel, mismatch.partner!, mismatch.quarter!)["Recorded Tier"]).toBe(expected);
    expect(excel.sheets.filter((s) => s.name === TIER_REVIEW_SHEET)).toHaveLength(1);
  });

  test("an Excel without several-range formats (before ExcelApi 1.9) gets one mark per highlight, on the same cells", async () => {
    const excel = await sampleWorkbook();
    const { report } = await validate(excel, NO_OPTIONAL_FEATURES);
    const formats = excel.sheet(QUARTERLY_SHEET).conditionalFormats;
    expect(formats.every((f) => !f.address.includes(","))).toBe(true);
    expect(formats).toHaveLength(highlightsOf(report.findings, bodyOf(excel)).length);
    expect(sortedEntries(marks(excel))).toEqual(sortedEntries(expectedFills(report.findings)));
    // Upgraded, the next run replaces them with grouped marks.
    await validate(excel);
    expect(sortedEntries(marks(excel))).toEqual(sortedEntries(expectedFills(report.findings)));
    expect(excel.sheet(QUARTERLY_SHEET).conditionalFormats.length).toBeLessThanOrEqual(2);
  });

  test("the user's own fills and conditional formats stay: only the last run's marks are removed", async () => {
    const excel = await sampleWorkbook();
    await validate(excel);
    const box = parseRange(excel.table(TBL_QUARTERLY)!.address);
    const header = `A${box.top + 1}:J${box.top + 1}`;
    const sheet = excel.context.workbook.worksheets.getItem(QUARTERLY_SHEET);
    sheet.getRange(header).format.fill.color = "#DDEBF7";
    const mine = `C${box.top + 2}:C${box.bottom + 1}`;
    sheet.getRange(`A${box.top + 2}`).format.fill.color = "#E2EFDA";
    const rule = sheet.getRange(mine).conditionalFormats.add("Custom");
    rule.custom.rule.formula = "=C5>1000000";
    rule.custom.format.fill.color = "#BDD7EE";
    await excel.context.sync();
    const ownFills = new Map(excel.sheet(QUARTERLY_SHEET).fills);

    const second = await validate(excel);
    await validate(excel);

    expect(excel.sheet(QUARTERLY_SHEET).fills).toEqual(ownFills);
    expect(excel.sheet(QUARTERLY_SHEET).conditionalFormats).toContainEqual(
      expect.objectContaining({ address: mine, type: "Custom", formula: "=C5>1000000" })
    );
    expect(sortedEntries(marks(excel))).toEqual(
      sortedEntries(expectedFills(second.report.findings))
    );
    expect(excel.operations.some((o) => o.member.startsWith("format.fill.clear"))).toBe(false);
  });

  test("a finding on the header row (a missing column) is listed, not filled", async () => {
    const excel = new RecordingExcel([
      {
        name: QUARTERLY_SHEET,
        ranges: [
          {
            address: "A1:B2",
            values: [
              ["Partner", "Quarter"],
              ["Acme", "2026-Q1"],
            ],
          },
        ],
        tables: [{ name: TBL_QUARTERLY, address: "A1:B2" }],
      },
    ]);
    const { report } = await validate(excel);

    expect(report.findings).toContainEqual(
      expect.objectContaining({ severity: "error", sheet: QUARTERLY_SHEET, cell: "A1" })
    );
    expect(report.highlightedCells).toBe(0);
    expect(marks(excel).size).toBe(0);
  });

  test.each([
    ["shrinks", 200],
    ["grows", 3],
  ])(
    "a Tier Review of other rows %s to the new review, moving what sits below it",
    async (_, staleRows) => {
      const fresh = await sampleWorkbook();
      await validate(fresh);
      const last = 3 + staleRows;
      const stale: SeedSheet = {
        name: TIER_REVIEW_SHEET,
        cells: { A1: "Tier Review", [`A${last + 3}`]: "My note below the review" },
        ranges: [
          {
            address: `A3:${columnLetters(TIER_REVIEW_HEADERS.length - 1)}${last}`,
            values: [
              [...TIER_REVIEW_HEADERS],
              ...Array.from({ length: staleRows }, (_, i) =>
                TIER_REVIEW_HEADERS.map(() => `old ${i}`)
              ),
            ],
          },
        ],
        tables: [
          {
            name: TBL_TIER_REVIEW,
            address: `A3:${columnLetters(TIER_REVIEW_HEADERS.length - 1)}${last}`,
          },
        ],
      };
      const excel = await sampleWorkbook([stale]);
      const { syncs } = await validate(excel);
      const rows = SAMPLE_QUARTERS.length;

      expect(syncs).toBe(2);
      expect(grid(excel, TBL_TIER_REVIEW)).toEqual(grid(fresh, TBL_TIER_REVIEW));
      expect(excel.table(TBL_TIER_REVIEW)!.address).toBe(
        `A3:${columnLetters(TIER_REVIEW_HEADERS.length - 1)}${3 + rows}`
      );
      const cells = [...excel.sheet(TIER_REVIEW_SHEET).cells.values()].map(text);
      expect(cells.filter((v) => typeof v === "string" && v.startsWith("old "))).toEqual([]);
      expect(excel.cell(TIER_REVIEW_SHEET, `A${3 + rows + 3}`)).toEqual({
        value: "My note below the review",
      });
    }
  );

  test("tblTiers is read: a bad criterion is a finding on its own cell, which is not highlighted", async () => {
    const excel = await sampleWorkbook();
    const tiers = excel.table("tblTiers")!;
    const box = parseRange(tiers.address);
    const column = tiers.headers.indexOf(TIER_COLUMNS.pipelineTarget);
    const cell = `${String.fromCharCode(65 + box.left + column)}${box.top + 3}`;
    await type(excel, TIERS_SHEET, cell, "lots");
    const { report } = await validate(excel);

    expect(report.findings).toContainEqual(
      expect.objectContaining({
        sheet: TIERS_SHEET,
        cell,
        message: expect.stringContaining('"lots"'),
      })
    );
    expect(marks(excel, TIERS_SHEET).size).toBe(0);
  });
});

describe("validateTiers: a workbook it cannot validate", () => {
  test("none of the program's tables: a HostError that says what to do, and nothing is written", async () => {
    const excel = new RecordingExcel([{ name: "Data", cells: { A1: "Partner" } }]);
    const before = excel.snapshot("Data");

    await expect(validateTiers(excel.context)).rejects.toEqual(
      new HostError(NO_PROGRAM_TABLES, "ItemNotFound")
    );
    expect(NO_PROGRAM_TABLES).toBe(
      "This workbook has none of the program's tables (tblQuarterly, tblLandscape, tblOKRs…): create the program workbook first (or name your quarterly data table tblQuarterly)."
    );
    expect(excel.syncs).toBe(1);
    expect(excel.snapshot("Data")).toBe(before);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Data"]);
  });

  test("a Tier Review sheet without tblTierReview is not written over", async () => {
    const excel = await sampleWorkbook([{ name: "tier review", cells: { A1: "My own review" } }]);
    const before = excel.snapshot("tier review");

    await expect(validateTiers(excel.context)).rejects.toThrow(
      "The Tier Review sheet has no tblTierReview table to hold the review. Rename or delete that sheet, then validate again."
    );
    expect(excel.snapshot("tier review")).toBe(before);
    expect(marks(excel).size).toBe(0);
  });

  test("a tblTierReview with other columns is not written over", async () => {
    const excel = await sampleWorkbook([
      {
        name: "Notes",
        ranges: [
          {
            address: "B2:C3",
            values: [
              ["Partner", "Comment"],
              ["Acme", "ok"],
            ],
          },
        ],
        tables: [{ name: TBL_TIER_REVIEW, address: "B2:C3" }],
      },
    ]);
    const before = excel.snapshot("Notes");

    await expect(validateTiers(excel.context)).rejects.toThrow(
      /^tblTierReview on the Notes sheet does not have the review's columns \(Partner, Quarter, .*\)\. It is written by validation: delete it/
    );
    expect(excel.snapshot("Notes")).toBe(before);
  });
});

describe("validateInExcel", () => {
  const everything: Supports = () => true;

  test("one undo group, calculation and repainting suspended in every write request", async () => {
    const excel = await sampleWorkbook();
    const before = excel.syncs;
    const report = await validateInExcel(excel.run, everything);

    expect(excel.runOptions).toEqual([{ mergeUndoGroup: true }]);
    expect(report.syncs).toBe(2);
    const write = excel.operations.filter((o) => o.request === before + 1).map((o) => o.member);
    expect(write.slice(0, 2)).toEqual([
      "suspendApiCalculationUntilNextSync",
      "suspendScreenUpdatingUntilNextSync",
    ]);
  });

  test("Excel's errors and the validator's own come back as HostErrors", async () => {
    const busy = await sampleWorkbook();
    busy.failOnSync(busy.syncs + 1, "InvalidOperationInCellEditMode");
    await expect(validateInExcel(busy.run, () => false)).rejects.toMatchObject({
      name: "HostError",
      message: "Finish editing the cell, then try again.",
    });
    await expect(validateInExcel(new RecordingExcel().run, () => false)).rejects.toMatchObject({
      name: "HostError",
      message: NO_PROGRAM_TABLES,
    });
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const excel = await sampleWorkbook();
    const before = excel.syncs;
    await selectCell(QUARTERLY_SHEET, "J41", excel.run);

    expect(excel.syncs - before).toBe(1);
    expect(excel.activeSheet).toBe(QUARTERLY_SHEET);
    expect(excel.selection).toEqual({ sheet: QUARTERLY_SHEET, address: "J41" });
    expect(excel.runOptions).toEqual([{}]);
  });

  test("a sheet that is gone is named in a HostError", async () => {
    const excel = await sampleWorkbook();
    const failure = selectCell("Old data", "C7", excel.run);

    await expect(failure).rejects.toBeInstanceOf(HostError);
    await expect(failure).rejects.toThrow(
      'There is no sheet named "Old data" any more. Validate again to see where the findings are now.'
    );
    expect(excel.selection).toBeUndefined();
  });
});

describe("highlightsOf", () => {
  /** A table's data rows. */
  const table = { sheet: "Quarterly", first: { row: 2, column: 0 }, last: { row: 20, column: 9 } };
  const finding = (cell: string, severity: Finding["severity"], sheet = "Quarterly"): Finding => ({
    severity,
    rule: "r",
    sheet,
    cell,
    message: "m",
  });

  test("adjacent cells of a row with one fill are one range; an error's red beats a warning's amber", () => {
    const highlights = highlightsOf(
      [
        finding("C5", "error"),
        finding("D5", "error"),
        finding("E5", "warning"),
        finding("E5", "error"),
        finding("F5", "warning"),
        finding("C6", "warning"),
        finding("H5", "error"),
      ],
      table
    );
    expect(highlights).toEqual([
      { address: "C5:E5", fill: ERROR_FILL, cells: 3 },
      { address: "F5", fill: WARNING_FILL, cells: 1 },
      { address: "H5", fill: ERROR_FILL, cells: 1 },
      { address: "C6", fill: WARNING_FILL, cells: 1 },
    ]);
  });

  test("info findings, other sheets and cells outside the table are not highlighted", () => {
    expect(
      highlightsOf(
        [
          finding("C5", "info"),
          finding("C5", "error", "Tiers"),
          finding("K5", "error"),
          finding("A2", "error"),
          finding("A22", "warning"),
          finding("not a cell", "error"),
        ],
        table
      )
    ).toEqual([]);
    expect(highlightsOf([finding("A3", "error")], { ...table, sheet: "quarterly" })).toHaveLength(
      1
    );
  });
});

describe("addresses Excel gives", () => {
  test.each([
    ["Quarterly!A3:J90", "Quarterly", "A3", "J90"],
    ["'Tier Review'!A3:K40", "Tier Review", "A3", "K40"],
    ["'O''Brien''s data'!B2", "O'Brien's data", "B2", "B2"],
    ["'Q1!Sales'!$A$1:$AB$1048576", "Q1!Sales", "A1", "AB1048576"],
  ])("%s", (address, sheet, first, last) => {
    expect(parseRangeAddress(address)).toEqual({
      sheet,
      first: parseCell(first),
      last: parseCell(last),
    });
  });

  test("anything else is a programming error, not a user's", () => {
    expect(() => parseRangeAddress("A1:B2")).toThrow("Excel gave an address it never gives: A1:B2");
    expect(parseCell("A0")).toBeUndefined();
    expect(parseCell("AB12")).toEqual({ row: 11, column: 27 });
  });
});
