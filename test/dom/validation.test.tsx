import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Finding } from "../../src/domain/findings";
import { TierAction } from "../../src/domain/tiers";
import { HostError } from "../../src/excel/errors";
import { App } from "../../src/taskpane/App";
import { MAX_FINDINGS_SHOWN, NO_FINDINGS } from "../../src/taskpane/FindingsList";
import { UNEXPECTED_FAILURE, ValidationOutcome } from "../../src/taskpane/workbookHost";
import { FakeBrowserHost, FakeExcelHost } from "./fakeHosts";
import { announced, openSection } from "./sections";

function renderApp(host: FakeExcelHost | FakeBrowserHost) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

const validateButton = () => screen.getByRole("button", { name: "Validate" });
/** On the Program section, hidden while the Check section shows. */
const createButton = () =>
  screen.getByRole("button", { name: "Create program workbook", hidden: true });
const findingsPanel = () => screen.getByRole("region", { name: "Findings by rule" });
/** Every finding shown, group after group. */
const findingButtons = () =>
  within(findingsPanel())
    .getAllByRole("list")
    .flatMap((list) => within(list).getAllByRole("button"));
const groupHeadings = () =>
  within(findingsPanel())
    .getAllByRole("heading", { level: 3 })
    .map((h) => h.textContent);

const finding = (f: Partial<Finding> & Pick<Finding, "severity" | "cell">): Finding => ({
  rule: "tier.recorded-mismatch",
  sheet: "Quarterly",
  message: "m",
  ...f,
});

/** As the host returns them, not in the order the pane shows them. */
const FINDINGS: Finding[] = [
  finding({
    severity: "warning",
    rule: "commitment.qbr",
    cell: "I74",
    partner: "Copperleaf",
    quarter: "2026-Q3",
    message: "Copperleaf 2026-Q3: no business review held in 2026-Q2 to 2026-Q3",
  }),
  finding({
    severity: "info",
    rule: "tier.rejoined",
    cell: "J80",
    partner: "Saltmarsh",
    quarter: "2026-Q1",
    message: "Saltmarsh 2026-Q1: recorded Registered: a new partnership from 2026-Q1",
  }),
  finding({
    severity: "error",
    cell: "J41",
    partner: "Quarry Point",
    quarter: "2026-Q1",
    message: "Quarry Point 2026-Q1: recorded Gold, expected Silver",
  }),
  finding({
    severity: "error",
    rule: "tier-rules.value",
    sheet: "Tiers",
    cell: "B5",
    message: 'Pipeline Target "lots" is not an amount',
  }),
  finding({
    severity: "error",
    cell: "J34",
    partner: "PwC",
    quarter: "2026-Q2",
    message: "PwC 2026-Q2: recorded Platinum, expected Gold",
  }),
];

const action = (partner: string, status: TierAction["status"]): TierAction => ({
  partner,
  tier: "Gold",
  status,
});

const OUTCOME: ValidationOutcome = {
  findings: FINDINGS,
  actions: [
    action("Accenture", { kind: "hold" }),
    action("Kestrel", { kind: "promote", to: "Platinum" }),
    action("Northwind", { kind: "warning" }),
    action("Infosys", { kind: "demote", to: "Silver" }),
    action("Deloitte", { kind: "hold" }),
    action("Pinecrest", { kind: "exit" }),
  ],
  summary: { errors: 3, warnings: 1, info: 1 },
  partners: 12,
};

async function validated(outcome: ValidationOutcome = OUTCOME): Promise<FakeExcelHost> {
  const host = new FakeExcelHost();
  renderApp(host);
  await openSection("Check");
  await userEvent.click(validateButton());
  await host.validation.succeed(outcome);
  return host;
}

