import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HostError } from "../../src/excel/errors";
import { App } from "../../src/taskpane/App";
import { DEFAULT_WEIGHTS } from "../../src/domain/scoring";
import { ValidationOutcome, WorkbookHost } from "../../src/taskpane/workbookHost";
import { FakeBrowserHost, FakeExcelHost } from "./fakeHosts";
import { announced, openSection } from "./sections";

function renderApp(host: WorkbookHost) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

const PARTNERS = [
  // 74.9 with the playbook's weights; 20% more ICP weight makes it Priority.
  { name: "Northwind", ratings: [98, 72, 65, 60, 55] as const },
  { name: "Harbor", ratings: [70, 80, 75, 70, 70] as const },
];

describe("task pane sections", () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  test("in Excel: Program, Data, Check, Functions, Weights; outside Excel no Data (its files go with the download)", () => {
    renderApp(new FakeExcelHost());
    // Fluent draws each label twice (the bold copy reserves its width): the accessible names are the labels.
    const tabs = () =>
      within(screen.getByRole("tablist", { name: "Sections" }))
        .getAllByRole("tab")
        .map((t) => t.querySelector(".fui-Tab__content")?.textContent);
    expect(tabs()).toEqual(["Program", "Data", "Check", "Functions", "Weights"]);
    expect(screen.getByRole("tab", { name: "Program" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Program" })).toBeInTheDocument();
    document.body.innerHTML = "";

    renderApp(new FakeBrowserHost());
    expect(tabs()).toEqual(["Program", "Check", "Functions", "Weights"]);
  });

  // Arrow keys between the tabs are Fluent's (tabster), checked in Chromium by the end-to-end test.
  test("a tab chosen by keyboard shows its section", async () => {
    renderApp(new FakeExcelHost());
    const user = userEvent.setup();
    screen.getByRole("tab", { name: "Check" }).focus();

    await user.keyboard("{Enter}");

    expect(screen.getByRole("tab", { name: "Check" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("button", { name: "Validate" })).toBeVisible();
  });

  describe("Functions", () => {
    test("lists every PS function with its signature, what it does and an example", async () => {
      renderApp(new FakeBrowserHost());
      await openSection("Functions");

      const list = screen.getByRole("list", { name: "Functions" });
      expect(
        within(list)
          .getAllByRole("heading")
          .map((h) => h.textContent)
      ).toEqual([
        "PS.PARTNERSCORE",
        "PS.PARTNERBAND",
        "PS.TIERQUALIFY",
        "PS.TIERGAP",
        "PS.TIERSTATUS",
        "PS.BUILDPARTNER",
        "PS.PARTNERFEE",
        "PS.RACICHECK",
        "PS.MDFROI",
        "PS.SLAHOURS",
        "PS.SLACOMPLIANCE",
      ]);
      expect(list).toHaveTextContent(
        "PS.PARTNERSCORE(icp, influence, practice, appetite, revenue, [weights])"
      );
      expect(list).toHaveTextContent("Example: =PS.PARTNERSCORE(80,70,60,50,40) shows 65");
      // Outside Excel there is no cell to insert into.
      expect(screen.queryByRole("button", { name: /^Insert/ })).not.toBeInTheDocument();
    });

    test("in Excel, Insert types the example into the selected cell and says where", async () => {
      const host = new FakeExcelHost();
      renderApp(host);
      await openSection("Functions");

      await userEvent.click(screen.getByRole("button", { name: "Insert PS.TIERGAP example" }));
      expect(host.inserts.args).toEqual([["=PS.TIERGAP(350000,2,FALSE)"]]);
      expect(screen.getByRole("button", { name: "Insert PS.PARTNERSCORE example" })).toBeDisabled();
      await host.inserts.succeed({ message: "Inserted =PS.TIERGAP(350000,2,FALSE) in Sheet1!B2." });

      expect(screen.getByRole("group", { name: "Done" })).toHaveTextContent("in Sheet1!B2.");
      expect(announced()).toBe("Done. Inserted =PS.TIERGAP(350000,2,FALSE) in Sheet1!B2.");
    });

    test("a cell being edited: the pane says what to do", async () => {
      const host = new FakeExcelHost();
      renderApp(host);
      await openSection("Functions");

      await userEvent.click(screen.getByRole("button", { name: "Insert PS.PARTNERBAND example" }));
      await host.inserts.fail(
        new HostError("Finish editing the cell, then try again.", "InvalidOperationInCellEditMode")
      );

      expect(screen.getByRole("group", { name: "Could not finish" })).toHaveTextContent(
        "Finish editing the cell, then try again."
      );
    });
  });

  describe("Weights", () => {
    test("reads the workbook's weights when opened, totals them live, warns off 100%, resets to the playbook's", async () => {
      const host = new FakeExcelHost();
      renderApp(host);
      expect(host.scoring.calls).toBe(0);
      await openSection("Weights");
      expect(host.scoring.calls).toBe(1);
      await host.scoring.succeed({ weights: [40, 20, 20, 10, 10], partners: PARTNERS, unrated: 3 });

      const weight = (label: string) => screen.getByRole("textbox", { name: label });
      expect(weight("ICP Client Overlap")).toHaveValue("40");
      expect(screen.getByText("Total: 100%")).toBeInTheDocument();

      await userEvent.clear(weight("Revenue Potential"));
      await userEvent.type(weight("Revenue Potential"), "5");
      expect(screen.getByText("Total: 95%")).toBeInTheDocument();
      expect(screen.getByText(/The weights total 95%, not 100%/)).toBeInTheDocument();

      await userEvent.clear(weight("Market Influence"));
      await userEvent.type(weight("Market Influence"), "lots");
      expect(weight("Market Influence")).toHaveAccessibleDescription(
        "Type a weight from 0 to 100, e.g. 30 (or 30%)."
      );
      expect(screen.getByRole("button", { name: "Apply" })).toBeDisabled();

      await userEvent.click(
        screen.getByRole("button", { name: "Reset to the playbook's 30/25/20/15/10" })
      );
      expect(
        [
          "ICP Client Overlap",
          "Market Influence",
          "Practice Alignment",
          "Partnership Appetite",
          "Revenue Potential",
        ].map((l) => Number((weight(l) as HTMLInputElement).value))
      ).toEqual([...DEFAULT_WEIGHTS]);
      expect(screen.queryByText(/not 100%/)).not.toBeInTheDocument();
      expect(screen.getByText(/3 not fully rated left out/)).toBeInTheDocument();
    });

    test("shows who changes band or place when a weight moves ±20%, and Apply writes the weights", async () => {
      const host = new FakeExcelHost();
      renderApp(host);
      await openSection("Weights");
      await host.scoring.succeed({ weights: DEFAULT_WEIGHTS, partners: PARTNERS, unrated: 0 });

      const moves = within(screen.getByRole("list", { name: "Sensitivity of the weights" }))
        .getAllByRole("listitem")
        .map((li) => li.textContent);
      expect(moves).toHaveLength(10);
      expect(moves[0]).toBe("ICP Client Overlap +20%: Northwind Secondary → Priority");
      expect(moves[1]).toBe("ICP Client Overlap −20%: Northwind #1 → #2; Harbor #2 → #1");

      await userEvent.click(screen.getByRole("button", { name: "Apply" }));
      expect(host.weights.args).toEqual([[[...DEFAULT_WEIGHTS]]]);
      await host.weights.succeed({ message: "Applied the weights 30/25/20/15/10 to tblWeights." });
      expect(screen.getByRole("group", { name: "Done" })).toHaveTextContent("Applied the weights");
    });

    test("outside Excel: the sample's partners, and no Apply", async () => {
      const host = new FakeBrowserHost();
      renderApp(host);
      await openSection("Weights");
      await host.scoring.succeed({ weights: DEFAULT_WEIGHTS, partners: PARTNERS, unrated: 0 });

      expect(screen.getByText(/among the sample company's 2 rated partners/)).toBeInTheDocument();
      expect(screen.queryByRole("button", { name: "Apply" })).not.toBeInTheDocument();
    });
  });

  describe("Check outside Excel", () => {
    const OUTCOME: ValidationOutcome = {
      findings: [
        {
          severity: "error",
          rule: "tier.recorded-mismatch",
          sheet: "quarterly.csv",
          cell: "F3",
          partner: "Harbor",
          quarter: "2026-Q2",
          message: "Harbor 2026-Q2: recorded Gold, expected Silver",
        },
      ],
      actions: [],
      summary: { errors: 1, warnings: 0, info: 0 },
      partners: 1,
    };

    test("a file chosen is validated by the page and its findings shown, listed, not buttons", async () => {
      const host = new FakeBrowserHost();
      renderApp(host);
      await openSection("Check");
      const csv = "Partner,Quarter,Pipeline,Certified,DedicatedPractice,RecordedTier\n";

      await userEvent.upload(
        screen.getByLabelText(/Validate a file/),
        new File([csv], "quarterly.csv", { type: "text/csv" })
      );
      expect(
        screen.getByRole("progressbar", { name: "Validating quarterly.csv…" })
      ).toBeInTheDocument();
      expect(host.validation.args[0]![0].name).toBe("quarterly.csv");
      expect(new TextDecoder().decode(host.validation.args[0]![0].bytes)).toBe(csv);
      await host.validation.succeed(OUTCOME);

      const results = screen.getByRole("region", { name: "Tier validation" });
      expect(
        within(results).getByText("1 error, 0 warnings — 1 partner reviewed")
      ).toBeInTheDocument();
      expect(results).toHaveTextContent("quarterly.csv!F3");
      expect(
        within(results).queryByRole("button", { name: /quarterly\.csv!F3/ })
      ).not.toBeInTheDocument();
      expect(announced()).toBe("Validated: 1 error, 0 warnings — 1 partner reviewed.");
    });

    test("a file that cannot be read says why", async () => {
      const host = new FakeBrowserHost();
      renderApp(host);
      await openSection("Check");

      await userEvent.upload(
        screen.getByLabelText(/Validate a file/),
        new File(["x"], "budget.xlsx")
      );
      await host.validation.fail(
        new HostError(
          "budget.xlsx is not an .xlsx workbook (its content is not a zip archive)",
          "InvalidArgument"
        )
      );

      expect(screen.getByRole("group", { name: "Could not validate" })).toHaveTextContent(
        "budget.xlsx is not an .xlsx workbook"
      );
    });
  });
});
