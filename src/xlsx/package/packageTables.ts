import { Block, blockOf, withBottom } from "./ranges";
import { Relationships } from "./relationships";
import { WorkbookPart } from "./workbookPart";
import { Document, childNamed, childrenNamed, parseXml, rootOf, serializeXml } from "./xmlDocument";
import { ZipPackage } from "./zipPackage";

/** A table of the package, read from its part. */
export interface PackageTable {
  readonly name: string;
  readonly part: string;
  readonly doc: Document;
  readonly sheet: string;
  readonly sheetPart: string;
  readonly block: Block;
  readonly headerRows: number;
  readonly totalsRows: number;
  readonly columns: readonly { readonly name: string; readonly formula: string | undefined }[];
}

/** Every table of the package's worksheets, by name in upper case (Excel ignores case). */
export async function packageTables(pkg: ZipPackage): Promise<Map<string, PackageTable>> {
  const tables = new Map<string, PackageTable>();
  for (const sheet of (await WorkbookPart.of(pkg)).sheets()) {
    if (sheet.part === undefined) continue;
    for (const rel of (await Relationships.of(pkg, sheet.part)).ofType("table")) {
      if (rel.part === undefined || !pkg.has(rel.part)) continue;
      const doc = parseXml(await pkg.text(rel.part), rel.part);
      const root = rootOf(doc);
      const block = blockOf(root.getAttribute("ref") ?? "");
      if (block === undefined) continue;
      const name = root.getAttribute("displayName") || root.getAttribute("name") || "";
      const list = childNamed(root, "tableColumns");
      tables.set(name.toUpperCase(), {
        name,
        part: rel.part,
        doc,
        sheet: sheet.name,
        sheetPart: sheet.part,
        block,
        headerRows: Number(root.getAttribute("headerRowCount") ?? 1),
        totalsRows: Number(root.getAttribute("totalsRowCount") ?? 0),
        columns: (list === undefined ? [] : childrenNamed(list, "tableColumn")).map((c) => {
          const formula = childNamed(c, "calculatedColumnFormula")?.textContent ?? undefined;
          return { name: c.getAttribute("name") ?? "", formula };
        }),
      });
    }
  }
  return tables;
}

/** Sets the table's range, and its filter's, to end at row `last` (0-based) in the package. */
export function growTable(pkg: ZipPackage, table: PackageTable, last: number): void {
  const root = rootOf(table.doc);
  root.setAttribute("ref", withBottom(root.getAttribute("ref")!, last));
  const filter = childNamed(root, "autoFilter");
  filter?.setAttribute(
    "ref",
    withBottom(filter.getAttribute("ref") ?? root.getAttribute("ref")!, last)
  );
  pkg.set(table.part, serializeXml(table.doc));
}
