import fc from "fast-check";
import {
  buildPartner,
  checkDecisionLog,
  decide,
  DECISION_INPUTS,
  DECISIONS,
  decisionId,
  DecisionInputs,
  nextReviewDate,
  NO_DECISION_INPUTS,
  parseDecisionInputs,
} from "../../../src/domain/decisions";
import { formatDate } from "../../../src/domain/cells";

const NO = NO_DECISION_INPUTS;
const given = (inputs: Partial<DecisionInputs>): DecisionInputs => ({ ...NO, ...inputs });

describe("build vs partner vs acquire (§4)", () => {
  test("core and capacity: BUILD", () => {
    const outcome = decide(given({ core: true, capacity: true }));
    expect(outcome.decision).toBe("BUILD");
    expect(outcome.rule?.number).toBe(1);
    expect(outcome.rationale).toBe(
      "It is core to our product differentiation and we have the engineering capacity to build it."
    );
  });

  test("adjacent, not core, strong partner serving our ICP, positive economics: PARTNER", () => {
    const outcome = decide(given({ adjacent: true, strongPartner: true, positiveEconomics: true }));
    expect([outcome.decision, outcome.rule?.number]).toEqual(["PARTNER", 2]);
  });

  test("adjacent but core is not the second rule's case", () => {
    const outcome = decide(
      given({ core: true, adjacent: true, strongPartner: true, positiveEconomics: true })
    );
    expect(outcome.decision).toBe("REVIEW");
  });

  test("a partner whose economics are not positive is no reason to partner", () => {
    expect(decide(given({ adjacent: true, strongPartner: true })).decision).toBe("REVIEW");
  });

  test.each([
    [18, "REVIEW"],
    [18.5, "ACQUIRE"],
    [19, "ACQUIRE"],
    [undefined, "REVIEW"],
  ])(
    "critical, target in budget, build time %p months: %s (18 is not > 18)",
    (buildMonths, decision) => {
      expect(decide(given({ critical: true, acquisitionTarget: true, buildMonths })).decision).toBe(
        decision
      );
    }
  );

  test("the acquisition rationale cites the build time", () => {
    expect(
      decide(given({ critical: true, acquisitionTarget: true, buildMonths: 24 })).rationale
    ).toBe(
      "It is critical to our market position, building would take 24 months (more than 18), and an acquisition target exists within budget."
    );
  });

  test("new geography or vertical with a local partner: PARTNER, with JV consideration", () => {
    const outcome = decide(given({ newMarket: true, localPresence: true }));
    expect([outcome.decision, outcome.rule?.number, outcome.rule?.note]).toEqual([
      "PARTNER",
      4,
      "JV consideration if revenue scale justifies it",
    ]);
    expect(outcome.rationale).toMatch(/consider a joint venture if revenue scale justifies it\.$/);
  });

  test("the first rule that applies wins, in the playbook's order", () => {
    const all = given({
      core: true,
      capacity: true,
      critical: true,
      buildMonths: 36,
      acquisitionTarget: true,
      newMarket: true,
      localPresence: true,
    });
    expect(decide(all).decision).toBe("BUILD");
    expect(decide({ ...all, capacity: false }).decision).toBe("ACQUIRE");
    expect(decide({ ...all, capacity: false, acquisitionTarget: false }).rule?.number).toBe(4);
  });

  test("no rule applies: REVIEW, with no rule", () => {
    const outcome = decide(NO);
    expect(outcome).toEqual({
      decision: "REVIEW",
      rule: undefined,
      rationale: expect.stringMatching(/^No rule/),
    });
  });

  test("any combination of inputs yields exactly one of BUILD, PARTNER, ACQUIRE, REVIEW", () => {
    const inputs = fc.record({
      core: fc.boolean(),
      capacity: fc.boolean(),
      adjacent: fc.boolean(),
      strongPartner: fc.boolean(),
      positiveEconomics: fc.boolean(),
      critical: fc.boolean(),
      buildMonths: fc.option(fc.double({ min: 0, max: 1200, noNaN: true }), { nil: undefined }),
      acquisitionTarget: fc.boolean(),
      newMarket: fc.boolean(),
      localPresence: fc.boolean(),
    });
    fc.assert(
      fc.property(inputs, (i) => {
        const outcome = decide(i);
        const expected =
          i.core && i.capacity
            ? "BUILD"
            : i.adjacent && !i.core && i.strongPartner && i.positiveEconomics
              ? "PARTNER"
              : i.critical && (i.buildMonths ?? 0) > 18 && i.acquisitionTarget
                ? "ACQUIRE"
                : i.newMarket && i.localPresence
                  ? "PARTNER"
                  : "REVIEW";
        return DECISIONS.includes(outcome.decision) && outcome.decision === expected;
      })
    );
  });
});

