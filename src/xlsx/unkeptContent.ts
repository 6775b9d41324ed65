import { PackageTable } from "./package/packageTables";
import { WorkbookPart } from "./package/workbookPart";
import { ZipPackage } from "./package/zipPackage";

/**
 * What the package writer cannot keep. Adding sheets, rewriting one generated sheet's tables and editing
 * table rows copy every part they do not own byte for byte (charts, pivot tables, drawings, slicers,
 * macros, connections, threaded comments, custom properties…) and edit the few they own at the XML level,
 * so almost nothing is refused. What is, is named with the reason, and the file is left as it is.
 */

/** The workbook holds something the command would break: the command leaves the file as it is. */
export class WouldLoseContent extends Error {
  override readonly name = "WouldLoseContent";
  constructor(
    /** What the user would lose, in their words: "a slicer on tblRoadmap". */
    readonly content: string,
    readonly why: string
  ) {
    super(`it holds ${content}, which ${why}`);
  }
}

/** Strict Open XML names its parts' namespaces under purl.oclc.org instead of schemas.openxmlformats.org. */
const STRICT = /xmlns(?::\w+)?="http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main"/;

/**
 * Throws WouldLoseContent for a workbook saved as Strict Open XML: the sheets and tables this program
 * writes are transitional Open XML, which Excel does not accept mixed into a Strict package.
 */
export async function assertEditable(pkg: ZipPackage): Promise<void> {
  const workbook = await WorkbookPart.of(pkg);
  if (STRICT.test((await pkg.text(workbook.part)).slice(0, 4096)))
    throw new WouldLoseContent(
      "parts in Strict Open XML",
      "the sheets this program writes (transitional Open XML) cannot be mixed into; save it as Excel Workbook (.xlsx) in Excel, then run again"
    );
}

/**
 * Throws WouldLoseContent when a table about to be written anew is tied to another part by its identity:
 * a slicer (its cache names the table by id, which a new table part does not keep, so Excel
 * would drop it on open) or a data connection that fills the table (its query table lives on the old
 * table part). A chart, pivot table or formula reading the table names it by its range or name, which stay.
 */
export async function assertReplaceable(
  pkg: ZipPackage,
  tables: readonly PackageTable[]
): Promise<void> {
  for (const table of tables) {
    const root = table.doc.documentElement!;
    if (root.getAttribute("tableType") === "queryTable")
      throw new WouldLoseContent(
        `a data connection filling ${table.name}`,
        "writing the table anew would disconnect"
      );
    const id = root.getAttribute("id");
    const cache = new RegExp(`<(?:\\w+:)?tableSlicerCache\\b[^>]*\\stableId="${id}"`);
    for (const part of pkg.names()) {
      if (!part.startsWith("xl/slicerCaches/")) continue;
      if (cache.test(await pkg.text(part)))
        throw new WouldLoseContent(
          `a slicer on ${table.name}`,
          "writing the table anew would disconnect (Excel would then drop the slicer)"
        );
    }
  }
}
