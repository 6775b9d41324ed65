import { mkdtemp, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { main } from "../../src/cli/main";
import { CHECK_COLUMNS, DASHBOARD_SHEET, MEASURES } from "../../src/workbook/dashboardSheet";
import { DEAL_REGISTRATIONS_SHEET } from "../../src/workbook/dealRegistrationsSheet";
import { MDF_ALLOCATIONS_SHEET } from "../../src/workbook/mdfSheet";
import { TIER_REVIEW_COLUMNS, TIER_REVIEW_SHEET } from "../../src/workbook/tierSheets";
import { describeWithEngine, LIBREOFFICE } from "./engine";
import { recalculate } from "./libreoffice";

const EXAMPLE = resolve(__dirname, "../../examples/settings.json");
const ERROR_CELL = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#NUM!|#NULL!|#N\/A|Err:\d+)$/;

/** The CLI as a user runs it: the exit code and what it printed. */
async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** The rows under the first row of `grid` whose first cells are `headers`, up to the first blank row. */
function rowsUnder(grid: string[][], headers: readonly string[]): Record<string, string>[] {
  const top = grid.findIndex((row) => headers.every((h, i) => row[i] === h));
  expect(top).toBeGreaterThanOrEqual(0);
  const rows: Record<string, string>[] = [];
  for (let r = top + 1; r < grid.length && (grid[r]![0] ?? "") !== ""; r++) {
    rows.push(Object.fromEntries(headers.map((h, c) => [h, grid[r]![c] ?? ""])));
  }
  return rows;
}

/** A cell's text in the row whose column `labelColumn` reads `label`. */
function besideLabel(grid: string[][], label: string): string {
  for (const row of grid) {
    const at = row.indexOf(label);
    if (at >= 0) return row[at + 1] ?? "";
  }
  throw new Error(`no "${label}" on the sheet`);
}

const PARTNERS = ["Harbor Analytics", "Mesa Cloud Partners", "Quill Advisory", "Tundra Systems"];
const QUARTERS = [
  "2025-Q1",
  "2025-Q2",
  "2025-Q3",
  "2025-Q4",
  "2026-Q1",
  "2026-Q2",
  "2026-Q3",
  "2026-Q4",
];

/** Two years for three partners: Harbor grows into Gold and is recorded so; Mesa is recorded Gold with Silver figures. */
function quarterlyCsv(): string {
  const lines = [
    "Partner Account,Fiscal Quarter,Partner Pipeline,Certified,Dedicated Practice,Tier,Sourced ARR",
  ];
  QUARTERS.forEach((q, i) => {
    lines.push(
      `Harbor Analytics,${q},${i < 4 ? 40_000 : 150_000},${i < 4 ? 1 : 3},No,${i < 6 ? "Silver" : "Gold"},10000`
    );
    lines.push(`Mesa Cloud Partners,${q},30000,1,No,${i === 7 ? "Gold" : "Silver"},5000`);
    lines.push(`Quill Advisory,${q},0,0,No,Registered,0`);
  });
  return lines.join("\n");
}

describeWithEngine(
  LIBREOFFICE,
  "an analyst's own program: blank workbook, two imports, validate --write",
  () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "ps-own-data-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    test("the workbook describes only the imported program, and the Dashboard counts what validation found", async () => {
      const workbook = join(dir, "mine.xlsx");
      expect((await cli("workbook", "--out", workbook, "--settings", EXAMPLE)).code).toBe(0);

      const landscape = join(dir, "partners.csv");
      await writeFile(
        landscape,
        [
          "Partner Name,Partner Type,Region,Stage",
          "Harbor Analytics,Boutique,EMEA,Active",
          "Mesa Cloud Partners,Regional SI,Americas,Active",
          "Quill Advisory,Boutique,EMEA,Signed",
          "Tundra Systems,ISV/Product,APAC,Prospect",
        ].join("\n")
      );
      const imported = await cli("import", workbook, landscape);
      expect(imported.out).toEqual([
        "Landscape: added 4, updated 0, unchanged 0, rejected 0",
        "Scoring: added 4",
      ]);

      const quarterly = join(dir, "quarterly.csv");
      await writeFile(quarterly, quarterlyCsv());
      const data = await cli("import", workbook, quarterly);
      expect(data).toMatchObject({ code: 0, err: [] });
      expect(data.out).toEqual(["Quarterly: added 24, updated 0, unchanged 0, rejected 0"]);

      // The CRM's deal registrations and the PRM's MDF, by their own headers.
      const exports: [string, string[], string][] = [
        [
          "registrations.csv",
          [
            "Deal Registration ID,Partner Account,Tier,Created Date,Decision Date,Status,Deal Value",
            "DR-1,Harbor Analytics,Gold,2026-10-05T09:00:00Z,2026-10-07T09:00:00Z,Approved,50000",
            "DR-2,Mesa Cloud Partners,Silver,2026-10-09T16:00:00Z,2026-10-19T08:00:00Z,Approved,20000",
          ],
          "Deal Registrations: added 2, updated 0, unchanged 0, rejected 0",
        ],
        [
          "allocations.csv",
          ["FY,Partner Name,Partner Level,MDF Allocation", "2026,Harbor Analytics,Gold,40000"],
          "MDF Allocations: added 1, updated 0, unchanged 0, rejected 0",
        ],
        [
          "claims.csv",
          [
            "Fund Request ID,Partner Account,Campaign Name,Request Date,Approved Amount,Claim Amount,Paid Amount",
            "FR-1,Harbor Analytics,Joint webinar,2026-03-02,20000,20000,20000",
          ],
          "MDF Claims: added 1, updated 0, unchanged 0, rejected 0",
        ],
      ];
      for (const [name, lines, line] of exports) {
        const path = join(dir, name);
        await writeFile(path, lines.join("\n"));
        expect((await cli("import", workbook, path)).out[0]).toBe(line);
      }

      const validated = await cli("validate", workbook, "--write", "--json");
      expect(validated.err).toEqual([]);
      const report = JSON.parse(validated.out[0]!) as {
        findings: { rule: string; partner: string | null; quarter: string | null }[];
      };
      const mismatches = report.findings.filter((f) => f.rule === "tier.recorded-mismatch");
      expect(mismatches.map((f) => f.partner)).toContain("Mesa Cloud Partners");

      const sheets = await recalculate(workbook);
      // No error anywhere but the Scoring sheet's "not yet rated" for the four partners waiting for ratings.
      const errors = [...sheets].flatMap(([sheet, rows]) =>
        rows.flatMap((cells) => cells.filter((t) => ERROR_CELL.test(t)).map((t) => `${sheet} ${t}`))
      );
      expect(errors.filter((e) => e !== "Scoring #N/A")).toEqual([]);

      const review = rowsUnder(sheets.get(TIER_REVIEW_SHEET)!, [
        TIER_REVIEW_COLUMNS.partner,
        TIER_REVIEW_COLUMNS.quarter,
      ]);
      const pairs = review.map(
        (r) => `${r[TIER_REVIEW_COLUMNS.partner]} ${r[TIER_REVIEW_COLUMNS.quarter]}`
      );
      const expected = ["Harbor Analytics", "Mesa Cloud Partners", "Quill Advisory"].flatMap((p) =>
        QUARTERS.map((q) => `${p} ${q}`)
      );
      expect(pairs.sort()).toEqual(expected.sort());

      // The imported rows compute: exactly 48 hours meets the SLA, 256 hours breaks it.
      const registrations = rowsUnder(sheets.get(DEAL_REGISTRATIONS_SHEET)!, [
        "Registration ID",
        "Partner",
        "Partner Tier",
        "Submitted",
        "Decided",
        "Decision",
        "ACV",
        "Protection Ends",
        "Response Hours",
        "Business Days",
        "SLA",
      ]);
      expect(registrations.map((r) => [r["Registration ID"], r["Response Hours"], r.SLA])).toEqual([
        ["DR-1", "48", "Met"],
        ["DR-2", "232", "Breached"],
      ]);
      // Harbor's 2026 MDF: $20,000 paid against the $40,000 allocated; its 2026 sourced ARR is 4 × $10,000.
      const [harbor] = rowsUnder(sheets.get(MDF_ALLOCATIONS_SHEET)!, [
        "Program Year",
        "Partner",
        "Partner Tier",
        "Allocated",
        "MDF Granted",
        "Claimed",
        "Paid",
        "Utilisation",
        "Sourced Pipeline",
        "Sourced ARR",
        "Pipeline per MDF $",
        "ARR per MDF $",
      ]);
      expect(harbor).toMatchObject({
        Partner: "Harbor Analytics",
        "MDF Granted": "Yes",
        Paid: "20000",
        Utilisation: "50%",
        "Sourced ARR": "40000",
        "ARR per MDF $": "2",
      });

      const dashboard = sheets.get(DASHBOARD_SHEET)!;
      expect(besideLabel(dashboard, MEASURES.landscapePartners)).toBe(String(PARTNERS.length));
      expect(besideLabel(dashboard, MEASURES.latestQuarter)).toBe("2026-Q4");
      const checks = rowsUnder(
        dashboard.map((row) =>
          row.slice(row.indexOf(CHECK_COLUMNS.check) >= 0 ? row.indexOf(CHECK_COLUMNS.check) : 0)
        ),
        [
          CHECK_COLUMNS.check,
          CHECK_COLUMNS.sheet,
          CHECK_COLUMNS.severity,
          CHECK_COLUMNS.open,
          CHECK_COLUMNS.rule,
        ]
      );
      const tierCheck = checks.find((c) => c[CHECK_COLUMNS.rule] === "tier.recorded-mismatch")!;
      expect(Number(tierCheck[CHECK_COLUMNS.open])).toBe(mismatches.length);
      // No partner of the sample is left anywhere (the playbook's own text names Big 4 firms on the Models sheet).
      const everything = [...sheets.values()].flat(2).join("\n");
      for (const sample of [
        "Quarry Point Analytics",
        "Copperleaf Compliance Group",
        "Saltmarsh Digital",
      ]) {
        expect(everything).not.toContain(sample);
      }
    });
  }
);
