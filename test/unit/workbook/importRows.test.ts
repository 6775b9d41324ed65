import { Scalar } from "../../../src/workbook/plan";
import {
  chooseTarget,
  ExistingTable,
  ImportOutcome,
  planImport,
} from "../../../src/workbook/importRows";
import { scoringRowsFor, unknownPartners } from "../../../src/workbook/importDecision";
import { ImportTarget, importTargets } from "../../../src/workbook/importTargets";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { TableValues } from "../../../src/workbook/readProgram";
import { TableRowEdits } from "../../../src/workbook/tableEdits";

const TARGETS = importTargets(programWorkbookPlan({ mode: "portable", data: "blank" }));
const target = (name: ImportTarget["name"]): ImportTarget => TARGETS.find((t) => t.name === name)!;

const QUARTERLY_HEADER = [
  "Partner",
  "Quarter",
  "Pipeline",
  "Sourced ARR",
  "Influenced ARR",
  "Certified Individuals",
  "Dedicated Practice",
  "Joint GTM Activities",
  "Business Review Held",
  "Recorded Tier",
];
const EMPTY_QUARTERLY: ExistingTable = { header: QUARTERLY_HEADER, rows: [] };

const csv = (header: readonly unknown[], rows: readonly (readonly unknown[])[]): TableValues => ({
  sheet: "export.csv",
  header,
  rows,
  topLeft: { row: 0, column: 0 },
});

