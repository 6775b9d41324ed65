import { Workbook, Worksheet } from "exceljs";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Browser, chromium } from "playwright-core";
import { chartsOf } from "../unit/xlsx/packageCharts";
import { readParts } from "../unit/xlsx/zipParts";
import { CHROMIUM, describeWithEngine } from "./engine";
import { StaticServer, serveDirectory } from "./serve";
import {
  auditSections,
  inView,
  openPane,
  openSectionByKeyboard,
  screenshot,
  tabTo,
} from "./taskpanePage";

const DIST = join(__dirname, "..", "..", "dist");
/** Chromium's own waits (page load, an element showing) on a busy 2-core machine; jest's is the project's. */
const BROWSER_WAIT_MS = 60_000;

/** A string only exceljs's writer holds: the chunk that contains it is the exceljs chunk. */
const EXCELJS_MARKER = "xl/workbook.xml";

/** Outside Office, office.js opens a hidden telemetry iframe at this address (seen with @microsoft/office-js 1.1.110). */
const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/";

const exceljsChunks = (): string[] =>
  readdirSync(DIST).filter(
    (f) => f.endsWith(".js") && readFileSync(join(DIST, f), "utf8").includes(EXCELJS_MARKER)
  );

/** The range of a table read from a file: exceljs's typings describe tables as written, not as read. */
function tableRange(
  sheet: Worksheet,
  name: string
): { first: number; last: number; column: string } | undefined {
  const table = sheet.getTable(name) as unknown as { model?: { tableRef?: string } } | undefined;
  const match = /^([A-Z]+)(\d+):[A-Z]+(\d+)$/.exec(table?.model?.tableRef ?? "");
  return match ? { column: match[1]!, first: Number(match[2]), last: Number(match[3]) } : undefined;
}

