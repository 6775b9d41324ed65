import {
  DEFAULT_TIER_RULES,
  describeTierInputError,
  formatTierStatus,
  tierAfter,
  TierRules,
  tierStatus,
} from "../../../../src/domain/tiers";

/** One quarter: quarterly pipeline, certified individuals, dedicated practice. */
type Q = readonly [unknown, unknown, unknown];

const status = (
  tier: unknown,
  quarters: readonly Q[],
  rules: TierRules = DEFAULT_TIER_RULES
): string => {
  const r = tierStatus(
    tier,
    quarters.map((q) => q[0]),
    quarters.map((q) => q[1]),
    quarters.map((q) => q[2]),
    rules
  );
  return r.ok ? formatTierStatus(r.value) : describeTierInputError(r.error);
};

// Quarterly figures whose trailing-four-quarter annual pipeline lands in each tier once four quarters exist.
const PLATINUM: Q = [500_000, 5, true]; // $2M a year
const GOLD: Q = [125_000, 3, false]; // $500K a year
const SILVER: Q = [25_000, 1, false]; // $100K a year
const REGISTERED: Q = [10_000, 0, false];
const EMPTY: Q = [0, 0, false];

describe("tierStatus: each status", () => {
  it("Hold when the last quarters meet the tier", () => {
    expect(status("Gold", [GOLD, GOLD, GOLD, GOLD])).toBe("Hold");
  });

  it("Promote when the last two quarters both qualify above, to the lower of the two", () => {
    expect(status("Silver", [SILVER, SILVER, PLATINUM, PLATINUM])).toBe("Promote to Gold");
    expect(status("Silver", [PLATINUM, PLATINUM, PLATINUM, PLATINUM])).toBe("Promote to Platinum");
    expect(status("Registered", [GOLD, GOLD, GOLD, GOLD])).toBe("Promote to Gold");
    expect(
      status("Silver", [
        [125_000, 3, false],
        [125_000, 5, true],
      ])
    ).toBe("Promote to Gold");
  });

  it("Hold when only the last quarter qualifies above", () => {
    expect(
      status("Silver", [SILVER, SILVER, SILVER, [25_000, 3, false], [2_000_000, 5, true]])
    ).toBe("Hold");
  });

  it("Demote one tier down when the last two both miss, however far below they fall", () => {
    expect(status("Platinum", [PLATINUM, PLATINUM, [500_000, 4, true], [500_000, 4, true]])).toBe(
      "Demote to Gold"
    );
    expect(status("Platinum", [PLATINUM, PLATINUM, [500_000, 1, true], [500_000, 1, true]])).toBe(
      "Demote to Gold"
    );
    expect(status("Silver", [SILVER, SILVER, [25_000, 0, false], [25_000, 0, false]])).toBe(
      "Demote to Registered"
    );
  });

  it("Warning when only the last quarter misses", () => {
    expect(status("Platinum", [PLATINUM, PLATINUM, PLATINUM, [500_000, 5, false]])).toBe("Warning");
    expect(status("Platinum", [PLATINUM, PLATINUM, [500_000, 4, true], PLATINUM])).toBe("Hold");
  });

  it("a Registered partner never misses its tier: it has no criteria", () => {
    expect(status("Registered", [REGISTERED, REGISTERED, REGISTERED])).toBe("Hold");
  });
});

describe("tierStatus: Exit", () => {
  it("after exactly 4 quarters without pipeline, not 3", () => {
    expect(status("Gold", [GOLD, EMPTY, EMPTY, EMPTY, EMPTY])).toBe("Exit");
    expect(status("Gold", [GOLD, GOLD, EMPTY, EMPTY, EMPTY])).toBe("Demote to Silver");
  });

  it("Registered after exactly 2 quarters without pipeline, not 1", () => {
    expect(status("Registered", [REGISTERED, EMPTY, EMPTY])).toBe("Exit");
    expect(status("Registered", [REGISTERED, REGISTERED, EMPTY])).toBe("Hold");
  });

  it("needs the full window: a partner younger than the window does not exit", () => {
    expect(status("Registered", [EMPTY])).toBe("Hold");
    expect(status("Gold", [EMPTY, EMPTY, EMPTY])).toBe("Demote to Silver");
    expect(status("Gold", [EMPTY, EMPTY, EMPTY, EMPTY])).toBe("Exit");
  });

  it("counts blank pipeline as no activity", () => {
    expect(status("Registered", [REGISTERED, [null, 0, false], ["", 0, false]])).toBe("Exit");
  });

  it("counts any pipeline, however small, as activity", () => {
    expect(status("Registered", [EMPTY, [0.01, 0, false]])).toBe("Hold");
  });
});

describe("tierStatus: precedence Exit > Promote > Demote > Warning > Hold", () => {
  it("Exit over Demote: a Platinum partner with a year of nothing exits", () => {
    expect(status("Platinum", [PLATINUM, EMPTY, EMPTY, EMPTY, EMPTY])).toBe("Exit");
  });

  it("Exit over Promote: past pipeline still qualifies above, but two empty quarters end a Registered partner", () => {
    // Trailing sums of $600K and $400K with 3 certified qualify Gold in both quarters.
    expect(
      status("Registered", [
        [300_000, 3, false],
        [300_000, 3, false],
        [0, 3, false],
        [0, 3, false],
      ])
    ).toBe("Exit");
  });

  it("Demote over Warning: two misses are a demotion, not a warning", () => {
    expect(status("Gold", [GOLD, GOLD, SILVER, SILVER])).toBe("Demote to Silver");
    expect(status("Gold", [GOLD, GOLD, GOLD, SILVER])).toBe("Warning");
  });
});

