import { dateStyles } from "./dateFormats";
import { PackageTable, packageTables } from "./packageTables";
import { sharedStringTexts } from "./sheetCells";
import { SheetValues, WorkbookContext } from "./sheetValues";
import { SheetEntry, WorkbookPart } from "./workbookPart";
import { textRootPrefix } from "./xmlDocument";
import { ZipPackage } from "./zipPackage";

/**
 * A workbook's values, read from its package: the tables and worksheets it lists, each worksheet read once
 * when first asked for. Only the parts values need are read (workbook, shared strings, styles, the sheets'
 * tables and rows); drawings, charts, validations and merges are never looked at.
 */
export class WorkbookValues {
  private readonly sheets = new Map<string, SheetValues>();

  private constructor(
    private readonly pkg: ZipPackage,
    private readonly workbook: WorkbookPart,
    private readonly context: WorkbookContext
  ) {}

  static async open(bytes: Uint8Array): Promise<WorkbookValues> {
    const pkg = await ZipPackage.open(bytes);
    const workbook = await WorkbookPart.of(pkg);
    const part = (word: string) => {
      const name = workbook.partOfType(word);
      return name === undefined ? undefined : pkg.textIfAny(name).then((xml) => ({ name, xml }));
    };
    const [strings, styles] = await Promise.all([part("sharedStrings"), part("styles")]);
    if (strings?.xml !== undefined)
      textRootPrefix(strings.xml, strings.name, "sst", "a list of shared strings");
    return new WorkbookValues(pkg, workbook, {
      strings: strings?.xml === undefined ? [] : sharedStringTexts(strings.xml),
      dateStyles: dateStyles(styles?.xml, styles?.name ?? ""),
      date1904: workbook.date1904(),
    });
  }

  /** Every table of the workbook's worksheets, in tab order. */
  async tables(): Promise<PackageTable[]> {
    return [...(await packageTables(this.pkg)).values()];
  }

  /** The worksheets (not chart sheets) in tab order. */
  worksheets(): (SheetEntry & { part: string })[] {
    return this.workbook.sheets().filter((s): s is SheetEntry & { part: string } => !!s.part);
  }

  async sheet(part: string): Promise<SheetValues> {
    let sheet = this.sheets.get(part);
    if (sheet === undefined) {
      sheet = SheetValues.of(await this.pkg.text(part), part, this.context);
      this.sheets.set(part, sheet);
    }
    return sheet;
  }
}
