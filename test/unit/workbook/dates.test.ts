import { readDate } from "../../../src/domain/cells";
import { excelSerial } from "../../../src/workbook/dates";

describe("Excel date serials", () => {
  test.each([
    [Date.UTC(1900, 0, 1), 1],
    [Date.UTC(1900, 1, 28), 59],
    [Date.UTC(1900, 2, 1), 61],
    [Date.UTC(2026, 2, 31), 46112],
    [Date.UTC(9999, 11, 31), 2958465],
  ])("%d is serial %d, and the domain reads it back as the same day", (time, serial) => {
    expect(excelSerial(new Date(time))).toBe(serial);
    expect(readDate(serial)).toEqual({ ok: true, value: new Date(time) });
  });

  test("the time of day is dropped; dates Excel cannot hold are refused", () => {
    expect(excelSerial(new Date(Date.UTC(2026, 2, 31, 23, 59)))).toBe(46112);
    expect(() => excelSerial(new Date(Date.UTC(1899, 11, 31)))).toThrow(/outside Excel's dates/);
  });
});
