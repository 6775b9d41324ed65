import { columnLetters } from "../../workbook/address";
import { CellPlan, isFormula, TablePlan } from "../../workbook/plan";
import { growTable, PackageTable, packageTables } from "./packageTables";
import { SharedStrings } from "./sharedStrings";
import {
  RowText,
  cellsOf,
  dimensionCovering,
  formulaCell,
  rowXml,
  splitSheet,
  styleOf,
  valueCell,
} from "./sheetText";
import { Utf8Chunks } from "./utf8Chunks";
import { ZipPackage } from "./zipPackage";

/**
 * Tables' data rows written into the package as text. exceljs's in-memory writer builds a model of every cell
 * (about 10 µs a cell here: most of the time a large workbook took); a table it writes with its first data row
 * only still gets from it its definition, validations, conditional formats and that row's styles, and the other
 * rows are added here, each cell with the style exceljs gave the first row's cell of its column, its text among
 * the shared strings.
 */

/**
 * The deflate level of a sheet written here. Deflating is most of the time left once exceljs builds no model of the
 * rows: at 10,000 partners × 12 quarters, level 5 wrote the workbook in 2.5-2.8 s and 6.31 MB here, the package's
 * level 6 in 3.1-4.0 s and 6.04 MB (exceljs alone writing every row: 13 s and 6.18 MB).
 */
const SHEET_DEFLATE_LEVEL = 5;

/** Rows written between two reports of progress; the work yields to the event loop there. */
const BLOCK = 10_000;

/** Hears how many rows were written since it was last called. */
export type RowsDone = (rows: number) => Promise<void>;

/**
 * A plan cell as a `<c>` element, as exceljs writes it: a formula without its "=" and without a cached result; text
 * (always text, "" too, which spreadsheets keep apart from a blank cell) as a shared string; "" for an empty cell
 * without a style.
 */
function cellXml(
  ref: string,
  style: number,
  cell: CellPlan | undefined,
  prefix: string,
  strings: SharedStrings
): string {
  if (cell === undefined || cell === null)
    return style === 0 ? "" : valueCell(ref, style, null, prefix);
  if (isFormula(cell)) return formulaCell(ref, style, cell.formula, prefix);
  if (typeof cell !== "string") return valueCell(ref, style, cell, prefix);
  const s = style === 0 ? "" : ` s="${style}"`;
  return `<${prefix}c r="${ref}"${s} t="s"><${prefix}v>${strings.indexOf(cell)}</${prefix}v></${prefix}c>`;
}

/** A table of the plan whose rows after the first are written here. */
class TextTable {
  /** 1-based sheet rows of the rows written here. */
  readonly first: number;
  readonly last: number;
  private readonly letters: readonly string[];

  constructor(
    readonly plan: TablePlan,
    readonly part: PackageTable,
    /** The style of each column's cells, by column of the table. */
    private readonly styles: readonly number[]
  ) {
    this.first = plan.topLeft.row + 3;
    this.last = plan.topLeft.row + 1 + plan.rows.length;
    this.letters = plan.columns.map((_, i) => columnLetters(plan.topLeft.column + i));
  }

  /** The cells of sheet row `r` (1-based), as text; "" when none has a value or a style. */
  cells(r: number, prefix: string, strings: SharedStrings): string {
    const row = this.plan.rows[r - this.plan.topLeft.row - 2]!;
    let xml = "";
    for (let i = 0; i < this.letters.length; i++)
      xml += cellXml(`${this.letters[i]}${r}`, this.styles[i]!, row[i], prefix, strings);
    return xml;
  }
}

/**
 * The style exceljs gave each column's cell in the table's first data row (0 for a cell it did not write), by
 * column of the table.
 */
function firstRowStyles(table: TablePlan, rows: readonly RowText[], prefix: string): number[] {
  const row = rows.find((r) => r.r === table.topLeft.row + 2);
  const cells = row === undefined ? [] : cellsOf(row.xml, prefix).cells;
  return table.columns.map((_, i) =>
    styleOf(cells.find((c) => c.column === table.topLeft.column + i)?.xml ?? "<c>")
  );
}

/**
 * Writes every data row after the first of the tables into their sheets, which exceljs wrote with only the first:
 * a row's cells join those it holds already (a table beside it, a loose cell); the tables' ranges and each sheet's
 * dimension grow to their last row. `done` hears each block of rows written.
 */
export async function writeTableRowsAsText(
  pkg: ZipPackage,
  tables: readonly TablePlan[],
  done: RowsDone
): Promise<void> {
  const written = await packageTables(pkg);
  const strings = await SharedStrings.of(pkg);
  const bySheet = new Map<string, { plan: TablePlan; part: PackageTable }[]>();
  for (const plan of tables) {
    const part = written.get(plan.name.toUpperCase());
    if (part === undefined) throw new Error(`the workbook written has no table ${plan.name}`);
    bySheet.set(part.sheetPart, [...(bySheet.get(part.sheetPart) ?? []), { plan, part }]);
  }
  for (const [sheetPart, onSheet] of bySheet) {
    const sheet = splitSheet(await pkg.text(sheetPart));
    const text = onSheet
      .map((t) => new TextTable(t.plan, t.part, firstRowStyles(t.plan, sheet.rows, sheet.prefix)))
      // Tables side by side share rows: each row's cells go in column order.
      .sort((a, b) => a.plan.topLeft.column - b.plan.topLeft.column);
    let head = sheet.head;
    for (const table of text) {
      growTable(pkg, table.part, table.last - 1);
      head = dimensionCovering(head, { ...table.part.block, bottom: table.last - 1 });
    }
    const out = new Utf8Chunks();
    out.add(head);
    const shell = [...sheet.rows].sort((a, b) => a.r - b.r);
    let next = 0;
    let pending = 0;
    const first = Math.min(...text.map((t) => t.first));
    const last = Math.max(...text.map((t) => t.last));
    for (let r = first; r <= last; r++) {
      while (next < shell.length && shell[next]!.r < r) out.add(shell[next++]!.xml);
      const own = shell[next]?.r === r ? shell[next++] : undefined;
      let cells = "";
      for (const table of text) {
        if (r < table.first || r > table.last) continue;
        cells += table.cells(r, sheet.prefix, strings);
        pending++;
      }
      if (cells === "") {
        if (own !== undefined) out.add(own.xml);
      } else {
        out.add(
          own === undefined
            ? `<${sheet.prefix}row r="${r}">${cells}</${sheet.prefix}row>`
            : joined(own, cells, sheet.prefix)
        );
      }
      if (pending >= BLOCK) {
        await done(pending);
        pending = 0;
      }
    }
    while (next < shell.length) out.add(shell[next++]!.xml);
    out.add(sheet.tail);
    await done(pending);
    pkg.set(sheetPart, out.bytes(), SHEET_DEFLATE_LEVEL);
  }
  strings.saveTo(pkg);
}

/** A row exceljs wrote with the cells added to it, in column order. */
function joined(row: RowText, added: string, prefix: string): string {
  const { open, cells } = cellsOf(row.xml, prefix);
  const all = [...cells, ...cellsOf(`<row>${added}</row>`, prefix).cells].sort(
    (a, b) => a.column - b.column
  );
  // The spans exceljs counted cover its own cells only.
  return rowXml({ open: open.replace(/\sspans="[^"]*"/, ""), cells: all }, prefix);
}