describe("reading the matrix's inputs from cells", () => {
  test("Yes/No, TRUE/FALSE, Y/N, 1/0 in any case; blank is No; build months as number or text", () => {
    const r = parseDecisionInputs(["Yes", true, "n", "Y", 1, "FALSE", " 24 ", "yes", 0, null]);
    expect(r).toEqual({
      ok: true,
      value: {
        core: true,
        capacity: true,
        adjacent: false,
        strongPartner: true,
        positiveEconomics: true,
        critical: false,
        buildMonths: 24,
        acquisitionTarget: true,
        newMarket: false,
        localPresence: false,
      },
    });
  });

  test("PS.BUILDPARTNER on cells", () => {
    const r = buildPartner(["No", "No", "No", "No", "No", "Yes", 24, "Yes", "No", "No"]);
    expect(r.ok && r.value.decision).toBe("ACQUIRE");
    const blank = buildPartner(Array(10).fill(null));
    expect(blank.ok && blank.value.decision).toBe("REVIEW");
  });

  test.each([
    [
      0,
      "maybe",
      'Core to Differentiation "maybe" is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)',
    ],
    [5, 2, "Critical to Market Position 2 is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)"],
    [6, "two years", 'Build Time (Months) "two years" is not a number of months'],
    [6, -3, "Build Time (Months) -3 is negative"],
    [6, 5000, "Build Time (Months) 5000 is more than 1200 months"],
  ])("input %d = %p is an error naming it", (index, value, message) => {
    const raw: unknown[] = Array(10).fill("No");
    raw[index] = value;
    expect(parseDecisionInputs(raw)).toEqual({
      ok: false,
      error: { argument: DECISION_INPUTS[index]!.key, kind: "invalid", message },
    });
  });

  test("the wrong number of inputs", () => {
    const r = parseDecisionInputs(["Yes", "Yes"]);
    expect(r.ok || r.error.message).toMatch(
      /^expected 10 inputs \(Core to Differentiation, .*\), got 2$/
    );
  });

  test("arbitrary cells never throw", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { minLength: 10, maxLength: 10 }), (raw) => {
        const r = buildPartner(raw);
        return r.ok ? DECISIONS.includes(r.value.decision) : r.error.message.length > 0;
      })
    );
  });
});

describe("the rationale log", () => {
  test("ids D-001, D-002 …", () => {
    expect([1, 2, 42, 999, 1000].map(decisionId)).toEqual([
      "D-001",
      "D-002",
      "D-042",
      "D-999",
      "D-1000",
    ]);
    expect(() => decisionId(0)).toThrow(RangeError);
  });

  test("the next review is a quarter later (EDATE(decided, 3))", () => {
    const at = (iso: string) => formatDate(nextReviewDate(new Date(`${iso}T00:00:00Z`)));
    expect(at("2026-11-25")).toBe("2027-02-25");
    expect(at("2026-11-30")).toBe("2027-02-28");
  });

  const cell = (value: unknown, ref: string) => ({ value, cell: ref });
  const TODAY = new Date("2026-11-25T00:00:00Z");

  test("every decision needs Finance input; a PARTNER decision names the partner considered", () => {
    const findings = checkDecisionLog(
      [
        {
          id: cell("D-001", "A2"),
          capability: cell("CRM integration", "B2"),
          decision: cell("PARTNER", "M2"),
          partnerConsidered: cell("", "O2"),
          financeInput: cell(null, "P2"),
        },
        {
          id: cell("D-002", "A3"),
          capability: cell("Risk engine", "B3"),
          decision: cell("BUILD", "M3"),
          partnerConsidered: cell(null, "O3"),
          financeInput: cell("Margin-neutral in year 2 (CFO)", "P3"),
        },
        {
          id: cell(null, "A4"),
          capability: cell(null, "B4"),
          decision: cell(null, "M4"),
          partnerConsidered: cell(null, "O4"),
          financeInput: cell(null, "P4"),
        },
        {
          id: cell("D-003", "A5"),
          capability: cell("DACH entry", "B5"),
          decision: cell("Maybe", "M5"),
          financeInput: cell("ok", "P5"),
        },
      ],
      TODAY,
      "Decisions"
    );
    expect(findings).toEqual([
      {
        severity: "error",
        rule: "quality.finance-input",
        sheet: "Decisions",
        cell: "P2",
        message:
          "D-001 (CRM integration) has no Finance input: every build-vs-partner decision needs one",
      },
      {
        severity: "warning",
        rule: "decision.partner-considered",
        sheet: "Decisions",
        cell: "O2",
        message: "D-001 (CRM integration) is PARTNER but names no partner considered",
      },
      {
        severity: "error",
        rule: "decision.bad-value",
        sheet: "Decisions",
        cell: "M5",
        message:
          'D-003 (DACH entry): decision "Maybe" is not one of BUILD, PARTNER, ACQUIRE, REVIEW',
      },
    ]);
  });

  test("a log without a Finance Input column fails the rule at each decision's id", () => {
    const findings = checkDecisionLog(
      [{ id: cell("D-001", "A2"), capability: cell("X", "B2"), decision: cell("BUILD", "C2") }],
      TODAY,
      "Decisions"
    );
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([["quality.finance-input", "A2"]]);
  });

  test("a decision is reviewed quarterly: due the day EDATE(decided, 3) gives, a finding from the day after", () => {
    const logged = (decided: unknown) => ({
      id: cell("D-001", "A2"),
      capability: cell("X", "B2"),
      decision: cell("BUILD", "C2"),
      financeInput: cell("Margin 40%", "P2"),
      decided: cell(decided, "Q2"),
      reviewDate: cell(null, "R2"),
    });
    const check = (decided: unknown) =>
      checkDecisionLog([logged(decided)], TODAY, "Decisions").map((f) => [
        f.severity,
        f.rule,
        f.cell,
        f.message,
      ]);
    // TODAY is 2026-11-25: decided 2026-08-25 is due today, not yet past.
    expect(check(new Date("2026-08-25T00:00:00Z"))).toEqual([]);
    expect(check(new Date("2026-08-24T00:00:00Z"))).toEqual([
      [
        "warning",
        "quality.decision-review",
        "R2",
        "D-001 (X) was due for its quarterly review on 2026-11-24 (decided 2026-08-24): review it and record the new decision date",
      ],
    ]);
    expect(check("last spring")).toEqual([
      ["error", "decision.bad-value", "Q2", expect.stringContaining("D-001 (X): Decided")],
    ]);
  });
});
