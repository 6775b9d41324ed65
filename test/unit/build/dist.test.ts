import { existsSync, readFileSync, readdirSync } from "fs";
import path from "path";
import { parseManifest, resourceValue, urls } from "../manifest/manifestXml";
import {
  firstLoadFiles,
  gzippedSize,
  OFFICE_BROWSER_TABLE,
  PageScript,
  pageScripts as scriptsOf,
} from "../../support/distFiles";

// What `npm run build` (webpack --mode production) leaves in dist/: `npm test` builds before jest runs.
const ROOT = path.resolve(__dirname, "../../..");
const DIST = path.join(ROOT, "dist");
const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_PACKAGE = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
/** Our lazy chunks: name, content hash, .js. */
const LAZY_CHUNK = /^[\w-]+\.[0-9a-f]{8}\.js$/;

const KB = 1024;
/** DESIGN.md §5: sizes, so they are asserted here; timings are left to `npm run bench`. */
const FUNCTIONS_BUDGET_GZ = 50 * KB;
const FIRST_LOAD_BUDGET_GZ = 300 * KB;

const distFile = (name: string): string => path.join(DIST, name);
const read = (name: string): string => readFileSync(distFile(name), "utf8");
const gzipped = (name: string): number => gzippedSize(DIST, name);
const raw = (name: string): number => readFileSync(distFile(name)).length;

function requireBuild(): void {
  const missing = ["taskpane.html", "functions.json", "manifest.xml", "office.js"].filter(
    (f) => !existsSync(distFile(f))
  );
  if (missing.length > 0) {
    throw new Error(
      `dist/ has no ${missing.join(", ")}: run \`npm run build\` first (npm test does).`
    );
  }
}

const pageScripts = (): readonly PageScript[] => scriptsOf(DIST);

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
  result: { dimensionality?: string; type?: string };
}

