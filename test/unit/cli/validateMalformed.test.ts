/**
 * The malformed-data corpus (test/fixtures/malformed): each file gives its finding, or one line naming
 * why it cannot be read with exit code 2; the valid rows are still validated; no input file changes.
 */
import { createHash } from "crypto";
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { HEAD_BYTES } from "../../../src/cli/csvTable";
import { main } from "../../../src/cli/main";
import { run } from "./run";

const CORPUS = join(__dirname, "../../fixtures/malformed");
const at = (name: string): string => join(CORPUS, name);
const PREFIX = "partner-strategy validate: ";

const sha256 = async (path: string): Promise<string> =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");

/** Runs validate on a file and checks the file is byte-identical afterwards. */
async function validate(path: string, ...flags: string[]) {
  const before = await sha256(path);
  const result = await run("validate", path, ...flags);
  expect(await sha256(path)).toBe(before);
  return result;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ps-cli-malformed-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("validate on files it cannot read: one line, exit 2, nothing on stdout", () => {
  test.each([
    [
      "wrong-headers.csv",
      "wrong-headers.csv: the header row lacks the columns Partner, Quarter, Pipeline, Certified Individuals (or Certified), Dedicated Practice and Recorded Tier; no row is validated",
    ],
    [
      "missing-headers.csv",
      "missing-headers.csv: the header row lacks the columns Certified Individuals (or Certified), Dedicated Practice and Recorded Tier; no row is validated",
    ],
    ["header-only.csv", "header-only.csv has no data rows under its header"],
    [
      "binary.csv",
      "binary.csv is not a CSV file: it holds binary data (save the data as CSV UTF-8, or give an .xlsx workbook)",
    ],
    [
      "not-a-workbook.xlsx",
      "not-a-workbook.xlsx is a zip archive but not an .xlsx workbook: it has no xl/workbook.xml (another kind of archive, or a damaged workbook)",
    ],
    ["encrypted.xlsx", "encrypted.xlsx is password-protected: remove the password in Excel first"],
  ])("%s", async (name, line) => {
    await expect(validate(at(name))).resolves.toEqual({ code: 2, out: [], err: [PREFIX + line] });
    await expect(validate(at(name), "--json")).resolves.toEqual({
      code: 2,
      out: [],
      err: [PREFIX + line],
    });
  });

  test("an empty file, a folder, a device, a missing file", async () => {
    const empty = join(dir, "empty.csv");
    await writeFile(empty, "");
    const blank = join(dir, "blank.csv");
    await writeFile(blank, "\n  \n\n");
    const missing = join(dir, "nowhere.csv");
    for (const [path, line] of [
      [empty, "empty.csv is empty"],
      [blank, "blank.csv is empty"],
      [dir, `cannot read ${dir}: it is a folder`],
      [
        "/dev/zero",
        "cannot read /dev/zero: it is not a regular file (a device, pipe or socket); give a CSV or .xlsx file",
      ],
      [missing, `cannot read ${missing}: no such file`],
    ]) {
      await expect(run("validate", path!)).resolves.toEqual({
        code: 2,
        out: [],
        err: [PREFIX + line!],
      });
    }
  });

  test("a 'CSV' without a line break in its first megabytes", async () => {
    const path = join(dir, "one-line.csv");
    await writeFile(path, "Partner,".repeat(700_000));
    await expect(validate(path)).resolves.toEqual({
      code: 2,
      out: [],
      err: [`${PREFIX}one-line.csv is not a CSV file: no line break in its first 4 MB`],
    });
  });
});

describe("validate on readable files with bad rows: the findings, and the other rows validated", () => {
  test("a byte-order mark and semicolons", async () => {
    const { code, out, err } = await validate(at("bom-semicolon.csv"));
    expect({ code, err }).toEqual({ code: 1, err: [] });
    expect(out).toContain(
      "error     'bom-semicolon.csv'!C3  Acme     2026-Q2  pipeline \"n/a\" is not a number"
    );
  });

  test("tabs, quoted money and a negative pipeline", async () => {
    const { code, out } = await validate(at("tab-separated.tsv"));
    expect(code).toBe(1);
    expect(out).toContain(
      "error     'tab-separated.tsv'!C3  Acme     2026-Q2  pipeline -$5 is negative"
    );
  });

  test("quoted commas and line breaks: one record each, the break shown escaped", async () => {
    const { code, out } = await validate(at("quoted.csv"));
    expect(code).toBe(1);
    expect(out).toContain(
      'error     quoted.csv!C4  Two\\nLines Ltd  2026-Q2  pipeline "x" is not a number'
    );
    expect(out).toContain("Harbor, Lane & Co  Gold  Hold");
  });

  test("duplicate keys: every row of the quarter cited", async () => {
    const { code, out } = await validate(at("duplicates.csv"), "--json");
    expect(code).toBe(1);
    const report = JSON.parse(out[0]!) as { findings: { rule: string; cell: string }[] };
    expect(report.findings.map((f) => [f.rule, f.cell])).toEqual([
      ["quarter.duplicate", "B2"],
      ["quarter.duplicate", "B3"],
    ]);
  });

  test("mixed quarter formats are one history; a label that is no quarter is a finding", async () => {
    const { code, out } = await validate(at("mixed-quarters.csv"), "--json");
    expect(code).toBe(1);
    const report = JSON.parse(out[0]!) as {
      findings: { rule: string; cell: string }[];
      actions: unknown[];
    };
    expect(report.findings.map((f) => [f.rule, f.cell])).toEqual([["quarter.label", "B6"]]);
    expect(report.actions).toEqual([{ partner: "Acme", tier: "Silver", status: "Hold" }]);
  });

  test("names that look like formulas are names, shown as typed", async () => {
    const { code, out } = await validate(at("formula-names.csv"), "--json");
    expect(code).toBe(1);
    const report = JSON.parse(out[0]!) as {
      findings: { partner: string }[];
      actions: { partner: string }[];
    };
    expect(report.actions.map((a) => a.partner)).toEqual([
      '=HYPERLINK("http://example.com","x")',
      "+1",
      "-1+2",
    ]);
    expect(report.findings.map((f) => f.partner)).toEqual(["@x"]);
  });

  test("control characters in a name are escaped in the table, kept in JSON", async () => {
    const table = await validate(at("control-chars.csv"));
    expect(table.out.join("\n")).not.toContain("\x1b");
    expect(table.out).toContain(
      "error     'control-chars.csv'!C2  \\x1b[31mRed Partner\\x1b[0m  2026-Q1  pipeline \"x\" is not a number"
    );
    const json = await validate(at("control-chars.csv"), "--json");
    expect(JSON.parse(json.out[0]!).findings[0].partner).toBe("\x1b[31mRed Partner\x1b[0m");
  });

  test("long digit text is a number too large, not Infinity", async () => {
    const { out } = await validate(at("long-digits.csv"));
    expect(out.join("\n")).not.toContain("Infinity");
    expect(out[3]).toMatch(
      /pipeline "9{40}…" is a number too large \(at most \$1,000,000,000,000,000\)$/
    );
  });

  test("Excel's UTF-16 'Unicode Text' export is read", async () => {
    const { code, out } = await validate(at("unicode-text.txt"));
    expect(code).toBe(0);
    expect(out).toContain("Société Générale Conseil  Gold  Hold");
  });

  test("a file that stops being UTF-8 past its first megabytes is read again as Windows-1252", async () => {
    // Past the head read to sniff the file: a long Notes column makes it so in a few thousand rows.
    const notes = "n".repeat(1_000);
    const rows = Array.from(
      { length: 4_500 },
      (_, i) => `Partner ${i},2026-Q1,150000,3,No,Gold,${notes}\n`
    );
    const path = join(dir, "late-1252.csv");
    await writeFile(
      path,
      `Partner,Quarter,Pipeline,Certified,Dedicated Practice,Recorded Tier,Notes\n${rows.join("")}`
    );
    await appendFile(
      path,
      Buffer.from("Soci\xe9t\xe9 G\xe9n\xe9rale,2026-Q1,150000,3,No,Gold,\n", "latin1")
    );
    expect((await stat(path)).size).toBeGreaterThan(HEAD_BYTES);
    const { code, out } = await validate(path, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out[0]!) as { actions: { partner: string }[] };
    expect(report.actions).toHaveLength(4_501);
    expect(report.actions.at(-1)).toEqual({
      partner: "Société Générale",
      tier: "Gold",
      status: "Hold",
    });
  }, 20_000); // Two reads of a 4.5 MB file: seconds on a busy machine.

  test("rows not grouped by partner give what the grouped rows give", async () => {
    const grouped = await validate(at("grouped.csv"), "--json");
    const ungrouped = await validate(at("ungrouped.csv"), "--json");
    expect(ungrouped).toEqual(grouped);
  });
});

describe("validate's output options", () => {
  test("--limit cuts each table and says how many rows it left out; --errors-only keeps the errors", async () => {
    const { out } = await validate(at("formula-names.csv"), "--limit", "1");
    expect(out.slice(-3)).toEqual([
      "partner                               tier    status",
      '=HYPERLINK("http://example.com","x")  Silver  Hold',
      "… and 2 more partners (--limit N shows more, --json all)",
    ]);
    const errors = await validate(at("tab-separated.tsv"), "--errors-only", "--limit", "0");
    expect(errors.out).toEqual([
      "1 error, 0 warnings, 0 info",
      "",
      "… and 1 more finding (--limit N shows more, --json all)",
    ]);
  });

  test("a progress line only where the Io shows one, cleared at the end", async () => {
    const lines: string[] = [];
    const code = await main(["validate", at("grouped.csv")], {
      out: () => undefined,
      err: () => undefined,
      progress: (line) => lines.push(line),
    });
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe("");
  });

  test("--json through an Io that takes pieces: one line, the same object", async () => {
    let written = "";
    const lines: string[] = [];
    const code = await main(["validate", at("formula-names.csv"), "--json"], {
      out: (line) => lines.push(line),
      write: (text) => (written += text),
      err: () => undefined,
    });
    expect({ code, lines }).toEqual({ code: 1, lines: [] });
    expect(written.endsWith("}\n")).toBe(true);
    expect(written.indexOf("\n")).toBe(written.length - 1);
    const whole = await run("validate", at("formula-names.csv"), "--json");
    expect(JSON.parse(written)).toEqual(JSON.parse(whole.out[0]!));
  });

  test("--limit must be a whole number", async () => {
    await expect(run("validate", at("grouped.csv"), "--limit", "-1")).resolves.toEqual({
      code: 2,
      out: [],
      err: [`${PREFIX}--limit must be a whole number of rows (0 or more), not "-1"`],
    });
  });
});
