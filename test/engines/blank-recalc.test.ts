import { mkdtemp, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { main } from "../../src/cli/main";
import { readSettingsFile } from "../../src/cli/settingsFile";
import { okrEntries } from "../../src/domain/okrs";
import { ProgramSettings } from "../../src/domain/settings";
import { thesisStatement } from "../../src/domain/thesis";
import { attributionYears, quarterLabels } from "../../src/domain/attribution";
import { TBL_ATTRIBUTION, TBL_ATTRIBUTION_YEARS } from "../../src/workbook/attributionSheet";
import { MEASURES, TBL_DASH_SUMMARY } from "../../src/workbook/dashboardSheet";
import { SheetPlan, TablePlan, WorkbookPlan } from "../../src/workbook/plan";
import { programWorkbookPlan } from "../../src/workbook/programPlan";
import { settingsSheetPlan, SETTINGS_SHEET } from "../../src/workbook/settingsSheet";
import { writePlanToBuffer } from "../../src/xlsx/writePlan";
import { describeWithEngine, LIBREOFFICE } from "./engine";
import { recalculate } from "./libreoffice";

// LibreOffice on a busy 2-core machine: one conversion can take a minute.
jest.setTimeout(180_000);

const EXAMPLE = resolve(__dirname, "../../examples/settings.json");

const ERROR_CELL = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#NUM!|#NULL!|#N\/A|Err:\d+)$/;

/** Every cell LibreOffice shows as an error, as "Sheet!R3C4 #N/A". */
const errorsIn = (sheets: Map<string, string[][]>): string[] =>
  [...sheets].flatMap(([sheet, rows]) =>
    rows.flatMap((cells, r) =>
      cells.flatMap((text, c) =>
        ERROR_CELL.test(text) ? [`${sheet}!R${r + 1}C${c + 1} ${text}`] : []
      )
    )
  );

/** A number as the CSV shows it: raw digits, or a percentage for cells formatted as one. */
const number = (text: string): number =>
  text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);

const tableIn = (plan: WorkbookPlan, name: string): { sheet: SheetPlan; table: TablePlan } => {
  for (const sheet of plan.sheets) {
    const table = sheet.tables.find((t) => t.name === name);
    if (table) return { sheet, table };
  }
  throw new Error(`no ${name} in the plan`);
};

/** A table's data rows as LibreOffice shows them, by header. */
function shown(
  sheets: Map<string, string[][]>,
  plan: WorkbookPlan,
  name: string
): Record<string, string>[] {
  const { sheet, table } = tableIn(plan, name);
  const grid = sheets.get(sheet.name)!;
  const { row, column } = table.topLeft;
  const headers = table.columns.map((c) => c.header);
  expect(grid[row]!.slice(column, column + headers.length)).toEqual(headers);
  return table.rows.map((_, r) =>
    Object.fromEntries(headers.map((h, c) => [h, grid[row + 1 + r]?.[column + c] ?? ""]))
  );
}

/** The workbook as written, with its Settings sheet edited afterwards as an analyst would. */
const withSettings = (plan: WorkbookPlan, settings: ProgramSettings): WorkbookPlan => ({
  sheets: plan.sheets.map((s) => (s.name === SETTINGS_SHEET ? settingsSheetPlan(settings) : s)),
});

