import { ContentTypes } from "./contentTypes";
import { Relationships, relType } from "./relationships";
import { relativeTarget } from "./partNames";
import {
  Document,
  Element,
  REL_NS,
  childNamed,
  childrenNamed,
  ensureChild,
  parseXml,
  rootOf,
  serializeXml,
} from "./xmlDocument";
import { ZipPackage } from "./zipPackage";

/** CT_Workbook's children in schema order: a child added goes where Excel expects it. */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export interface SheetEntry {
  readonly name: string;
  /** The worksheet part, or undefined for a chart sheet or a dangling entry. */
  readonly part: string | undefined;
  readonly relId: string;
}

/** The workbook part's name, from the package relationships (xl/workbook.xml in nearly every file). */
async function workbookPartName(pkg: ZipPackage): Promise<string> {
  const rels = await Relationships.of(pkg, "");
  return rels.ofType("officeDocument")[0]?.part ?? "xl/workbook.xml";
}

/**
 * xl/workbook.xml and its relationships: the sheet list, read and added to. Adding a sheet in the middle
 * shifts what counts sheets by position (the active and first visible tab, sheet-scoped names) so that
 * each still means the sheet it meant.
 */
export class WorkbookPart {
  private constructor(
    readonly part: string,
    private readonly doc: Document,
    readonly rels: Relationships
  ) {}

  static async of(pkg: ZipPackage): Promise<WorkbookPart> {
    const part = await workbookPartName(pkg);
    const doc = parseXml(await pkg.text(part), part);
    return new WorkbookPart(part, doc, await Relationships.of(pkg, part));
  }

  private get root(): Element {
    return rootOf(this.doc);
  }

  private sheetElements(): Element[] {
    const sheets = childNamed(this.root, "sheets");
    return sheets === undefined ? [] : childrenNamed(sheets, "sheet");
  }

  sheets(): SheetEntry[] {
    return this.sheetElements().map((e) => {
      const relId = e.getAttributeNS(REL_NS, "id") ?? "";
      const rel = this.rels.byId(relId);
      return {
        name: e.getAttribute("name") ?? "",
        part: rel?.type.endsWith("/worksheet") ? rel.part : undefined,
        relId,
      };
    });
  }

  /** Whether dates count from 1904 (old Mac workbooks) rather than 1900. */
  date1904(): boolean {
    const value = childNamed(this.root, "workbookPr")?.getAttribute("date1904");
    return value === "1" || value === "true";
  }

  /** The part a relationship of the workbook of this type points to (styles, sharedStrings). */
  partOfType(word: string): string | undefined {
    return this.rels.ofType(word)[0]?.part;
  }

  /** Adds a worksheet at `index` of the tab order (at the end when past it); returns where it went. */
  insertSheet(name: string, part: string, index: number): number {
    const relId = this.rels.add(relType("worksheet"), relativeTarget(this.part, part));
    const elements = this.sheetElements();
    const sheetId =
      elements.reduce((max, e) => Math.max(max, Number(e.getAttribute("sheetId")) || 0), 0) + 1;
    const sheets = ensureChild(this.root, "sheets", WORKBOOK_ORDER);
    const prefix = sheets.prefix ? `${sheets.prefix}:` : "";
    const sheet = this.doc.createElementNS(sheets.namespaceURI, `${prefix}sheet`);
    sheet.setAttribute("name", name);
    sheet.setAttribute("sheetId", String(sheetId));
    const rPrefix = this.root.lookupPrefix(REL_NS) ?? "r";
    sheet.setAttributeNS(REL_NS, `${rPrefix}:id`, relId);
    sheets.insertBefore(sheet, elements[index] ?? null);
    this.shiftPositions(index);
    return Math.min(index, elements.length);
  }

  private definedNames(): Element[] {
    const names = childNamed(this.root, "definedNames");
    return names === undefined ? [] : childrenNamed(names, "definedName");
  }

  /** The names scoped to the sheet at `position` of the tab order (its print area and titles), with their formulas. */
  namesOfSheet(position: number): { readonly name: string; readonly formula: string }[] {
    return this.definedNames()
      .filter((e) => e.getAttribute("localSheetId") === String(position))
      .map((e) => ({ name: e.getAttribute("name") ?? "", formula: e.textContent ?? "" }));
  }

  /** Adds a name scoped to the sheet at `position` of the tab order. */
  addSheetName(name: string, position: number, formula: string): void {
    const names = ensureChild(this.root, "definedNames", WORKBOOK_ORDER);
    const prefix = names.prefix ? `${names.prefix}:` : "";
    const element = this.doc.createElementNS(names.namespaceURI, `${prefix}definedName`);
    element.setAttribute("name", name);
    element.setAttribute("localSheetId", String(position));
    element.appendChild(this.doc.createTextNode(formula));
    names.appendChild(element);
  }

  /** Everything that names a sheet by its position from `index` on now names the next one. */
  private shiftPositions(index: number): void {
    const shift = (e: Element, attribute: string) => {
      const value = e.getAttribute(attribute);
      if (value !== null && value !== "" && Number(value) >= index)
        e.setAttribute(attribute, String(Number(value) + 1));
    };
    const views = childNamed(this.root, "bookViews");
    for (const view of views === undefined ? [] : childrenNamed(views, "workbookView")) {
      shift(view, "activeTab");
      shift(view, "firstSheet");
    }
    for (const name of this.definedNames()) shift(name, "localSheetId");
  }

  /** Whether a workbook-scoped name is defined, ignoring case as Excel does. */
  hasName(name: string): boolean {
    return this.definedNames().some(
      (e) =>
        e.getAttribute("localSheetId") === null &&
        e.getAttribute("name")?.toUpperCase() === name.toUpperCase()
    );
  }

  /**
   * Asks for a full calculation when the file is next opened (new formulas carry no cached result), by
   * adding the one attribute: the user's calculation mode and other settings stay as they are.
   */
  requestFullCalculation(): void {
    ensureChild(this.root, "calcPr", WORKBOOK_ORDER).setAttribute("fullCalcOnLoad", "1");
  }

  /**
   * Removes the calculation chain, which lists every formula cell: after a command rewrites cells, an
   * entry for a cell that no longer holds a formula makes Excel report the file as damaged. Excel
   * rebuilds the chain on its next calculation; it holds nothing of the user's.
   */
  dropCalculationChain(pkg: ZipPackage, types: ContentTypes): boolean {
    const chains = this.rels.ofType("calcChain");
    for (const rel of chains) {
      if (rel.part !== undefined) {
        pkg.remove(rel.part);
        types.remove(rel.part);
      }
      this.rels.remove(rel.id);
    }
    return chains.length > 0;
  }

  saveTo(pkg: ZipPackage): void {
    pkg.set(this.part, serializeXml(this.doc));
    this.rels.saveTo(pkg);
  }
}