describe("the production build in dist/", () => {
  beforeAll(requireBuild);

  test("taskpane.html loads office.js first, then the functions and task pane bundles, and has #root", () => {
    const scripts = pageScripts();
    expect(scripts.map((s) => s.src)).toEqual(["office.js", "functions.js", "taskpane.js"]);
    // Deferred bundles run after office.js, which is not deferred: Office and CustomFunctions exist by then.
    expect(scripts.map((s) => s.defer)).toEqual([false, true, true]);
    for (const { src } of scripts) expect(existsSync(distFile(src))).toBe(true);
    expect(read("taskpane.html")).toMatch(/<div id="?root"?>/);
  });

  test("taskpane.html carries its Content-Security-Policy, and no bundle of ours evaluates strings", () => {
    expect(read("taskpane.html")).toMatch(
      /<meta http-equiv="?Content-Security-Policy"? content="default-src 'self'; script-src 'self';/
    );
    // Ours: webpack's bundles and chunks, not Microsoft's office.js files copied beside them.
    const ours = readdirSync(DIST).filter(
      (f) =>
        f.endsWith(".js") && (LAZY_CHUNK.test(f) || ["functions.js", "taskpane.js"].includes(f))
    );
    expect(ours.length).toBeGreaterThan(2);
    // The one exception: the setImmediate polyfill bundled in jszip and exceljs builds a function from a string
    // only when handed one, which neither library does (and the policy would refuse it).
    const STRING_CALLBACK = '"function"!=typeof e&&(e=new Function(""+e))';
    const evaluating = ours.filter((f) =>
      /\beval\(|new Function\(/.test(read(f).replaceAll(STRING_CALLBACK, ""))
    );
    expect(evaluating).toEqual([]);
  });

  test("functions.json describes every PS function and every parameter, on one line each", () => {
    const { functions } = JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] };
    const ids = functions.map((f) => f.id);
    expect(ids).toEqual([
      "PARTNERSCORE",
      "PARTNERBAND",
      "TIERQUALIFY",
      "TIERGAP",
      "TIERSTATUS",
      "BUILDPARTNER",
      "PARTNERFEE",
      "RACICHECK",
      "MDFROI",
      "SLAHOURS",
      "SLACOMPLIANCE",
    ]);
    const oneLine = (text: string | undefined, min: number) =>
      text !== undefined && new RegExp(`^[^\n]{${min},}$`).test(text);
    const undescribed = functions.flatMap((f) => [
      ...(oneLine(f.description, 20) ? [] : [f.id]),
      ...f.parameters.filter((p) => !oneLine(p.description, 10)).map((p) => `${f.id}(${p.name})`),
    ]);
    expect(undescribed).toEqual([]);
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      // Ranges in, spills out: every function returns a matrix.
      expect(f.result.dimensionality).toBe("matrix");
    }
    const score = functions.find((f) => f.id === "PARTNERSCORE")!;
    expect(score.parameters.map((p) => [p.name, p.optional ?? false, p.dimensionality])).toEqual([
      ["icpOrRatings", false, "matrix"],
      ["influenceOrWeights", true, "matrix"],
      ["practice", true, "matrix"],
      ["appetite", true, "matrix"],
      ["revenue", true, "matrix"],
      ["weights", true, "matrix"],
    ]);
    // What autocomplete shows after the name: every argument, optional ones in brackets.
    const signature = (id: string) =>
      functions
        .find((f) => f.id === id)!
        .parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))
        .join(", ");
    expect(Object.fromEntries(ids.slice(2).map((id) => [id, signature(id)]))).toEqual({
      TIERQUALIFY: "pipeline, certified, practice, [tiersRange]",
      TIERGAP: "pipeline, certified, practice, [targetTier], [tiersRange]",
      TIERSTATUS:
        "currentTier, pipelineHistory, certifiedHistory, practiceHistory, [tiersRange], [movementRange]",
      BUILDPARTNER:
        "coreOrInputs, [capacity], [adjacent], [strongPartner], [positiveEconomics], [critical], " +
        "[buildMonths], [acquisitionTarget], [newMarket], [localPresence]",
      PARTNERFEE: "model, acv, [rate]",
      RACICHECK: "rowRange",
      MDFROI: "sourcedRevenue, mdfPaid",
      SLAHOURS: "submitted, decided, [businessDays]",
      SLACOMPLIANCE: "submittedRange, decidedRange, [slaHours], [asOf]",
    });
    for (const f of functions) {
      for (const p of f.parameters)
        expect([f.id, p.name, p.dimensionality]).toEqual([f.id, p.name, "matrix"]);
    }
  });

  test("office.js is Microsoft's, byte for byte, with the files it loads beside it", () => {
    const companions = [
      "office.js",
      OFFICE_BROWSER_TABLE,
      "excel-win32-16.01.js",
      "excel-web-16.00.js",
      "excel-mac-16.00.js",
      "en-us/office_strings.js",
    ];
    for (const file of companions) {
      expect(
        readFileSync(distFile(file)).equals(readFileSync(path.join(OFFICE_JS_PACKAGE, file)))
      ).toBe(true);
    }
    expect(readdirSync(DIST).filter((f) => f.endsWith(".debug.js"))).toEqual([]);
  });

  test("the functions bundle registers every id of functions.json", () => {
    const { functions } = JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] };
    const bundle = read("functions.js");
    for (const { id } of functions) expect(bundle).toContain(`"${id}"`);
  });

  test("built without ADDIN_ORIGIN, manifest.xml is the source's, naming the development server", () => {
    // A deployment build (ADDIN_ORIGIN set) names its own address: test/unit/build/deployment.test.ts.
    const built = read("manifest.xml");
    const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(built).toBe(source);
    expect(resourceValue(parseManifest(built), "Taskpane.Url")).toBe(`${DEV_URL}taskpane.html`);
  });

  test("every file the production manifest points to is in dist/", () => {
    const builtManifest = parseManifest(read("manifest.xml"));
    const taskpaneUrl = resourceValue(builtManifest, "Taskpane.Url");
    const productionUrl = taskpaneUrl.replace(/taskpane\.html$/, "");
    const ours = urls(builtManifest).filter((u) => u.startsWith(productionUrl));
    expect(ours.length).toBeGreaterThan(5);
    const missing = ours.filter((u) => !existsSync(distFile(u.slice(productionUrl.length))));
    expect(missing).toEqual([]);
  });

  test("exceljs is a lazy chunk: the first load never downloads it", () => {
    const files = readdirSync(DIST);
    const exceljs = files.filter((f) => /^exceljs\..*\.js$/.test(f));
    expect(exceljs).toHaveLength(1);
    const initial = pageScripts().map((s) => s.src);
    expect(initial).not.toContain(exceljs[0]);
    // A string only exceljs's code holds (the workbook part it writes), absent from every initial script.
    expect(read(exceljs[0]!)).toContain("xl/workbook.xml");
    for (const script of initial) expect(read(script)).not.toContain("xl/workbook.xml");
  });

  test("sizes stay within budget: functions ≤ 50 KB and the task pane's first load ≤ 300 KB, gzipped", () => {
    const initial = firstLoadFiles(DIST);
    const lazy = readdirSync(DIST).filter((f) => LAZY_CHUNK.test(f));
    const rows = [...initial, ...lazy].map((f) => ({
      file: f,
      load: initial.includes(f) ? "first" : "lazy",
      rawKB: +(raw(f) / KB).toFixed(1),
      gzipKB: +(gzipped(f) / KB).toFixed(1),
    }));
    const firstLoad = initial.reduce((sum, f) => sum + gzipped(f), 0);
    console.log(
      [
        "dist/ sizes (KB):",
        ...rows.map(
          (r) =>
            `  ${r.file.padEnd(28)} ${r.load.padEnd(6)} ${String(r.rawKB).padStart(8)} raw ${String(r.gzipKB).padStart(7)} gzip`
        ),
        `  first load (${initial.join(", ")}): ${(firstLoad / KB).toFixed(1)} KB gzip`,
      ].join("\n")
    );
    expect(gzipped("functions.js")).toBeLessThanOrEqual(FUNCTIONS_BUDGET_GZ);
    expect(firstLoad).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_GZ);
  });
});