describe("tierStatus: annualised pipeline of the first quarters", () => {
  it("with 1, 2 and 3 quarters of history the sum is scaled to a year", () => {
    expect(
      status("Gold", [
        [500_000, 5, true],
        [500_000, 5, true],
      ])
    ).toBe("Promote to Platinum");
    expect(
      status("Gold", [
        [499_999.99, 5, true],
        [500_000, 5, true],
      ])
    ).toBe("Hold");
    expect(
      status("Gold", [
        [500_000, 5, true],
        [500_000, 5, true],
        [500_000, 5, true],
      ])
    ).toBe("Promote to Platinum");
    expect(status("Silver", [[125_000, 3, false]])).toBe("Hold");
    expect(status("Silver", [[24_999.99, 1, false]])).toBe("Warning");
  });

  it("the annualised-quarter setting looks at each quarter × 4 alone", () => {
    const quarterly: TierRules = { ...DEFAULT_TIER_RULES, pipelineMode: "annualised-quarter" };
    const history: Q[] = [
      [2_000_000, 5, true],
      [2_000_000, 5, true],
      [100_000, 5, true],
      [100_000, 5, true],
    ];
    expect(status("Platinum", history)).toBe("Hold");
    expect(status("Platinum", history, quarterly)).toBe("Demote to Gold");
  });
});

describe("tierStatus: settings", () => {
  it("a streak of 3 needs three quarters in a row", () => {
    const three: TierRules = {
      ...DEFAULT_TIER_RULES,
      movementStreak: 3,
      pipelineMode: "annualised-quarter",
    };
    expect(status("Silver", [SILVER, SILVER, GOLD, GOLD], three)).toBe("Hold");
    expect(status("Silver", [SILVER, GOLD, GOLD, GOLD], three)).toBe("Promote to Gold");
    expect(status("Gold", [GOLD, GOLD, SILVER, SILVER], three)).toBe("Warning");
  });

  it("exit windows come from the rules", () => {
    const short: TierRules = { ...DEFAULT_TIER_RULES, exitWindow: 2, registeredExitWindow: 1 };
    expect(status("Gold", [GOLD, GOLD, EMPTY, EMPTY], short)).toBe("Exit");
    expect(status("Registered", [REGISTERED, EMPTY], short)).toBe("Exit");
  });
});

describe("tierStatus: bad input", () => {
  it("names the tier argument", () => {
    expect(status("Diamond", [GOLD])).toBe(
      'currentTier "Diamond" is not a tier (use Platinum, Gold, Silver or Registered)'
    );
    expect(status("Exited", [GOLD])).toMatch(/^currentTier "Exited" is not a tier/);
    expect(status(" gold ", [GOLD])).toBe("Hold");
  });

  it("names the history and the position of a bad value", () => {
    expect(status("Gold", [GOLD, ["n/a", 3, false]])).toBe(
      'pipelineHistory value 2: "n/a" is not a number'
    );
    expect(status("Gold", [GOLD, [-5, 3, false]])).toBe("pipelineHistory value 2: -$5 is negative");
    expect(status("Gold", [[1, 3.5, false]])).toBe(
      "certifiedHistory value 1: 3.5 is not a whole number"
    );
    expect(status("Gold", [[1, 3, "perhaps"]])).toMatch(
      /^practiceHistory value 1: "perhaps" is not yes or no/
    );
  });

  it("refuses histories of unequal length, and empty ones", () => {
    const r = tierStatus("Gold", [1, 2], [3], [true, true], DEFAULT_TIER_RULES);
    expect(r).toEqual({
      ok: false,
      error: { kind: "unequalHistories", pipeline: 2, certified: 1, practice: 2 },
    });
    expect(describeTierInputError(r.ok ? { kind: "emptyHistory" } : r.error)).toBe(
      "the histories must have one value per quarter each, but pipelineHistory has 2, certifiedHistory 1 and practiceHistory 2"
    );
    expect(status("Gold", [])).toBe("the histories are empty: give at least one quarter");
  });
});

describe("formatTierStatus and tierAfter", () => {
  it("read as the playbook says them", () => {
    expect(formatTierStatus({ kind: "promote", to: "Gold" })).toBe("Promote to Gold");
    expect(formatTierStatus({ kind: "demote", to: "Gold" })).toBe("Demote to Gold");
    expect(formatTierStatus({ kind: "exit" })).toBe("Exit");
    expect(formatTierStatus({ kind: "warning" })).toBe("Warning");
    expect(formatTierStatus({ kind: "hold" })).toBe("Hold");
  });

  it("give the next quarter's tier", () => {
    expect(tierAfter("Silver", { kind: "promote", to: "Gold" })).toBe("Gold");
    expect(tierAfter("Platinum", { kind: "demote", to: "Gold" })).toBe("Gold");
    expect(tierAfter("Gold", { kind: "warning" })).toBe("Gold");
    expect(tierAfter("Gold", { kind: "hold" })).toBe("Gold");
    expect(tierAfter("Gold", { kind: "exit" })).toBe("Exited");
  });
});
