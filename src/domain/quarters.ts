import { showValue } from "./findings";
import { err, ok, Result } from "./result";
import { isDigitCode, skipSpaces } from "./scan";

/**
 * A quarter as the program's data labels it. Fiscal labels ("FY2026 Q1") keep their numbers: the
 * program's quarters are whatever its data calls them, and only dates are mapped to calendar quarters.
 */
export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

export type QuarterError =
  | { readonly kind: "blank" }
  | { readonly kind: "notAQuarter"; readonly value: unknown }
  | { readonly kind: "looksLikeAYear"; readonly value: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/;

/** Serial 2958465 is 9999-12-31, the last day Excel knows. */
const MAX_EXCEL_SERIAL = 2958466;
const DAY_MS = 86_400_000;
/** Excel counts 1900-02-29, a day that never was (serial 60); from serial 61 on, day 0 is 1899-12-30. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const quarterOfMonth = (monthIndex: number): 1 | 2 | 3 | 4 =>
  (Math.floor(monthIndex / 3) + 1) as 1 | 2 | 3 | 4;

function fromParts(year: number, quarter: number): Quarter | undefined {
  // Written so that NaN (no year or quarter where one should be) fails too.
  if (!(year >= MIN_YEAR && year <= MAX_YEAR && quarter >= 1 && quarter <= 4)) return undefined;
  return { year, quarter: quarter as 1 | 2 | 3 | 4 };
}

function fromUtcDate(date: Date): Quarter | undefined {
  const time = date.getTime();
  if (Number.isNaN(time)) return undefined;
  return fromParts(date.getUTCFullYear(), quarterOfMonth(date.getUTCMonth()));
}

function fromExcelSerial(serial: number): Quarter | undefined {
  if (!(serial >= 1 && serial < MAX_EXCEL_SERIAL)) return undefined;
  const day = Math.floor(serial);
  const shifted = day < 61 ? day + 1 : day;
  return fromUtcDate(new Date(EXCEL_EPOCH_MS + shifted * DAY_MS));
}

/** The four-digit year at `i`, or NaN. */
function yearAt(text: string, i: number): number {
  for (let k = i; k < i + 4; k++) if (!isDigitCode(text.charCodeAt(k))) return Number.NaN;
  return Number(text.slice(i, i + 4));
}

/** The quarter digit 1–4 at `i`, or NaN. */
const quarterDigitAt = (text: string, i: number): number => {
  const code = text.charCodeAt(i);
  return code >= 0x31 && code <= 0x34 ? code - 0x30 : Number.NaN;
};

/** After the separator at `i`: spaces, at most one "-" or "/", spaces. */
function skipSeparator(text: string, i: number): number {
  i = skipSpaces(text, i);
  const code = text.charCodeAt(i);
  return skipSpaces(text, code === 0x2d || code === 0x2f ? i + 1 : i);
}

/** After an optional "FY" and its spaces at `i`. */
const skipFiscal = (text: string, i: number): number =>
  text.startsWith("FY", i) ? skipSpaces(text, i + 2) : i;

/**
 * "2026-Q1", "2026 Q1", "2026/Q1", "2026Q1", "FY2026 Q1" and "Q1 2026", "Q1-2026", "Q1 FY2026" in upper
 * case: scanned in one pass (see scan.ts), never matched with a backtracking pattern.
 */
function labelParts(text: string): Quarter | undefined {
  if (text.startsWith("Q")) {
    const quarter = quarterDigitAt(text, 1);
    const at = skipFiscal(text, skipSeparator(text, 2));
    const year = yearAt(text, at);
    return at + 4 === text.length ? fromParts(year, quarter) : undefined;
  }
  const at = skipFiscal(text, 0);
  const year = yearAt(text, at);
  const q = skipSeparator(text, at + 4);
  if (Number.isNaN(year) || text.charCodeAt(q) !== 0x51 || q + 2 !== text.length) return undefined;
  return fromParts(year, quarterDigitAt(text, q + 1));
}

function fromText(raw: string): Quarter | undefined {
  const text = raw.trim().toUpperCase();
  const label = labelParts(text);
  if (label) return label;
  const m = ISO_DATE.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip is not a date.
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return fromUtcDate(date);
  }
  return undefined;
}
/**
 * Reads a quarter cell: "2026-Q1", "Q1 2026", "Q1-2026", "2026Q1", "FY2026 Q1" (any case), an ISO date
 * "2026-03-31", an Excel date serial or a JS Date (read in UTC, as exceljs returns dates): a date gives its
 * calendar quarter. A whole number from 1900 to 9999 is refused: it is far likelier a year than a date in
 * 1905–1927.
 */
export function parseQuarter(raw: unknown): Result<Quarter, QuarterError> {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
    return err({ kind: "blank" });
  }
  let quarter: Quarter | undefined;
  if (typeof raw === "string") quarter = fromText(raw);
  else if (typeof raw === "number") {
    if (Number.isInteger(raw) && raw >= MIN_YEAR && raw <= MAX_YEAR) {
      return err({ kind: "looksLikeAYear", value: raw });
    }
    quarter = fromExcelSerial(raw);
  } else if (raw instanceof Date) quarter = fromUtcDate(raw);
  return quarter ? ok(quarter) : err({ kind: "notAQuarter", value: raw });
}

/** The canonical label, "2026-Q1". */
export const formatQuarter = (q: Quarter): string => `${q.year}-Q${q.quarter}`;

/** Consecutive quarters have consecutive ordinals: quarter arithmetic is integer arithmetic on them. */
export const quarterOrdinal = (q: Quarter): number => q.year * 4 + (q.quarter - 1);

export const quarterFromOrdinal = (ordinal: number): Quarter => ({
  year: Math.floor(ordinal / 4),
  quarter: ((((ordinal % 4) + 4) % 4) + 1) as 1 | 2 | 3 | 4,
});

export const formatQuarterOrdinal = (ordinal: number): string =>
  formatQuarter(quarterFromOrdinal(ordinal));

export const nextQuarter = (q: Quarter, count = 1): Quarter =>
  quarterFromOrdinal(quarterOrdinal(q) + count);

export const previousQuarter = (q: Quarter, count = 1): Quarter => nextQuarter(q, -count);

/** How many quarters from `from` to `to`: 1 for consecutive quarters, negative when `to` is earlier. */
export const quartersBetween = (from: Quarter, to: Quarter): number =>
  quarterOrdinal(to) - quarterOrdinal(from);

export const compareQuarters = (a: Quarter, b: Quarter): number => quartersBetween(b, a);

/** A sentence naming the value and the accepted forms. */
export function describeQuarterError(e: QuarterError): string {
  const forms = "write it as 2026-Q1, Q1 2026, FY2026 Q1 or a date";
  switch (e.kind) {
    case "blank":
      return `the quarter is blank; ${forms}`;
    case "looksLikeAYear":
      return `${e.value} is a year, not a quarter; ${forms}`;
    case "notAQuarter":
      return `${showValue(e.value)} is not a quarter; ${forms}`;
  }
}
