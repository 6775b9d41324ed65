import { Formula, Scalar } from "../../workbook/plan";
import { serialDate } from "./dateFormats";
import { richText, storedText } from "./sheetCells";
import { attribute, unescapeXml } from "./sheetText";

/** An error value a cell shows, such as "#N/A". */
export interface CellError {
  readonly error: string;
}

/**
 * What a table cell holds as the user sees it: a constant, a date, the cached result of a formula, or, for a
 * formula never calculated (a file this program wrote and no spreadsheet opened since), the formula itself.
 */
export type ReadCell = Scalar | Date | CellError | Formula;

/**
 * How a formula cell reads: "result", its cached result when it has one (what the user sees); "formula",
 * always its formula (what a rewrite of the table must keep).
 */
export type FormulaReading = "result" | "formula";

/** What reading a cell needs from the rest of the workbook. */
export interface CellContext {
  readonly strings: readonly string[];
  /** Style indexes whose number format is a date. */
  readonly dateStyles: ReadonlySet<number>;
  readonly date1904: boolean;
  /** The formula of a cell following a shared formula, by the group's index. */
  sharedFormula(group: string, row: number, column: number): string | undefined;
}

/** A cell's `<c>` element (0-based row and column) as it reads. */
export function cellValue(
  xml: string,
  row: number,
  column: number,
  context: CellContext,
  formulas: FormulaReading
): ReadCell {
  const open = xml.slice(0, xml.indexOf(">") + 1);
  const type = attribute(open, "t") ?? "n";
  const style = Number(attribute(open, "s") ?? 0);
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(xml)?.[1];
  // An empty <v> is no cached result, except for a formula whose result is empty text.
  const cached = v === undefined || (v === "" && type !== "str") ? undefined : v;
  const f = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(xml);
  if (f !== null && (formulas === "formula" || cached === undefined)) {
    const group = attribute(f[1]!, "t") === "shared" ? attribute(f[1]!, "si") : undefined;
    const text = f[2] ? unescapeXml(f[2]) : group && context.sharedFormula(group, row, column);
    // A formula without text (a data table's) shows only its result.
    if (text) return { formula: `=${text}` };
  }
  if (type === "inlineStr" && cached === undefined)
    return richText(/<(?:\w+:)?is\b[\s\S]*<\/(?:\w+:)?is>/.exec(xml)?.[0] ?? "");
  return cached === undefined ? null : constant(type, cached, style, context);
}

function constant(type: string, v: string, style: number, context: CellContext): ReadCell {
  switch (type) {
    case "s":
      return context.strings[Number(v)] ?? "";
    case "b":
      return v === "1" || v === "true";
    case "e":
      return { error: storedText(v) };
    case "str":
    case "inlineStr":
      return storedText(v);
    case "d":
      return isoDate(v);
  }
  const n = Number(v);
  // No cell holds NaN or an infinity; a file claiming one is shown as Excel's error for it.
  if (!Number.isFinite(n)) return { error: "#NUM!" };
  return context.dateStyles.has(style) ? serialDate(n, context.date1904) : n;
}

/** A `t="d"` cell's ISO 8601 text; without a zone it is read at UTC, like serial dates. */
function isoDate(text: string): ReadCell {
  const date = new Date(/Z|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? { error: "#VALUE!" } : date;
}
