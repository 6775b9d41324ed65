import {
  compareCells,
  Finding,
  showValue,
  sortFindings,
  summarizeFindings,
} from "../../../src/domain/findings";

const finding = (
  severity: Finding["severity"],
  cell: string,
  rule = "r",
  sheet = "Quarterly"
): Finding => ({
  severity,
  rule,
  sheet,
  cell,
  message: `${severity} at ${cell}`,
});

describe("sortFindings", () => {
  it("puts errors first, then warnings, then info, each by sheet and then row and column", () => {
    const sorted = sortFindings([
      finding("info", "A1"),
      finding("warning", "C10"),
      finding("error", "C10"),
      finding("warning", "C7"),
      finding("error", "AA2"),
      finding("error", "Z2"),
      finding("error", "B1", "r", "Tiers"),
    ]);
    expect(sorted.map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
      "error Quarterly!Z2",
      "error Quarterly!AA2",
      "error Quarterly!C10",
      "error Tiers!B1",
      "warning Quarterly!C7",
      "warning Quarterly!C10",
      "info Quarterly!A1",
    ]);
  });

  it("orders findings on the same cell by rule, so any input order gives the same output", () => {
    const a = finding("error", "C7", "data.not-a-number");
    const b = finding("error", "C7", "data.negative-pipeline");
    expect(sortFindings([a, b])).toEqual(sortFindings([b, a]));
    expect(sortFindings([a, b])[0]!.rule).toBe("data.negative-pipeline");
  });

  it("does not change its input", () => {
    const input = [finding("info", "A1"), finding("error", "A2")];
    sortFindings(input);
    expect(input.map((f) => f.severity)).toEqual(["info", "error"]);
  });
});

describe("compareCells", () => {
  it("compares row first, then column; text that is not an address comes last", () => {
    expect(["C10", "B7", "C7", "AA7", "row 3", "A1"].sort(compareCells)).toEqual([
      "A1",
      "B7",
      "C7",
      "AA7",
      "C10",
      "row 3",
    ]);
    expect(compareCells("$C$7", "C7")).not.toBe(0);
    expect(compareCells("C7", "C7")).toBe(0);
  });
});

describe("summarizeFindings", () => {
  it("counts by severity", () => {
    expect(
      summarizeFindings([finding("error", "A1"), finding("error", "A2"), finding("info", "A3")])
    ).toEqual({ errors: 2, warnings: 0, info: 1 });
    expect(summarizeFindings([])).toEqual({ errors: 0, warnings: 0, info: 0 });
  });
});

describe("showValue", () => {
  it("quotes text, shortens long text, and names values it cannot show", () => {
    expect(showValue("abc")).toBe('"abc"');
    expect(showValue("x".repeat(50))).toBe(`"${"x".repeat(40)}…"`);
    expect(showValue(12.5)).toBe("12.5");
    expect(showValue(null)).toBe("blank");
    expect(showValue(false)).toBe("FALSE");
    expect(showValue(new Date(Date.UTC(2026, 0, 2)))).toBe("2026-01-02");
    expect(showValue([1, 2])).toBe("a list of values");
  });

  it("never calls a value's own toString", () => {
    const hostile = {
      toString() {
        throw new Error("boom");
      },
    };
    expect(showValue(hostile)).toBe("a value that is neither text nor a number");
    expect(showValue(Symbol("s"))).toBe("a value that is neither text nor a number");
  });
});