describeWithEngine(CHROMIUM, "task pane opened in a browser outside Office", () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let downloads: string;

  beforeAll(async () => {
    if (!existsSync(join(DIST, "taskpane.html"))) {
      throw new Error(
        `${join(DIST, "taskpane.html")} is missing: run \`npm run build\` first (npm test does).`
      );
    }
    downloads = mkdtempSync(join(tmpdir(), "ps-taskpane-"));
    server = await serveDirectory(DIST);
    browser = await chromium.launch({
      executablePath: CHROMIUM.executable,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  test("says it is outside Excel and downloads the workbook with the form's settings, loading exceljs only then", async () => {
    const chunks = exceljsChunks();
    expect(chunks).not.toHaveLength(0);

    const page = await browser!.newPage({ acceptDownloads: true });
    page.setDefaultTimeout(BROWSER_WAIT_MS);
    const origin = server!.origin;
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      const source = message.location().url;
      // Chromium asks every page for /favicon.ico and logs the 404; dist has no favicon and needs none.
      if (source === `${origin}/favicon.ico`) return;
      // office.js's telemetry iframe, blocked below, is office.js's business, not the page's.
      if (source.startsWith(OFFICE_TELEMETRY)) return;
      if (message.type() === "error") errors.push(`console error: ${message.text()} (${source})`);
    });
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    const exceljsRequested = () =>
      requested.filter(
        (url) => url.startsWith(`${origin}/`) && chunks.includes(basename(new URL(url).pathname))
      );
    // The page must work offline: everything it needs comes from dist. Anything else is blocked and recorded.
    const external: string[] = [];
    await page.route(
      (url) => url.origin !== origin,
      (route) => {
        external.push(route.request().url());
        return route.abort();
      }
    );

    await page.goto(`${origin}/taskpane.html`, { waitUntil: "networkidle" });

    await page
      .getByRole("heading", { name: "Partner Strategy" })
      .waitFor({ timeout: BROWSER_WAIT_MS })
      .catch((error: Error) => {
        const local = requested.filter((url) => url.startsWith(origin));
        throw new Error(
          `The task pane did not render (${error.message}).\nErrors: ${JSON.stringify(errors)}\n` +
            `Requests: ${JSON.stringify(local)}`
        );
      });
    const notice = page.getByRole("group", { name: "Outside Excel" });
    await notice.waitFor();
    expect(await notice.textContent()).toContain("This page is open outside Excel.");
    expect(exceljsRequested()).toEqual([]);

    const company = page.getByRole("textbox", { name: "Company" });
    expect(await company.inputValue()).toBe("Veridian Cloud");
    await company.fill("Acme Analytics");
    await page.getByRole("textbox", { name: "Program Year" }).fill("2028");
    // Blank by default; the sample makes the scores below worth checking.
    const sample = page.getByRole("checkbox", { name: "Include sample data" });
    expect(await sample.isChecked()).toBe(false);
    await sample.check();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download workbook (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("partner-program.xlsx");
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);

    const done = page.getByRole("group", { name: "Done" });
    await done.waitFor();
    expect(await done.textContent()).toContain(
      "partner-program.xlsx downloaded: the program workbook for Acme Analytics"
    );
    expect(exceljsRequested()).not.toEqual([]);
    expect(errors).toEqual([]);
    expect(external.filter((url) => !url.startsWith(OFFICE_TELEMETRY))).toEqual([]);

    const workbook = new Workbook();
    await workbook.xlsx.readFile(file);
    const settings = workbook.getWorksheet("Settings");
    const settingsTable = settings && tableRange(settings, "tblSettings");
    expect(settingsTable).toBeDefined();
    const valueOf = (label: string): unknown => {
      for (let row = settingsTable!.first + 1; row <= settingsTable!.last; row++) {
        if (settings!.getCell(`A${row}`).text === label) return settings!.getCell(`B${row}`).value;
      }
      return undefined;
    };
    expect(valueOf("Company")).toBe("Acme Analytics");
    expect(valueOf("Program Year")).toBe(2028);

    const sheet = workbook.getWorksheet("Scoring");
    expect(sheet).toBeDefined();
    const weights = tableRange(sheet!, "tblWeights");
    expect(weights).toBeDefined();
    const scoring = tableRange(sheet!, "tblScoring");
    expect(scoring).toBeDefined();
    const { column, first, last } = scoring!;
    const partners: string[] = [];
    for (let row = first + 1; row <= last; row++)
      partners.push(sheet!.getCell(`${column}${row}`).text);
    expect(partners.length).toBeGreaterThanOrEqual(25);
    expect(partners.filter((name) => name.trim() === "")).toEqual([]);
    expect(await done.textContent()).toContain(`with ${partners.length} partners`);

    // The download carries the Dashboard's charts, as the CLI's file does.
    expect(chartsOf(readParts(readFileSync(file)), "Dashboard")).toHaveLength(4);
  });

  test("downloads a blank workbook with the user's CRM exports imported, and says what each brought", async () => {
    const page = await browser!.newPage({ acceptDownloads: true });
    page.setDefaultTimeout(BROWSER_WAIT_MS);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    await page.route(
      (url) => url.origin !== server!.origin,
      (route) => route.abort()
    );
    await page.goto(`${server!.origin}/taskpane.html`, { waitUntil: "networkidle" });
    await page.getByRole("group", { name: "Outside Excel" }).waitFor();

    // Picked in this order; the Landscape goes in first all the same, so its partners are known.
    await page.getByLabel("CRM export to import").setInputFiles([
      {
        name: "quarterly.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          "Partner Account,Fiscal Quarter,Pipeline Amount,Tier\nHarbor Analytics,Q1 2026,150000,Silver\nHarbor Analytics,Q9 2026,1,Silver\n"
        ),
      },
      {
        name: "partners.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("Partner Name,Partner Type\nHarbor Analytics,Boutique\n"),
      },
    ]);
    expect(await page.getByText("To import: quarterly.csv, partners.csv.").isVisible()).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download workbook (.xlsx)" }).click(),
    ]);
    const file = join(downloads, "with-imports.xlsx");
    await download.saveAs(file);
    const done = page.getByRole("group", { name: "Done" });
    await done.waitFor();
    expect(await done.textContent()).toContain("with the rows of 2 files imported");
    const imported = page.getByRole("group", { name: "Imported, some rows rejected" });
    expect(await imported.textContent()).toContain(
      "Landscape: added 1, updated 0, unchanged 0, rejected 0"
    );
    expect(await imported.textContent()).toContain("Scoring: added 1");
    expect(await imported.textContent()).toContain(
      "Quarterly: added 1, updated 0, unchanged 0, rejected 1"
    );
    expect(await page.getByText("quarterly.csv!B3").isVisible()).toBe(true);
    expect(errors).toEqual([]);

    const workbook = new Workbook();
    await workbook.xlsx.readFile(file);
    const cellsOf = (sheet: string, table: string) => {
      const ws = workbook.getWorksheet(sheet)!;
      const { column, first, last } = tableRange(ws, table)!;
      const names: string[] = [];
      for (let row = first + 1; row <= last; row++) names.push(ws.getCell(`${column}${row}`).text);
      return names;
    };
    expect(cellsOf("Landscape", "tblLandscape")).toEqual(["Harbor Analytics"]);
    expect(cellsOf("Scoring", "tblScoring")).toEqual(["Harbor Analytics"]);
    expect(cellsOf("Quarterly", "tblQuarterly")).toEqual(["Harbor Analytics"]);
  });

  /** Quarterly data as a CRM exports it: Harbor's Q2 is recorded Gold where the rules give Silver. */
  const QUARTERLY_CSV = [
    "Partner,Quarter,Pipeline,Certified,DedicatedPractice,RecordedTier",
    "Harbor Analytics,2026-Q1,150000,1,No,Silver",
    "Harbor Analytics,2026-Q2,150000,1,No,Gold",
  ].join("\n");

  test("by keyboard alone: settings, the workbook downloaded, a CSV validated and its findings read, all in view", async () => {
    const { page, errors } = await openPane(browser!, { origin: server!.origin, downloads: true });

    const company = page.getByRole("textbox", { name: "Company" });
    await tabTo(page, company);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Keyboard Analytics");
    const current = page.getByRole("textbox", { name: "Current ARR" });
    await tabTo(page, current);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("20m");
    await page.getByText("For example: 20000000 or $20,000,000.").waitFor();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("20000000");

    await tabTo(page, page.getByRole("button", { name: "Download workbook (.xlsx)" }));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.keyboard.press("Enter"),
    ]);
    const file = join(downloads, "keyboard.xlsx");
    await download.saveAs(file);
    const done = page.getByRole("group", { name: "Done" });
    await done.waitFor();
    // The outcome came into view and took the focus; a screen reader heard it.
    expect(await inView(page, done)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toContain(
      "partner-program.xlsx downloaded"
    );
    expect(await page.getByRole("status").textContent()).toContain(
      "Done. partner-program.xlsx downloaded"
    );
    await screenshot(page, "browser-program-downloaded");

    const workbook = new Workbook();
    await workbook.xlsx.readFile(file);
    const settings = workbook.getWorksheet("Settings")!;
    const labels = settings.getColumn(1).values as unknown[];
    const row = labels.indexOf("Company");
    expect(settings.getCell(`B${row}`).value).toBe("Keyboard Analytics");

    // Listening early: Playwright intercepts the file chooser only once told to, asynchronously.
    const choosing = page.waitForEvent("filechooser");
    await openSectionByKeyboard(page, "Check");
    await tabTo(page, page.getByRole("button", { name: "Validate a file…" }));
    await page.keyboard.press("Enter");
    const chooser = await choosing;
    await chooser.setFiles({
      name: "quarterly.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(QUARTERLY_CSV),
    });
    const results = page.getByRole("region", { name: "Tier validation" });
    await results.waitFor();
    const summary = results.getByText(/^\d+ errors?, \d+ warnings?/);
    expect(await summary.textContent()).toMatch(/^1 error, \d+ warnings? — 1 partner reviewed$/);
    expect(await inView(page, summary)).toBe(true);
    const finding = results.getByText("quarterly.csv!F3");
    expect(await finding.isVisible()).toBe(true);
    expect(await results.textContent()).toContain("recorded Gold");
    await screenshot(page, "browser-check-validated");
    expect(errors).toEqual([]);
  });

  test("axe-core finds nothing serious or critical on any section; each is screenshot at 350 px", async () => {
    const { page, errors } = await openPane(browser!, { origin: server!.origin });
    await page.getByRole("tab", { name: "Check" }).click();
    await page.getByLabel("Validate a file (.xlsx or CSV)").setInputFiles({
      name: "quarterly.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(QUARTERLY_CSV),
    });
    await page.getByRole("region", { name: "Tier validation" }).waitFor();

    const violations = await auditSections(page, "browser", [
      "Program",
      "Check",
      "Functions",
      "Weights",
    ]);

    expect(violations).toEqual({ Program: [], Check: [], Functions: [], Weights: [] });
    expect(errors).toEqual([]);
  });
});
