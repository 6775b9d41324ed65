import { ContentTypes } from "./contentTypes";
import { freePartName, relsPartOf } from "./partNames";
import {
  Grafting,
  copyPart,
  copyRelationships,
  graftedSheetXml,
  sharedStringsOf,
  tableIds,
} from "./scratchParts";
import { StyleMap, mergeStyles } from "./stylesMerge";
import { WorkbookPart } from "./workbookPart";
import { parseXml, serializeXml } from "./xmlDocument";
import { ZipPackage } from "./zipPackage";

interface ScratchSheet {
  readonly part: string;
  readonly names: readonly { readonly name: string; readonly formula: string }[];
}

/**
 * The workbook open for grafting parts rendered into a scratch package: the parts every graft shares
 * (workbook, content types, styles) are read once and written once, at `finish`.
 */
export class Graft {
  private constructor(
    readonly g: Grafting,
    readonly workbook: WorkbookPart,
    readonly styles: StyleMap,
    readonly strings: readonly string[],
    private readonly finishStyles: () => void
  ) {}

  static async open(target: ZipPackage, scratchBytes: Uint8Array): Promise<Graft> {
    const scratch = await ZipPackage.open(scratchBytes);
    const [types, scratchTypes] = [await ContentTypes.of(target), await ContentTypes.of(scratch)];
    const workbook = await WorkbookPart.of(target);
    const scratchWorkbook = await WorkbookPart.of(scratch);
    const stylesPart = workbook.partOfType("styles");
    const scratchStyles = await scratch.text(
      scratchWorkbook.partOfType("styles") ?? "xl/styles.xml"
    );
    let styles: StyleMap;
    let finishStyles: () => void;
    if (stylesPart === undefined) {
      // A workbook without a stylesheet (a few generators write none) takes the scratch one whole.
      target.set("xl/styles.xml", scratchStyles);
      types.add("xl/styles.xml", scratchTypes.typeOf("xl/styles.xml")!);
      workbook.rels.add(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
        "styles.xml"
      );
      styles = { xf: (n) => n, dxf: (n) => n };
      finishStyles = () => undefined;
    } else {
      const doc = parseXml(await target.text(stylesPart), stylesPart);
      styles = mergeStyles(doc, scratchStyles);
      finishStyles = () => target.set(stylesPart, serializeXml(doc));
    }
    const strings = await sharedStringsOf(scratch, scratchWorkbook.partOfType("sharedStrings"));
    const g = { scratch, scratchTypes, target, types, tableIds: await tableIds(target, types) };
    return new Graft(g, workbook, styles, strings, finishStyles);
  }

  /** The scratch package's sheets by name, with their parts and the names scoped to them (print area, titles). */
  async scratchSheets(): Promise<Map<string, ScratchSheet>> {
    const scratchWorkbook = await WorkbookPart.of(this.g.scratch);
    return new Map(
      scratchWorkbook
        .sheets()
        .map((s, i) => [s.name, { part: s.part!, names: scratchWorkbook.namesOfSheet(i) }])
    );
  }

  /** Copies a scratch sheet (and its tables, notes and charts) in as a new worksheet part; returns its name. */
  async copySheet(scratchPart: string): Promise<string> {
    const part = freePartName("xl/worksheets/sheet1.xml", (n) => this.g.target.has(n));
    const xml = await this.g.scratch.text(scratchPart);
    this.g.target.set(part, graftedSheetXml(xml, this.styles, this.strings));
    this.g.types.add(part, this.g.scratchTypes.typeOf(scratchPart)!);
    // A part the sheet points to may point on in turn: its drawing to the drawing's charts.
    const copyWithRelationships = async (p: string): Promise<string> => {
      const copy = await copyPart(this.g, p);
      if (this.g.scratch.has(relsPartOf(p)))
        await copyRelationships(this.g, p, copy, copyWithRelationships);
      return copy;
    };
    await copyRelationships(this.g, scratchPart, part, copyWithRelationships);
    return part;
  }

  /** Writes the shared parts back: the workbook (set to calculate fully on open), content types, styles. */
  finish(): void {
    this.workbook.requestFullCalculation();
    this.workbook.saveTo(this.g.target);
    this.g.types.saveTo(this.g.target);
    this.finishStyles();
  }
}

/**
 * Adds the sheets of a scratch package (the plan's new sheets, rendered by the exceljs writer) to the
 * workbook, each where `order` (the tab order wanted, names of existing and new sheets) puts it. Every
 * part of the workbook but workbook.xml, its relationships, [Content_Types].xml and styles.xml stays as
 * it was, byte for byte.
 */
export async function graftSheets(
  target: ZipPackage,
  scratchBytes: Uint8Array,
  order: readonly string[]
): Promise<void> {
  const graft = await Graft.open(target, scratchBytes);
  const scratchSheets = await graft.scratchSheets();
  const positions = order
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => scratchSheets.has(name));
  for (const { name, index } of positions) {
    const scratch = scratchSheets.get(name)!;
    const part = await graft.copySheet(scratch.part);
    const position = graft.workbook.insertSheet(name, part, index);
    // Its print area and titles, by its new position; the sheets after it keep theirs (insertSheet shifted them).
    for (const n of scratch.names) graft.workbook.addSheetName(n.name, position, n.formula);
  }
  graft.finish();
}
