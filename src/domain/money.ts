import { err, ok, Result } from "./result";

/**
 * Amounts beyond a quadrillion are typing accidents in a partner program, and past 2^53 cents a double
 * no longer holds whole cents; refusing them also keeps sums of four quarters finite.
 */
export const MAX_AMOUNT = 1e15;

export type MoneyProblem =
  | { readonly kind: "notANumber"; readonly value: unknown }
  | { readonly kind: "tooLarge"; readonly value: number };

/**
 * Text a CRM export or a typist may put in a money column: optional sign or accounting parentheses,
 * optional "$", digits with or without thousands commas, optional decimals. "1.2M" is refused: "M" means
 * a thousand in some finance conventions and a million in others.
 */
const MONEY_TEXT = /^(-)?\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$/;

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
  const match = MONEY_TEXT.exec(text);
  if (!match || (match[2] === undefined && match[3] === undefined)) {
    return err({ kind: "notANumber", value: raw });
  }
  if (match[1] !== undefined) negative = !negative;
  const amount = Number(`${(match[2] ?? "0").replace(/,/g, "")}${match[3] ?? ""}`);
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
