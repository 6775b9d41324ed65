import { err, ok, Result } from "./result";
import { skipDigits, skipSpaces } from "./scan";

/**
 * Amounts beyond a quadrillion are typing accidents in a partner program, and past 2^53 cents a double
 * no longer holds whole cents; refusing them also keeps sums of four quarters finite.
 */
export const MAX_AMOUNT = 1e15;

export type MoneyProblem =
  | { readonly kind: "notANumber"; readonly value: unknown }
  /** `value` is the number, or the text when its digits are too many for a double (it would read as Infinity). */
  | { readonly kind: "tooLarge"; readonly value: number | string };

/**
 * The digits of money text without its thousands commas, or undefined when it is not money text:
 * optional "-", optional "$" (spaces around either), digits with or without correct thousands commas,
 * optional decimals. "1.2M" is refused: "M" means a thousand in some finance conventions and a million in
 * others. One pass over the text (see scan.ts), never a backtracking pattern.
 */
function moneyDigits(text: string): { negative: boolean; digits: string } | undefined {
  let i = 0;
  const negative = text.charCodeAt(i) === 0x2d; // "-"
  if (negative) i = skipSpaces(text, i + 1);
  if (text.charCodeAt(i) === 0x24) i = skipSpaces(text, i + 1); // "$"
  const start = i;
  i = skipDigits(text, i);
  let whole = text.slice(start, i);
  if (text.charCodeAt(i) === 0x2c && i - start >= 1 && i - start <= 3) {
    // Thousands commas: groups of exactly three digits after the first group of one to three.
    while (text.charCodeAt(i) === 0x2c) {
      const group = skipDigits(text, i + 1);
      if (group - i - 1 !== 3) return undefined;
      whole += text.slice(i + 1, group);
      i = group;
    }
  }
  let fraction = "";
  if (text.charCodeAt(i) === 0x2e) {
    // "."
    const end = skipDigits(text, i + 1);
    if (end === i + 1) return undefined;
    fraction = text.slice(i, end);
    i = end;
  }
  if (i !== text.length || (whole === "" && fraction === "")) return undefined;
  return { negative, digits: `${whole === "" ? "0" : whole}${fraction}` };
}

/** Whole cents, so that $1,999,999.99 and floating-point sums compare as an analyst expects. */
export const roundCents = (amount: number): number => Math.round(amount * 100) / 100;

/**
 * Reads a money cell: a number, or text such as "$1,250,000", "-1,000.50" or "(1,000)". Blank reads as 0
 * (as Excel sums it). Negative amounts are returned as such: whether they are allowed is the caller's rule.
 */
export function readMoney(raw: unknown): Result<number, MoneyProblem> {
  if (raw === null || raw === undefined) return ok(0);
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return err({ kind: "notANumber", value: raw });
    return Math.abs(raw) > MAX_AMOUNT ? err({ kind: "tooLarge", value: raw }) : ok(raw);
  }
  if (typeof raw !== "string") return err({ kind: "notANumber", value: raw });
  let text = raw.trim();
  if (text === "") return ok(0);
  let negative = false;
  if (text.startsWith("(") && text.endsWith(")")) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const money = moneyDigits(text);
  if (money === undefined) return err({ kind: "notANumber", value: raw });
  if (money.negative) negative = !negative;
  const amount = Number(money.digits);
  if (!Number.isFinite(amount)) return err({ kind: "tooLarge", value: raw });
  const signed = negative ? -amount : amount;
  return Math.abs(signed) > MAX_AMOUNT ? err({ kind: "tooLarge", value: signed }) : ok(signed);
}

/** "$1,250,000", "$150,000.50", "-$5": whole dollars unless there are cents. */
export function formatMoney(amount: number): string {
  const cents = Math.round(Math.abs(amount) * 100);
  const dollars = Math.floor(cents / 100);
  const rest = cents % 100;
  const grouped = dollars.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = amount < 0 && cents > 0 ? "-" : "";
  return `${sign}$${grouped}${rest === 0 ? "" : `.${rest.toString().padStart(2, "0")}`}`;
}
