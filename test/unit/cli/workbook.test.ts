import { existsSync } from "fs";
import { mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { PARTNER_TYPES } from "../../../src/domain/partners";
import { CRITERIA } from "../../../src/domain/scoring";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { SAMPLE_PARTNERS } from "../../../src/workbook/sample";
import { ReadCell, readTables, TableContents } from "../../../src/xlsx/readTables";
import { edit, expectKept, programBytes, sheet, userEdits } from "../xlsx/userEdits";
import { readParts, withParts } from "../xlsx/zipParts";
import { main } from "../../../src/cli/main";
import { expectUsageError, run } from "./run";

const PROGRAM_SHEETS = programWorkbookPlan({ data: "sample", mode: "portable" }).sheets;
/** The program workbook's tabs, in order. */
const SHEETS = PROGRAM_SHEETS.map((s) => s.name).join(", ");
/** "kept: N sheets" for a workbook holding `more` sheets than the program has (fewer when negative). */
const kept = (more: number): string => `kept: ${PROGRAM_SHEETS.length + more} sheets`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ps-cli-workbook-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tablesIn(path: string): Promise<Map<string, TableContents>> {
  return readTables(new Uint8Array(await readFile(path)));
}

const columnOf = (table: TableContents, header: string): ReadCell[] => {
  const index = table.header.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return table.rows.map((row) => row[index]!);
};

/** The formulas of a column, as written: no spreadsheet has calculated them. */
const formulaTexts = (table: TableContents, header: string): string[] =>
  columnOf(table, header).map((cell) =>
    typeof cell === "object" && cell !== null && "formula" in cell
      ? cell.formula
      : `not a formula: ${String(cell)}`
  );

describe("partner-strategy workbook", () => {
  test("--out writes the portable program workbook, its data tables empty, and prints one line", async () => {
    const path = join(dir, "program.xlsx");
    const { code, out, err } = await run("workbook", "--out", path);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toEqual([`${path}: sheets ${SHEETS}; empty data tables; portable formulas`]);

    const tables = await tablesIn(path);
    // Each data table keeps one row to fill in, carrying its formulas and nothing typed.
    for (const name of [
      "tblLandscape",
      "tblScoring",
      "tblCompetitors",
      "tblDecisions",
      "tblExecutives",
    ]) {
      const rows = tables.get(name)!.rows;
      expect({ name, rows: rows.length }).toEqual({ name, rows: 1 });
      const typed = rows[0]!.filter((c) => !(typeof c === "object" && c !== null));
      expect({ name, typed }).toEqual({ name, typed: typed.map(() => null) });
    }
    expect(tables.get("tblQuarterly")!.rows).toEqual([]);
    expect(tables.get("tblTierReview")!.rows).toEqual([]);
    const scoring = tables.get("tblScoring")!;
    for (const text of [...formulaTexts(scoring, "Score"), ...formulaTexts(scoring, "Band")]) {
      expect(text).toMatch(/^=/);
      expect(text).not.toContain("PS.");
    }
    // The program's own content is the playbook's.
    expect(tables.get("tblModels")!.rows).toHaveLength(7);
    const weights = tables.get("tblWeights")!;
    expect(weights.rows.map((r) => r[0])).toEqual(CRITERIA.map((c) => c.label));
    expect(weights.rows.map((r) => r[1])).toEqual(CRITERIA.map((c) => c.weight));
    expect(tables.get("tblOKRs")!.rows.length).toBeGreaterThan(0);
    expect(tables.get("tblRACI")!.rows.length).toBeGreaterThan(0);
  });

  test("--sample fills the data tables with the sample partners", async () => {
    const path = join(dir, "program.xlsx");
    const { code, out, err } = await run("workbook", "--out", path, "--sample");
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toEqual([
      `${path}: sheets ${SHEETS}; ${SAMPLE_PARTNERS.length} partners; portable formulas`,
    ]);

    const tables = await tablesIn(path);
    const scoring = tables.get("tblScoring")!;
    expect(scoring.sheet).toBe("Scoring");
    expect(scoring.rows.length).toBeGreaterThanOrEqual(25);
    expect(new Set(columnOf(scoring, "Partner Type"))).toEqual(new Set(PARTNER_TYPES));
    expect(tables.get("tblQuarterly")!.rows.length).toBeGreaterThan(0);

    for (const text of [...formulaTexts(scoring, "Score"), ...formulaTexts(scoring, "Band")]) {
      expect(text).toMatch(/^=/);
      expect(text).not.toContain("PS.");
    }
  });

  test("--formulas addin scores with PS.PARTNERSCORE and PS.PARTNERBAND", async () => {
    const path = join(dir, "addin.xlsx");
    const { code, out } = await run("workbook", "--formulas", "addin", "--sample", "--out", path);
    expect(code).toBe(0);
    expect(out).toEqual([
      `${path}: sheets ${SHEETS}; ${SAMPLE_PARTNERS.length} partners; addin formulas`,
    ]);
    const scoring = (await tablesIn(path)).get("tblScoring")!;
    for (const text of formulaTexts(scoring, "Score")) expect(text).toContain("PS.PARTNERSCORE(");
    for (const text of formulaTexts(scoring, "Band")) expect(text).toContain("PS.PARTNERBAND(");
  });

  test.each([
    [[], "--out is required: the .xlsx file to write"],
    [["--out"], "--out needs a value"],
    [["--out", "--formulas", "addin"], "--out needs a value"],
    [["--out", "program.csv"], '--out must name an .xlsx file, got "program.csv"'],
    [
      ["--out", "p.xlsx", "--formulas", "excel"],
      '--formulas must be portable or addin, got "excel"',
    ],
    [["--out", "p.xlsx", "--formulas"], "--formulas needs a value"],
    [["--out", "p.xlsx", "extra"], 'unexpected argument "extra"'],
    [["--out", "p.xlsx", "--sheets", "all"], "unknown option --sheets"],
    [["--out", "p.xlsx", "--sample=yes"], "--sample takes no value"],
  ])("%j: exit 2 with one line: %s, and no file", async (args, message) => {
    const resolved = args.map((a) => (a.endsWith(".xlsx") ? join(dir, a) : a));
    await expectUsageError(["workbook", ...resolved], `partner-strategy workbook: ${message}`);
    expect(existsSync(join(dir, "p.xlsx"))).toBe(false);
  });

  test("a folder that does not exist: exit 1 with one line naming the file", async () => {
    const path = join(dir, "missing", "p.xlsx");
    await expect(run("workbook", "--out", path)).resolves.toEqual({
      code: 1,
      out: [],
      err: [`partner-strategy workbook: cannot write ${path}: its folder does not exist`],
    });
  });

  test("a progress line only where the Io shows one, cleared at the end; stdout as without it", async () => {
    const lines: string[] = [];
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: () => undefined };
    const code = await main(["workbook", "--out", join(dir, "p.xlsx"), "--sample"], {
      ...io,
      progress: (line) => lines.push(line),
    });
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe("");
    expect(out).toEqual(
      (await run("workbook", "--out", join(dir, "q.xlsx"), "--sample")).out.map((l) =>
        l.replace("q.xlsx", "p.xlsx")
      )
    );
  });
});

