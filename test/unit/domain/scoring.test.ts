import fc from "fast-check";
import {
  attractivenessScore,
  checkWeights,
  DEFAULT_WEIGHTS,
  describeScoreError,
  parseRatings,
  parseWeights,
  ratedBands,
  Ratings,
  scoreBand,
  scorePartner,
  Weights,
} from "../../../src/domain/scoring";

const ratingArb = fc.double({ min: 0, max: 100, noNaN: true });
const ratingsArb = fc.tuple(
  ratingArb,
  ratingArb,
  ratingArb,
  ratingArb,
  ratingArb
) as fc.Arbitrary<Ratings>;
const weightsArb = fc
  .tuple(...Array.from({ length: 5 }, () => fc.double({ min: 0, max: 1000, noNaN: true })))
  .filter((w) => w.reduce((a, b) => a + b, 0) > 0) as unknown as fc.Arbitrary<Weights>;

describe("attractiveness score", () => {
  test("uses the playbook's weights 30/25/20/15/10 by default", () => {
    expect(DEFAULT_WEIGHTS).toEqual([30, 25, 20, 15, 10]);
    expect(attractivenessScore([80, 70, 60, 50, 40])).toBeCloseTo(65, 12);
    expect(attractivenessScore([100, 0, 0, 0, 0])).toBeCloseTo(30, 12);
  });

  test("normalises weights that do not add up to 100", () => {
    expect(attractivenessScore([80, 70, 60, 50, 40], [1, 1, 1, 1, 1])).toBeCloseTo(60, 12);
    expect(attractivenessScore([80, 70, 60, 50, 40], [0, 0, 0, 0, 5])).toBeCloseTo(40, 12);
    expect(attractivenessScore([80, 70, 60, 50, 40], [60, 50, 40, 30, 20])).toBeCloseTo(65, 12);
  });

  test.each([
    [[75, 75, 75, 75, 75], 75, "Priority"],
    [[75, 75, 75, 75, 74.9], 74.99, "Secondary"],
    [[50, 50, 50, 50, 50], 50, "Secondary"],
    [[50, 50, 50, 50, 49.9], 49.99, "Opportunistic"],
    [[0, 0, 0, 0, 0], 0, "Opportunistic"],
    [[100, 100, 100, 100, 100], 100, "Priority"],
  ] as const)("ratings %j score %d, band %s", (ratings, score, band) => {
    const result = scorePartner(ratings);
    expect(result).toEqual({ ok: true, value: expect.closeTo(score, 9) });
    expect(scoreBand(result.ok ? result.value : NaN)).toBe(band);
  });

  test("bands at the playbook's boundaries", () => {
    expect(scoreBand(75)).toBe("Priority");
    expect(scoreBand(74.99)).toBe("Secondary");
    expect(scoreBand(50)).toBe("Secondary");
    expect(scoreBand(49.99)).toBe("Opportunistic");
  });

  test("the score lies between the lowest and the highest rating", () => {
    fc.assert(
      fc.property(ratingsArb, weightsArb, (ratings, weights) => {
        const score = attractivenessScore(ratings, weights);
        const eps = 1e-9;
        return score >= Math.min(...ratings) - eps && score <= Math.max(...ratings) + eps;
      })
    );
  });

  test("reordering the partners changes no partner's score", () => {
    fc.assert(
      fc.property(fc.array(ratingsArb, { maxLength: 30 }), fc.integer(), (partners, seed) => {
        const scores = partners.map((r) => attractivenessScore(r));
        const order = partners
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + seed) % 31) - ((b * 7919 + seed) % 31));
        return order.every((i) => attractivenessScore(partners[i]!) === scores[i]);
      })
    );
  });
});

describe("bad input is a typed error, never an exception", () => {
  test.each([
    [[80, 70, null, 50, 40], { kind: "notRated", index: 2 }, "Practice Alignment is not yet rated"],
    [[80, 70, "  ", 50, 40], { kind: "notRated", index: 2 }, "Practice Alignment is not yet rated"],
    [
      [80, "high", 60, 50, 40],
      { kind: "notANumber", field: "rating", index: 1, value: "high" },
      'Market Influence rating "high" is not a number',
    ],
    [
      [120, 70, 60, 50, 40],
      { kind: "ratingOutOfRange", index: 0, value: 120 },
      "ICP Client Overlap rating 120 is outside 0–100",
    ],
    [
      [80, 70, 60, 50, -1],
      { kind: "ratingOutOfRange", index: 4, value: -1 },
      "Revenue Potential rating -1 is outside 0–100",
    ],
    [
      [80, 70, 60, 50],
      { kind: "wrongCount", field: "ratings", count: 4 },
      "expected 5 ratings, got 4",
    ],
  ])("ratings %j", (ratings, error, message) => {
    const result = scorePartner(ratings);
    expect(result).toEqual({ ok: false, error });
    if (!result.ok) expect(describeScoreError(result.error)).toBe(message);
  });

  test("numbers typed as text are read as numbers", () => {
    expect(parseRatings(["80", " 70 ", 60, 50, 40])).toEqual({
      ok: true,
      value: [80, 70, 60, 50, 40],
    });
  });

  test.each([
    [
      [30, 25, -20, 15, 10],
      { kind: "negativeWeight", index: 2, value: -20 },
      "Practice Alignment weight -20 is negative",
    ],
    [
      [0, 0, 0, 0, 0],
      { kind: "zeroWeights" },
      "the weights add up to 0; give at least one criterion a positive weight",
    ],
    [
      [30, 25, 20, 15],
      { kind: "wrongCount", field: "weights", count: 4 },
      "expected 5 weights, got 4",
    ],
    [
      [30, "x", 20, 15, 10],
      { kind: "notANumber", field: "weight", index: 1, value: "x" },
      'Market Influence weight "x" is not a number',
    ],
    [
      [30, null, 20, 15, 10],
      { kind: "notANumber", field: "weight", index: 1, value: null },
      "Market Influence weight is blank",
    ],
    [
      [30, 25, 20, 15, 1e300],
      { kind: "weightTooLarge", index: 4, value: 1e300 },
      "Revenue Potential weight 1e+300 is larger than 1,000,000,000",
    ],
  ])("weights %j", (weights, error, message) => {
    const result = parseWeights(weights);
    expect(result).toEqual({ ok: false, error });
    if (!result.ok) expect(describeScoreError(result.error)).toBe(message);
  });

  test("arbitrary input never throws and never yields NaN", () => {
    fc.assert(
      fc.property(
        fc.array(fc.anything()),
        fc.option(fc.array(fc.anything()), { nil: undefined }),
        (ratings, weights) => {
          const result = scorePartner(ratings, weights);
          if (result.ok) return Number.isFinite(result.value);
          return describeScoreError(result.error).length > 0;
        }
      )
    );
  });
});

