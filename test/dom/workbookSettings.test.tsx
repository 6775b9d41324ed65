import "@testing-library/jest-dom";
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_PROGRAM_SETTINGS, ProgramSettings } from "../../src/domain/settings";
import { applyPlan } from "../../src/excel/applyPlan";
import { App } from "../../src/taskpane/App";
import { ExcelWorkbookHost } from "../../src/taskpane/excelWorkbookHost";
import { settingsSheetPlan, TBL_SETTINGS } from "../../src/workbook/settingsSheet";
import { TBL_LANDSCAPE } from "../../src/workbook/landscapeSheet";
import { programWorkbookPlan } from "../../src/workbook/programPlan";
import { SCORING_SHEET } from "../../src/workbook/scoringSheet";
import { RecordingExcel } from "../support/recordingExcel";
import { FakeExcelHost } from "./fakeHosts";

/**
 * The task pane in Excel, over the recording fake of Excel.run: what it reads from the open workbook and what it
 * writes into it, sync by sync.
 */

const KESTREL: ProgramSettings = {
  ...DEFAULT_PROGRAM_SETTINGS,
  company: "Kestrel Health Data",
  currentArr: 8_500_000,
  targetArr: 30_000_000,
  partnerShare: 0.35,
  years: 4,
  markets: ["United States", "Nordics", "Australia"],
  programYear: 2028,
};

function renderApp(host: ExcelWorkbookHost | FakeExcelHost) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

const field = (name: string) => screen.getByRole("textbox", { name });
const FROM_WORKBOOK = "The settings below are this workbook's (its Settings sheet).";

/** A workbook that holds a Settings sheet with these settings, as the add-in writes it. */
async function workbookWith(settings: ProgramSettings): Promise<RecordingExcel> {
  const excel = new RecordingExcel();
  await applyPlan(excel.context, { sheets: [settingsSheetPlan(settings)] });
  return excel;
}

describe("task pane in Excel: the workbook's own settings", () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  test("opened in a workbook with tblSettings, the form shows that workbook's settings, read in one sync", async () => {
    const excel = await workbookWith(KESTREL);
    const before = excel.syncs;

    renderApp(new ExcelWorkbookHost(excel.run));

    expect(await screen.findByText(FROM_WORKBOOK)).toBeInTheDocument();
    expect(excel.syncs - before).toBe(1);
    expect(field("Company")).toHaveValue("Kestrel Health Data");
    expect(field("Current ARR")).toHaveValue("$8,500,000");
    expect(field("Partner Share of ARR")).toHaveValue("35%");
    expect(field("Years")).toHaveValue("4");
    expect(field("Markets")).toHaveValue("United States, Nordics, Australia");
    expect(field("Program Year")).toHaveValue("2028");
    for (const input of screen.getAllByRole("textbox")) expect(input).toBeValid();
  });

  test("a workbook without tblSettings: the sample's settings, and nothing said about the workbook", async () => {
    const excel = new RecordingExcel();

    renderApp(new ExcelWorkbookHost(excel.run));

    await screen.findByRole("button", { name: "Create program workbook" });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(excel.syncs).toBe(1);
    expect(excel.table(TBL_SETTINGS)).toBeUndefined();
    expect(field("Company")).toHaveValue(DEFAULT_PROGRAM_SETTINGS.company);
    expect(screen.queryByText(FROM_WORKBOOK)).not.toBeInTheDocument();
  });

  test("settings that do not read are named with their cell, and the form keeps the sample's", async () => {
    const excel = await workbookWith(KESTREL);
    // tblSettings' header is on row 3, its Value column B.
    const yearsRow = settingsSheetPlan(KESTREL).tables[0]!.rows.findIndex((r) => r[0] === "Years");
    const cell = `B${4 + yearsRow}`;
    excel.context.workbook.worksheets.getItem("Settings").getRange(cell).formulas = [["many"]];
    await excel.context.sync();

    renderApp(new ExcelWorkbookHost(excel.run));

    const warning = await screen.findByRole("group", {
      name: "This workbook's settings could not be read",
    });
    expect(warning).toHaveTextContent(`Settings!${cell}: Years "many" is not a whole number`);
    expect(field("Company")).toHaveValue(DEFAULT_PROGRAM_SETTINGS.company);
  });

  test("what the user typed before the workbook answered is kept", async () => {
    const host = new FakeExcelHost();
    renderApp(host);

    await userEvent.clear(field("Company"));
    await userEvent.type(field("Company"), "Typed Co");
    await host.settings.succeed({ kind: "settings", settings: KESTREL });

    expect(field("Company")).toHaveValue("Typed Co");
    expect(field("Years")).toHaveValue(String(DEFAULT_PROGRAM_SETTINGS.years));
  });

  test.each([
    ["left off", 0],
    ["ticked", 1],
  ] as const)(
    "Include sample data %s: Create program workbook writes the workbook's settings and the data tables' rows accordingly",
    async (_how, ticks) => {
      const excel = await workbookWith(KESTREL);
      renderApp(new ExcelWorkbookHost(excel.run));
      await screen.findByText(FROM_WORKBOOK);

      const sample = screen.getByRole("checkbox", { name: "Include sample data" });
      expect(sample).not.toBeChecked();
      for (let i = 0; i < ticks; i++) await userEvent.click(sample);
      await userEvent.click(screen.getByRole("button", { name: "Create program workbook" }));
      expect(await screen.findByRole("group", { name: "Done" })).toHaveTextContent(
        // Every sheet of the program but the Settings sheet the workbook already has.
        `Created ${programWorkbookPlan({ mode: "addin", data: "blank" }).sheets.length - 1} sheets`
      );

      // The Settings sheet was already there and is kept; every other sheet is added. Data starts on row 4.
      const partner = excel.cell(SCORING_SHEET, "A4");
      const landscape = excel.table(TBL_LANDSCAPE)!.address;
      if (ticks === 0) {
        expect(partner).toBeUndefined();
        expect(landscape).toMatch(/:N4$/);
      } else {
        expect(partner).toEqual({ value: "Deloitte" });
        expect(landscape).not.toMatch(/:N4$/);
      }
    }
  );
});
