import { columnLetters } from "../../workbook/address";
import { Scalar } from "../../workbook/plan";
import type { Block } from "./ranges";

/**
 * A worksheet part's rows handled as text: a sheet of 120,000 rows is split once, the few rows a command
 * owns are rebuilt, and every other row is carried over as the very characters it was.
 */

export interface RowText {
  /** 1-based row number. */
  readonly r: number;
  readonly xml: string;
}

export interface SplitSheet {
  /** Everything before the rows, `<sheetData>` included, and everything after them. */
  head: string;
  readonly rows: RowText[];
  tail: string;
  /** The prefix of the main namespace in this part ("x:" in some writers' files, usually ""). */
  readonly prefix: string;
}

/**
 * A pattern compiled once per key: a sheet of a million cells asks for the same few patterns a million
 * times, and compiling each again cost more than matching it.
 */
function cached(patterns: Map<string, RegExp>, key: string, make: () => RegExp): RegExp {
  let pattern = patterns.get(key);
  if (pattern === undefined) patterns.set(key, (pattern = make()));
  return pattern;
}

const attributePatterns = new Map<string, RegExp>();
export const attribute = (tag: string, name: string): string | undefined =>
  cached(attributePatterns, name, () => new RegExp(`\\s${name}="([^"]*)"`)).exec(tag)?.[1];

const cellPatterns = new Map<string, RegExp>();

export function splitSheet(xml: string): SplitSheet {
  const prefix = /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? "";
  const open = new RegExp(`<${prefix}sheetData\\b[^>]*?(/?)>`).exec(xml);
  if (open === null) throw new Error("a worksheet part has no sheetData");
  const bodyStart = open.index + open[0].length;
  if (open[1] === "/") {
    return {
      head: `${xml.slice(0, open.index)}<${prefix}sheetData>`,
      rows: [],
      tail: `</${prefix}sheetData>${xml.slice(bodyStart)}`,
      prefix,
    };
  }
  const bodyEnd = xml.indexOf(`</${prefix}sheetData>`, bodyStart);
  const rows: RowText[] = [];
  const pattern = new RegExp(`<${prefix}row\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}row>)`, "g");
  pattern.lastIndex = bodyStart;
  let previous = 0;
  for (let m = pattern.exec(xml); m !== null && m.index < bodyEnd; m = pattern.exec(xml)) {
    const r = Number(attribute(m[0].slice(0, m[0].indexOf(">")), "r") ?? previous + 1);
    rows.push({ r, xml: m[0] });
    previous = r;
  }
  return { head: xml.slice(0, bodyStart), rows, tail: xml.slice(bodyEnd), prefix };
}

export const joinSheet = (sheet: SplitSheet): string =>
  sheet.head + sheet.rows.map((r) => r.xml).join("") + sheet.tail;

export interface CellText {
  /** 0-based column. */
  readonly column: number;
  readonly xml: string;
}

export interface RowCells {
  /** The row's start tag, as it was. */
  readonly open: string;
  readonly cells: CellText[];
}

/** "AB" → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + letter.charCodeAt(0) - 64;
  return n - 1;
}

/** The cells of a row, in order; a cell without an address follows the one before it. */
export function cellsOf(row: string, prefix: string): RowCells {
  const end = row.indexOf(">");
  const selfClosing = row[end - 1] === "/";
  const open = selfClosing ? `${row.slice(0, end - 1).trimEnd()}>` : row.slice(0, end + 1);
  const cells: CellText[] = [];
  if (selfClosing) return { open, cells };
  // matchAll works on a copy of the pattern, so the cached one keeps no state between rows.
  const pattern = cached(
    cellPatterns,
    prefix,
    () => new RegExp(`<${prefix}c\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}c>)`, "g")
  );
  let previous = -1;
  for (const m of row.slice(end + 1).matchAll(pattern)) {
    const ref = attribute(m[0].slice(0, m[0].indexOf(">")), "r");
    const column = ref === undefined ? previous + 1 : columnIndex(/^[A-Z]+/.exec(ref)?.[0] ?? "A");
    cells.push({ column, xml: m[0] });
    previous = column;
  }
  return { open, cells };
}

