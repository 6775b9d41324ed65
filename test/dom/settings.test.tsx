import "@testing-library/jest-dom";
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_PROGRAM_SETTINGS } from "../../src/domain/settings";
import { HostError } from "../../src/excel/errors";
import { App, CORRECT_SETTINGS } from "../../src/taskpane/App";
import { WorkbookHost } from "../../src/taskpane/workbookHost";
import { FakeBrowserHost, FakeExcelHost } from "./fakeHosts";

function renderApp(host: WorkbookHost) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

const field = (name: string) => screen.getByRole("textbox", { name });
const button = (name: string) => screen.getByRole("button", { name });

async function retype(name: string, text: string) {
  await userEvent.clear(field(name));
  if (text !== "") await userEvent.type(field(name), text);
}

describe("task pane: program settings", () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  test("the form shows the default settings, as the Settings sheet writes them", () => {
    renderApp(new FakeExcelHost());

    expect(screen.getByRole("region", { name: "Program settings" })).toBeInTheDocument();
    expect(field("Company")).toHaveValue("Veridian Cloud");
    expect(field("Current ARR")).toHaveValue("$20,000,000");
    expect(field("Target ARR")).toHaveValue("$60,000,000");
    expect(field("Partner Share of ARR")).toHaveValue("30%");
    expect(field("Years")).toHaveValue("3");
    expect(field("ICP")).toHaveValue(DEFAULT_PROGRAM_SETTINGS.icp);
    expect(field("Markets")).toHaveValue("North America, UK & Ireland, DACH");
    expect(field("Program Year")).toHaveValue("2027");
    for (const input of screen.getAllByRole("textbox")) expect(input).toBeValid();
  });

  test("a value that does not read shows its error beside its field, and what was typed stays", async () => {
    renderApp(new FakeExcelHost());

    await retype("Current ARR", "twenty million");
    await retype("Partner Share of ARR", "30");

    expect(field("Current ARR")).toHaveValue("twenty million");
    expect(field("Current ARR")).toBeInvalid();
    expect(field("Current ARR")).toHaveAccessibleDescription(
      'Current ARR "twenty million" is not an amount of money. For example: 20000000 or $20,000,000.'
    );
    expect(field("Partner Share of ARR")).toHaveValue("30");
    expect(field("Partner Share of ARR")).toHaveAccessibleDescription(
      expect.stringContaining(
        'Partner Share of ARR "30" is outside 0%–100% (type 30% or 0.3, not 30).'
      )
    );
    expect(field("Company")).toBeValid();
    expect(field("Target ARR")).toBeValid();
    expect(screen.getByText(CORRECT_SETTINGS)).toBeInTheDocument();
    expect(button("Create program workbook")).toBeDisabled();
    expect(button("Generate roadmap")).toBeDisabled();
    expect(button("Update settings")).toBeDisabled();
    // Validation, on the Check section, needs no settings.
    expect(screen.getByRole("button", { name: "Validate", hidden: true })).toBeEnabled();

    await retype("Current ARR", "$25,000,000");
    await retype("Partner Share of ARR", "25%");

    expect(field("Current ARR")).toBeValid();
    expect(screen.queryByText(CORRECT_SETTINGS)).not.toBeInTheDocument();
    expect(button("Create program workbook")).toBeEnabled();
  });

  test("a target ARR below the current ARR is an error on Target ARR", async () => {
    renderApp(new FakeExcelHost());

    await retype("Target ARR", "$10,000,000");

    expect(field("Target ARR")).toHaveAccessibleDescription(
      "Target ARR $10,000,000 is below Current ARR $20,000,000. For example: 60000000 or $60,000,000."
    );
    expect(field("Current ARR")).toBeValid();
  });

  test("the other settings wait under More settings, which opens by itself while one of them is wrong", async () => {
    renderApp(new FakeExcelHost());
    const more = button("More settings");

    expect(more).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(more);
    expect(field("North-Star Metric")).toHaveValue(DEFAULT_PROGRAM_SETTINGS.northStar);
    await retype("North-Star Metric", "");
    await retype("Priority Models", "Co-Sell, Franchise");

    await userEvent.click(button("More settings"));

    expect(button("More settings")).toHaveAttribute("aria-expanded", "true");
    expect(field("North-Star Metric")).toHaveAccessibleDescription(
      "North-Star Metric is blank. For example: partner-sourced ARR."
    );
    expect(field("Priority Models")).toHaveValue("Co-Sell, Franchise");
    expect(field("Priority Models")).toHaveAccessibleDescription(
      expect.stringMatching(/^Priority Models: "Franchise" is not a partnership model/)
    );
  });

  test("Create program workbook builds it with the settings of the form", async () => {
    const host = new FakeExcelHost();
    renderApp(host);

    await retype("Company", "Acme Analytics");
    await retype("Program Year", "2028");
    await retype("Markets", "Nordics, Benelux");
    await userEvent.click(button("Create program workbook"));

    expect(
      screen.getByRole("progressbar", { name: "Creating the program workbook…" })
    ).toBeInTheDocument();
    expect(host.create.args).toEqual([
      [
        {
          ...DEFAULT_PROGRAM_SETTINGS,
          company: "Acme Analytics",
          programYear: 2028,
          markets: ["Nordics", "Benelux"],
        },
        "blank",
        expect.any(Function),
      ],
    ]);
  });

  test("Include sample data is off by default; ticked, the workbook is created with the sample", async () => {
    const host = new FakeExcelHost();
    renderApp(host);

    const sample = screen.getByRole("checkbox", { name: "Include sample data" });
    expect(sample).not.toBeChecked();
    await userEvent.click(sample);
    expect(sample).toBeChecked();
    await userEvent.click(button("Create program workbook"));

    expect(host.create.args).toEqual([[DEFAULT_PROGRAM_SETTINGS, "sample", expect.any(Function)]]);
  });

  test("Update settings is offered once a setting is edited, and writes the edited settings alone", async () => {
    const host = new FakeExcelHost();
    renderApp(host);
    expect(button("Update settings")).toBeDisabled();

    await retype("Company", "Acme Analytics");
    await retype("Target ARR", "$90,000,000");
    await userEvent.click(button("Update settings"));

    expect(screen.getByRole("progressbar", { name: "Updating the settings…" })).toBeInTheDocument();
    expect(button("Create program workbook")).toBeDisabled();
    expect(button("Generate roadmap")).toBeDisabled();
    expect(host.update.args).toEqual([[{ company: "Acme Analytics", targetArr: 90_000_000 }]]);

    await host.update.succeed({
      message: "Updated Company and Target ARR in the Settings table.",
    });
    expect(screen.getByRole("group", { name: "Done" })).toHaveTextContent(
      "Updated Company and Target ARR in the Settings table."
    );
  });

  test("Generate roadmap hands the host the settings the user edited, and shows what it did", async () => {
    const host = new FakeExcelHost();
    renderApp(host);

    await userEvent.click(button("Generate roadmap"));
    expect(
      screen.getByRole("progressbar", { name: "Generating the roadmap…" })
    ).toBeInTheDocument();
    // One command at a time across the pane: the Check section's waits too.
    expect(screen.getByRole("button", { name: "Validate", hidden: true })).toBeDisabled();
    await host.roadmap.succeed({ message: "Roadmap for 2027: 19 milestones (3 kept as edited)." });

    expect(screen.getByRole("group", { name: "Done" })).toHaveTextContent(
      "Roadmap for 2027: 19 milestones (3 kept as edited)."
    );

    await retype("Program Year", "2028");
    await userEvent.click(button("Generate roadmap"));
    expect(host.roadmap.args).toEqual([[{}], [{ programYear: 2028 }]]);
    expect(screen.queryByRole("group", { name: "Done" })).not.toBeInTheDocument();
  });

  test("a command that fails says why, and the form keeps what was typed", async () => {
    const host = new FakeExcelHost();
    renderApp(host);

    await retype("Company", "Acme Analytics");
    await userEvent.click(button("Update settings"));
    await host.update.fail(
      new HostError(
        "There is no tblSettings table: create the program workbook first (its Settings sheet holds the settings).",
        "ItemNotFound"
      )
    );

    expect(screen.getByRole("group", { name: "Could not finish" })).toHaveTextContent(
      "There is no tblSettings table: create the program workbook first"
    );
    expect(field("Company")).toHaveValue("Acme Analytics");
    expect(button("Update settings")).toBeEnabled();
  });

  test("outside Excel the same form feeds the download", async () => {
    const host = new FakeBrowserHost();
    renderApp(host);

    await retype("Company", "Acme Analytics");
    await retype("Years", "two");
    expect(button("Download workbook (.xlsx)")).toBeDisabled();
    expect(field("Years")).toHaveAccessibleDescription(
      'Years "two" is not a whole number of years from 1. For example: 3.'
    );

    await retype("Years", "4");
    await userEvent.click(button("Download workbook (.xlsx)"));

    expect(host.create.args).toEqual([
      [{ ...DEFAULT_PROGRAM_SETTINGS, company: "Acme Analytics", years: 4 }, "blank", []],
    ]);
    expect(screen.queryByRole("button", { name: "Update settings" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Generate roadmap" })).not.toBeInTheDocument();
  });

  test("outside Excel the download includes the sample when asked", async () => {
    const host = new FakeBrowserHost();
    renderApp(host);

    const sample = screen.getByRole("checkbox", { name: "Include sample data" });
    expect(sample).not.toBeChecked();
    await userEvent.click(sample);
    await userEvent.click(button("Download workbook (.xlsx)"));

    expect(host.create.args).toEqual([[DEFAULT_PROGRAM_SETTINGS, "sample", []]]);
  });
});
