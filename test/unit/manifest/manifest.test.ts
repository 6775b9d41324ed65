import { readFileSync } from "fs";
import path from "path";
import {
  ResourceKind,
  allElements,
  childElements,
  elements,
  only,
  parseManifest,
  parseXml,
  resourceValue,
  resources,
  urls,
} from "./manifestXml";

// Office cannot be run here and `npm run validate` needs Microsoft's online service, so the structure that
// decides whether the add-in loads at all is checked offline.
const ROOT = path.resolve(__dirname, "../../..");
const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const manifest = parseManifest(source);

/** The resource kind an element's resid must name: SourceLocation, Runtime, FunctionFile... need a URL. */
function expectedKind(referrer: string): ResourceKind {
  if (referrer === "Image") return "Images";
  if (referrer === "Description") return "LongStrings";
  if (referrer === "Label" || referrer === "Title" || referrer === "Namespace")
    return "ShortStrings";
  return "Urls";
}

const setVersion = (name: string): string | null => {
  const set = elements(only(manifest, "Requirements"), "Set").find(
    (s) => s.getAttribute("Name") === name
  );
  return set ? set.getAttribute("MinVersion") : null;
};

const versionAtLeast = (version: string | null, minimum: string): boolean => {
  if (version === null) return false;
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [minMajor = 0, minMinor = 0] = minimum.split(".").map(Number);
  return major > minMajor || (major === minMajor && minor >= minMinor);
};

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(parseXml(source).errors).toEqual([]);
    expect(parseXml("<OfficeApp><Id></OfficeApp>").errors).not.toEqual([]);
  });

  test("is an Excel task pane add-in called Partner Strategy that may read and write the workbook", () => {
    const root = manifest.documentElement!;
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(only(manifest, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    );
    expect(only(manifest, "ProviderName").textContent?.trim()).not.toBe("");
    expect(only(manifest, "DisplayName").getAttribute("DefaultValue")).toBe("Partner Strategy");
    const description = childElements(root).find((e) => e.localName === "Description");
    expect(description?.getAttribute("DefaultValue")).toMatch(/partner/i);
    expect(only(manifest, "Permissions").textContent).toBe("ReadWriteDocument");
    const hosts = elements(manifest, "Host").map(
      (h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type")
    );
    expect(new Set(hosts)).toEqual(new Set(["Workbook"]));
  });

  test("requires the shared runtime 1.1, custom functions runtime 1.2 or later, and ExcelApi 1.8 or later", () => {
    expect(setVersion("SharedRuntime")).toBe("1.1");
    // CustomFunctions.Error, the messages of #VALUE! and #N/A, arrived with 1.2.
    expect(versionAtLeast(setVersion("CustomFunctionsRuntime"), "1.2")).toBe(true);
    // Tables, conditional formats and data validation.
    expect(versionAtLeast(setVersion("ExcelApi"), "1.8")).toBe(true);
  });

  test("every resid it refers to is defined in <Resources>, with the kind of resource its element needs", () => {
    const defined = new Map(resources(manifest).map((r) => [r.id, r.kind]));
    const referrers = allElements(manifest).filter((e) => e.hasAttribute("resid"));
    expect(referrers.length).toBeGreaterThan(10);
    const problems = referrers.flatMap((e) => {
      const resid = e.getAttribute("resid")!;
      const kind = defined.get(resid);
      if (kind === undefined) return [`<${e.localName} resid="${resid}">: not defined`];
      const needed = expectedKind(e.localName ?? "");
      return kind === needed
        ? []
        : [`<${e.localName} resid="${resid}">: a ${kind} resource, needs ${needed}`];
    });
    expect(problems).toEqual([]);
  });

  test("resource ids are unique and strings fit Office's limits (125 short, 250 long)", () => {
    const all = resources(manifest);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) {
      if (r.kind === "ShortStrings") expect(r.value.length).toBeLessThanOrEqual(125);
      if (r.kind === "LongStrings") expect(r.value.length).toBeLessThanOrEqual(250);
      expect(r.value.trim()).not.toBe("");
    }
  });

  test("one shared runtime: the Runtime, the functions' Page, the FunctionFile and the task pane share a resid", () => {
    const runtime = only(manifest, "Runtime");
    const page = only(only(manifest, "Page"), "SourceLocation");
    const functionFile = only(manifest, "FunctionFile");
    const showTaskpane = elements(manifest, "Action").filter(
      (a) => a.getAttribute("xsi:type") === "ShowTaskpane"
    );
    expect(showTaskpane).toHaveLength(1);
    const taskpane = only(showTaskpane[0]!, "SourceLocation");
    const resids = [runtime, page, functionFile, taskpane].map((e) => e.getAttribute("resid"));
    expect(new Set(resids)).toEqual(new Set(["Taskpane.Url"]));
    // The page Office opens first is the same page.
    const defaultPage = only(only(manifest, "DefaultSettings"), "SourceLocation").getAttribute(
      "DefaultValue"
    );
    expect(defaultPage).toBe(resourceValue(manifest, "Taskpane.Url"));
    expect(defaultPage).toMatch(/\/taskpane\.html$/);
  });

  test("the runtime lives long and is the first child of the Workbook host", () => {
    expect(only(manifest, "Runtime").getAttribute("lifetime")).toBe("long");
    const host = only(only(manifest, "VersionOverrides"), "Host");
    expect(host.getAttribute("xsi:type")).toBe("Workbook");
    expect(childElements(host)[0]?.localName).toBe("Runtimes");
  });

  test("the custom functions are in namespace PS, with their script and functions.json", () => {
    const point = elements(manifest, "ExtensionPoint").find(
      (e) => e.getAttribute("xsi:type") === "CustomFunctions"
    );
    expect(point).toBeDefined();
    expect(resourceValue(manifest, only(point!, "Namespace").getAttribute("resid")!)).toBe("PS");
    const metadata = only(only(point!, "Metadata"), "SourceLocation").getAttribute("resid")!;
    expect(resourceValue(manifest, metadata)).toMatch(/\/functions\.json$/);
    const script = only(only(point!, "Script"), "SourceLocation").getAttribute("resid")!;
    expect(resourceValue(manifest, script)).toMatch(/\/functions\.js$/);
  });

  test("a ribbon button on the Home tab opens the task pane", () => {
    const tab = only(manifest, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const button = only(tab, "Control");
    expect(button.getAttribute("xsi:type")).toBe("Button");
    expect(only(button, "Action").getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  test("every URL is https; plain http would only be allowed for localhost", () => {
    const all = urls(manifest);
    expect(all.length).toBeGreaterThan(8);
    const insecure = all.filter(
      (u) => !u.startsWith("https://") && !/^http:\/\/localhost[:/]/.test(u)
    );
    expect(insecure).toEqual([]);
  });

  test("its icons exist in assets/ at the size it declares them", () => {
    const declared: [string, number][] = [
      ...elements(manifest, "Image")
        .filter((e) => e.hasAttribute("resid"))
        .map((e): [string, number] => [
          resourceValue(manifest, e.getAttribute("resid")!),
          Number(e.getAttribute("size")),
        ]),
      [only(manifest, "IconUrl").getAttribute("DefaultValue")!, 32],
      [only(manifest, "HighResolutionIconUrl").getAttribute("DefaultValue")!, 64],
    ];
    for (const [url, size] of declared) {
      const file = path.join(ROOT, new URL(url).pathname);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
