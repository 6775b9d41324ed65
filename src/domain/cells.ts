import { RawCell, showValue } from "./findings";
import { err, ok, Result } from "./result";

/**
 * Reading one raw cell of the program sheets (Thesis, Models, Landscape, Decisions, OKRs, Roadmap,
 * Executives, Competitors) as text, a choice from a list, a share or a date; and the error a function
 * argument gets when it cannot be read.
 */

/** Why a custom-function argument cannot be used. "blank" means not given yet (#N/A), "invalid" is wrong (#VALUE!). */
export interface ArgumentError<A extends string> {
  readonly argument: A;
  readonly kind: "blank" | "invalid";
  /** A sentence that names the argument and what is wrong with it. */
  readonly message: string;
}

export const isBlank = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Trimmed text; a number as its digits ("42"); blank and anything else is undefined. */
/**
 * A formula no engine has computed yet (a file this program wrote, never opened since): its value is
 * unknown, so no rule judges it.
 */
export const isUncomputed = (v: unknown): boolean => uncomputedFormula(v) !== undefined;

/** The formula of a value not yet computed (see isUncomputed), else undefined. */
export const uncomputedFormula = (v: unknown): string | undefined =>
  typeof v === "object" && v !== null && "formula" in v && typeof v.formula === "string"
    ? v.formula
    : undefined;

export function readText(raw: unknown): string | undefined {
  if (typeof raw === "string") return raw.trim() === "" ? undefined : raw.trim();
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  return undefined;
}

/** Lower case, letters and digits only: "Co-Sell", "co sell" and "COSELL" are one name. */
export const normaliseName = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A lookup from every spelling of a choice (its name, plus aliases) to the choice. */
export function choiceLookup<T extends string>(
  choices: readonly T[],
  aliases: Readonly<Record<string, T>> = {}
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const choice of choices) map.set(normaliseName(choice), choice);
  for (const [alias, choice] of Object.entries(aliases)) map.set(normaliseName(alias), choice);
  return map;
}

/** The choice a cell names, ignoring case, spaces and punctuation; undefined when it names none. */
export function readChoice<T extends string>(
  raw: unknown,
  lookup: ReadonlyMap<string, T>
): T | undefined {
  return typeof raw === "string" ? lookup.get(normaliseName(raw)) : undefined;
}

/** Items of a list cell ("Big 4, GSI; Boutique") or of an array, trimmed, blanks dropped. */
export function readList(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[,;\n]/) : [raw];
  return items.map(readText).filter((t): t is string => t !== undefined);
}

/** A list in a sentence: "a", "a and b", "a, b and c". */
export const listOf = (items: readonly string[]): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/** How a list is written into one cell (a sentence lists with listOf). */
export const formatList = (items: readonly string[]): string => items.join(", ");

const PERCENT_TEXT = /^(-?\d+(?:\.\d+)?)\s*%$/;
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;

/**
 * A share or rate as a fraction. Excel passes a cell formatted 10% as 0.1, so numbers are fractions; text
 * may say "10%" (CSV, JSON) or "0.1". The caller checks the range: 10 here is 1000%, not 10%.
 */
export function readFraction(raw: unknown): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== "string") return undefined;
  const text = raw.trim();
  const percent = PERCENT_TEXT.exec(text);
  if (percent) return finite(Number(percent[1]) / 100);
  return NUMBER_TEXT.test(text) ? finite(Number(text)) : undefined;
}

/** 0.1 → "10%", 0.125 → "12.5%": at most two decimals, none when whole. */
export const formatPercent = (fraction: number): string =>
  `${Math.round(fraction * 10_000) / 100}%`;

/** A number from a cell: numbers, and plain decimal text (" 24 "). */
export function readNumber(raw: unknown): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  return typeof raw === "string" && NUMBER_TEXT.test(raw.trim())
    ? finite(Number(raw.trim()))
    : undefined;
}

/** Text of more digits than a double holds reads as Infinity: it is no number any rule can use. */
const finite = (n: number): number | undefined => (Number.isFinite(n) ? n : undefined);

/** Plain decimal text too long for a double ("9" × 400): worth naming as such, not as "not a number". */
export const isNumberTooLarge = (raw: unknown): boolean =>
  typeof raw === "string" && NUMBER_TEXT.test(raw.trim()) && !Number.isFinite(Number(raw.trim()));

// Dates. A date is a JS Date at UTC midnight, as exceljs returns date cells.

const DAY_MS = 86_400_000;
/** Excel counts 1900-02-29, a day that never was (serial 60); from serial 61 on, day 0 is 1899-12-30. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serial 2958465 is 9999-12-31, the last day Excel knows. */
const MAX_EXCEL_SERIAL = 2958466;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/;

export type DateProblem =
  { readonly kind: "blank" } | { readonly kind: "notADate"; readonly value: unknown };

/** The UTC midnight of a date: times of day do not matter to any rule here. */
const dayOf = (date: Date): Date => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);

/** A date cell: a Date (read in UTC), an Excel date serial, or ISO text "2026-03-31". */
export function readDate(raw: unknown): Result<Date, DateProblem> {
  if (isBlank(raw)) return err({ kind: "blank" });
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? err({ kind: "notADate", value: raw }) : ok(dayOf(raw));
  }
  if (typeof raw === "number") {
    if (!(raw >= 1 && raw < MAX_EXCEL_SERIAL)) return err({ kind: "notADate", value: raw });
    const day = Math.floor(raw);
    return ok(new Date(EXCEL_EPOCH_MS + (day < 61 ? day + 1 : day) * DAY_MS));
  }
  const m = typeof raw === "string" ? ISO_DATE.exec(raw.trim()) : null;
  if (!m) return err({ kind: "notADate", value: raw });
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip is not a date.
  const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? ok(date) : err({ kind: "notADate", value: raw });
}

/** "Last Meeting "soon" is not a date (write it as 2026-03-31 or enter a date)". */
export function describeDateProblem(problem: DateProblem, label: string): string {
  return problem.kind === "blank"
    ? `${label} is blank`
    : `${label} ${showValue(problem.value)} is not a date (write it as 2026-03-31 or enter a date)`;
}

/** "2026-03-31". */
/** Today's date as the rules compare dates: midnight UTC of the current UTC day. */
export const todayUtc = (now: Date = new Date()): Date =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export const formatDate = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The same day `months` later (earlier when negative), on the month's last day when it has no such day:
 * Excel's EDATE, so the portable formulas compute the same dates.
 */
export function addMonths(date: Date, months: number): Date {
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

/** Negative when `a` is an earlier day than `b`, 0 on the same day, whatever the times. */
export const compareDays = (a: Date, b: Date): number =>
  Math.floor(a.getTime() / DAY_MS) - Math.floor(b.getTime() / DAY_MS);

/** Whether `date` is no more than `months` before `today` (EDATE(today, -months) ≤ date). */
export const isWithinMonths = (date: Date, today: Date, months: number): boolean =>
  compareDays(date, addMonths(today, -months)) >= 0;

/**
 * A row with nothing typed in it: every cell blank, or a formula not yet computed (a lookup of the row to fill
 * in that a file written by this program carries). Checks skip such rows, as Excel shows them blank.
 */
export const isEmptyRow = (cells: readonly (RawCell | undefined)[]): boolean =>
  cells.every((c) => c === undefined || isBlank(c.value) || isUncomputed(c.value));