export const rowXml = (cells: RowCells, prefix: string): string =>
  cells.cells.length === 0
    ? `${cells.open.slice(0, -1)}/>`
    : `${cells.open}${cells.cells.map((c) => c.xml).join("")}</${prefix}row>`;

/** A cell's style index, 0 when it has none. */
export const styleOf = (cell: string): number =>
  Number(attribute(cell.slice(0, cell.indexOf(">")), "s") ?? 0);

/** Whether a cell holds something: a value, a formula or inline text (a cell with only a style does not). */
export const holdsValue = (cell: string): boolean => /<(\w+:)?(v|f|is)\b/.test(cell);

/** A cell's formula text, when it has one with text (not the follower of a shared formula). */
export const formulaOf = (cell: string): string | undefined => {
  const m = /<(?:\w+:)?f\b[^>]*>([\s\S]*?)<\/(?:\w+:)?f>/.exec(cell);
  return m === null ? undefined : unescapeXml(m[1]!);
};

export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(x?)([0-9a-fA-F]+);/g, (_, hex: string, n: string) =>
      String.fromCodePoint(parseInt(n, hex === "" ? 10 : 16))
    )
    .replace(/&amp;/g, "&");

/** Characters XML 1.0 cannot carry, and the carriage return XML readers turn into a line feed. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
const CONTROL = new RegExp("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\r]", "g");

/** A character cellText may change ("_" where it starts "_xHHHH_", a line feed never): text without one is as it is. */
// eslint-disable-next-line no-control-regex -- control characters are among those to escape
const TO_ESCAPE = /[&<>"_\u0000-\u001F]/;

/**
 * Text as a cell stores it: "_xHHHH_" is how the format escapes characters XML cannot carry, so such text
 * typed by a user is itself escaped (its "_" as "_x005F_"), and control characters are written escaped.
 */
export const cellText = (text: string): string =>
  // Most text has nothing to escape: one test spares the six replacements (a large sheet has millions of cells).
  !TO_ESCAPE.test(text)
    ? text
    : escapeXml(
        text
          .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
          .replace(
            CONTROL,
            (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
          )
      );

const styleAttribute = (style: number): string => (style === 0 ? "" : ` s="${style}"`);

/**
 * A cell holding a constant, with a style: text is an inline string, always text even when it starts
 * with "=" (never a formula); numbers are numbers; null leaves the cell with its style only.
 */
export function valueCell(ref: string, style: number, value: Scalar, prefix: string): string {
  const c = `${prefix}c`;
  const at = `<${c} r="${ref}"${styleAttribute(style)}`;
  if (value === null || value === "") return `${at}/>`;
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new Error(`${ref}: ${value} is not a number a cell can hold`);
    return `${at}><${prefix}v>${value}</${prefix}v></${c}>`;
  }
  if (typeof value === "boolean")
    return `${at} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${c}>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return `${at} t="inlineStr"><${prefix}is><${prefix}t${space}>${cellText(value)}</${prefix}t></${prefix}is></${c}>`;
}

/** A formula cell without a cached result: every engine computes it on open. */
export const formulaCell = (ref: string, style: number, formula: string, prefix: string): string =>
  `<${prefix}c r="${ref}"${styleAttribute(style)}><${prefix}f>${escapeXml(formula.replace(/^=/, ""))}</${prefix}f></${prefix}c>`;

/**
 * The head of a sheet (the text before its rows) with the `<dimension>` ref grown to cover `block`: Excel
 * tolerates a stale one, but readers that size a sheet by it (openpyxl's max_row, some importers) would
 * miss the rows a table grew by. A single-cell ref, or none, is left as it is.
 */
export function dimensionCovering(head: string, block: Block): string {
  return head.replace(
    /(<(?:\w+:)?dimension\b[^>]*\sref=")([A-Z]+)(\d+):([A-Z]+)(\d+)"/,
    (_, start: string, c1: string, r1: string, c2: string, r2: string) => {
      const left = Math.min(columnIndex(c1), block.left);
      const right = Math.max(columnIndex(c2), block.right);
      const top = Math.min(Number(r1) - 1, block.top);
      const bottom = Math.max(Number(r2) - 1, block.bottom);
      return `${start}${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}"`;
    }
  );
}
