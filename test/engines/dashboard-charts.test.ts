import { execFile } from "child_process";
import { mkdtemp, readFile, rm } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { promisify } from "util";
import { main } from "../../src/cli/main";
import { DEFAULT_PROGRAM_SETTINGS } from "../../src/domain/settings";
import {
  DASHBOARD_SHEET,
  dashboardSheetPlan,
  dashboardTitle,
} from "../../src/workbook/dashboardSheet";
import { python } from "../unit/xlsx/openpyxlFixture";
import { chartsOf, partText } from "../unit/xlsx/packageCharts";
import { readParts } from "../unit/xlsx/zipParts";
import { describeWithEngine, LIBREOFFICE } from "./engine";
import { printedByLibreOffice, savedByLibreOffice } from "./libreoffice";

const run = promisify(execFile);

const TITLES = dashboardSheetPlan().charts!.map((c) => c.title);

/** The text of each page of a PDF (poppler's pdftotext; pages are separated by form feeds). */
async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 64 << 20 });
  return stdout.split("\f");
}

describeWithEngine(LIBREOFFICE, "the CLI's workbook carries the Dashboard's charts", () => {
  let dir: string;
  let bytes: Uint8Array;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ps-dash-charts-"));
    const path = join(dir, "demo.xlsx");
    expect(await main(["demo", "--out", path], { out: () => undefined, err: console.error })).toBe(
      0
    );
    bytes = new Uint8Array(await readFile(path));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("the demo .xlsx holds the four charts; after LibreOffice saves it again they are still there, over the same cells", async () => {
    const written = chartsOf(readParts(bytes), DASHBOARD_SHEET);
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written).toHaveLength(TITLES.length);

    const saved = await savedByLibreOffice("demo.xlsx", bytes);
    const parts = readParts(saved);
    const kept = chartsOf(parts, DASHBOARD_SHEET);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept).toHaveLength(TITLES.length);
    const xml = kept.map((c) => partText(parts, c)).join("\n");
    for (const title of TITLES) expect(xml).toContain(title);
    // The series still read the Dashboard's tables (LibreOffice may drop the quotes around a plain sheet name).
    expect(xml).toMatch(/<c:f>'?Dashboard'?!\$B\$\d+:\$B\$\d+<\/c:f>/);

    // An independent reader finds them in LibreOffice's file too.
    const out = python(
      `import sys
from openpyxl import load_workbook
print(len(load_workbook(sys.argv[1])["${DASHBOARD_SHEET}"]._charts))`,
      saved
    );
    expect(Number(out.trim())).toBe(TITLES.length);
  });

  test("printed by LibreOffice, the Dashboard opens with its title block and computed headline figures (its picture: reports/print/Dashboard.png, print.test.ts)", async () => {
    const pdf = await printedByLibreOffice(join(dir, "demo.xlsx"), dir);
    const pages = await pageTexts(pdf);
    const first = pages.findIndex((p) =>
      p.includes(dashboardTitle(DEFAULT_PROGRAM_SETTINGS.company))
    );
    expect(first).toBeGreaterThanOrEqual(0);
    // The Dashboard is the last sheet: its pages run to the end.
    const dashboard = pages.slice(first).join("\n");
    expect(dashboard).toMatch(/As of \d{1,2} \w+ \d{4}/);
    for (const label of ["Partner-sourced ARR, all quarters", "Target", "Progress", "Open errors"])
      expect(dashboard).toContain(label);
    // The headline figures as computed: millions of ARR and a percentage, not formulas or errors.
    expect(dashboard).toMatch(/\$\d+\.\dM/);
    expect(dashboard).not.toMatch(/#NAME\?|#VALUE!|Err:\d+/);
  });
});