describe("task pane: validate tiers", () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  test("in Excel the Check section validates the workbook; outside Excel it validates a file", async () => {
    renderApp(new FakeExcelHost());
    expect(screen.queryByRole("button", { name: "Validate" })).not.toBeInTheDocument();
    await openSection("Check");
    expect(validateButton()).toBeEnabled();
    document.body.innerHTML = "";

    renderApp(new FakeBrowserHost());
    await openSection("Check");
    expect(screen.queryByRole("button", { name: "Validate" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Validate a file…" })).toBeEnabled();
  });

  test("while it runs it shows progress and no other command can start", async () => {
    const host = new FakeExcelHost();
    renderApp(host);
    await openSection("Check");

    await userEvent.click(validateButton());

    expect(screen.getByRole("progressbar", { name: "Checking the program…" })).toBeInTheDocument();
    expect(validateButton()).toBeDisabled();
    expect(createButton()).toBeDisabled();
    await userEvent.click(validateButton());
    expect(host.validation.calls).toBe(1);

    await host.validation.succeed(OUTCOME);

    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(validateButton()).toBeEnabled();
    expect(createButton()).toBeEnabled();
  });

  test("a summary line, then every finding, errors first, each with where it is and what is wrong", async () => {
    await validated();

    expect(
      screen.getByText("3 errors, 1 warning, 1 note — 12 partners reviewed")
    ).toBeInTheDocument();
    expect(findingButtons().map((b) => b.textContent)).toEqual([
      "ErrorQuarterly!J34PwC · 2026-Q2recorded Platinum, expected Gold",
      "ErrorQuarterly!J41Quarry Point · 2026-Q1recorded Gold, expected Silver",
      'ErrorTiers!B5Pipeline Target "lots" is not an amount',
      "WarningQuarterly!I74Copperleaf · 2026-Q3no business review held in 2026-Q2 to 2026-Q3",
      "NoteQuarterly!J80Saltmarsh · 2026-Q1recorded Registered: a new partnership from 2026-Q1",
    ]);
  });

  test("clicking a finding shows its cell", async () => {
    const host = await validated();

    await userEvent.click(screen.getByRole("button", { name: /Quarterly!J41/ }));
    await userEvent.click(screen.getByRole("button", { name: /Tiers!B5/ }));

    expect(host.selected).toEqual(["Quarterly!J41", "Tiers!B5"]);
  });

  test("a cell that cannot be shown says why, and the findings stay", async () => {
    const host = await validated();
    host.selectFailure = new HostError(
      'There is no sheet named "Quarterly" any more. Validate again to see where the findings are now.',
      "ItemNotFound"
    );

    await userEvent.click(screen.getByRole("button", { name: /Quarterly!J34/ }));

    expect(screen.getByRole("group", { name: "Could not show the cell" })).toHaveTextContent(
      'There is no sheet named "Quarterly" any more.'
    );
    expect(findingButtons()).toHaveLength(FINDINGS.length);
  });

  test("no findings: says every recorded tier follows the rules", async () => {
    await validated({ ...OUTCOME, findings: [], summary: { errors: 0, warnings: 0, info: 0 } });

    expect(screen.getByText("0 errors, 0 warnings — 12 partners reviewed")).toBeInTheDocument();
    expect(screen.getByText(NO_FINDINGS)).toBeInTheDocument();
    expect(NO_FINDINGS).toBe("No findings: every recorded tier follows the rules.");
    expect(screen.queryByRole("region", { name: "Findings by rule" })).not.toBeInTheDocument();
  });

  test("what to do with each partner now, the most pressing first; those that hold are counted", async () => {
    await validated();

    const actions = screen.getByRole("list", { name: "Tier actions" });
    expect(
      within(actions)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual([
      "Pinecrest (Gold): Exit",
      "Infosys (Gold): Demote to Silver",
      "Northwind (Gold): Warning",
      "Kestrel (Gold): Promote to Platinum",
    ]);
    expect(screen.getByText("2 partners hold their tier.")).toBeInTheDocument();
  });

  test(`a large program: the first ${MAX_FINDINGS_SHOWN} findings, and where the others are`, async () => {
    const many = Array.from({ length: 1234 }, (_, i) =>
      finding({ severity: "warning", cell: `J${i + 2}`, message: `finding ${i + 1}` })
    );
    await validated({
      ...OUTCOME,
      findings: many,
      summary: { errors: 0, warnings: 1234, info: 0 },
      partners: 10_000,
    });

    expect(
      screen.getByText("0 errors, 1,234 warnings — 10,000 partners reviewed")
    ).toBeInTheDocument();
    expect(findingButtons()).toHaveLength(MAX_FINDINGS_SHOWN);
    expect(
      screen.getByText(
        "Showing the first 200 of 1,234 findings; the Tier Review sheet lists every one on its row."
      )
    ).toBeInTheDocument();
  });

  test("a host error shows the host's message; any other error a plain sentence", async () => {
    const host = new FakeExcelHost();
    renderApp(host);
    await openSection("Check");

    await userEvent.click(validateButton());
    await host.validation.fail(
      new HostError(
        "There is no tblQuarterly table: create the program workbook first (or name your quarterly data table tblQuarterly).",
        "ItemNotFound"
      )
    );

    expect(screen.getByRole("group", { name: "Could not validate" })).toHaveTextContent(
      "There is no tblQuarterly table: create the program workbook first"
    );
    expect(screen.queryByRole("region", { name: "Tier validation" })).not.toBeInTheDocument();

    await userEvent.click(validateButton());
    await host.validation.fail(new TypeError("x is undefined"));

    expect(screen.getByRole("group", { name: "Could not validate" })).toHaveTextContent(
      UNEXPECTED_FAILURE
    );
    expect(document.body).not.toHaveTextContent("x is undefined");
  });

  test("validating again replaces the previous results", async () => {
    const host = await validated();

    await userEvent.click(validateButton());
    expect(screen.queryByRole("region", { name: "Tier validation" })).not.toBeInTheDocument();
    await host.validation.succeed({ ...OUTCOME, findings: FINDINGS.slice(0, 1) });

    expect(screen.getByRole("region", { name: "Tier validation" })).toBeInTheDocument();
    expect(findingButtons()).toHaveLength(1);
  });

  test("groups the findings by rule, errors first, each with its count and the rule's title", async () => {
    const host = new FakeExcelHost();
    render(
      <FluentProvider theme={webLightTheme}>
        <App
          host={host}
          ruleTitle={(id) => (id === "tier.recorded-mismatch" ? "Recorded tier differs" : id)}
        />
      </FluentProvider>
    );
    await openSection("Check");
    await userEvent.click(validateButton());
    await host.validation.succeed(OUTCOME);

    expect(groupHeadings()).toEqual([
      "ErrorRecorded tier differs2",
      "Errortier-rules.value1",
      "Warningcommitment.qbr1",
      "Notetier.rejoined1",
    ]);
    expect(screen.getByRole("list", { name: "Recorded tier differs: errors" })).toBeInTheDocument();
    expect(
      screen.getByText(
        "By sheet: Quarterly 2 errors, 1 warning, 1 note; Tiers 1 error. Sheets not named have no finding."
      )
    ).toBeInTheDocument();
  });

  test("filters by severity and by partner, and says when nothing matches", async () => {
    await validated();
    const user = userEvent.setup();

    await user.selectOptions(screen.getByRole("combobox", { name: "Severity" }), "Warnings");
    expect(findingButtons().map((b) => b.textContent)).toEqual([
      "WarningQuarterly!I74Copperleaf · 2026-Q3no business review held in 2026-Q2 to 2026-Q3",
    ]);

    await user.selectOptions(screen.getByRole("combobox", { name: "Severity" }), "All");
    await user.type(screen.getByRole("textbox", { name: "Partner" }), "quarry");
    expect(findingButtons().map((b) => b.textContent)).toEqual([
      "ErrorQuarterly!J41Quarry Point · 2026-Q1recorded Gold, expected Silver",
    ]);

    await user.type(screen.getByRole("textbox", { name: "Partner" }), "zzz");
    expect(screen.getByText("No finding matches these filters.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy as table" })).toBeDisabled();
  });

  test("Copy as table puts the findings the filters keep on the clipboard, tab-separated under a header", async () => {
    await validated();
    const user = userEvent.setup();
    const writeText = jest.fn<Promise<void>, [string]>(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });

    await user.selectOptions(screen.getByRole("combobox", { name: "Severity" }), "Errors");
    await user.click(screen.getByRole("button", { name: "Copy as table" }));

    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText.mock.calls[0]![0].split("\r\n")).toEqual([
      "Severity\tRule\tRule ID\tSheet\tCell\tPartner\tQuarter\tMessage",
      "Error\tQuarters recorded in another tier than the rules give\ttier.recorded-mismatch\tQuarterly\tJ34\tPwC\t2026-Q2\tPwC 2026-Q2: recorded Platinum, expected Gold",
      "Error\tQuarters recorded in another tier than the rules give\ttier.recorded-mismatch\tQuarterly\tJ41\tQuarry Point\t2026-Q1\tQuarry Point 2026-Q1: recorded Gold, expected Silver",
      'Error\tTier criteria and movement rules that cannot be read (Tiers sheet)\ttier-rules.value\tTiers\tB5\t\t\tPipeline Target "lots" is not an amount',
      "",
    ]);
    expect(
      await within(findingsPanel()).findByText(
        "Copied 3 findings as a table: paste it into a sheet."
      )
    ).toBeInTheDocument();
    expect(announced()).toBe("Copied 3 findings as a table: paste it into a sheet.");
  });

  test("the outcome is announced, and the results take the focus so the keyboard goes on from there", async () => {
    await validated();

    expect(announced()).toBe("Validated: 3 errors, 1 warning, 1 note — 12 partners reviewed.");
    const results = screen.getByRole("region", { name: "Tier validation" });
    expect(results.parentElement).toHaveFocus();
  });
});
