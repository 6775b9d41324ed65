import { columnLetters } from "../../workbook/address";
import { columnIndex } from "./sheetText";

/**
 * A formula copied `rows` rows down and `columns` columns right, as Excel fills a table's calculated column
 * or a shared formula: relative references move, "$"-anchored ones, text in quotes and structured
 * references ([Column]) stay.
 */
export function shiftFormula(formula: string, rows: number, columns = 0): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      const end = closingQuote(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "[") {
      let depth = 0;
      let end = i;
      do {
        if (formula[end] === "[") depth++;
        else if (formula[end] === "]") depth--;
        end++;
      } while (depth > 0 && end < formula.length);
      out += formula.slice(i, end);
      i = end;
    } else {
      const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/.exec(formula.slice(i));
      const prev = formula[i - 1] ?? "";
      if (m !== null && !/[A-Za-z0-9_.$]/.test(prev)) {
        const row = m[3] === "$" ? m[4] : String(Number(m[4]) + rows);
        const column = m[1] === "$" ? m[2] : columnLetters(columnIndex(m[2]!) + columns);
        out += `${m[1]}${column}${m[3]}${row}`;
        i += m[0].length;
      } else {
        out += ch;
        i++;
      }
    }
  }
  return out;
}

/** Index after the quote closing the one at `start` (a doubled quote is part of the text). */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}
