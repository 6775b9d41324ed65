import { createHash } from "crypto";
import { mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { SAMPLE_QUARTERS } from "../../../src/workbook/quarterlySample";
import { programBytes } from "../xlsx/userEdits";
import { python } from "../xlsx/openpyxlFixture";
import { expectUsageError, run } from "./run";

/** Every cell of every sheet as openpyxl reads it (formulas as written), an independent reader of the file. */
function cellsOf(bytes: Uint8Array): Record<string, string> {
  const script = `
import sys, json
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                out[ws.title + "!" + c.coordinate] = repr(c.value)
print(json.dumps(out))
`;
  return JSON.parse(python(script, bytes)) as Record<string, string>;
}

/** The cells that differ between two readings: changed, added or removed. */
function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).sort();
}

const sha = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

let dir: string;
let program: Uint8Array;
beforeAll(async () => {
  program = await programBytes();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ps-cli-import-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const bytesOf = async (path: string): Promise<Uint8Array> => new Uint8Array(await readFile(path));

const FIRST = SAMPLE_QUARTERS[0]!;
const QUARTERLY_ROWS = SAMPLE_QUARTERS.length;

/** A CRM export: shuffled, aliased headers, an extra column, a known row changed, two new ones, one bad. */
const CRM = [
  "Owner,Fiscal Quarter,Partner Account,Pipeline Amount,Tier",
  `Kim,${FIRST.quarter},${FIRST.partner},"$9,999",${FIRST.recordedTier}`,
  "Kim,Q1 2026,Zenith Partners,150000,Silver",
  "Lee,2026-Q2,Zenith Partners,160000,Silver",
  "Lee,2026-Q9,Zenith Partners,1,Silver",
].join("\n");

describe("partner-strategy import WORKBOOK DATA", () => {
  test("adds new rows, updates only the named cells of known ones, rejects the bad row with its cell, and a re-run changes nothing", async () => {
    const workbook = await file("program.xlsx", program);
    const data = await file("crm.csv", CRM);
    const dataHash = sha(await bytesOf(data));
    const before = cellsOf(program);

    const first = await run("import", workbook, data);
    expect(first.err).toEqual([]);
    expect(first.code).toBe(1);
    expect(first.out[0]).toBe("Quarterly: added 2, updated 1, unchanged 0, rejected 1");
    expect(first.out.join("\n")).toMatch(
      /error\s+crm\.csv!B5\s+Zenith Partners\s+Quarter: "2026-Q9" is not a quarter/
    );
    expect(first.out.join("\n")).toMatch(
      /warning\s+crm\.csv!C3\s+Zenith Partners.*not on the Landscape/
    );

    const after = cellsOf(await bytesOf(workbook));
    // Row 4 is tblQuarterly's first data row: only its Pipeline changed; two rows were added below the table.
    const firstRow = 4;
    const newRows = [firstRow + QUARTERLY_ROWS, firstRow + QUARTERLY_ROWS + 1];
    const expected = [
      `Quarterly!C${firstRow}`,
      ...newRows.flatMap((r) => ["A", "B", "C", "J"].map((c) => `Quarterly!${c}${r}`)),
    ].sort();
    expect(changed(before, after)).toEqual(expected);
    expect(after[`Quarterly!C${firstRow}`]).toBe("9999");
    expect(after[`Quarterly!B${newRows[0]}`]).toBe("'2026-Q1'");
    expect(sha(await bytesOf(data))).toBe(dataHash);

    const again = await run("import", workbook, data);
    expect(again.out[0]).toBe("Quarterly: added 0, updated 0, unchanged 3, rejected 1");
    expect(changed(after, cellsOf(await bytesOf(workbook)))).toEqual([]);
  });

  test("--dry-run reports the same and writes nothing; --json is one object", async () => {
    const workbook = await file("program.xlsx", program);
    const data = await file("crm.csv", CRM);
    const dry = await run("import", workbook, data, "--dry-run", "--json");
    expect(dry.code).toBe(1);
    expect(JSON.parse(dry.out.join(""))).toEqual({
      table: "tblQuarterly",
      added: 2,
      updated: 1,
      unchanged: 0,
      rejected: 1,
      also: [],
      dryRun: true,
      findings: [
        expect.objectContaining({
          severity: "error",
          rule: "import.bad-value",
          sheet: "crm.csv",
          cell: "B5",
        }),
        expect.objectContaining({
          severity: "warning",
          rule: "import.unknown-partner",
          cell: "C3",
        }),
      ],
    });
    expect(sha(await bytesOf(workbook))).toBe(sha(program));
  });

  test("a Landscape export adds its partners to the Landscape and, to be rated, to the Scoring sheet", async () => {
    const workbook = await file("program.xlsx", program);
    const data = await file(
      "partners.csv",
      "Partner Name;Partner Type;Region;Stage\nZenith Partners;Boutique;EMEA;Prospect\nAccenture;GSI;Global;Active\n"
    );
    const result = await run("import", workbook, data);
    expect(result).toMatchObject({ code: 0, err: [] });
    expect(result.out).toEqual([
      "Landscape: added 1, updated 0, unchanged 1, rejected 0",
      "Scoring: added 1",
    ]);
    const after = cellsOf(await bytesOf(workbook));
    const zenith = Object.entries(after)
      .filter(([, v]) => v === "'Zenith Partners'")
      .map(([k]) => k.split("!")[0]);
    expect(zenith.sort()).toEqual(["Landscape", "Scoring"]);
  });

  test("a finance export of the company's ARR per quarter goes into the Attribution sheet, its quarters written 2026-Q1", async () => {
    const workbook = await file("program.xlsx", program);
    const data = await file(
      "bookings.csv",
      [
        "Period,Company New ARR,Region",
        'Q4 2026,"$4,700,000",All',
        "2026-Q3,4600000,All",
        "FY2030 Q1,5000000,All",
        "2026-Q2,-5,All",
      ].join("\n")
    );
    const before = cellsOf(program);
    const result = await run("import", workbook, data);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(1);
    expect(result.out[0]).toBe("Attribution: added 1, updated 2, unchanged 0, rejected 1");
    expect(result.out.join("\n")).toMatch(/error\s+bookings\.csv!B5\s.*Company ARR/);

    const after = cellsOf(await bytesOf(workbook));
    // tblAttribution's header is on row 3, its quarters from the sample's first (2024-Q4) through 2029-Q4.
    const rowOf = (quarter: string) =>
      Object.keys(before).find(
        (k) => /^Attribution!A\d+$/.test(k) && before[k] === `'${quarter}'`
      )!;
    const [q3, q4] = ["2026-Q3", "2026-Q4"].map((q) =>
      Number(rowOf(q).slice("Attribution!A".length))
    );
    const last = Number(rowOf("2029-Q4").slice("Attribution!A".length));
    // The new row below the table: its quarter and amount, and the formulas of the rows above, so that it computes.
    const added = ["A", "B", "C", "D", "E", "F"].map((c) => `Attribution!${c}${last + 1}`);
    expect(changed(before, after)).toEqual(
      [`Attribution!B${q3}`, `Attribution!B${q4}`, ...added].sort()
    );
    expect([after[`Attribution!B${q3}`], after[`Attribution!B${q4}`]]).toEqual([
      "4600000",
      "4700000",
    ]);
    expect(after[`Attribution!A${last + 1}`]).toBe("'2030-Q1'");
    expect(after[`Attribution!B${last + 1}`]).toBe("5000000");
    for (const c of ["C", "D", "E", "F"])
      expect(after[`Attribution!${c}${last + 1}`]).toBe(before[`Attribution!${c}${last}`]);

    const again = await run("import", workbook, data);
    expect(again.out[0]).toBe("Attribution: added 0, updated 0, unchanged 3, rejected 1");
  });

  test.each([
    [["Name,Amount\nA,1\n"], /crm\.csv: the header fits none of the tables/],
    [
      ["Partner,Quarter,Pipeline\nA,2026-Q1,1\n", "--into", "budget"],
      /--into must be one of landscape, scoring, quarterly/,
    ],
    [
      ["Partner,Pipeline\nA,1\n", "--into", "quarterly"],
      /crm\.csv: the header lacks what tblQuarterly needs the column Quarter/,
    ],
  ])(
    "a header it cannot use is one line and exit code 2, and the workbook is untouched (%#)",
    async ([content, ...flags], message) => {
      const workbook = await file("program.xlsx", program);
      const data = await file("crm.csv", content!);
      const result = await run("import", workbook, data, ...flags);
      expect(result.code).toBe(2);
      expect(result.out).toEqual([]);
      expect(result.err).toEqual([expect.stringMatching(message)]);
      expect(sha(await bytesOf(workbook))).toBe(sha(program));
    }
  );

  test("a CRM's deal registrations and a PRM's MDF allocations and claims go into their own tables, by their own headers", async () => {
    const workbook = await file("program.xlsx", program);
    const before = cellsOf(program);
    const registrations = await file(
      "registrations.csv",
      [
        "Deal Registration ID,Partner Account,Tier,Created Date,Decision Date,Status,Deal Value",
        // A Salesforce timestamp, and one with no seconds.
        'DR-2001,Accenture,Platinum,2026-11-02T09:30:00.000Z,2026-11-03T10:00:00Z,Approved,"$120,000"',
        "DR-2002,Zenith Partners,silver,2026-11-04 08:00,,pending,45000",
        "DR-2003,Zenith Partners,Silver,next Tuesday,,Pending,1000",
      ].join("\n")
    );
    const first = await run("import", workbook, registrations);
    expect(first.out[0]).toBe("Deal Registrations: added 2, updated 0, unchanged 0, rejected 1");
    expect(first.out.join("\n")).toMatch(
      /error\s+registrations\.csv!D4\s+.*Submitted: "next Tuesday" is not a date and time \(write it as 2026-03-31 14:30\)/
    );
    // Zenith is not on the sample's Landscape: its registration is imported, with a warning at its first row's key.
    expect(first.out.join("\n")).toMatch(
      /warning\s+registrations\.csv!A3\s+Zenith Partners\s+Zenith Partners is not on the Landscape/
    );
    const afterRegistrations = cellsOf(await bytesOf(workbook));
    const added = changed(before, afterRegistrations);
    // Each new row below the sample's ten: ID, partner, tier, submitted, decided (when decided), decision, ACV.
    expect(added.every((cell) => cell.startsWith("Deal Registrations!"))).toBe(true);
    const newRow = (column: string, row: number) =>
      afterRegistrations[`Deal Registrations!${column}${row}`];
    expect([
      newRow("A", 14),
      newRow("C", 14),
      newRow("D", 14),
      newRow("E", 14),
      newRow("G", 14),
    ]).toEqual([
      "'DR-2001'",
      "'Platinum'",
      "datetime.datetime(2026, 11, 2, 9, 30)",
      "datetime.datetime(2026, 11, 3, 10, 0)",
      "120000",
    ]);
    expect([newRow("C", 15), newRow("E", 15), newRow("F", 15)]).toEqual([
      "'Silver'",
      undefined,
      "'Pending'",
    ]);

    const allocations = await file(
      "allocations.csv",
      [
        "Fiscal Year,Partner Name,Partner Level,MDF Allocation",
        "2027,Accenture,Platinum,200000",
      ].join("\n")
    );
    expect((await run("import", workbook, allocations)).out[0]).toBe(
      "MDF Allocations: added 1, updated 0, unchanged 0, rejected 0"
    );
    const claims = await file(
      "claims.csv",
      [
        "Fund Request ID,Partner Account,Campaign Name,Request Date,Approved Amount,Claim Amount",
        "FR-9,Accenture,Partner summit 2027,2027-01-15,50000,52000",
      ].join("\n")
    );
    expect((await run("import", workbook, claims)).out[0]).toBe(
      "MDF Claims: added 1, updated 0, unchanged 0, rejected 0"
    );
    const validated = await run("validate", workbook, "--json");
    const findings = (
      JSON.parse(validated.out.join("")) as { findings: { rule: string; message: string }[] }
    ).findings;
    expect(
      findings.filter((f) => f.rule === "mdf.claim-over-approved").map((f) => f.message)
    ).toContain("FR-9 claims $52,000, above the $50,000 approved");
  });

  test("missing files and a missing argument are one line each", async () => {
    const workbook = await file("program.xlsx", program);
    await expectUsageError(
      ["import", workbook],
      "partner-strategy import: missing DATA: the .csv or .xlsx export to import"
    );
    const result = await run("import", workbook, join(dir, "nope.csv"));
    expect(result).toEqual({
      code: 2,
      out: [],
      err: [expect.stringMatching(/cannot read .*nope\.csv: no such file/)],
    });
  });
});
