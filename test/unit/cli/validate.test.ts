import { mkdtemp, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { SheetPlan, WorkbookPlan } from "../../../src/workbook/plan";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { SAMPLE_QUARTERS } from "../../../src/workbook/quarterlySample";
import { SAMPLE_PARTNERS } from "../../../src/workbook/sample";
import { HEALTH_RULES } from "../../../src/workbook/healthRules";
import { scoringSheetPlan } from "../../../src/workbook/scoringSheet";
import {
  QUARTERLY_SHEET,
  TBL_QUARTERLY,
  TBL_TIER_RULES,
  TBL_TIERS,
  tierSheets,
  TIER_REVIEW_SHEET,
  TIERS_SHEET,
} from "../../../src/workbook/tierSheets";
import { writePlanToBuffer } from "../../../src/xlsx/writePlan";
import { expectUsageError, run } from "./run";

const FIXTURES = join(__dirname, "../../fixtures/quarterly");
const fixture = (name: string): string => join(FIXTURES, name);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ps-cli-validate-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeTemp(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/**
 * The workbook `npm run demo` writes, with the tier sheets in it whether or not the program plan holds
 * them yet (their wiring into programWorkbookPlan is the program's).
 */
function demoPlan(): WorkbookPlan {
  const program = programWorkbookPlan({ data: "sample", mode: "portable" }).sheets;
  const wired = program.some((s) => s.name === QUARTERLY_SHEET);
  return { sheets: wired ? program : [...program, ...tierSheets("portable", SAMPLE_QUARTERS)] };
}

/** The tier sheets with one table's rows changed. */
function withRows(table: string, rows: (old: readonly (readonly unknown[])[]) => unknown[][]) {
  return tierSheets("portable", SAMPLE_QUARTERS).map((sheet): SheetPlan => ({
    ...sheet,
    tables: sheet.tables.map((t) =>
      t.name === table ? { ...t, rows: rows(t.rows) as typeof t.rows } : t
    ),
  }));
}

async function writeWorkbook(name: string, sheets: readonly SheetPlan[]): Promise<string> {
  return writeTemp(name, await writePlanToBuffer({ sheets }));
}

interface JsonReport {
  findings: Record<string, unknown>[];
  actions: Record<string, unknown>[];
  summary: Record<string, number>;
}

describe("partner-strategy validate, on CSV exports", () => {
  test("a clean export: no findings, each partner's action, exit 0", async () => {
    // UTF-8 with a byte-order mark, CRLF, quoted money, quarter-end dates, extra columns in any order.
    const { code, out, err } = await run("validate", fixture("clean.csv"));
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toEqual([
      "0 errors, 0 warnings, 0 info",
      "",
      "No findings.",
      "",
      "Actions at each partner's latest quarter:",
      "partner                        tier        status",
      "Harbor Lane Consulting         Gold        Hold",
      "Lakeshore Technology Partners  Silver      Promote to Gold",
      "Foxglove Partners, LLP         Registered  Hold",
    ]);
  });

  test("an export with findings: the counts, each finding with its cell, partner and quarter, then actions, exit 1", async () => {
    const { code, out, err } = await run("validate", fixture("findings.csv"));
    expect({ code, err }).toEqual({ code: 1, err: [] });
    expect(out).toEqual([
      "5 errors, 1 warning, 0 info",
      "",
      "severity  cell              partner                      quarter  message",
      "error     findings.csv!F5   Bluefin Treasury Partners    2026-Q3  recorded Gold, expected Silver (missed Gold criteria in 2026-Q1 and 2026-Q2)",
      'error     findings.csv!C8   Alder & Finch Advisory       2026-Q2  pipeline "n/a" is not a number',
      'error     findings.csv!F9   Alder & Finch Advisory       2026-Q3  recorded tier "Diamond" is not a tier (use Platinum, Gold, Silver or Registered, or Exited)',
      "error     findings.csv!B10  Marlow Independent Advisors  2026-Q1  the quarter appears 2 times (B10, B11); none of these rows is used",
      "error     findings.csv!B11  Marlow Independent Advisors  2026-Q1  the quarter appears 2 times (B10, B11); none of these rows is used",
      "warning   findings.csv!B14  Redwood Valley Solutions     2026-Q2  no row for 2026-Q1 (a quarter missing): they count as quarters without pipeline",
      "",
      "Actions at each partner's latest quarter:",
      "partner                    tier        status",
      "Bluefin Treasury Partners  Gold        Demote to Silver",
      "Redwood Valley Solutions   Registered  Hold",
    ]);
  });

  test("--json: exactly one JSON object with findings, actions and summary", async () => {
    const { code, out, err } = await run("validate", "--json", fixture("findings.csv"));
    expect({ code, err }).toEqual({ code: 1, err: [] });
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0]!) as JsonReport;
    expect(Object.keys(report)).toEqual(["findings", "actions", "summary"]);
    expect(report.summary).toEqual({ errors: 5, warnings: 1, info: 0 });
    expect(report.findings[0]).toEqual({
      severity: "error",
      rule: "tier.recorded-mismatch",
      sheet: "findings.csv",
      cell: "F5",
      partner: "Bluefin Treasury Partners",
      quarter: "2026-Q3",
      message:
        "Bluefin Treasury Partners 2026-Q3: recorded Gold, expected Silver (missed Gold criteria in 2026-Q1 and 2026-Q2)",
    });
    expect(report.findings.map((f) => f.cell)).toEqual(["F5", "C8", "F9", "B10", "B11", "B14"]);
    expect(report.actions).toEqual([
      { partner: "Bluefin Treasury Partners", tier: "Gold", status: "Demote to Silver" },
      { partner: "Redwood Valley Solutions", tier: "Registered", status: "Hold" },
    ]);
  });

  test("--json on a clean export: exit 0, no findings", async () => {
    const { code, out } = await run("validate", fixture("clean.csv"), "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out[0]!) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, info: 0 });
  });

  test("semicolons, Windows-1252 and any file name: still a CSV", async () => {
    const text =
      "Partner;Quarter;Pipeline;Certified;Dedicated Practice;Recorded Tier\r\n" +
      "Société Générale Conseil;2026-Q1;150000;3;No;Gold\r\n";
    const bytes = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    const path = await writeTemp("export.txt", bytes);
    const { code, out } = await run("validate", path);
    expect(code).toBe(0);
    expect(out).toContain("Société Générale Conseil  Gold  Hold");
  });

  test.each([
    [
      "missing columns",
      "missing-columns.csv",
      "partner-strategy validate: missing-columns.csv: the header row lacks the columns Certified Individuals (or Certified) and Recorded Tier; no row is validated",
    ],
    ["an empty file", "empty.csv", "partner-strategy validate: empty.csv is empty"],
    [
      "not a CSV",
      "screenshot.png",
      "partner-strategy validate: screenshot.png is not a CSV file: it holds binary data (save the data as CSV UTF-8, or give an .xlsx workbook)",
    ],
  ])("%s: exit 2 with one line naming the reason", async (_, name, line) => {
    await expectUsageError(["validate", fixture(name)], line);
    await expectUsageError(["validate", fixture(name), "--json"], line);
  });

  test("a header without data, an unclosed quote, a missing file: exit 2 with the reason", async () => {
    const headerOnly = await writeTemp("header.csv", "Partner,Quarter,Pipeline\n\n");
    await expectUsageError(
      ["validate", headerOnly],
      "partner-strategy validate: header.csv has no data rows under its header"
    );
    const unclosed = await writeTemp("unclosed.csv", 'Partner,Quarter\n"Acme,2026-Q1\n');
    await expectUsageError(
      ["validate", unclosed],
      "partner-strategy validate: unclosed.csv is not a readable CSV file: Quote Not Closed: the parsing is finished with an opening quote at line 2"
    );
    const missing = join(dir, "nowhere.csv");
    await expectUsageError(
      ["validate", missing],
      `partner-strategy validate: cannot read ${missing}: no such file`
    );
  });
});

describe("partner-strategy validate, on workbooks", () => {
  test("the demo workbook: the sample's findings, tier rules and quality rules, exit 1", async () => {
    const path = await writeWorkbook("partner-program.xlsx", demoPlan().sheets);
    const { code, out: table, err } = await run("validate", path);
    // Columns as wide as their longest cell: compared with single spaces.
    const out = table.map((line) => line.replace(/ {2,}/g, "  "));
    expect({ code, err }).toEqual({ code: 1, err: [] });
    expect(out.slice(0, 3)).toEqual([
      "3 errors, 7 warnings, 0 info",
      "",
      "severity  cell  partner  quarter  message",
    ]);
    for (const line of [
      "error  Quarterly!J34  PwC  2026-Q2  recorded Platinum, expected Gold (missed Platinum criteria in 2025-Q4 and 2026-Q1)",
      "error  Quarterly!J35  PwC  2026-Q3  recorded Platinum, expected Gold (qualified for Gold in 2026-Q2; Gold since the 2026-Q1 review (missed Platinum criteria in 2025-Q4 and 2026-Q1))",
      "error  Quarterly!J41  Quarry Point Analytics  2026-Q1  recorded Gold, expected Silver (qualified above Silver for 1 quarter in a row to 2025-Q4; promotion takes 2; Silver since the tier recorded in 2024-Q4)",
      "warning  Quarterly!I74  Copperleaf Compliance Group  2026-Q3  no business review held in 2026-Q2 to 2026-Q3; Gold commits to one every 2 quarters",
      "warning  Landscape!I21  Saltmarsh Digital is Opportunistic and Exited, but did not come inbound: Opportunistic partners are taken inbound only",
      "warning  'MDF Claims'!G9  Northwind Risk Advisory  MDF-106 claims $18,500, above the $15,000 approved",
    ]) {
      expect(out).toContain(line);
    }
    // One Gold partner's registration waited 12 days: past the SLA, and past Gold's 5 business days.
    expect(
      out.filter((l) =>
        /^warning {2}'Deal Registrations'!E13 {2}Northwind Risk Advisory {2}DR-1010 /.test(l)
      )
    ).toHaveLength(2);
    // Two of the sample's decisions were made more than a quarter ago and are due for review.
    expect(
      out.filter((l) => /^warning {2}Decisions!R\d+ .* was due for its quarterly review/.test(l))
    ).toHaveLength(2);
    expect(out).toContain("PwC  Platinum  Demote to Gold");
    expect(out).toContain("Pinecrest IT Services  Registered  Exit");
  });

  test("--json on the demo workbook agrees with the Tier Review written into it", async () => {
    const path = await writeWorkbook("demo.xlsx", demoPlan().sheets);
    const { code, out } = await run("validate", path, "--json");
    expect(code).toBe(1);
    const report = JSON.parse(out[0]!) as JsonReport;
    const review = demoPlan()
      .sheets.find((s) => s.name === TIER_REVIEW_SHEET)!
      .tables[0]!.rows.filter((r) => r.at(-2) !== null)
      .map((r) => [r[0], r[1]]);
    const tierFindings = report.findings.filter((f) => f.sheet === QUARTERLY_SHEET);
    expect(tierFindings.map((f) => [f.partner, f.quarter])).toEqual(review);
    const kinds = new Set(report.actions.map((a) => String(a.status).split(" ")[0]));
    expect(kinds).toEqual(new Set(["Hold", "Promote", "Warning", "Demote", "Exit"]));
  });

  test("the workbook's tblTiers and tblTierRules are the rules applied, and their findings cite their cells", async () => {
    // Gold asks for $700,000: Copperleaf (about $650,000 a year) now misses it; Exit Window is mistyped.
    const sheets = withRows(TBL_TIERS, (rows) =>
      rows.map((r) => (r[0] === "Gold" ? [r[0], 700_000, ...r.slice(2)] : [...r]))
    ).map((sheet) =>
      sheet.name === TIERS_SHEET
        ? {
            ...sheet,
            tables: sheet.tables.map((t) =>
              t.name === TBL_TIER_RULES
                ? {
                    ...t,
                    rows: t.rows.map((r) =>
                      r[0] === "Exit Window (Quarters)" ? [r[0], "four", r[2]!] : r
                    ),
                  }
                : t
            ),
          }
        : sheet
    );
    const path = await writeWorkbook("edited.xlsx", sheets);
    const { code, out } = await run("validate", path, "--json");
    expect(code).toBe(1);
    const report = JSON.parse(out[0]!) as JsonReport;
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: "tier-rules.bad-value", sheet: "Tiers", cell: "B12" })
    );
    expect(report.actions).toContainEqual({
      partner: "Copperleaf Compliance Group",
      tier: "Gold",
      status: "Demote to Silver",
    });
  });

  test("a workbook with none of the program's tables: exit 2 naming the tables it has", async () => {
    const other: SheetPlan = {
      name: "Other",
      freezeRows: 0,
      cells: [],
      tables: [
        {
          name: "tblOther",
          topLeft: { row: 0, column: 0 },
          columns: [{ header: "Name", width: 10 }],
          rows: [["x"]],
        },
      ],
    };
    await expectUsageError(
      ["validate", await writeWorkbook("other.xlsx", [other])],
      `partner-strategy validate: other.xlsx has none of the program's tables (${TBL_QUARTERLY}, tblLandscape, tblOKRs…; its tables: tblOther): create the program workbook first (partner-strategy workbook --out other.xlsx)`
    );
  });

  test("a workbook with some of the program's tables is checked on those: the Scoring sheet alone", async () => {
    const path = await writeWorkbook("scoring.xlsx", [
      scoringSheetPlan(SAMPLE_PARTNERS, "portable", [30, 25, 20, 15, 5]),
    ]);
    const { code, out } = await run("validate", path, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out[0]!) as JsonReport;
    expect(report.findings.map((f) => [f.rule, f.sheet, f.cell, f.severity])).toEqual([
      ["scoring.weights-total", "Scoring", "L4", "warning"],
    ]);
  });

  test("a tblQuarterly lacking columns or rows: exit 2 with the reason", async () => {
    const quarterly = tierSheets("portable", SAMPLE_QUARTERS).find(
      (s) => s.name === QUARTERLY_SHEET
    )!;
    const table = quarterly.tables[0]!;
    const noTier = {
      ...quarterly,
      tables: [
        {
          ...table,
          columns: table.columns.slice(0, -1),
          rows: table.rows.map((r) => r.slice(0, -1)),
        },
      ],
    };
    await expectUsageError(
      ["validate", await writeWorkbook("no-tier.xlsx", [noTier])],
      "partner-strategy validate: no-tier.xlsx, table tblQuarterly: the header row lacks the column Recorded Tier; no row is validated"
    );
    // No quarterly data yet is a program before its first quarter: nothing to find.
    const empty = { ...quarterly, tables: [{ ...table, rows: [] }] };
    await expect(run("validate", await writeWorkbook("empty.xlsx", [empty]))).resolves.toEqual({
      code: 0,
      err: [],
      out: ["0 errors, 0 warnings, 0 info", "", "No findings."],
    });
  });

  test("a file named .xlsx that is not one, a damaged zip, an .xls: exit 2 with the reason", async () => {
    const csvNamed = await writeTemp("export.xlsx", "Partner,Quarter\nAcme,2026-Q1\n");
    await expectUsageError(
      ["validate", csvNamed],
      "partner-strategy validate: export.xlsx is not an .xlsx workbook (its content is not a zip archive)"
    );
    const damaged = await writeTemp("damaged.xlsx", Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]));
    const { code, out, err } = await run("validate", damaged);
    expect({ code, out }).toEqual({ code: 2, out: [] });
    expect(err).toHaveLength(1);
    expect(err[0]).toBe(
      "partner-strategy validate: damaged.xlsx is a zip archive but not an .xlsx workbook: it has no xl/workbook.xml (another kind of archive, or a damaged workbook)"
    );
    const xls = await writeTemp(
      "old.xls",
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    );
    await expectUsageError(
      ["validate", xls],
      "partner-strategy validate: old.xls is an Excel 97–2003 workbook: save it as .xlsx (or export the data as CSV)"
    );
    // Excel's password-protected .xlsx: an OLE file whose directory names an "EncryptedPackage" stream.
    const encrypted = new Uint8Array(1536);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set(Buffer.from("EncryptedPackage", "utf16le"), 1024 + 128);
    await expectUsageError(
      ["validate", await writeTemp("locked.xlsx", encrypted)],
      "partner-strategy validate: locked.xlsx is password-protected: remove the password in Excel first"
    );
  });
});