function planned(t: ImportTarget, source: TableValues, existing: ExistingTable): ImportOutcome {
  const outcome = planImport(t, source, existing);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

/** The table after the edits, as a host applies them: updates in place, appends below. */
function applied(existing: ExistingTable, edits: TableRowEdits): ExistingTable {
  const rows = existing.rows.map((r) => [...r]);
  const at = (column: string) => existing.header.indexOf(column);
  for (const u of edits.updates) rows[u.dataRow]![at(u.column)] = u.value;
  for (const cells of edits.appends) {
    const row: Scalar[] = existing.header.map(() => null);
    for (const { column, value } of cells) row[at(column)] = value;
    rows.push(row);
  }
  return { header: existing.header, rows };
}

describe("choosing the table an export goes into", () => {
  test.each([
    [["Partner Account", "Fiscal Quarter", "Pipeline Amount", "Owner"], "quarterly"],
    [["account name", "PERIOD", "partner_pipeline"], "quarterly"],
    [["Partner Name", "Partner Type", "Region", "Stage"], "landscape"],
    [["Competitor", "Key Partners", "Last Refreshed"], "competitors"],
    [["Decision ID", "Capability"], "decisions"],
    [["Partner", "Partner Executive", "Cadence"], "executives"],
    [
      [
        "Partner",
        "ICP Client Overlap",
        "Market Influence",
        "Practice Alignment",
        "Partnership Appetite",
        "Revenue Potential",
      ],
      "scoring",
    ],
  ])("%j goes into %s", (header, name) => {
    const chosen = chooseTarget(header, TARGETS);
    expect(chosen).toEqual({ ok: true, value: target(name as ImportTarget["name"]) });
  });

  test("a header that fits two tables names both and asks for --into", () => {
    const header = [
      "Partner",
      "Type",
      "ICP Client Overlap",
      "Market Influence",
      "Practice Alignment",
      "Partnership Appetite",
      "Revenue Potential",
    ];
    const chosen = chooseTarget(header, TARGETS);
    expect(chosen.ok).toBe(false);
    if (!chosen.ok)
      expect(chosen.error).toMatch(/more than one table \(landscape, scoring\).*--into/);
    expect(chooseTarget(header, TARGETS, "scoring")).toEqual({
      ok: true,
      value: target("scoring"),
    });
  });

  test("a header that fits none names the nearest table's missing columns", () => {
    const chosen = chooseTarget(["Partner", "Quarter", "Notes"], TARGETS);
    expect(chosen).toEqual({
      ok: false,
      error: expect.stringMatching(
        /fits none.*tblQuarterly needs the column Pipeline \(or Partner Pipeline/
      ),
    });
  });

  test("--into a table whose required columns are missing says which", () => {
    const chosen = chooseTarget(["Partner", "Pipeline"], TARGETS, "quarterly");
    expect(chosen).toEqual({
      ok: false,
      error: expect.stringMatching(/lacks.*tblQuarterly needs the column Quarter/),
    });
  });
});

describe("importing quarterly rows", () => {
  const quarterly = target("quarterly");

  test("shuffled, aliased headers and extra columns: each value lands in its column, read as the sheet reads it", () => {
    const source = csv(
      [
        "Tier",
        "Notes",
        "fiscal quarter",
        "Partner Account",
        "Pipeline Amount",
        "QBR Held",
        "Certified",
      ],
      [
        ["Gold", "call back", "Q1 2026", "Acme", "$1,250,000", "TRUE", "3"],
        ["silver", "", "2026-03-31", "Birch", 100000, "no", 1],
      ]
    );
    const outcome = planned(quarterly, source, EMPTY_QUARTERLY);
    expect(outcome).toMatchObject({
      added: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      findings: [],
    });
    expect(outcome.edits.appends).toEqual([
      [
        { column: "Recorded Tier", value: "Gold" },
        { column: "Quarter", value: "2026-Q1" },
        { column: "Partner", value: "Acme" },
        { column: "Pipeline", value: 1_250_000 },
        { column: "Business Review Held", value: "Yes" },
        { column: "Certified Individuals", value: 3 },
      ].sort((a, b) => QUARTERLY_HEADER.indexOf(a.column) - QUARTERLY_HEADER.indexOf(b.column)),
      [
        { column: "Partner", value: "Birch" },
        { column: "Quarter", value: "2026-Q1" },
        { column: "Pipeline", value: 100_000 },
        { column: "Certified Individuals", value: 1 },
        { column: "Business Review Held", value: "No" },
        { column: "Recorded Tier", value: "Silver" },
      ],
    ]);
  });

  test("every kind of bad row is rejected with the export's cell, and the good rows are still imported", () => {
    const source = csv(
      ["Partner", "Quarter", "Pipeline", "Certified Individuals", "Recorded Tier"],
      [
        ["Acme", "2026-Q5", 1, 1, "Gold"],
        ["Birch", "2026-Q1", "lots", 1, "Gold"],
        ["Cedar", "2026-Q1", -5, 1, "Gold"],
        ["Dune", "2026-Q1", 5, 1, "Diamond"],
        ["Elm", "2026-Q1", 5, 2.5, "Gold"],
        ["", "2026-Q1", 5, 1, "Gold"],
        ["Fir", "2026-Q1", 5, 1, "Gold"],
        [" fir ", "Q1 2026", 7, 1, "Gold"],
        ['=HYPERLINK("http://x")', "2026-Q1", 5, 1, "Silver"],
        ["", "", "", "", ""],
      ]
    );
    const outcome = planned(quarterly, source, EMPTY_QUARTERLY);
    expect(outcome).toMatchObject({ added: 2, rejected: 7 });
    expect(outcome.findings.map((f) => [f.cell, f.rule, f.severity])).toEqual([
      ["B2", "import.bad-value", "error"],
      ["C3", "import.bad-value", "error"],
      ["C4", "import.bad-value", "error"],
      ["E5", "import.bad-value", "error"],
      ["D6", "import.bad-value", "error"],
      ["A7", "import.missing-key", "error"],
      ["A9", "import.duplicate-key", "error"],
    ]);
    const messages = outcome.findings.map((f) => f.message);
    expect(messages[0]).toMatch(/Quarter: "2026-Q5" is not a quarter/);
    expect(messages[1]).toMatch(/Pipeline: "lots" is not an amount/);
    expect(messages[2]).toMatch(/Pipeline: -5 is negative/);
    expect(messages[3]).toMatch(
      /Recorded Tier: "Diamond" is not one of: Platinum, Gold, Silver, Registered/
    );
    expect(messages[4]).toMatch(/Certified Individuals: 2.5 is not a whole number/);
    expect(messages[6]).toMatch(/repeats the row at A8/);
    // A name that looks like a formula is a name: kept as text.
    expect(outcome.edits.appends[1]).toContainEqual({
      column: "Partner",
      value: '=HYPERLINK("http://x")',
    });
  });

  test("an existing key is updated only in the cells the export names and that differ; a re-import changes nothing", () => {
    const existing: ExistingTable = {
      header: [...QUARTERLY_HEADER, "My Notes"],
      rows: [
        ["Acme", "2026-Q1", 100, 10, 20, 1, "No", 1, "Yes", "Silver", "keep me"],
        ["Birch", "2026-Q1", 500, null, null, 2, "No", 0, "No", "Silver", "mine"],
      ],
    };
    const source = csv(
      ["Partner", "Quarter", "Pipeline", "Recorded Tier"],
      [
        ["ACME", "Q1 2026", 150, "Silver"],
        ["Birch", "2026-Q1", 500, ""],
        ["Cedar", "2026-Q2", 9, "Registered"],
      ]
    );
    const first = planned(quarterly, source, existing);
    expect(first).toMatchObject({ added: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect(first.edits.updates).toEqual([{ dataRow: 0, column: "Pipeline", value: 150 }]);
    const after = applied(existing, first.edits);
    expect(after.rows[0]).toEqual([
      "Acme",
      "2026-Q1",
      150,
      10,
      20,
      1,
      "No",
      1,
      "Yes",
      "Silver",
      "keep me",
    ]);
    expect(after.rows[1]).toEqual(existing.rows[1]);
    const again = planned(quarterly, source, after);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3, rejected: 0 });
  });

  test("an empty table's blank row takes the first new row before the table grows", () => {
    const existing: ExistingTable = {
      header: [...QUARTERLY_HEADER, "Computed"],
      rows: [[null, null, null, null, null, null, null, null, null, null, 0]],
    };
    const source = csv(
      ["Partner", "Quarter", "Pipeline"],
      [
        ["Acme", "2026-Q1", 1],
        ["Birch", "2026-Q1", 2],
      ]
    );
    const outcome = planned(quarterly, source, existing);
    expect(outcome).toMatchObject({ added: 2, updated: 0 });
    expect(outcome.edits.updates).toEqual([
      { dataRow: 0, column: "Partner", value: "Acme" },
      { dataRow: 0, column: "Quarter", value: "2026-Q1" },
      { dataRow: 0, column: "Pipeline", value: 1 },
    ]);
    expect(outcome.edits.appends).toEqual([
      [
        { column: "Partner", value: "Birch" },
        { column: "Quarter", value: "2026-Q1" },
        { column: "Pipeline", value: 2 },
      ],
    ]);
  });

  test("a workbook table without its key column cannot be imported into", () => {
    const result = planImport(
      quarterly,
      csv(["Partner", "Quarter", "Pipeline"], [["Acme", "2026-Q1", 1]]),
      { header: ["Partner", "Pipeline"], rows: [] }
    );
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/tblQuarterly has no Quarter column/),
    });
  });

  test("partners the Landscape does not list are a warning, once each, at their first row", () => {
    const source = csv(
      ["Partner", "Quarter", "Pipeline"],
      [
        ["Acme", "2026-Q1", 1],
        ["Zed", "2026-Q1", 1],
        ["Zed", "2026-Q2", 1],
      ]
    );
    const outcome = planned(quarterly, source, EMPTY_QUARTERLY);
    const landscape: ExistingTable = { header: ["Partner", "Type"], rows: [["acme", "GSI"]] };
    expect(unknownPartners(outcome, "Partner", landscape, "export.csv")).toEqual([
      expect.objectContaining({
        severity: "warning",
        rule: "import.unknown-partner",
        cell: "A3",
        partner: "Zed",
      }),
    ]);
  });
});

