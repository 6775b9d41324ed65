import fc from "fast-check";
import { checkOkrs, okrEntries, okrObjectives, okrProgress } from "../../../src/domain/okrs";
import { DEFAULT_PROGRAM_SETTINGS } from "../../../src/domain/settings";

describe("OKRs (§5.1)", () => {
  const objectives = okrObjectives(DEFAULT_PROGRAM_SETTINGS);

  test("the three objectives with the playbook's key results, [N] and [X] filled", () => {
    expect(objectives.map((o) => o.objective)).toEqual([
      "Establish a world-class partner ecosystem that drives 10% of ARR by the end of 2027 (year 1 of 3 towards 30%)",
      "Build market credibility through alliance thought leadership",
      "Operationalize the partner program for scale",
    ]);
    expect(objectives[0]!.keyResults.map((k) => [k.keyResult, k.indicator, k.target])).toEqual([
      ["Sign 2 Platinum partners by 2027-12-31", "Lagging", 2],
      [
        "Achieve $10,000,000 in partner-sourced pipeline by end of 2027 (year 1 of 3 towards 30% of ARR)",
        "Leading",
        10_000_000,
      ],
      ["Reach 16 certified partner individuals across all tiers", "Lagging", 16],
      ["Partner NPS score ≥ 50", "Leading", 50],
    ]);
    expect(objectives[2]!.keyResults.map((k) => [k.keyResult, k.indicator, k.unit])).toEqual([
      ["Launch partner portal with self-serve training and deal registration", "Leading", "done"],
      ["Achieve 48-hour deal registration response SLA at 95%+ compliance", "Lagging", "percent"],
      [
        "Complete quarterly business reviews with 100% of Platinum and Gold partners",
        "Leading",
        "percent",
      ],
    ]);
  });

  test("the first objective and the pipeline follow the settings; a one-year thesis has no slice to name", () => {
    const oneYear = okrObjectives({ ...DEFAULT_PROGRAM_SETTINGS, years: 1, partnerShare: 0.25 });
    expect(oneYear[0]!.objective).toBe(
      "Establish a world-class partner ecosystem that drives 25% of ARR"
    );
    expect(oneYear[0]!.keyResults[1]!.keyResult).toMatch(
      /^Achieve \$[\d,]+ in partner-sourced pipeline by end of 2027$/
    );
    const fourYears = okrObjectives({
      ...DEFAULT_PROGRAM_SETTINGS,
      years: 4,
      partnerShare: 0.35,
      programYear: 2028,
    });
    expect(fourYears[0]!.objective).toBe(
      "Establish a world-class partner ecosystem that drives 9% of ARR by the end of 2028 (year 1 of 4 towards 35%)"
    );
    expect(fourYears[0]!.keyResults[0]!.keyResult).toBe("Sign 2 Platinum partners by 2028-12-31");
  });

  test("every default objective has a leading and a lagging key result, and passes the check", () => {
    for (const o of objectives) {
      expect(new Set(o.keyResults.map((k) => k.indicator))).toEqual(
        new Set(["Leading", "Lagging"])
      );
    }
    const rows = okrEntries(DEFAULT_PROGRAM_SETTINGS).map((e, i) => ({
      objective: { value: e.objective, cell: `A${i + 2}` },
      keyResult: { value: e.keyResult, cell: `B${i + 2}` },
      indicator: { value: e.indicator, cell: `C${i + 2}` },
      target: { value: e.target, cell: `D${i + 2}` },
      current: { value: e.current, cell: `E${i + 2}` },
    }));
    expect(rows).toHaveLength(10);
    expect(checkOkrs(rows, "OKRs")).toEqual([]);
  });

  test.each([
    [10, 5, 0.5],
    [10, 0, 0],
    [10, null, 0],
    [10, 15, 1],
    [50, -20, 0],
    ["95%", "90%", 0.9 / 0.95],
    ["$5,000,000", 1_250_000, 0.25],
  ])("progress of %p at %p is %d", (target, current, progress) => {
    const r = okrProgress(target, current);
    expect(r.ok && r.value).toBeCloseTo(progress, 12);
  });

  test.each([
    [
      0,
      5,
      {
        argument: "target",
        kind: "invalid",
        message: "target is 0: progress is measured against a positive target",
      },
    ],
    [
      -4,
      5,
      {
        argument: "target",
        kind: "invalid",
        message: "target is -4: progress is measured against a positive target",
      },
    ],
    [null, 5, { argument: "target", kind: "blank", message: "target is blank" }],
    ["many", 5, { argument: "target", kind: "invalid", message: 'target "many" is not a number' }],
    [
      10,
      "some",
      { argument: "current", kind: "invalid", message: 'current "some" is not a number' },
    ],
  ])("target %p, current %p is an error", (target, current, error) => {
    expect(okrProgress(target, current)).toEqual({ ok: false, error });
  });

  test("progress is always within 0–1 or an error", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (t, c) => {
        const r = okrProgress(t, c);
        return r.ok ? r.value >= 0 && r.value <= 1 : r.error.message.length > 0;
      })
    );
  });

  const row = (
    r: number,
    objective: unknown,
    keyResult: unknown,
    indicator: unknown,
    target?: unknown
  ) => ({
    objective: { value: objective, cell: `A${r}` },
    keyResult: { value: keyResult, cell: `B${r}` },
    indicator: { value: indicator, cell: `C${r}` },
    ...(target === undefined
      ? {}
      : { target: { value: target, cell: `D${r}` }, current: { value: 0, cell: `E${r}` } }),
  });

  test("an objective measured only by lagging results is a finding; blank objectives continue the one above", () => {
    const findings = checkOkrs(
      [
        row(2, "Grow partner revenue", "Partner-sourced ARR $3M", "Lagging", 3_000_000),
        row(3, null, "Sign 2 Platinum partners", "lagging", 2),
        row(4, "Scale operations", "Launch portal", "Leading", 1),
        row(5, "", "Deal registration SLA", "Lagging", 0),
        row(6, "scale operations", "QBRs held", "Sometimes"),
      ],
      "OKRs"
    );
    expect(findings.map((f) => [f.rule, f.cell, f.message])).toEqual([
      [
        "okr.bad-value",
        "D5",
        'key result "Deal registration SLA": target is 0: progress is measured against a positive target',
      ],
      [
        "okr.bad-value",
        "C6",
        'key result "QBRs held" is marked "Sometimes", not Leading or Lagging',
      ],
      [
        "quality.okr-indicators",
        "A2",
        'objective "Grow partner revenue" has no leading key result (activities such as meetings and proposals): measure both leading and lagging indicators',
      ],
    ]);
    expect(findings.every((f) => f.severity === "error" && f.sheet === "OKRs")).toBe(true);
  });

  test("an objective without key results has neither kind; a key result without an objective is a finding", () => {
    const findings = checkOkrs(
      [row(2, null, "Orphan", "Leading"), row(3, "Lonely objective", null, null)],
      "OKRs"
    );
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      ["okr.bad-value", "A2"],
      ["quality.okr-indicators", "A3"],
      ["quality.okr-indicators", "A3"],
    ]);
  });

  test("a key result without a target is a warning at its Target cell; one not yet computed is not judged", () => {
    const findings = checkOkrs(
      [
        row(2, "Grow partner revenue", "Sign 2 Platinum partners", "Lagging", null),
        row(3, "Grow partner revenue", "Hold 4 QBRs", "Leading", 4),
        row(4, { formula: "=B9" }, { formula: "=B10" }, "Leading", { formula: "=B11" }),
        row(5, { formula: "=B9" }, "Ship the portal", "Lagging", 1),
      ],
      "OKRs"
    );
    expect(findings.map((f) => [f.severity, f.rule, f.cell, f.message])).toEqual([
      [
        "warning",
        "quality.okr-target",
        "D2",
        'key result "Sign 2 Platinum partners" has no target: a key result is measured against one',
      ],
    ]);
  });
});
