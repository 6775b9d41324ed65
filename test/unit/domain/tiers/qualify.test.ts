import {
  DEFAULT_TIER_RULES,
  describeTierInputError,
  qualifyTier,
  TierRules,
} from "../../../../src/domain/tiers";
import { annualPipelineAt } from "../../../../src/domain/tiers/rules";

const rules = DEFAULT_TIER_RULES;
const tier = (
  pipeline: unknown,
  certified: unknown,
  practice: unknown,
  r: TierRules = rules
): string => {
  const result = qualifyTier(pipeline, certified, practice, r);
  return result.ok ? result.value : describeTierInputError(result.error);
};

describe("qualifyTier", () => {
  it("Platinum: $2,000,000 and 5 certified and a dedicated practice, each at its boundary", () => {
    expect(tier(2_000_000, 5, true)).toBe("Platinum");
    expect(tier(1_999_999.99, 5, true)).toBe("Gold");
    expect(tier(2_000_000, 4, true)).toBe("Gold");
    expect(tier(2_000_000, 5, false)).toBe("Gold");
  });

  it("Gold: $500,000 and 3 certified", () => {
    expect(tier(500_000, 3, false)).toBe("Gold");
    expect(tier(499_999.99, 3, false)).toBe("Silver");
    expect(tier(500_000, 2, false)).toBe("Silver");
  });

  it("Silver: $100,000 and 1 certified; Registered below", () => {
    expect(tier(100_000, 1, false)).toBe("Silver");
    expect(tier(99_999.99, 1, false)).toBe("Registered");
    expect(tier(100_000, 0, false)).toBe("Registered");
    expect(tier(0, 0, false)).toBe("Registered");
  });

  it("the highest tier whose criteria are all met: a big pipeline without people is still Registered", () => {
    expect(tier(50_000_000, 0, true)).toBe("Registered");
    expect(tier(50_000_000, 2, true)).toBe("Silver");
  });

  it("compares to the cent: sub-cent noise does not fall below a target", () => {
    expect(tier(1_999_999.999, 5, true)).toBe("Platinum");
  });

  it("reads cell values as a user types them: money text, CSV numbers, flags, blanks", () => {
    expect(tier("$2,000,000", "5", "Yes")).toBe("Platinum");
    expect(tier("2000000", " 5 ", "y")).toBe("Platinum");
    expect(tier(null, null, null)).toBe("Registered");
  });

  it("names the argument and what is wrong", () => {
    expect(tier("lots", 5, true)).toBe('pipeline "lots" is not a number');
    expect(tier(-1, 5, true)).toBe("pipeline -$1 is negative");
    expect(tier(1, 2.5, true)).toBe("certified 2.5 is not a whole number");
    expect(tier(1, -3, true)).toBe("certified -3 is negative");
    expect(tier(1, 3, "sometimes")).toBe(
      'practice "sometimes" is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)'
    );
    expect(qualifyTier("x", 1, true, rules)).toEqual({
      ok: false,
      error: {
        kind: "badValue",
        argument: "pipeline",
        problem: { kind: "notANumber", value: "x" },
      },
    });
  });

  it("uses the rules it is given", () => {
    const strict: TierRules = {
      ...rules,
      criteria: {
        ...rules.criteria,
        Gold: { pipeline: 750_000, certified: 3, dedicatedPractice: true },
      },
    };
    expect(tier(600_000, 3, false, strict)).toBe("Silver");
    expect(tier(750_000, 3, true, strict)).toBe("Gold");
  });
});

describe("annual pipeline", () => {
  const at = (quarters: number[], mode: TierRules["pipelineMode"] = "trailing-four-quarters") =>
    annualPipelineAt(quarters, quarters.length - 1, mode);

  it("annualises the first quarters: × 4/n while fewer than four exist", () => {
    expect(at([500_000])).toBe(2_000_000);
    expect(at([250_000, 250_000])).toBe(1_000_000);
    expect(at([100_000, 200_000, 300_000])).toBe(800_000);
    expect(at([500_000, 500_000, 500_000])).toBe(2_000_000);
  });

  it("is the trailing four quarters' sum from the fourth quarter on", () => {
    expect(at([100_000, 200_000, 300_000, 400_000])).toBe(1_000_000);
    expect(at([9_000_000, 100_000, 200_000, 300_000, 400_000])).toBe(1_000_000);
  });

  it("is the quarter × 4 in the annualised-quarter mode", () => {
    expect(at([9_000_000, 100_000], "annualised-quarter")).toBe(400_000);
    expect(at([499_999.99], "annualised-quarter")).toBe(1_999_999.96);
  });

  it("is unknown when a quarter it needs is unreadable", () => {
    expect(annualPipelineAt([undefined, 1, 2, 3, 4], 4, "trailing-four-quarters")).toBe(10);
    expect(annualPipelineAt([1, undefined, 2, 3, 4], 4, "trailing-four-quarters")).toBeUndefined();
    expect(annualPipelineAt([1, undefined, 2], 2, "annualised-quarter")).toBe(8);
  });

  it("rounds to the cent", () => {
    expect(at([0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(at([1_000_000.01, 1_000_000.02, 1_000_000.03])).toBe(4_000_000.08);
  });
});
