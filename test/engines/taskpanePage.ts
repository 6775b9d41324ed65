import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Browser, Locator, Page } from "playwright-core";

/** Chromium's own waits (page load, an element showing) on a busy 2-core machine; jest's is the project's. */
export const BROWSER_WAIT_MS = 60_000;

/** A usual task pane: 350 px wide, 700 px high. */
export const PANE = { width: 350, height: 700 } as const;

/** Outside Office, office.js opens a hidden telemetry iframe at this address (seen with @microsoft/office-js 1.1.110). */
export const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/";

/** Where the screenshots of each section are kept, for a person to look at: reports/ is not committed. */
export const SCREENSHOTS = resolve(__dirname, "..", "..", "reports", "taskpane");

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface PaneOptions {
  readonly origin: string;
  /** Downloads to save. */
  readonly downloads?: boolean;
  /** A script run before the page's own (the simulated Office); office.js is then not loaded. */
  readonly office?: string;
}

/** The built task pane at 350 × 700, offline (anything not from the server is blocked), with axe-core loaded. */
export async function openPane(
  browser: Browser,
  { origin, downloads = false, office }: PaneOptions
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ acceptDownloads: downloads, viewport: PANE });
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    const source = message.location().url;
    // Chromium asks every page for /favicon.ico and logs the 404; dist has no favicon and needs none.
    if (source === `${origin}/favicon.ico`) return;
    if (source.startsWith(OFFICE_TELEMETRY)) return;
    // Outside Office, office.js frames its telemetry page; the page's Content-Security-Policy refuses it, by design.
    if (message.text().startsWith(`Framing '${OFFICE_TELEMETRY}' violates`)) return;
    if (message.type() === "error") errors.push(`console error: ${message.text()} (${source})`);
  });
  await page.route(
    (url) => url.origin !== origin,
    (route) => route.abort()
  );
  // Init scripts run before the page's scripts, outside its Content-Security-Policy.
  await page.addInitScript({ content: AXE });
  if (office !== undefined) {
    await page.addInitScript({ content: office });
    // The real office.js would replace the simulated Office.
    await page.route(`${origin}/office.js`, (route) =>
      route.fulfill({ contentType: "text/javascript", body: "/* Office is simulated */" })
    );
  }
  await page.goto(`${origin}/taskpane.html`, { waitUntil: "networkidle" });
  await page.getByRole("heading", { name: "Partner Strategy" }).waitFor();
  return { page, errors };
}

interface AxeResult {
  readonly violations: readonly {
    readonly id: string;
    readonly impact: string | null;
    readonly help: string;
    readonly nodes: readonly { readonly target: readonly string[]; readonly html: string }[];
  }[];
}

/** axe-core's serious and critical violations on what the page shows now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run()
  );
  // Fluent's focus manager (tabster) puts invisible, aria-hidden <i tabindex=0 data-tabster-dummy> guards at the
  // edges of focus groups; they pass the focus on at once and are never read: not content to audit.
  return result.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) }))
    .filter((v) => v.nodes.length > 0 && (v.impact === "serious" || v.impact === "critical"))
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.html).join(", ")}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Presses Tab (Shift+Tab going back) until `target` has the focus, as a keyboard user moves; fails after 60. */
export async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Selects a section with the keyboard: to the selected tab, arrows along the tab list, Enter. */
export async function openSectionByKeyboard(page: Page, name: string): Promise<void> {
  const selected = page.getByRole("tab", { selected: true });
  await tabTo(page, selected, true);
  const names = await page.getByRole("tab").allInnerTexts();
  const from = names.indexOf(await selected.innerText());
  const to = names.indexOf(name);
  for (let i = from; i !== to; i += to > from ? 1 : -1)
    await page.keyboard.press(to > from ? "ArrowRight" : "ArrowLeft");
  await page.keyboard.press("Enter");
  await page.getByRole("tab", { name, selected: true }).waitFor();
}

/** Whether the element shows in the 350 × 700 viewport below the pane's sticky title and tabs: seen without scrolling. */
export async function inView(page: Page, element: Locator): Promise<boolean> {
  const header = await page.getByRole("tablist").boundingBox();
  const box = await element.boundingBox();
  return (
    header !== null &&
    box !== null &&
    box.y >= header.y + header.height &&
    box.y + Math.min(box.height, 40) <= PANE.height &&
    box.x >= 0 &&
    box.x + box.width <= PANE.width + 1
  );
}

/**
 * Opens each section by its tab: what axe-core finds serious or critical on it, and whether it is wider than the
 * pane; its screenshot is kept.
 */
export async function auditSections(
  page: Page,
  mode: string,
  sections: readonly string[]
): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const section of sections) {
    await page.getByRole("tab", { name: section }).click();
    await page.getByRole("tab", { name: section, selected: true }).waitFor();
    await page.waitForTimeout(100);
    await screenshot(page, `${mode}-${section.toLowerCase()}`);
    found[section] = await seriousViolations(page);
    // Nothing wider than the pane: a control cut off at its right edge is not seen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PANE.width) found[section].push(`wider than the pane: ${width} px`);
  }
  return found;
}
