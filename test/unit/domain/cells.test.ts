import {
  addMonths,
  choiceLookup,
  describeDateProblem,
  formatDate,
  formatPercent,
  isWithinMonths,
  readChoice,
  readDate,
  readFraction,
  readList,
  readText,
} from "../../../src/domain/cells";

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe("dates", () => {
  test.each([
    [d("2026-03-31"), "2026-03-31"],
    [new Date("2026-03-31T17:45:00Z"), "2026-03-31"],
    ["2026-03-31", "2026-03-31"],
    [" 2026-03-31 ", "2026-03-31"],
    [45658, "2025-01-01"],
    [45658.75, "2025-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
  ] as const)("%p reads as %s", (raw, iso) => {
    const date = readDate(raw);
    expect(date.ok && formatDate(date.value)).toBe(iso);
  });

  test.each([["2026-02-30"], ["31/03/2026"], ["soon"], [0], [-5], [3e6], [true], [new Date(NaN)]])(
    "%p is not a date",
    (raw) => {
      const date = readDate(raw);
      expect(date.ok).toBe(false);
      if (!date.ok)
        expect(describeDateProblem(date.error, "Last Meeting")).toMatch(
          /^Last Meeting .* is not a date/
        );
    }
  );

  test("blank is its own problem", () => {
    const date = readDate("  ");
    expect(date).toEqual({ ok: false, error: { kind: "blank" } });
    if (!date.ok)
      expect(describeDateProblem(date.error, "Last Meeting")).toBe("Last Meeting is blank");
  });

  test.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-11-25", -6, "2026-05-25"],
    ["2026-08-31", -6, "2026-02-28"],
    ["2026-12-15", 12, "2027-12-15"],
  ])("EDATE(%s, %d) is %s", (from, months, to) => {
    expect(formatDate(addMonths(d(from), months))).toBe(to);
  });

  test("within N months includes the day exactly N months before", () => {
    const today = d("2026-11-25");
    expect(isWithinMonths(d("2026-05-25"), today, 6)).toBe(true);
    expect(isWithinMonths(d("2026-05-24"), today, 6)).toBe(false);
    expect(
      isWithinMonths(new Date("2026-05-25T23:59:00Z"), new Date("2026-11-25T01:00:00Z"), 6)
    ).toBe(true);
  });
});

describe("fractions, lists, choices, text", () => {
  test.each([
    [0.1, 0.1],
    ["10%", 0.1],
    [" 12.5 % ", 0.125],
    ["0.3", 0.3],
    [10, 10],
  ])("%p reads as %d", (raw, value) => {
    expect(readFraction(raw)).toBeCloseTo(value, 12);
  });

  test.each([["ten"], ["1e3"], [""], [null], [Infinity], [true]])("%p is not a fraction", (raw) => {
    expect(readFraction(raw)).toBeUndefined();
  });

  test("percentages print with at most two decimals", () => {
    expect(formatPercent(0.1)).toBe("10%");
    expect(formatPercent(0.125)).toBe("12.5%");
    expect(formatPercent(1 / 3)).toBe("33.33%");
  });

  test("lists split on commas, semicolons and new lines, blanks dropped", () => {
    expect(readList("Big 4, GSI;Boutique\n ,ISV/Product")).toEqual([
      "Big 4",
      "GSI",
      "Boutique",
      "ISV/Product",
    ]);
    expect(readList(["North America", " ", 7])).toEqual(["North America", "7"]);
    expect(readList(null)).toEqual([]);
  });

  test("choices ignore case, spaces and punctuation, and know aliases", () => {
    const lookup = choiceLookup(["Co-Sell", "OEM / Embed"], { OEM: "OEM / Embed" });
    expect(readChoice("co sell", lookup)).toBe("Co-Sell");
    expect(readChoice("OEM/embed", lookup)).toBe("OEM / Embed");
    expect(readChoice("oem", lookup)).toBe("OEM / Embed");
    expect(readChoice("resale", lookup)).toBeUndefined();
    expect(readChoice(3, lookup)).toBeUndefined();
  });

  test("text is trimmed; blank is undefined", () => {
    expect(readText("  CPO ")).toBe("CPO");
    expect(readText("   ")).toBeUndefined();
    expect(readText(42)).toBe("42");
    expect(readText({})).toBeUndefined();
  });
});
