import { dataRowCount } from "../../workbook/address";
import { LooseCellPlan, TablePlan } from "../../workbook/plan";
import { writePlanToBuffer } from "../writePlan";
import { Graft } from "./graftSheets";
import { Block, contains, sqrefWithin } from "./ranges";
import { Relationships } from "./relationships";
import { relativeTarget } from "./partNames";
import { copyPart, graftedSheetXml } from "./scratchParts";
import { RowText, cellsOf, dimensionCovering, rowXml, splitSheet } from "./sheetText";
import { notesMerged } from "./sheetNotes";
import {
  Document,
  Element,
  REL_NS,
  adopt,
  childNamed,
  childrenNamed,
  ensureChild,
  insertChild,
  parseXml,
  rootOf,
  serializeXml,
} from "./xmlDocument";
import { WORKSHEET_ORDER } from "./worksheetOrder";
import { ZipPackage } from "./zipPackage";

/** A table of the sheet that the new tables replace. */
export interface OldTable {
  readonly name: string;
  readonly block: Block;
}

const tableBlock = (table: TablePlan): Block => ({
  top: table.topLeft.row,
  left: table.topLeft.column,
  bottom: table.topLeft.row + dataRowCount(table),
  right: table.topLeft.column + table.columns.length - 1,
});

/** Where the rows go back into a sheet serialised without them. */
const ROWS_MARK = "<!--partner-strategy:rows-->";

/**
 * The rows with the cells of `clear` removed and the scratch sheet's cells of `owned` put in: every other
 * row, and every other cell of a row, stays as the characters it was.
 */
