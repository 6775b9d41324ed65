import { packageTables } from "../../../src/xlsx/package/packageTables";
import { ZipPackage } from "../../../src/xlsx/package/zipPackage";
import {
  assertEditable,
  assertReplaceable,
  WouldLoseContent,
} from "../../../src/xlsx/unkeptContent";
import { programBytes } from "./userEdits";
import { readParts, withParts } from "./zipParts";

const TBL = "tblRoadmap";

/** A slicer cache part as Excel writes one for a table's column. */
const slicerCache = (tableId: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><slicerCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" name="Slicer_Status" sourceName="Status"><extLst><x:ext xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uri="{2F2917AC-EB37-4324-AD4E-5DD8C200BD13}"><x15:tableSlicerCache xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" tableId="${tableId}" column="5"/></x:ext></extLst></slicerCacheDefinition>`;

async function replaceable(bytes: Uint8Array): Promise<void> {
  const pkg = await ZipPackage.open(bytes);
  return assertReplaceable(pkg, [(await packageTables(pkg)).get(TBL.toUpperCase())!]);
}

describe("what the package writer refuses", () => {
  let program: Uint8Array;
  let roadmapPart: string;
  let roadmapId: string;
  beforeAll(async () => {
    program = await programBytes();
    const table = (await packageTables(await ZipPackage.open(program))).get(TBL.toUpperCase())!;
    roadmapPart = table.part;
    roadmapId = table.doc.documentElement!.getAttribute("id")!;
  });

  test("charts, pivot tables, threaded comments, connections and anything new are no reason to refuse", async () => {
    const bytes = withParts(program, {
      "xl/charts/chart1.xml": "<c:chartSpace/>",
      "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
      "xl/threadedComments/threadedComment1.xml": "<ThreadedComments/>",
      "xl/connections.xml": "<connections/>",
      "xl/somethingNew/part1.xml": "<x/>",
    });
    await expect(assertEditable(await ZipPackage.open(bytes))).resolves.toBeUndefined();
    await expect(replaceable(bytes)).resolves.toBeUndefined();
  });

  test("a Strict Open XML workbook is refused, with what to do", async () => {
    const xml = readParts(program).get("xl/workbook.xml")!.toString("utf8");
    const strict = withParts(program, {
      "xl/workbook.xml": xml.replace(
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main"
      ),
    });
    const refused = assertEditable(await ZipPackage.open(strict));
    await expect(refused).rejects.toThrow(WouldLoseContent);
    await expect(assertEditable(await ZipPackage.open(strict))).rejects.toThrow(
      "it holds parts in Strict Open XML, which the sheets this program writes (transitional Open XML) cannot be mixed into; save it as Excel Workbook (.xlsx) in Excel, then run again"
    );
  });

  test("a table tied to a slicer is not written anew; a slicer on another table does not matter", async () => {
    const sliced = withParts(program, {
      "xl/slicerCaches/slicerCache1.xml": slicerCache(roadmapId),
    });
    await expect(replaceable(sliced)).rejects.toThrow(
      "it holds a slicer on tblRoadmap, which writing the table anew would disconnect (Excel would then drop the slicer)"
    );
    const other = withParts(program, { "xl/slicerCaches/slicerCache1.xml": slicerCache("999") });
    await expect(replaceable(other)).resolves.toBeUndefined();
  });

  test("a table filled by a data connection is not written anew", async () => {
    const xml = readParts(program).get(roadmapPart)!.toString("utf8");
    const query = withParts(program, {
      [roadmapPart]: xml.replace(/<table\b/, '<table tableType="queryTable"'),
    });
    await expect(replaceable(query)).rejects.toThrow(
      "it holds a data connection filling tblRoadmap, which writing the table anew would disconnect"
    );
  });
});
