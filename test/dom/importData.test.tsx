import "@testing-library/jest-dom";
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { applyPlan } from "../../src/excel/applyPlan";
import { App } from "../../src/taskpane/App";
import { ExcelWorkbookHost } from "../../src/taskpane/excelWorkbookHost";
import { landscapeSheetPlan } from "../../src/workbook/landscapeSheet";
import { quarterlySheetPlan, QUARTERLY_SHEET } from "../../src/workbook/tierSheets";
import { RecordingExcel } from "../support/recordingExcel";
import { openSection } from "./sections";

/**
 * Importing a CRM export from the task pane in Excel: the file picked goes through the real Excel host into the
 * recording fake of Excel.run, and the pane shows what was added and what was rejected, with the file's cells.
 */

const CSV = [
  "Partner Account,Fiscal Quarter,Pipeline Amount,Tier",
  "Acme,Q1 2026,150000,Silver",
  "Acme,Q2 2026,160000,Silver",
  "Birch,2026-Q9,5,Silver",
].join("\n");

async function emptyProgram(): Promise<RecordingExcel> {
  // The fake does not calculate: formula cells read as blank, which is all an import reads of them.
  const excel = new RecordingExcel([], () => "");
  await applyPlan(excel.context, { sheets: [landscapeSheetPlan([]), quarterlySheetPlan([])] });
  return excel;
}

describe("task pane in Excel: Import data", () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  test("a CSV picked is imported into the table its header fits, and the pane says what happened", async () => {
    const excel = await emptyProgram();
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={new ExcelWorkbookHost(excel.run)} />
      </FluentProvider>
    );
    const user = userEvent.setup();
    await openSection("Data");
    const before = excel.syncs;
    await user.upload(
      screen.getByLabelText("CRM export to import"),
      new File([CSV], "crm.csv", { type: "text/csv" })
    );

    const results = await screen.findByText(
      "Quarterly: added 2, updated 0, unchanged 0, rejected 1"
    );
    expect(results).toBeVisible();
    expect(screen.getByText("Imported, some rows rejected")).toBeVisible();
    const findings = screen.getByRole("list", { name: "Findings" });
    expect(within(findings).getByText("crm.csv!B4")).toBeVisible();
    expect(within(findings).getByText(/Quarter: "2026-Q9" is not a quarter/)).toBeVisible();
    // Import findings cite the file's cells, which are not in the workbook: they are not buttons.
    expect(within(findings).queryByRole("button")).toBeNull();

    expect(excel.cell(QUARTERLY_SHEET, "A4")).toEqual({ value: "Acme" });
    expect(excel.cell(QUARTERLY_SHEET, "B5")).toEqual({ value: "2026-Q2" });
    expect(excel.cell(QUARTERLY_SHEET, "C5")).toEqual({ value: 160_000 });
    // One sync reads the tables, one writes (the settings read at start aside).
    expect(excel.syncs - before).toBeLessThanOrEqual(2);
    expect(screen.getByRole("button", { name: "Import data…" })).toBeEnabled();
  });

  test("a file that is not an export says so in words, and the workbook is unchanged", async () => {
    const excel = await emptyProgram();
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={new ExcelWorkbookHost(excel.run)} />
      </FluentProvider>
    );
    const before = excel.contents(QUARTERLY_SHEET);
    await openSection("Data");
    await userEvent
      .setup()
      .upload(
        screen.getByLabelText("CRM export to import"),
        new File(["Name,Amount\nA,1\n"], "budget.csv", { type: "text/csv" })
      );
    expect(await screen.findByText("Could not import")).toBeVisible();
    expect(
      within(screen.getByRole("group", { name: "Could not import" })).getByText(
        /budget\.csv: the header fits none of the tables/
      )
    ).toBeVisible();
    expect(excel.contents(QUARTERLY_SHEET)).toBe(before);
  });
});
