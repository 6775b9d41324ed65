import { Finding } from "../../../src/domain/findings";
import { filterFindings, groupFindings } from "../../../src/domain/findingGroups";

const f = (
  severity: Finding["severity"],
  rule: string,
  cell: string,
  partner?: string
): Finding => ({
  severity,
  rule,
  sheet: "Quarterly",
  cell,
  ...(partner && { partner }),
  message: `${rule} at ${cell}`,
});

describe("groupFindings", () => {
  test("by rule and severity: errors first, then the largest group, each group in sheet order", () => {
    const groups = groupFindings([
      f("warning", "commitment.qbr", "I9"),
      f("error", "quarter.duplicate", "B4"),
      f("error", "tier.recorded-mismatch", "J30"),
      f("error", "tier.recorded-mismatch", "J3"),
      f("info", "tier.rejoined", "J2"),
    ]);
    expect(groups.map((g) => [g.severity, g.rule, g.findings.map((x) => x.cell)])).toEqual([
      ["error", "tier.recorded-mismatch", ["J3", "J30"]],
      ["error", "quarter.duplicate", ["B4"]],
      ["warning", "commitment.qbr", ["I9"]],
      ["info", "tier.rejoined", ["J2"]],
    ]);
  });

  test("filters by severity and by partner, ignoring case", () => {
    const findings = [
      f("error", "a", "A1", "Quarry Point"),
      f("warning", "a", "A2", "Harbor"),
      f("error", "b", "A3"),
    ];
    expect(filterFindings(findings, { severity: "error", partner: "" }).map((x) => x.cell)).toEqual(
      ["A1", "A3"]
    );
    expect(
      filterFindings(findings, { severity: "all", partner: "QUARRY" }).map((x) => x.cell)
    ).toEqual(["A1"]);
  });
});
