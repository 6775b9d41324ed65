/**
 * The malformed-data corpus (test/fixtures/malformed) through `import`: each file gives its findings or one line
 * naming why it cannot be read, with exit code 2; the valid rows are still imported; neither the export nor, when
 * nothing can be imported, the workbook changes; names that look like formulas are written as text.
 */
import { createHash } from "crypto";
import { mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { python } from "../xlsx/openpyxlFixture";
import { programBytes } from "../xlsx/userEdits";
import { run } from "./run";

const CORPUS = join(__dirname, "../../fixtures/malformed");
const at = (name: string): string => join(CORPUS, name);

const sha256 = async (path: string): Promise<string> =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");

let dir: string;
let workbook: string;
let program: Uint8Array;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ps-cli-import-malformed-"));
  program = await programBytes();
});
beforeEach(async () => {
  workbook = join(dir, "program.xlsx");
  await writeFile(workbook, program);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Imports a corpus file and checks it is byte-identical afterwards. */
async function importing(path: string, ...flags: string[]) {
  const before = await sha256(path);
  const result = await run("import", workbook, path, ...flags);
  expect(await sha256(path)).toBe(before);
  return result;
}

describe("import on files it cannot read: one line, exit 2, the workbook untouched", () => {
  test.each([
    ["header-only.csv", /header-only\.csv has no data rows under its header/],
    ["binary.csv", /binary\.csv is not a CSV file: it holds binary data/],
    ["wrong-headers.csv", /wrong-headers\.csv: the header fits none of the tables/],
    ["not-a-workbook.xlsx", /not-a-workbook\.xlsx cannot be read as an \.xlsx workbook/],
    ["encrypted.xlsx", /encrypted\.xlsx is an Excel 97–2003 workbook or a password-protected one/],
  ])("%s", async (name, line) => {
    const result = await importing(at(name));
    expect(result).toEqual({ code: 2, out: [], err: [expect.stringMatching(line)] });
    expect(await sha256(workbook)).toBe(createHash("sha256").update(program).digest("hex"));
  });

  test("a folder and a device are refused before a byte is read", async () => {
    for (const [path, line] of [
      [dir, /cannot read .*: it is a folder/],
      ["/dev/zero", /cannot read \/dev\/zero: it is not a regular file/],
    ] as const) {
      const result = await run("import", workbook, path);
      expect(result).toEqual({ code: 2, out: [], err: [expect.stringMatching(line)] });
    }
  });
});

describe("import on awkward but readable exports", () => {
  test.each([
    ["bom-semicolon.csv"],
    ["tab-separated.tsv"],
    ["quoted.csv"],
    ["unicode-text.txt"],
    ["mixed-quarters.csv"],
    ["duplicates.csv"],
  ])("%s: the good rows are imported, each bad one cited", async (name) => {
    const result = await importing(at(name), "--into", "quarterly", "--json");
    expect(result.err).toEqual([]);
    const report = JSON.parse(result.out.join("")) as {
      added: number;
      updated: number;
      rejected: number;
      findings: { cell: string; severity: string }[];
    };
    expect(report.added + report.updated).toBeGreaterThan(0);
    expect(result.code).toBe(report.rejected > 0 ? 1 : 0);
    for (const f of report.findings) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
  });

  test("control characters in a name reach the terminal escaped, never as escape sequences", async () => {
    const result = await importing(at("control-chars.csv"), "--into", "quarterly");
    expect(result.code).toBe(1);
    const text = result.out.join("\n");
    expect(text).toContain("\\x1b[31mRed Partner");
    // eslint-disable-next-line no-control-regex -- the point is that no control character is printed
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  test("names that look like formulas land as text, never formulas", async () => {
    const result = await importing(at("formula-names.csv"), "--into", "quarterly");
    expect(result.err).toEqual([]);
    const cells = JSON.parse(
      python(
        `
import sys, json
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1])["Quarterly"]
print(json.dumps([[c.value, c.data_type] for c in ws["A"] if isinstance(c.value, str) and c.value[:1] in "=+-@"]))
`,
        new Uint8Array(await readFile(workbook))
      )
    ) as [string, string][];
    expect(cells.length).toBeGreaterThan(0);
    for (const [, type] of cells) expect(type).toBe("s");
  });
});
