import { StyleMap } from "./stylesMerge";
import { freePartName, relativeTarget } from "./partNames";
import { ContentTypes } from "./contentTypes";
import { Relationships } from "./relationships";
import { ZipPackage } from "./zipPackage";

/**
 * What a part rendered into a scratch package (by the exceljs writer) needs to live in the workbook:
 * its cells' styles renumbered into the workbook's stylesheet, its shared strings written inline (the
 * workbook's shared strings stay as they are), table ids unique in the workbook.
 */

/** The scratch package's shared strings, each as the inside of its <si>: rich text and all. */
export async function sharedStringsOf(
  scratch: ZipPackage,
  part: string | undefined
): Promise<string[]> {
  const xml = part === undefined ? undefined : await scratch.textIfAny(part);
  if (xml === undefined) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
}

/** A scratch worksheet's XML with its styles mapped into the workbook's and its strings inline. */
export function graftedSheetXml(xml: string, styles: StyleMap, strings: readonly string[]): string {
  return (
    xml
      .replace(
        /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g,
        (cell, attributes: string, _end, body?: string) => {
          const attrs = attributes.replace(
            /\ss="(\d+)"/,
            (_, s: string) => ` s="${styles.xf(Number(s))}"`
          );
          if (!/\st="s"/.test(attrs) || body === undefined)
            return `<c${attrs}${body === undefined ? "/>" : `>${body}</c>`}`;
          const index = Number(/<v>(\d+)<\/v>/.exec(body)?.[1]);
          return `<c${attrs.replace(/\st="s"/, ' t="inlineStr"')}><is>${strings[index] ?? ""}</is></c>`;
        }
      )
      .replace(
        /(<row\b[^>]*?\ss=")(\d+)"/g,
        (_, start: string, s: string) => `${start}${styles.xf(Number(s))}"`
      )
      .replace(
        /(<col\b[^>]*?\sstyle=")(\d+)"/g,
        (_, start: string, s: string) => `${start}${styles.xf(Number(s))}"`
      )
      .replace(
        /(<cfRule\b[^>]*?\sdxfId=")(\d+)"/g,
        (_, start: string, n: string) => `${start}${styles.dxf(Number(n))}"`
      )
      // The workbook's active tab stays the one the user had.
      .replace(/\stabSelected="1"/g, "")
  );
}

/** The ids of the tables a package holds: each table's id is unique in the workbook. */
export async function tableIds(pkg: ZipPackage, types: ContentTypes): Promise<Set<number>> {
  const ids = new Set<number>();
  for (const name of pkg.names()) {
    if (!types.typeOf(name)?.endsWith(".table+xml")) continue;
    const id = /<(?:\w+:)?table\b[^>]*?\sid="(\d+)"/.exec(await pkg.text(name))?.[1];
    if (id !== undefined) ids.add(Number(id));
  }
  return ids;
}

/** Gives a table part the next free id. */
export function withTableId(xml: string, ids: Set<number>): string {
  let id = 1;
  while (ids.has(id)) id++;
  ids.add(id);
  return xml.replace(/(<(?:\w+:)?table\b[^>]*?\sid=")\d+"/, `$1${id}"`);
}

export interface Grafting {
  readonly scratch: ZipPackage;
  readonly scratchTypes: ContentTypes;
  readonly target: ZipPackage;
  readonly types: ContentTypes;
  readonly tableIds: Set<number>;
}

/**
 * Copies a part a scratch sheet points to (table, notes, their drawing) into the workbook under a free
 * name like its own, with its content type; returns the new name.
 */
export async function copyPart(
  g: Grafting,
  part: string,
  edit: (xml: string) => string = (x) => x
): Promise<string> {
  const name = freePartName(part, (n) => g.target.has(n));
  const type = g.scratchTypes.typeOf(part);
  let xml = edit(await g.scratch.text(part));
  if (type?.endsWith(".table+xml")) xml = withTableId(xml, g.tableIds);
  g.target.set(name, xml);
  if (type !== undefined) g.types.add(name, type);
  return name;
}

/** Copies the relationships of a scratch part for its copy `copy`, with each target copied too. */
export async function copyRelationships(
  g: Grafting,
  source: string,
  copy: string,
  renamed: (part: string) => Promise<string>
): Promise<void> {
  const from = await Relationships.of(g.scratch, source);
  const to = await Relationships.of(g.target, copy);
  for (const rel of from.all()) {
    const target =
      rel.part === undefined ? rel.target : relativeTarget(copy, await renamed(rel.part));
    // The copy's part names its relationships by the same ids.
    to.add(rel.type, target, rel.id);
  }
  to.saveTo(g.target);
}
