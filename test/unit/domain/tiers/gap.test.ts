import { DEFAULT_TIER_RULES, describeTierInputError, tierGap } from "../../../../src/domain/tiers";

const gap = (
  pipeline: unknown,
  certified: unknown,
  practice: unknown,
  target: unknown = null
): string => {
  const r = tierGap(pipeline, certified, practice, target, DEFAULT_TIER_RULES);
  return r.ok ? r.value.text : describeTierInputError(r.error);
};

describe("tierGap", () => {
  it("names what is missing for the next tier up", () => {
    expect(gap(350_000, 2, false)).toBe("Gold: +$150,000 pipeline, +1 certified");
    expect(gap(2_500_000, 6, false)).toBe("Platinum: dedicated practice");
    expect(gap(0, 0, false)).toBe("Silver: +$100,000 pipeline, +1 certified");
    expect(gap(600_000, 3, false)).toBe(
      "Platinum: +$1,400,000 pipeline, +2 certified, dedicated practice"
    );
    expect(gap(1_999_999.5, 5, true)).toBe("Platinum: +$0.50 pipeline");
  });

  it("says a partner at the top meets Platinum", () => {
    expect(gap(2_000_000, 5, true)).toBe("meets Platinum");
  });

  it("looks at a named tier, in any case", () => {
    expect(gap(350_000, 2, false, "platinum")).toBe(
      "Platinum: +$1,650,000 pipeline, +3 certified, dedicated practice"
    );
    expect(gap(2_000_000, 5, true, "Gold")).toBe("meets Gold");
    expect(gap(0, 0, false, "Registered")).toBe("meets Registered");
    expect(gap(100_000, 1, false, "Silver")).toBe("meets Silver");
  });

  it("returns the figures as data", () => {
    expect(tierGap(350_000, 2, false, "", DEFAULT_TIER_RULES)).toEqual({
      ok: true,
      value: {
        target: "Gold",
        qualifies: "Silver",
        met: false,
        pipeline: 150_000,
        certified: 1,
        dedicatedPractice: false,
        text: "Gold: +$150,000 pipeline, +1 certified",
      },
    });
  });

  it("names a bad argument", () => {
    expect(gap(1, 1, false, "Diamond")).toBe(
      'targetTier "Diamond" is not a tier (use Platinum, Gold, Silver or Registered)'
    );
    expect(gap("?", 1, false)).toBe('pipeline "?" is not a number');
  });
});
