import { isBlank } from "../cells";
import { showValue } from "../findings";
import { formatMoney, MAX_AMOUNT, readMoney } from "../money";
import { err, ok, Result } from "../result";
import { readTier, Tier, TIER_NAMES_TEXT } from "./tier";

/** What is wrong with one cell value. Hosts wrap it with the cell (a Finding) or the argument (an input error). */
export type ValueProblem =
  | { readonly kind: "notANumber"; readonly value: unknown }
  | { readonly kind: "negative"; readonly value: number }
  | { readonly kind: "notAWholeNumber"; readonly value: number }
  /** The number, or the text whose digits are too many for a double (it would read as Infinity). */
  | { readonly kind: "tooLarge"; readonly value: number | string }
  | { readonly kind: "notAFlag"; readonly value: unknown }
  | { readonly kind: "notATier"; readonly value: unknown };

/** Larger counts of people or activities are typing accidents. */
export const MAX_COUNT = 1_000_000_000;

/** A non-negative amount of money; blank is 0. */
export function readAmount(raw: unknown): Result<number, ValueProblem> {
  const money = readMoney(raw);
  if (!money.ok) return money;
  return money.value < 0 ? err({ kind: "negative", value: money.value }) : money;
}

/** Plain decimal text only: Number() would also read "0x10" and "1e3", which nobody means as a count. */
const COUNT_TEXT = /^-?\d+(?:\.\d+)?$/;

/** A non-negative whole number (certified individuals, activities); blank is 0; "3" (CSV text) is 3. */
export function readCount(raw: unknown): Result<number, ValueProblem> {
  if (isBlank(raw)) return ok(0);
  const n =
    typeof raw === "number"
      ? raw
      : typeof raw === "string" && COUNT_TEXT.test(raw.trim())
        ? Number(raw.trim())
        : Number.NaN;
  if (Math.abs(n) === Infinity && typeof raw === "string")
    return err({ kind: "tooLarge", value: raw });
  if (!Number.isFinite(n)) return err({ kind: "notANumber", value: raw });
  if (n < 0) return err({ kind: "negative", value: n });
  if (!Number.isInteger(n)) return err({ kind: "notAWholeNumber", value: n });
  return n > MAX_COUNT ? err({ kind: "tooLarge", value: n }) : ok(n);
}

const FLAGS: ReadonlyMap<string, boolean> = new Map([
  ["true", true],
  ["yes", true],
  ["y", true],
  ["1", true],
  ["false", false],
  ["no", false],
  ["n", false],
  ["0", false],
]);

/** TRUE/FALSE, Yes/No, Y/N (any case), 1/0; blank is false (not held, not dedicated). */
export function readFlag(raw: unknown): Result<boolean, ValueProblem> {
  if (isBlank(raw)) return ok(false);
  if (typeof raw === "boolean") return ok(raw);
  if (raw === 1 || raw === 0) return ok(raw === 1);
  const flag = typeof raw === "string" ? FLAGS.get(raw.trim().toLowerCase()) : undefined;
  return flag === undefined ? err({ kind: "notAFlag", value: raw }) : ok(flag);
}

export function readTierName(raw: unknown): Result<Tier, ValueProblem> {
  const tier = readTier(raw);
  return tier === undefined ? err({ kind: "notATier", value: raw }) : ok(tier);
}

/**
 * "pipeline "abc" is not a number", "certified individuals -2 is negative": `label` names the field or
 * argument; `money` shows amounts in dollars.
 */
export function describeValueProblem(problem: ValueProblem, label: string, money = false): string {
  const amount = (n: number): string => (money ? formatMoney(n) : String(n));
  switch (problem.kind) {
    case "notANumber":
      return `${label} ${showValue(problem.value)} is not a number`;
    case "negative":
      return `${label} ${amount(problem.value)} is negative`;
    case "notAWholeNumber":
      return `${label} ${problem.value} is not a whole number`;
    case "tooLarge": {
      const most = amount(money ? MAX_AMOUNT : MAX_COUNT);
      return typeof problem.value === "string"
        ? `${label} ${showValue(problem.value)} is a number too large (at most ${most})`
        : `${label} ${problem.value} is too large (at most ${most})`;
    }
    case "notAFlag":
      return `${label} ${showValue(problem.value)} is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)`;
    case "notATier":
      return `${label} ${showValue(problem.value)} is not a tier (use ${TIER_NAMES_TEXT})`;
  }
}
