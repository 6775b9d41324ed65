import { execFile } from "child_process";
import { mkdir, mkdtemp, rm, stat } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { promisify } from "util";
import { main } from "../../src/cli/main";
import { programWorkbookPlan } from "../../src/workbook/programPlan";
import { describeWithEngine, LIBREOFFICE } from "./engine";
import { printedByLibreOffice } from "./libreoffice";

const run = promisify(execFile);

/** Where the pictures of printed pages are kept for a person to look at (CI keeps reports/). */
const PICTURES = join(__dirname, "..", "..", "reports", "print");
const MAX_PAGES = 30;

/** The program's sheets, in order: their titles, first and last headers as printed. */
const SHEETS = programWorkbookPlan({ data: "sample", mode: "portable" }).sheets.map((s) => {
  const title = s.cells.find((c) => c.style === "title")?.value;
  // A title computed from the settings (the Dashboard's) is found by its first subtitle instead.
  const subtitle = s.cells.find(
    (c) => c.style === "subtitle" && typeof c.value === "string"
  )?.value;
  const table = s.tables[0]!;
  return {
    name: s.name,
    title: typeof title === "string" ? title : undefined,
    marker: typeof title === "string" ? title : (subtitle as string | undefined),
    first: table.columns[0]!.header,
    last: table.columns.at(-1)!.header,
  };
});

const pageText = async (pdf: string, page: number): Promise<string> =>
  (await run("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"])).stdout;

describeWithEngine(LIBREOFFICE, "the demo workbook printed to PDF", () => {
  let work: string;
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "ps-print-"));
    const xlsx = join(work, "partner-program.xlsx");
    expect(await main(["demo", "--out", xlsx], { out: () => {}, err: () => {} })).toBe(0);
    pdf = await printedByLibreOffice(xlsx, work);
    const info = (await run("pdfinfo", [pdf])).stdout;
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    pages = [];
    for (let p = 1; p <= count; p++) pages.push(await pageText(pdf, p));
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test(`the whole program prints in at most ${MAX_PAGES} pages`, () => {
    expect(pages.length).toBeGreaterThanOrEqual(SHEETS.length);
    expect(pages.length).toBeLessThanOrEqual(MAX_PAGES);
  });

  test.each(SHEETS.filter((s) => s.title !== undefined).map((s) => [s.name, s] as const))(
    "%s prints one page wide: its first page shows its title and its table's first and last columns",
    (_, sheet) => {
      const first = pages.find((p) => p.includes(sheet.title!));
      expect(first).toBeDefined();
      // A wrapped header prints on two lines, between its neighbours' lines: each of its words is there.
      for (const header of [sheet.first, sheet.last])
        for (const word of header.split(" ")) expect(first).toContain(word);
    }
  );

  test("a sheet longer than a page repeats its header row on every page", () => {
    const quarterly = SHEETS.find((s) => s.name === "Quarterly")!;
    const start = pages.findIndex((p) => p.includes(quarterly.title!));
    const next = pages.findIndex(
      (p, i) => i > start && SHEETS.some((s) => s.title && p.includes(s.title))
    );
    expect(next - start).toBeGreaterThan(0);
    for (const page of pages.slice(start, next))
      expect(page).toMatch(/Partner\s+Quarter\s+Pipeline/);
  });

  test.each(["Scoring", "Dashboard"])(
    "a picture of the %s page is kept in reports/print for a person to look at",
    async (name) => {
      const sheet = SHEETS.find((s) => s.name === name)!;
      const page = pages.findIndex((p) => p.includes(sheet.marker!)) + 1;
      expect(page).toBeGreaterThan(0);
      await mkdir(PICTURES, { recursive: true });
      const prefix = join(PICTURES, name);
      await run("pdftoppm", [
        "-png",
        "-r",
        "110",
        "-f",
        String(page),
        "-l",
        String(page),
        "-singlefile",
        pdf,
        prefix,
      ]);
      expect((await stat(`${prefix}.png`)).size).toBeGreaterThan(10_000);
    }
  );
});
