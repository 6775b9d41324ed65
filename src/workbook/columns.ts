import { MAX_AMOUNT } from "../domain/money";
import { DATE_FORMAT } from "./dates";
import { CellPlan, ColumnPlan, Formula } from "./plan";
import { MONEY_FORMAT } from "./styles";

/**
 * Building blocks shared by the program's sheet plans: structured references in the explicit form both
 * Excel and LibreOffice read, and the column kinds that recur (choices, yes/no, dates, money).
 */

/** Inside a structured reference, [ ] # and ' are escaped with a leading apostrophe. */
const escapeColumn = (header: string): string => header.replace(/[[\]#']/g, "'$&");

/** `tblX[Col]`: every data cell of a column. */
export const columnRef = (table: string, header: string): string =>
  `${table}[${escapeColumn(header)}]`;

/** `tblX[[#This Row],[Col]]` (or `[First]:[Last]`): the explicit form of `[@Col]`, which LibreOffice also reads. */
export function thisRow(table: string, first: string, last = first): string {
  const columns =
    first === last
      ? `[${escapeColumn(first)}]`
      : `[${escapeColumn(first)}]:[${escapeColumn(last)}]`;
  return `${table}[[#This Row],${columns}]`;
}

/**
 * A data table's rows, or, when it has none, one row to fill in that holds only the formula columns: an empty
 * table is still written with its formulas, so that a row typed or imported into it computes.
 */
export const rowsOrFillIn = (
  rows: readonly (readonly CellPlan[])[],
  fillIn: readonly CellPlan[]
): readonly (readonly CellPlan[])[] => (rows.length > 0 ? rows : [fillIn]);

/** Text for a cell: blank rather than a zero-length string, which COUNTIFS(range, "<>") would count. */
export const textCell = (text: string): string | null => (text === "" ? null : text);

/** A formula cell from its text after the "=". */
export const formula = (text: string): Formula => ({ formula: `=${text}` });

/** TRUE where a cell holds more than spaces, as the checks' isBlank reads it. */
export const nonBlankRef = (ref: string): string => `(LEN(TRIM(${ref}))>0)`;

/** A formula's text literal: "Co-Sell" with its quotes doubled. */
export const textLiteral = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export const YES = "Yes";
export const NO = "No";

/** A column whose cells are one of `values`, picked from a drop-down. */
export const choiceColumn = (
  header: string,
  width: number,
  values: readonly string[],
  description?: string
): ColumnPlan => ({
  header,
  width,
  validation: { kind: "list", values, message: `${header} is one of: ${values.join(", ")}.` },
  description,
});

/** A Yes/No question; blank reads as No. */
export const yesNoColumn = (header: string, width: number, description?: string): ColumnPlan =>
  choiceColumn(header, width, [YES, NO], description);

/** Dates are Excel serials shown as 2026-03-31 (see dates.ts). */
export const dateColumn = (header: string, width = 12, description?: string): ColumnPlan => ({
  header,
  width,
  numberFormat: DATE_FORMAT,
  description,
});

export const textColumn = (header: string, width: number, description?: string): ColumnPlan => ({
  header,
  width,
  description,
});

/** An amount in dollars, 0 or more: what an import reads as money. */
export const moneyColumn = (header: string, width: number, description?: string): ColumnPlan => ({
  header,
  width,
  numberFormat: MONEY_FORMAT,
  description,
  validation: {
    kind: "decimal",
    min: 0,
    max: MAX_AMOUNT,
    message: `${header} is an amount in dollars, 0 or more.`,
  },
});