describe("partner-strategy workbook --out FILE, when FILE exists", () => {
  let program: Uint8Array;
  beforeAll(async () => {
    program = await programBytes();
  });

  async function existing(name: string, bytes: Uint8Array): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  }

  test("adds what the user's workbook lacks, keeps every sheet; a second run changes nothing", async () => {
    const path = await existing("mine.xlsx", await edit(program, userEdits));
    const before = new Uint8Array(await readFile(path));
    const first = await run("workbook", "--out", path);
    expect(first).toEqual({
      code: 0,
      out: [`${path}: added: Dashboard; ${kept(0)}`],
      err: [],
    });
    const merged = new Uint8Array(await readFile(path));
    await expectKept(before, merged);
    const second = await run("workbook", "--out", path);
    expect(second).toEqual({
      code: 0,
      out: [`${path}: added: nothing (the file is unchanged); ${kept(1)}`],
      err: [],
    });
    expect(new Uint8Array(await readFile(path))).toEqual(merged);
  });

  test("sheets added to a workbook take its own settings (tblSettings), unless --settings says otherwise", async () => {
    const path = await existing(
      "other-year.xlsx",
      await edit(program, (wb) => {
        const settings = sheet(wb, "Settings");
        // Program Year is the last setting.
        expect(settings.getCell("A20").value).toBe("Program Year");
        settings.getCell("B20").value = 2029;
        wb.removeWorksheet(sheet(wb, "Roadmap").id);
      })
    );
    await run("workbook", "--out", path);
    const header = (await tablesIn(path)).get("tblRoadmap")!.header;
    expect(header.slice(-4)).toEqual(["2029-Q1", "2029-Q2", "2029-Q3", "2029-Q4"]);

    const other = await existing(
      "with-settings.xlsx",
      await edit(program, (wb) => wb.removeWorksheet(sheet(wb, "Roadmap").id))
    );
    const example = join(__dirname, "../../../examples/settings.json");
    const { out } = await run("workbook", "--out", other, "--settings", example);
    expect(out).toEqual([
      `${other}: added: Roadmap; ${kept(-1)}`,
      `${example} applies to the sheets added; the workbook's own settings (tblSettings) are kept as they are`,
    ]);
    const roadmap = (await tablesIn(other)).get("tblRoadmap")!;
    expect(roadmap.header.slice(-1)).toEqual(["2028-Q4"]);
  });

  test("a wrong setting in the workbook's tblSettings: exit 2 naming its cell; the file is left as it is", async () => {
    const bytes = await edit(program, (wb) => {
      const settings = sheet(wb, "Settings");
      expect(settings.getCell("A8").value).toBe("Partner Share of ARR");
      settings.getCell("B8").value = 30;
      wb.removeWorksheet(sheet(wb, "Roadmap").id);
    });
    const path = await existing("bad-share.xlsx", bytes);
    await expectUsageError(
      ["workbook", "--out", path],
      "partner-strategy workbook: bad-share.xlsx: Settings!B8: Partner Share of ARR 30 is outside 0%–100% (type 30% or 0.3, not 30)"
    );
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
  });

  test("sheets and tables left out are listed with the reason", async () => {
    const path = await existing(
      "unlisted.xlsx",
      await edit(program, (wb) => {
        sheet(wb, "Roadmap").removeTable("tblRoadmap");
        wb.removeWorksheet(sheet(wb, "Dashboard").id);
      })
    );
    const { code, out } = await run("workbook", "--out", path);
    expect(code).toBe(0);
    expect(out[0]).toBe(`${path}: added: nothing (the file is unchanged); ${kept(-1)}`);
    expect(out[1]).toBe("not added: tblRoadmap: Roadmap!A3:L22 is not empty (A3 holds data)");
    expect(out[2]).toMatch(
      /^not added: Dashboard: its formula at Dashboard!\w+ reads table tblRoadmap, which the workbook lacks$/
    );
  });

  test("a workbook holding a chart keeps it byte for byte and gains the missing sheets", async () => {
    const chart = "<c:chartSpace/>";
    const before = withParts(
      await edit(program, (wb) => wb.removeWorksheet(sheet(wb, "Dashboard").id)),
      { "xl/charts/chart1.xml": chart }
    );
    const path = await existing("charts.xlsx", before);
    await expect(run("workbook", "--out", path)).resolves.toEqual({
      code: 0,
      out: [`${path}: added: Dashboard; ${kept(-1)}`],
      err: [],
    });
    const after = new Uint8Array(await readFile(path));
    expect(readParts(after).get("xl/charts/chart1.xml")!.toString()).toBe(chart);
    await expectKept(before, after);
    expect((await tablesIn(path)).has("tblDashSummary")).toBe(true);
  });

  test("a file that is not an .xlsx is never overwritten: exit 2", async () => {
    const path = await existing("notes.xlsx", new TextEncoder().encode("my notes"));
    await expectUsageError(
      ["workbook", "--out", path],
      "partner-strategy workbook: notes.xlsx is not an .xlsx workbook (its content is not a zip archive)"
    );
    expect(await readFile(path, "utf8")).toBe("my notes");
  });

  test("an empty file is written over: it holds nothing to keep", async () => {
    const path = await existing("empty.xlsx", new Uint8Array());
    const { code, out } = await run("workbook", "--out", path);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/: sheets Settings, /);
  });
});