test("scores are rounded to 9 decimals so equal ratings never fall below their band", () => {
  expect(attractivenessScore([75, 75, 75, 75, 75], [7, 3.5, 1, 1, 0.5])).toBe(75);
  expect(attractivenessScore([100, 100, 100, 100, 100], [0.1, 0.2, 0.3, 0.7, 0.9])).toBe(100);
  fc.assert(
    fc.property(
      ratingArb,
      weightsArb,
      (r, w) => attractivenessScore([r, r, r, r, r], w) === Math.round(r * 1e9) / 1e9
    )
  );
});

describe("attractiveness score at the edges of the weights", () => {
  test("subnormal weights give the exact weighted mean: 74.6 stays Secondary", () => {
    const score = attractivenessScore([74.6, 74.6, 74.6, 74.6, 74.6], [5e-324, 0, 0, 0, 0]);
    expect(score).toBe(74.6);
    expect(scoreBand(score)).toBe("Secondary");
    expect(scorePartner([74.6, 0, 0, 0, 0], [5e-324, 0, 0, 0, 0])).toEqual({
      ok: true,
      value: 74.6,
    });
  });

  test("weights scaled by any power of two, subnormal included, give the same score", () => {
    const integerWeights = fc
      .tuple(...Array.from({ length: 5 }, () => fc.integer({ min: 0, max: 1000 })))
      .filter((w) => w.some((x) => x > 0)) as unknown as fc.Arbitrary<Weights>;
    fc.assert(
      fc.property(ratingsArb, integerWeights, fc.integer({ min: -1074, max: 19 }), (r, w, e) => {
        // An integer below 2^10 times 2^e is exactly representable for every e ≥ -1074.
        const scaled = w.map((x) => x * 2 ** e) as unknown as Weights;
        return attractivenessScore(r, scaled) === attractivenessScore(r, w);
      }),
      { numRuns: 2_000, seed: 13 }
    );
  });
});

describe("the weights of tblWeights (§2.2)", () => {
  const cells = (weights: readonly unknown[]) =>
    weights.map((value, i) => ({ value, cell: `M${4 + i}` }));

  test.each([
    ["the playbook's 30/25/20/15/10", [30, 25, 20, 15, 10], []],
    ["the same typed as percentages (shares of 1)", [0.3, 0.25, 0.2, 0.15, 0.1], []],
    ["percentages adding up to 90%", [0.3, 0.25, 0.2, 0.15, 0], ["scoring.weights-total"]],
    ["a total of 95", [30, 25, 20, 15, 5], ["scoring.weights-total"]],
    ["a weight that is not a number", [30, 25, "high", 15, 10], ["scoring.bad-value"]],
  ])("%s", (_, weights, rules) => {
    expect(checkWeights(cells(weights), "Scoring").map((f) => f.rule)).toEqual(rules);
  });

  test("the total is named, at the first weight", () => {
    expect(checkWeights(cells([30, 25, 20, 15, 5]), "Scoring")).toEqual([
      {
        severity: "warning",
        rule: "scoring.weights-total",
        sheet: "Scoring",
        cell: "M4",
        message:
          "the weights add up to 95, not 100 (or 100%): scores are still divided by the total, but the weights no longer read as shares",
      },
    ]);
  });

  test("bands of the partners rated in full, by lower-case name, with the weights given", () => {
    const bands = ratedBands(
      [
        { partner: " Deloitte ", ratings: [90, 90, 80, 80, 70] },
        { partner: "Half Rated", ratings: [90, null, 80, 80, 70] },
        { partner: "", ratings: [90, 90, 80, 80, 70] },
      ],
      DEFAULT_WEIGHTS
    );
    expect([...bands]).toEqual([["deloitte", "Priority"]]);
  });
});
