import { sharedStringTexts } from "./sheetCells";
import { cellText } from "./sheetText";
import { WorkbookPart } from "./workbookPart";
import { ZipPackage } from "./zipPackage";

/**
 * The shared strings of a package exceljs wrote, with more texts added. A text cell refers to its text by index,
 * as Excel and exceljs write it: a table of 120,000 rows repeats the same partner names and labels, and its sheet
 * part is then about a quarter smaller than with inline strings, to zip and to read.
 */
export class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private readonly added: string[] = [];
  private unique: number;

  private constructor(
    private readonly part: string,
    private readonly xml: string,
    /** References to the texts from cells, as the part counts them. */
    private count: number
  ) {
    const texts = sharedStringTexts(xml);
    texts.forEach((text, i) => {
      if (!this.indexes.has(text)) this.indexes.set(text, i);
    });
    this.unique = texts.length;
  }

  /** The package's shared strings; exceljs writes them for any workbook with a table (its headers are text). */
  static async of(pkg: ZipPackage): Promise<SharedStrings> {
    const part = (await WorkbookPart.of(pkg)).partOfType("sharedStrings");
    const xml = part === undefined ? undefined : await pkg.textIfAny(part);
    if (part === undefined || xml === undefined)
      throw new Error("the workbook written has no shared strings");
    const count = /<(?:\w+:)?sst\b[^>]*?\scount="(\d+)"/.exec(xml)?.[1];
    return new SharedStrings(part, xml, count === undefined ? 0 : Number(count));
  }

  /** The index of the text for one more cell that shows it, the text added when it is new. */
  indexOf(text: string): number {
    this.count++;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.unique++;
      this.indexes.set(text, index);
      this.added.push(text);
    }
    return index;
  }

  saveTo(pkg: ZipPackage): void {
    const end = this.xml.lastIndexOf("</");
    const prefix = /<(\w+:)?sst\b/.exec(this.xml)?.[1] ?? "";
    const items = this.added.map((text) => {
      // As exceljs (and Excel) keep a text's leading and trailing spaces and line breaks.
      const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
      return `<${prefix}si><${prefix}t${space}>${cellText(text)}</${prefix}t></${prefix}si>`;
    });
    const head = this.xml
      .slice(0, end)
      .replace(/(<(?:\w+:)?sst\b[^>]*?\s)count="\d+"/, `$1count="${this.count}"`)
      .replace(/(<(?:\w+:)?sst\b[^>]*?\s)uniqueCount="\d+"/, `$1uniqueCount="${this.unique}"`);
    pkg.set(this.part, head + items.join("") + this.xml.slice(end));
  }
}