function rowsWith(
  rows: readonly RowText[],
  scratchRows: readonly RowText[],
  clear: readonly Block[],
  owned: readonly Block[],
  prefix: string
): RowText[] {
  const inAny = (blocks: readonly Block[], row: number, column: number) =>
    blocks.some((b) => contains(b, row, column));
  const touches = (blocks: readonly Block[], row: number) =>
    blocks.some((b) => row >= b.top && row <= b.bottom);
  const incoming = new Map<number, RowText>();
  for (const row of scratchRows) if (touches(owned, row.r - 1)) incoming.set(row.r, row);
  const result: RowText[] = [];
  const seen = new Set<number>();
  const rebuilt = (r: number, existing: string | undefined): RowText => {
    const mine =
      existing === undefined
        ? { open: `<${prefix}row r="${r}">`, cells: [] }
        : cellsOf(existing, prefix);
    const kept = mine.cells.filter(
      (c) => !inAny(clear, r - 1, c.column) && !inAny(owned, r - 1, c.column)
    );
    const scratch = incoming.get(r);
    const added =
      scratch === undefined
        ? []
        : cellsOf(scratch.xml, "").cells.filter((c) => inAny(owned, r - 1, c.column));
    const cells = [
      ...kept,
      ...added.map((c) => ({ column: c.column, xml: prefixed(c.xml, prefix) })),
    ].sort((a, b) => a.column - b.column);
    // The span hint would be stale.
    return { r, xml: rowXml({ open: mine.open.replace(/\sspans="[^"]*"/, ""), cells }, prefix) };
  };
  for (const row of rows) {
    seen.add(row.r);
    result.push(touches(clear, row.r - 1) || incoming.has(row.r) ? rebuilt(row.r, row.xml) : row);
  }
  for (const r of incoming.keys()) if (!seen.has(r)) result.push(rebuilt(r, undefined));
  return result.sort((a, b) => a.r - b.r);
}

/** A scratch cell (no prefix) in a sheet whose main namespace has a prefix. */
const prefixed = (xml: string, prefix: string): string =>
  prefix === "" ? xml : xml.replace(/<(\/?)(?=[a-z])/g, `<$1${prefix}`);

const elements = (parent: Element, name: string): Element[] => childrenNamed(parent, name);

/** Drops conditional formats and validations lying wholly in `clear`, then adds the scratch sheet's. */
function rulesWith(doc: Document, scratch: Document, clear: readonly Block[]): void {
  const root = rootOf(doc);
  for (const cf of elements(root, "conditionalFormatting"))
    if (sqrefWithin(cf.getAttribute("sqref") ?? "", clear)) root.removeChild(cf);
  let priority = 0;
  for (const cf of elements(root, "conditionalFormatting"))
    for (const rule of elements(cf, "cfRule"))
      priority = Math.max(priority, Number(rule.getAttribute("priority")) || 0);
  for (const cf of elements(rootOf(scratch), "conditionalFormatting")) {
    const copy = adopt(doc, cf);
    for (const rule of elements(copy, "cfRule")) rule.setAttribute("priority", String(++priority));
    const last = elements(root, "conditionalFormatting").at(-1);
    if (last !== undefined) root.insertBefore(copy, last.nextSibling);
    else root.replaceChild(copy, insertChild(root, "conditionalFormatting", WORKSHEET_ORDER));
  }
  const existing = childNamed(root, "dataValidations");
  if (existing !== undefined) {
    for (const dv of elements(existing, "dataValidation"))
      if (sqrefWithin(dv.getAttribute("sqref") ?? "", clear)) existing.removeChild(dv);
  }
  const incoming = childNamed(rootOf(scratch), "dataValidations");
  const added = incoming === undefined ? [] : elements(incoming, "dataValidation");
  if (added.length > 0 || existing !== undefined) {
    const list = ensureChild(root, "dataValidations", WORKSHEET_ORDER);
    for (const dv of added) list.appendChild(adopt(doc, dv));
    const count = elements(list, "dataValidation").length;
    if (count === 0) root.removeChild(list);
    else list.setAttribute("count", String(count));
  }
}

/**
 * Writes tables (and loose cells: titles, notes) onto an existing sheet of the package, over the tables
 * `replacing` names: only the cells of the old and new tables' ranges change, with the validations,
 * conditional formats and notes that lay on them, the table parts, and the sheet's relationships. The
 * cells are rendered by the exceljs writer into a scratch package first, then grafted.
 */
export async function writeTablesOnSheet(
  pkg: ZipPackage,
  sheetName: string,
  tables: readonly TablePlan[],
  cells: readonly LooseCellPlan[],
  replacing: readonly OldTable[]
): Promise<void> {
  const scratchBytes = await writePlanToBuffer({
    sheets: [{ name: sheetName, tables, cells, freezeRows: 0 }],
  });
  const graft = await Graft.open(pkg, scratchBytes);
  const entry = graft.workbook
    .sheets()
    .find((s) => s.name.toUpperCase() === sheetName.toUpperCase());
  if (entry?.part === undefined) throw new Error(`the workbook has no worksheet ${sheetName}`);
  const part = entry.part;
  const [scratchSheet] = (await graft.scratchSheets()).values();
  const scratchPart = scratchSheet?.part;
  const scratchXml = graftedSheetXml(
    await graft.g.scratch.text(scratchPart!),
    graft.styles,
    graft.strings
  );

  const owned = [
    ...tables.map(tableBlock),
    ...cells.map((c) => ({
      top: c.at.row,
      bottom: c.at.row,
      left: c.at.column,
      right: c.at.column,
    })),
  ];
  const clear = [...owned, ...replacing.map((t) => t.block)];
  const sheet = splitSheet(await pkg.text(part));
  for (const block of owned) sheet.head = dimensionCovering(sheet.head, block);
  const scratch = splitSheet(scratchXml);
  const rows = rowsWith(sheet.rows, scratch.rows, clear, owned, sheet.prefix);

  const doc = parseXml(`${sheet.head}${ROWS_MARK}${sheet.tail}`, part);
  const scratchDoc = parseXml(scratchXml, "scratch sheet");
  rulesWith(doc, scratchDoc, clear);

  const rels = await Relationships.of(pkg, part);
  const scratchRels = await Relationships.of(graft.g.scratch, scratchPart!);
  await tablePartsWith(graft, doc, rels, replacing);
  const root = rootOf(doc);
  const tableParts = ensureChild(root, "tableParts", WORKSHEET_ORDER);
  for (const rel of scratchRels.ofType("table")) {
    const copy = await copyPart(graft.g, rel.part!);
    const id = rels.add(rel.type, relativeTarget(part, copy));
    const tablePart = doc.createElementNS(
      tableParts.namespaceURI,
      tableParts.prefix ? `${tableParts.prefix}:tablePart` : "tablePart"
    );
    tablePart.setAttributeNS(REL_NS, `${root.lookupPrefix(REL_NS) ?? "r"}:id`, id);
    tableParts.appendChild(tablePart);
  }
  tableParts.setAttribute("count", String(elements(tableParts, "tablePart").length));
  if (elements(tableParts, "tablePart").length === 0) root.removeChild(tableParts);
  if (root.lookupPrefix(REL_NS) === null) root.setAttribute("xmlns:r", REL_NS);

  await notesMerged(graft, { part, doc, rels }, { part: scratchPart!, rels: scratchRels });
  rels.saveTo(pkg);
  const [before, after] = serializeXml(doc).split(ROWS_MARK) as [string, string];
  pkg.set(part, before + rows.map((r) => r.xml).join("") + after);
  graft.workbook.dropCalculationChain(pkg, graft.g.types);
  graft.finish();
}

/** Removes the replaced tables' parts, their relationships and their entries on the sheet. */
async function tablePartsWith(
  graft: Graft,
  doc: Document,
  rels: Relationships,
  replacing: readonly OldTable[]
): Promise<void> {
  const names = new Set(replacing.map((t) => t.name.toUpperCase()));
  if (names.size === 0) return;
  const list = childNamed(rootOf(doc), "tableParts");
  for (const rel of rels.ofType("table")) {
    const xml = await graft.g.target.text(rel.part!);
    const name = /<(?:\w+:)?table\b[^>]*?\sname="([^"]*)"/.exec(xml)?.[1] ?? "";
    if (!names.has(name.toUpperCase())) continue;
    graft.g.target.remove(rel.part!);
    graft.g.types.remove(rel.part!);
    rels.remove(rel.id);
    for (const entry of list === undefined ? [] : elements(list, "tablePart"))
      if (entry.getAttributeNS(REL_NS, "id") === rel.id) list!.removeChild(entry);
  }
}

/** Adds planned tables to an existing sheet where their cells are empty (the caller checked that). */
export const addTablesToSheet = (
  pkg: ZipPackage,
  sheet: string,
  tables: readonly TablePlan[]
): Promise<void> => writeTablesOnSheet(pkg, sheet, tables, [], []);
