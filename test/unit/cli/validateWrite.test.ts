import { mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { python } from "../xlsx/openpyxlFixture";
import { programBytes } from "../xlsx/userEdits";
import { run } from "./run";

/** Each sheet's cells as openpyxl reads them (formulas as written): an independent reader of the file. */
function sheetsOf(bytes: Uint8Array): Record<string, Record<string, string>> {
  const script = `
import sys, json
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
print(json.dumps({ws.title: {c.coordinate: repr(c.value) for row in ws.iter_rows() for c in row if c.value is not None} for ws in wb.worksheets}))
`;
  return JSON.parse(python(script, bytes)) as Record<string, Record<string, string>>;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ps-cli-validate-write-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("partner-strategy validate FILE --write", () => {
  test("rewrites the Tier Review, and only it, from the workbook's own quarterly data", async () => {
    const workbook = join(dir, "program.xlsx");
    await writeFile(workbook, await programBytes());
    const data = join(dir, "crm.csv");
    await writeFile(
      data,
      "Partner,Quarter,Pipeline,Tier\nZenith Partners,2026-Q1,150000,Silver\nZenith Partners,2026-Q2,160000,Silver\n"
    );
    expect((await run("import", workbook, data)).code).toBe(0);
    const before = sheetsOf(new Uint8Array(await readFile(workbook)));

    const result = await run("validate", workbook, "--write");
    expect(result.err).toEqual([]);
    expect(result.out.at(-1)).toMatch(/program\.xlsx: rewrote the Tier Review sheet \(\d+ rows\)$/);
    const after = sheetsOf(new Uint8Array(await readFile(workbook)));

    for (const sheet of Object.keys(before)) {
      if (sheet !== "Tier Review") expect([sheet, after[sheet]]).toEqual([sheet, before[sheet]]);
    }
    const review = Object.entries(after["Tier Review"]!);
    const zenith = review.filter(([, v]) => v === "'Zenith Partners'").map(([cell]) => cell);
    expect(zenith).toHaveLength(2);
    const quarters = zenith.map((cell) => after["Tier Review"]![cell.replace(/^A/, "B")]);
    expect(quarters).toEqual(["'2026-Q1'", "'2026-Q2'"]);
    // The sample's review, written with the workbook, did not know the imported partner.
    expect(Object.values(before["Tier Review"]!)).not.toContain("'Zenith Partners'");
  });

  test("a CSV has no Tier Review to write: one line, exit code 2", async () => {
    const data = join(dir, "crm.csv");
    await writeFile(
      data,
      "Partner,Quarter,Pipeline,Certified,DedicatedPractice,RecordedTier\nA,2026-Q1,1,0,No,Registered\n"
    );
    const result = await run("validate", data, "--write");
    expect(result.code).toBe(2);
    expect(result.err).toEqual([
      expect.stringMatching(/--write needs an \.xlsx workbook.*crm\.csv is not one/),
    ]);
  });
});
