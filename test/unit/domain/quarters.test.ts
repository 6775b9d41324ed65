import fc from "fast-check";
import {
  compareQuarters,
  describeQuarterError,
  formatQuarter,
  nextQuarter,
  parseQuarter,
  previousQuarter,
  Quarter,
  quarterFromOrdinal,
  quarterOrdinal,
  quartersBetween,
} from "../../../src/domain/quarters";

const label = (raw: unknown): string => {
  const q = parseQuarter(raw);
  return q.ok ? formatQuarter(q.value) : `error: ${describeQuarterError(q.error)}`;
};

describe("parseQuarter", () => {
  it.each([
    ["2026-Q1", "2026-Q1"],
    ["Q1 2026", "2026-Q1"],
    ["Q1-2026", "2026-Q1"],
    ["2026Q1", "2026-Q1"],
    ["FY2026 Q1", "2026-Q1"],
    ["fy2026 q3", "2026-Q3"],
    ["  2026-q4  ", "2026-Q4"],
    ["2026 Q2", "2026-Q2"],
    ["Q2 FY2026", "2026-Q2"],
    ["2026/Q2", "2026-Q2"],
  ])("reads %j as %s", (raw, expected) => {
    expect(label(raw)).toBe(expected);
  });

  it("keeps a fiscal label's numbers: FY2026 Q1 is 2026-Q1 whatever month the fiscal year starts", () => {
    expect(label("FY2026 Q1")).toBe("2026-Q1");
  });

  it.each([
    [45658, "2025-Q1"], // 2025-01-01
    [46112, "2026-Q1"], // 2026-03-31
    [46112.99, "2026-Q1"], // 2026-03-31 23:45
    [46113, "2026-Q2"], // 2026-04-01
    [46387, "2026-Q4"], // 2026-12-31
    [60, "1900-Q1"], // Excel's 1900-02-29
    [91, "1900-Q1"], // 1900-03-31
    [92, "1900-Q2"], // 1900-04-01
  ])("reads the Excel date serial %d as its calendar quarter %s", (serial, expected) => {
    expect(label(serial)).toBe(expected);
  });

  it("reads JS Dates and ISO date text in UTC", () => {
    expect(label(new Date(Date.UTC(2026, 5, 30)))).toBe("2026-Q2");
    expect(label(new Date(Date.UTC(2026, 6, 1)))).toBe("2026-Q3");
    expect(label("2026-07-01")).toBe("2026-Q3");
    expect(label("2026-09-30T00:00:00Z")).toBe("2026-Q3");
  });

  it("refuses a whole number that reads as a year, saying so", () => {
    expect(label(2026)).toBe(
      "error: 2026 is a year, not a quarter; write it as 2026-Q1, Q1 2026, FY2026 Q1 or a date"
    );
  });

  it.each([
    ["2026-Q5"],
    ["Q0 2026"],
    ["26-Q1"],
    ["2026"],
    ["Q1"],
    ["first quarter 2026"],
    ["2026-02-30"],
    ["2026-13-01"],
    ["1899-Q4"],
  ])("refuses %j", (raw) => {
    expect(label(raw)).toBe(
      `error: "${raw}" is not a quarter; write it as 2026-Q1, Q1 2026, FY2026 Q1 or a date`
    );
  });

  it.each([[0], [-5], [0.5], [3_000_000], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    "refuses the number %d",
    (n) => {
      expect(parseQuarter(n)).toEqual({ ok: false, error: { kind: "notAQuarter", value: n } });
    }
  );

  it("refuses blanks, booleans, objects and invalid dates with a message", () => {
    expect(label(null)).toBe(
      "error: the quarter is blank; write it as 2026-Q1, Q1 2026, FY2026 Q1 or a date"
    );
    expect(label("   ")).toMatch(/^error: the quarter is blank/);
    expect(label(true)).toBe(
      "error: TRUE is not a quarter; write it as 2026-Q1, Q1 2026, FY2026 Q1 or a date"
    );
    expect(label({ toString: 1 })).toMatch(
      /^error: a value that is neither text nor a number is not a quarter/
    );
    expect(label(new Date(Number.NaN))).toMatch(/^error: an invalid date is not a quarter/);
  });
});

describe("quarter arithmetic", () => {
  const q = (year: number, quarter: 1 | 2 | 3 | 4): Quarter => ({ year, quarter });

  it("steps across years", () => {
    expect(formatQuarter(nextQuarter(q(2026, 4)))).toBe("2027-Q1");
    expect(formatQuarter(previousQuarter(q(2026, 1)))).toBe("2025-Q4");
    expect(formatQuarter(nextQuarter(q(2026, 2), 5))).toBe("2027-Q3");
    expect(formatQuarter(previousQuarter(q(2026, 2), 6))).toBe("2024-Q4");
  });

  it("counts quarters between two quarters, negative backwards", () => {
    expect(quartersBetween(q(2025, 3), q(2026, 2))).toBe(3);
    expect(quartersBetween(q(2026, 2), q(2025, 3))).toBe(-3);
    expect(quartersBetween(q(2026, 1), q(2026, 1))).toBe(0);
    expect([q(2026, 1), q(2025, 4), q(2026, 3)].sort(compareQuarters).map(formatQuarter)).toEqual([
      "2025-Q4",
      "2026-Q1",
      "2026-Q3",
    ]);
  });

  it("ordinals are consecutive integers and round-trip through labels", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900 * 4, max: 9999 * 4 + 3 }), (ordinal) => {
        const quarter = quarterFromOrdinal(ordinal);
        expect(quarterOrdinal(quarter)).toBe(ordinal);
        expect(quarterOrdinal(nextQuarter(quarter))).toBe(ordinal + 1);
        const parsed = parseQuarter(formatQuarter(quarter));
        expect(parsed.ok && quarterOrdinal(parsed.value)).toBe(ordinal);
      })
    );
  });
});