describe("partner-strategy validate: the health check's rules", () => {
  test("--rules lists every rule id with its severity, sheet and what it watches; exit 0", async () => {
    const { code, out } = await run("validate", "--rules");
    expect(code).toBe(0);
    expect(out).toHaveLength(HEALTH_RULES.length);
    expect(out[0]).toMatch(
      /^quality\.thesis-before-recruitment +error +Landscape: Partners recruited before the thesis was signed off$/
    );
    expect(out).toContainEqual(expect.stringMatching(/^data\.\* +mixed +Quarterly: /));
  });

  test("--skip leaves a rule, or a family of rules, out of the findings and the counts", async () => {
    const path = await writeWorkbook("demo.xlsx", demoPlan().sheets);
    const rules = async (...args: string[]) => {
      const { out } = await run("validate", path, "--json", ...args);
      const report = JSON.parse(out[0]!) as JsonReport;
      return { rules: new Set(report.findings.map((f) => f.rule)), summary: report.summary };
    };
    const all = await rules();
    expect([...all.rules].sort()).toEqual([
      "commitment.qbr",
      "deal.gold-business-days",
      "deal.sla",
      "mdf.claim-over-approved",
      "quality.decision-review",
      "scoring.opportunistic-inbound",
      "tier.recorded-mismatch",
    ]);
    const skipped = await rules("--skip", "tier.*,quality.decision-review,deal.*,mdf.*");
    expect([...skipped.rules].sort()).toEqual(["commitment.qbr", "scoring.opportunistic-inbound"]);
    expect(skipped.summary).toEqual({ errors: 0, warnings: 2, info: 0 });
    await expectUsageError(
      ["validate", path, "--skip", "tier.recorded-mismatch,no-such-rule"],
      "partner-strategy validate: --skip names no rule: no-such-rule (validate --rules lists every rule id)"
    );
  });

  test("--skip on a CSV leaves its rules out of the findings and the counts", async () => {
    const report = async (...args: string[]) => {
      const { out } = await run("validate", fixture("findings.csv"), "--json", ...args);
      return JSON.parse(out[0]!) as JsonReport;
    };
    const all = await report();
    const skipped = await report("--skip", "quarter.gap,data.*");
    expect(all.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(["quarter.gap", "data.not-a-number"])
    );
    expect(skipped.findings.map((f) => f.rule)).toEqual(
      all.findings
        .map((f) => f.rule)
        .filter((r) => r !== "quarter.gap" && !String(r).startsWith("data."))
    );
    expect(skipped.summary).toEqual({
      errors: all.summary.errors! - 1,
      warnings: all.summary.warnings! - 1,
      info: 0,
    });
  });

  test("--as-of fixes today: the same file gives the same findings whenever it is run", async () => {
    const path = await writeWorkbook("demo.xlsx", demoPlan().sheets);
    const reviews = async (asOf: string) => {
      const { out } = await run("validate", path, "--json", "--as-of", asOf);
      const report = JSON.parse(out[0]!) as JsonReport;
      return report.findings.filter((f) => f.rule === "quality.decision-review").length;
    };
    // The sample's decisions are dated from today: a year ago none was due, a year on all are.
    const now = new Date();
    const shift = (years: number) =>
      `${now.getUTCFullYear() + years}-${String(now.getUTCMonth() + 1).padStart(2, "0")}-01`;
    expect(await reviews(shift(-1))).toBe(0);
    expect(await reviews(shift(1))).toBeGreaterThan(2);
    await expectUsageError(
      ["validate", path, "--as-of", "2026-02-30"],
      'partner-strategy validate: --as-of must be a date written YYYY-MM-DD (2026-12-31), not "2026-02-30"'
    );
  });
});

describe("partner-strategy validate, arguments", () => {
  test.each([
    [[], "partner-strategy validate: missing FILE: the .xlsx or .csv file to validate"],
    [["a.csv", "b.csv"], 'partner-strategy validate: unexpected argument "b.csv"'],
    [["a.csv", "--json=yes"], "partner-strategy validate: --json takes no value"],
    [["a.csv", "--out", "x"], "partner-strategy validate: unknown option --out"],
  ])("%j: exit 2 with one line", async (args, line) => {
    await expectUsageError(["validate", ...args], line);
  });

  test("--help names FILE, the CSV columns and the exit codes", async () => {
    const { code, out } = await run("validate", "--help");
    expect(code).toBe(0);
    expect(out[0]).toBe(
      "Usage: partner-strategy validate FILE [--json] [--limit N] [--errors-only] [--skip RULE[,RULE...]] [--as-of YYYY-MM-DD] [--write] | --rules"
    );
    expect(out[1]).toContain(
      "Partner, Quarter, Pipeline, Certified, DedicatedPractice, RecordedTier"
    );
    expect(out[1]).toContain(
      "Exit code 0 without errors, 1 with errors, 2 when FILE cannot be read."
    );
  });
});
