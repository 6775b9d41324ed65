import { existsSync } from "node:fs";
import { join } from "node:path";
import { Browser, chromium } from "playwright-core";
import { CHROMIUM, describeWithEngine } from "./engine";
import { fakeOfficeScript } from "./fakeOffice/bundle";
import { StaticServer, serveDirectory } from "./serve";
import { auditSections, inView, openPane, screenshot } from "./taskpanePage";

const DIST = join(__dirname, "..", "..", "dist");

/** What the recording fake holds, read in the page. */
interface FakeExcel {
  cell(sheet: string, address: string): unknown;
  selection: { sheet: string; address: string } | undefined;
  activeSheet: string | undefined;
  sheets: { name: string }[];
}

interface FakeWindow {
  readonly recordingExcel: FakeExcel;
}

describeWithEngine(CHROMIUM, "task pane in Excel, simulated in a browser", () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let office: string;

  beforeAll(async () => {
    if (!existsSync(join(DIST, "taskpane.html")))
      throw new Error(`${join(DIST, "taskpane.html")} is missing: run \`npm run build\` first.`);
    office = await fakeOfficeScript();
    server = await serveDirectory(DIST);
    browser = await chromium.launch({
      executablePath: CHROMIUM.executable,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("create the workbook, import a CSV, validate, go to a finding, insert a function, apply weights", async () => {
    const { page, errors } = await openPane(browser!, { origin: server!.origin, office });
    expect(await page.getByRole("tab").allInnerTexts()).toEqual([
      "Program",
      "Data",
      "Check",
      "Functions",
      "Weights",
    ]);

    // Program: the sample's partners and quarters, so that validation has something to find.
    await page.getByRole("checkbox", { name: "Include sample data" }).check();
    await page.getByRole("button", { name: "Create program workbook" }).click();
    const done = page.getByRole("group", { name: "Done" });
    await done.waitFor();
    expect(await done.textContent()).toContain("Created the program workbook");
    expect(await inView(page, done)).toBe(true);
    expect(
      await page.evaluate(() =>
        (window as unknown as FakeWindow).recordingExcel.sheets.map((s) => s.name)
      )
    ).toEqual(expect.arrayContaining(["Settings", "Scoring", "Quarterly", "Dashboard"]));
    await screenshot(page, "excel-program-created");

    // Data: a CRM export of partners into the Landscape.
    await page.getByRole("tab", { name: "Data" }).click();
    await page.getByLabel("CRM export to import").setInputFiles({
      name: "partners.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Partner Name,Partner Type\nHarbor Analytics,Boutique\n"),
    });
    const imported = page.getByRole("group", { name: /^Imported/ });
    await imported.waitFor();
    expect(await imported.textContent()).toContain("Landscape: added 1");
    await screenshot(page, "excel-data-imported");

    // Check: validate, then a finding's cell.
    await page.getByRole("tab", { name: "Check" }).click();
    await page.getByRole("button", { name: "Validate" }).click();
    const results = page.getByRole("region", { name: "Tier validation" });
    await results.waitFor();
    const summary = results.getByText(/^\d+ errors?, \d+ warnings?/);
    expect(await inView(page, summary)).toBe(true);
    const first = results.getByRole("list").first().getByRole("button").first();
    const cited = /^(?:Error|Warning|Note)([^!]+)!([A-Z]+\d+)/.exec(
      (await first.textContent()) ?? ""
    );
    expect(cited).not.toBeNull();
    await first.click();
    await page.waitForFunction(
      ([sheet, cell]) => {
        const excel = (window as unknown as FakeWindow).recordingExcel;
        return excel.selection?.address === cell && excel.activeSheet === sheet;
      },
      [cited![1]!, cited![2]!]
    );
    await screenshot(page, "excel-check-validated");

    // Functions: the analyst picks a cell, then inserts an example.
    await page.evaluate(() => {
      const excel = (window as unknown as FakeWindow).recordingExcel;
      excel.activeSheet = "Sheet1";
      excel.selection = { sheet: "Sheet1", address: "C3" };
    });
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.getByRole("button", { name: "Insert PS.PARTNERSCORE example" }).click();
    await page.getByRole("group", { name: "Done" }).filter({ hasText: "Inserted" }).waitFor();
    expect(
      await page.evaluate(() =>
        (window as unknown as FakeWindow).recordingExcel.cell("Sheet1", "C3")
      )
    ).toEqual({
      formula: "=PS.PARTNERSCORE(80,70,60,50,40)",
    });

    // Weights: 40/15/20/15/10, applied to tblWeights (Scoring!L4:L8).
    await page.getByRole("tab", { name: "Weights" }).click();
    await page.getByRole("list", { name: "Sensitivity of the weights" }).waitFor();
    await page.getByRole("textbox", { name: "ICP Client Overlap" }).fill("40");
    await page.getByRole("textbox", { name: "Market Influence" }).fill("15");
    expect(await page.getByText("Total: 100%").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("group", { name: "Done" }).filter({ hasText: "Applied" }).waitFor();
    expect(
      await page.evaluate(() =>
        ["L4", "L5", "L6", "L7", "L8"].map((a) =>
          (window as unknown as FakeWindow).recordingExcel.cell("Scoring", a)
        )
      )
    ).toEqual([40, 15, 20, 15, 10].map((value) => ({ value })));
    await screenshot(page, "excel-weights-applied");
    expect(errors).toEqual([]);

    const violations = await auditSections(page, "excel", [
      "Program",
      "Data",
      "Check",
      "Functions",
      "Weights",
    ]);
    expect(violations).toEqual({ Program: [], Data: [], Check: [], Functions: [], Weights: [] });
  });
});
