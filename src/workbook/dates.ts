/**
 * Plan scalars have no Date: a date is written as Excel's serial day number in a column formatted as a
 * date, which is what Excel itself stores, so formulas (EDATE, TODAY comparisons) compute on it directly.
 */

const DAY_MS = 86_400_000;
/** Day 0 of Excel's serials from 1900-03-01 on (serial 61); Excel counts a 1900-02-29 that never was. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_SERIAL = Date.UTC(1900, 0, 1);
const LAST_SERIAL = Date.UTC(9999, 11, 31);

/** How every date column of the workbook reads: ISO order, unambiguous in every locale. */
export const DATE_FORMAT = "yyyy-mm-dd";
/** Date and time, as a deal registration's timestamps are kept. */
export const TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm";

/** The Excel serial of a date's UTC day (times of day are dropped): 2026-03-31 → 46112. */
export function excelSerial(date: Date): number {
  const day = Math.floor(date.getTime() / DAY_MS) * DAY_MS;
  if (!(day >= FIRST_SERIAL && day <= LAST_SERIAL)) {
    throw new RangeError(
      `${date.toISOString()} is outside Excel's dates (1900-01-01 to 9999-12-31)`
    );
  }
  const serial = (day - EXCEL_EPOCH_MS) / DAY_MS;
  // Before 1900-03-01 Excel's count has not yet passed its phantom leap day.
  return serial < 61 ? serial - 1 : serial;
}
