import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HostError } from "../../src/excel/errors";
import { App } from "../../src/taskpane/App";
import { UNEXPECTED_FAILURE, WorkbookHost } from "../../src/taskpane/workbookHost";
import { FakeBrowserHost, FakeExcelHost } from "./fakeHosts";

function renderApp(host: WorkbookHost) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

const createButton = () => screen.getByRole("button", { name: "Create program workbook" });
const downloadButton = () => screen.getByRole("button", { name: "Download workbook (.xlsx)" });

describe("task pane", () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  test("outside Excel it says so and offers the workbook as a download", () => {
    renderApp(new FakeBrowserHost());

    expect(screen.getByRole("heading", { name: "Partner Strategy" })).toBeInTheDocument();
    const notice = screen.getByRole("group", { name: "Outside Excel" });
    expect(notice).toHaveTextContent("This page is open outside Excel.");
    expect(notice).toHaveTextContent("sheets and =PS functions need Excel");
    expect(downloadButton()).toBeEnabled();
    expect(
      screen.queryByRole("button", { name: "Create program workbook" })
    ).not.toBeInTheDocument();
  });

  test("in Excel it offers to create the program workbook, with no outside-Excel notice", () => {
    renderApp(new FakeExcelHost());

    expect(screen.getByRole("heading", { name: "Partner Strategy" })).toBeInTheDocument();
    expect(createButton()).toBeEnabled();
    expect(screen.queryByRole("group", { name: "Outside Excel" })).not.toBeInTheDocument();
    expect(
      screen.queryByRole("button", { name: "Download workbook (.xlsx)" })
    ).not.toBeInTheDocument();
  });

  test("while the workbook is being created it shows progress and the button is disabled", async () => {
    const host = new FakeExcelHost();
    renderApp(host);

    await userEvent.click(createButton());

    expect(
      screen.getByRole("progressbar", { name: "Creating the program workbook…" })
    ).toBeInTheDocument();
    expect(createButton()).toBeDisabled();

    await host.create.succeed({ message: "Created the Scoring sheet with 28 partners." });

    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(createButton()).toBeEnabled();
  });

  test("while a large workbook is written, the bar counts the rows Excel holds", async () => {
    const host = new FakeExcelHost();
    renderApp(host);
    await userEvent.click(createButton());

    const [, , onRows] = host.create.args[0]!;
    await act(async () => onRows!(1_200, 10_000));
    const bar = screen.getByRole("progressbar", { name: "Creating the program workbook…" });
    expect(bar).toHaveAttribute("aria-valuenow", "0.12");
    expect(screen.getByText("1,200 of 10,000 rows written")).toBeInTheDocument();

    await host.create.succeed({ message: "Created 16 sheets." });
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  test("a click while running starts nothing", async () => {
    const host = new FakeBrowserHost();
    renderApp(host);

    await userEvent.click(downloadButton());
    await userEvent.click(downloadButton());

    expect(screen.getByRole("progressbar", { name: "Building the workbook…" })).toBeInTheDocument();
    expect(host.create.calls).toBe(1);
  });

  test("two clicks that land before the button is disabled start one run", () => {
    const host = new FakeExcelHost();
    renderApp(host);

    // Inside one act() React does not re-render between the clicks, as with a fast double click.
    act(() => {
      createButton().click();
      createButton().click();
    });

    expect(host.create.calls).toBe(1);
  });

  test("success shows the host's sentence", async () => {
    const host = new FakeBrowserHost();
    renderApp(host);

    await userEvent.click(downloadButton());
    await host.create.succeed({
      message: "partner-program.xlsx downloaded: the Scoring sheet with 28 partners.",
      lines: [],
      findings: [],
    });

    const done = screen.getByRole("group", { name: "Done" });
    expect(done).toHaveTextContent(
      "partner-program.xlsx downloaded: the Scoring sheet with 28 partners."
    );
    expect(screen.queryByRole("group", { name: "Could not finish" })).not.toBeInTheDocument();
  });

  test("running again replaces the previous outcome", async () => {
    const host = new FakeExcelHost();
    renderApp(host);

    await userEvent.click(createButton());
    await host.create.succeed({ message: "Created the Scoring sheet with 28 partners." });
    await userEvent.click(createButton());

    expect(screen.queryByRole("group", { name: "Done" })).not.toBeInTheDocument();
    await host.create.succeed({
      message: "The Scoring sheet already exists; nothing was changed.",
    });

    expect(screen.getByRole("group", { name: "Done" })).toHaveTextContent(
      "The Scoring sheet already exists; nothing was changed."
    );
    expect(host.create.calls).toBe(2);
  });

  test("a host error shows the host's message", async () => {
    const host = new FakeExcelHost();
    renderApp(host);

    await userEvent.click(createButton());
    await host.create.fail(
      new HostError("Finish editing the cell, then try again.", "InvalidOperationInCellEditMode")
    );

    const failed = screen.getByRole("group", { name: "Could not finish" });
    expect(failed).toHaveTextContent("Finish editing the cell, then try again.");
    expect(screen.queryByRole("group", { name: "Done" })).not.toBeInTheDocument();
    expect(createButton()).toBeEnabled();
  });

  test("any other error shows a plain sentence, never its message or stack trace", async () => {
    const host = new FakeBrowserHost();
    renderApp(host);
    const internal = new TypeError("Cannot read properties of undefined (reading 'addWorksheet')");

    await userEvent.click(downloadButton());
    await host.create.fail(internal);

    const failed = screen.getByRole("group", { name: "Could not finish" });
    expect(within(failed).getByText(UNEXPECTED_FAILURE)).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent("addWorksheet");
    expect(document.body).not.toHaveTextContent("TypeError");
    expect(consoleError).toHaveBeenCalledWith(internal);
  });
});