describeWithEngine(LIBREOFFICE, "a blank program workbook recalculated", () => {
  let dir: string;
  let settings: ProgramSettings;
  let edited: ProgramSettings;
  let plan: WorkbookPlan;
  let written: Map<string, string[][]>;
  let afterEdit: Map<string, string[][]>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ps-blank-recalc-"));
    settings = await readSettingsFile(EXAMPLE);
    edited = { ...settings, partnerShare: 0.5, years: 2, programYear: 2029 };
    plan = programWorkbookPlan({ mode: "portable", data: "blank", settings });

    // The file as a user gets it: through the command line, blank by default.
    const path = join(dir, "mine.xlsx");
    const code = await main(["workbook", "--out", path, "--settings", EXAMPLE], {
      out: () => undefined,
      err: (line) => console.error(line),
    });
    expect(code).toBe(0);
    written = await recalculate(path);

    const editedPath = join(dir, "edited.xlsx");
    await writeFile(editedPath, await writePlanToBuffer(withSettings(plan, edited)));
    afterEdit = await recalculate(editedPath);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("every sheet is there and no cell anywhere shows an error", () => {
    expect([...written.keys()].sort()).toEqual(plan.sheets.map((s) => s.name).sort());
    expect(errorsIn(written)).toEqual([]);
    expect(errorsIn(afterEdit)).toEqual([]);
  });

  test("the data tables' rows to fill in show blanks, their formulas ready", () => {
    const blankRow = (name: string) => shown(written, plan, name)[0]!;
    expect(Object.values(blankRow("tblScoring")).every((text) => text === "")).toBe(true);
    expect(Object.values(blankRow("tblLandscape")).every((text) => text === "")).toBe(true);
    expect(Object.values(blankRow("tblExecutives")).every((text) => text === "")).toBe(true);
    expect(Object.values(blankRow("tblCompetitors")).every((text) => text === "")).toBe(true);
    expect(Object.values(blankRow("tblDecisions")).every((text) => text === "")).toBe(true);
  });

  test("the Attribution sheet lists its quarters and years, ARR 0 and no share until Company ARR is typed", () => {
    const quarters = shown(written, plan, TBL_ATTRIBUTION);
    expect(quarters.map((r) => r.Quarter)).toEqual(quarterLabels(attributionYears(settings)));
    const years = shown(written, plan, TBL_ATTRIBUTION_YEARS);
    expect(years.map((r) => number(r["Program Year"]!))).toEqual(attributionYears(settings));
    for (const row of [...quarters, ...years]) {
      expect(row).toMatchObject({
        "Company ARR": "",
        "Sourced ARR": "0",
        "Influenced ARR": "0",
        "Sourced Share": "",
        "Influenced Share": "",
      });
    }
  });

  test("the Dashboard counts nothing yet: zeros and blanks, targets from the settings", () => {
    const summary = new Map(
      shown(written, plan, TBL_DASH_SUMMARY).map((r) => [r.Measure, r.Value])
    );
    expect(summary.get(MEASURES.latestQuarter)).toBe("");
    expect(summary.get(MEASURES.landscapePartners)).toBe("0");
    expect(summary.get(MEASURES.sourcedArr)).toBe("0");
    // No company ARR for the program year yet: no share, rather than 0%.
    expect(summary.get(MEASURES.sourcedShare)).toBe("");
    expect(summary.get(MEASURES.progress)).toMatch(/^0%?$/);
    expect(summary.get(MEASURES.currentArr)).toBe(String(settings.currentArr));
  });

  test.each([
    ["as written", () => written, () => settings],
    ["after the Settings sheet is edited", () => afterEdit, () => edited],
  ] as const)("%s, the thesis and the OKRs follow the settings", (_when, sheets, of) => {
    const thesis = shown(sheets(), plan, "tblThesis").map((r) => r.Statement);
    expect(thesis.join("\n")).toBe(thesisStatement(of()));

    const okrs = shown(sheets(), plan, "tblOKRs");
    expect(okrs.map((r) => [r.Objective, r["Key Result"], number(r.Target!)])).toEqual(
      okrEntries(of()).map((e) => [e.objective, e.keyResult, e.target])
    );
    expect(sheets().get("OKRs")![0]![0]).toBe(`Partnership OKRs ${of().programYear}`);
  });

  test("a multi-year thesis's first-year OKR says so in words", () => {
    const [first] = shown(written, plan, "tblOKRs");
    expect(first!.Objective).toBe(
      "Establish a world-class partner ecosystem that drives 9% of ARR by the end of 2028 (year 1 of 4 towards 35%)"
    );
    const [edit] = shown(afterEdit, plan, "tblOKRs");
    expect(edit!.Objective).toBe(
      "Establish a world-class partner ecosystem that drives 25% of ARR by the end of 2029 (year 1 of 2 towards 50%)"
    );
  });
});
