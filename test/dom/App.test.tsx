import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HostError } from "../../src/excel/errors";
import { App } from "../../src/taskpane/App";
import { HostOutcome, UNEXPECTED_FAILURE, WorkbookHost } from "../../src/taskpane/workbookHost";

/** A host whose command stays pending until the test settles it, so the running state can be observed. */
class FakeHost implements WorkbookHost {
  calls = 0;
  private settle: { resolve: (o: HostOutcome) => void; reject: (e: unknown) => void } | undefined;

  constructor(readonly kind: "excel" | "browser") {}

  createScoringSheet(): Promise<HostOutcome> {
    this.calls += 1;
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  async succeed(message: string): Promise<void> {
    await act(async () => this.settle?.resolve({ message }));
  }

  async fail(error: unknown): Promise<void> {
    await act(async () => this.settle?.reject(error));
  }
}

function renderApp(host: WorkbookHost) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

const createButton = () => screen.getByRole("button", { name: "Create scoring sheet" });
const downloadButton = () => screen.getByRole("button", { name: "Download workbook (.xlsx)" });

describe("task pane", () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  test("outside Excel it says so and offers the workbook as a download", () => {
    renderApp(new FakeHost("browser"));

    expect(screen.getByRole("heading", { name: "Partner Strategy" })).toBeInTheDocument();
    const notice = screen.getByRole("group", { name: "Outside Excel" });
    expect(notice).toHaveTextContent("This page is open outside Excel.");
    expect(notice).toHaveTextContent("sheets and =PS functions need Excel");
    expect(downloadButton()).toBeEnabled();
    expect(screen.queryByRole("button", { name: "Create scoring sheet" })).not.toBeInTheDocument();
  });

  test("in Excel it offers to create the scoring sheet, with no outside-Excel notice", () => {
    renderApp(new FakeHost("excel"));

    expect(screen.getByRole("heading", { name: "Partner Strategy" })).toBeInTheDocument();
    expect(createButton()).toBeEnabled();
    expect(screen.queryByRole("group", { name: "Outside Excel" })).not.toBeInTheDocument();
    expect(
      screen.queryByRole("button", { name: "Download workbook (.xlsx)" })
    ).not.toBeInTheDocument();
  });

  test("while the sheet is being created it shows progress and the button is disabled", async () => {
    const host = new FakeHost("excel");
    renderApp(host);

    await userEvent.click(createButton());

    expect(
      screen.getByRole("progressbar", { name: "Creating the Scoring sheet…" })
    ).toBeInTheDocument();
    expect(createButton()).toBeDisabled();

    await host.succeed("Created the Scoring sheet with 28 partners.");

    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(createButton()).toBeEnabled();
  });

  test("a click while running starts nothing", async () => {
    const host = new FakeHost("browser");
    renderApp(host);

    await userEvent.click(downloadButton());
    await userEvent.click(downloadButton());

    expect(screen.getByRole("progressbar", { name: "Building the workbook…" })).toBeInTheDocument();
    expect(host.calls).toBe(1);
  });

  test("two clicks that land before the button is disabled start one run", () => {
    const host = new FakeHost("excel");
    renderApp(host);

    // Inside one act() React does not re-render between the clicks, as with a fast double click.
    act(() => {
      createButton().click();
      createButton().click();
    });

    expect(host.calls).toBe(1);
  });

  test("success shows the host's sentence", async () => {
    const host = new FakeHost("browser");
    renderApp(host);

    await userEvent.click(downloadButton());
    await host.succeed("partner-program.xlsx downloaded: the Scoring sheet with 28 partners.");

    const done = screen.getByRole("group", { name: "Done" });
    expect(done).toHaveTextContent(
      "partner-program.xlsx downloaded: the Scoring sheet with 28 partners."
    );
    expect(screen.queryByRole("group", { name: "Could not finish" })).not.toBeInTheDocument();
  });

  test("running again replaces the previous outcome", async () => {
    const host = new FakeHost("excel");
    renderApp(host);

    await userEvent.click(createButton());
    await host.succeed("Created the Scoring sheet with 28 partners.");
    await userEvent.click(createButton());

    expect(screen.queryByRole("group", { name: "Done" })).not.toBeInTheDocument();
    await host.succeed("The Scoring sheet already exists; nothing was changed.");

    expect(screen.getByRole("group", { name: "Done" })).toHaveTextContent(
      "The Scoring sheet already exists; nothing was changed."
    );
    expect(host.calls).toBe(2);
  });

  test("a host error shows the host's message", async () => {
    const host = new FakeHost("excel");
    renderApp(host);

    await userEvent.click(createButton());
    await host.fail(
      new HostError("Finish editing the cell, then try again.", "InvalidOperationInCellEditMode")
    );

    const failed = screen.getByRole("group", { name: "Could not finish" });
    expect(failed).toHaveTextContent("Finish editing the cell, then try again.");
    expect(screen.queryByRole("group", { name: "Done" })).not.toBeInTheDocument();
    expect(createButton()).toBeEnabled();
  });

  test("any other error shows a plain sentence, never its message or stack trace", async () => {
    const host = new FakeHost("browser");
    renderApp(host);
    const internal = new TypeError("Cannot read properties of undefined (reading 'addWorksheet')");

    await userEvent.click(downloadButton());
    await host.fail(internal);

    const failed = screen.getByRole("group", { name: "Could not finish" });
    expect(within(failed).getByText(UNEXPECTED_FAILURE)).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent("addWorksheet");
    expect(document.body).not.toHaveTextContent("TypeError");
    expect(consoleError).toHaveBeenCalledWith(internal);
  });
});
