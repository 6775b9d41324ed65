import { childNamed, childrenNamed, parseXml, rootOf } from "./xmlDocument";

/**
 * Which cells hold dates. A date is a number in the file; only its number format says that it is one, so
 * the styles part decides: a cell whose style's format is a date format reads as a Date.
 */

/** Excel's built-in date and time formats (m/d/yyyy, d-mmm-yy, h:mm AM/PM, mm:ss, ...). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * Whether a format code shows a date or time: it has a d, m, y, h or s outside quoted text, brackets
 * ([Red], [$-409]) and escaped characters ("\d", "_)", "*-"). "0.0 \"days\"" is a number.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|[\\_*]./g, "");
  return /[dmyhs]/i.test(bare);
}

/** The style indexes (a cell's `s`) whose number format is a date format, from the styles part. */
export function dateStyles(stylesXml: string | undefined, part: string): ReadonlySet<number> {
  const dates = new Set<number>();
  if (stylesXml === undefined) return dates;
  const root = rootOf(parseXml(stylesXml, part));
  const custom = new Map<number, string>();
  const numFmts = childNamed(root, "numFmts");
  for (const f of numFmts === undefined ? [] : childrenNamed(numFmts, "numFmt"))
    custom.set(Number(f.getAttribute("numFmtId")), f.getAttribute("formatCode") ?? "");
  const cellXfs = childNamed(root, "cellXfs");
  (cellXfs === undefined ? [] : childrenNamed(cellXfs, "xf")).forEach((xf, index) => {
    const id = Number(xf.getAttribute("numFmtId") ?? 0);
    const code = custom.get(id);
    if (code === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(code)) dates.add(index);
  });
  return dates;
}

const DAY = 86_400_000;
/** Serial 0 of the 1900 date system, as Excel counts from serial 60 on (it takes 1900 for a leap year). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * A date serial as the moment it shows, at UTC (a spreadsheet has no time zone), to the millisecond.
 * Serials 1 to 59 fall before Excel's phantom 29 February 1900 and are a day later than the epoch gives.
 */
export function serialDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? EPOCH_1904 : serial >= 1 && serial < 60 ? EPOCH_1900 + DAY : EPOCH_1900;
  return new Date(epoch + Math.round(serial * DAY));
}