describe("importing the landscape", () => {
  test("a new partner gets the playbook's target tier and model for its type where the export gives none", () => {
    const header = ["Partner", "Type", "Target Tier", "Practice", "Geography", "Model", "Status"];
    const existing: ExistingTable = {
      header,
      rows: [["Birch", "Boutique", null, null, null, null, "Active"]],
    };
    const source = csv(
      ["Partner Name", "Partner Type", "Model"],
      [
        ["Acme", "GSI", ""],
        ["Cedar", "Long-tail", "Reseller"],
        ["Birch", "Boutique", ""],
      ]
    );
    const outcome = planned(target("landscape"), source, existing);
    const byColumn = (cells: readonly { column: string; value: unknown }[]) =>
      Object.fromEntries(cells.map((c) => [c.column, c.value]));
    expect(outcome.edits.appends.map(byColumn)).toEqual([
      { Partner: "Acme", Type: "GSI", "Target Tier": "A", Model: "Implementation" },
      { Partner: "Cedar", Type: "Long-tail", "Target Tier": "C", Model: "Reseller" },
    ]);
    // A partner already on the Landscape keeps what the analyst typed, blanks included.
    expect(outcome.edits.updates).toEqual([]);
  });

  test("partners added to the Landscape are added to the Scoring sheet to be rated, once", () => {
    const source = csv(
      ["Partner Name", "Partner Type", "Status"],
      [
        ["Acme", "GSI", "Prospect"],
        ["Birch", "boutique", "Active"],
      ]
    );
    const outcome = planned(target("landscape"), source, {
      header: ["Partner", "Type", "Status"],
      rows: [],
    });
    expect(outcome.added).toBe(2);
    const scoring: ExistingTable = {
      header: ["Partner", "Partner Type", "Score"],
      rows: [["ACME", "GSI", 80]],
    };
    expect(scoringRowsFor(outcome, target("scoring"), scoring)).toEqual({
      added: 1,
      edits: {
        table: "tblScoring",
        updates: [],
        appends: [
          [
            { column: "Partner", value: "Birch" },
            { column: "Partner Type", value: "Boutique" },
          ],
        ],
      },
    });
  });
});
