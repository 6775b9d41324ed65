import { shown } from "./customFunctionsRuntime";
import { partnerScore } from "../../../src/functions/functions";

// Excel passes every matrix parameter as rows of cells: one value is [[v]]; a left-out argument is null.
const OMITTED = null as unknown as unknown[][];
const one = (v: unknown): unknown[][] => [[v]];
const PARTNER = [80, 70, 60, 50, 40];
// (80·30 + 70·25 + 60·20 + 50·15 + 40·10) / 100
const PARTNER_SCORE = 65;

const single = (ratings: readonly unknown[], weights: unknown[][] | null = null) =>
  shown(() =>
    partnerScore(
      one(ratings[0]),
      one(ratings[1]),
      one(ratings[2]),
      one(ratings[3]),
      one(ratings[4]),
      weights ?? OMITTED
    )
  );

const ranged = (rows: unknown[][], weights: unknown[][] | null = null) =>
  shown(() => partnerScore(rows, weights ?? OMITTED, OMITTED, OMITTED, OMITTED, OMITTED));

const valueError = (message: string) => ({ code: "#VALUE!", message });
const notRated = (message: string) => ({ code: "#N/A", message });

describe("PS.PARTNERSCORE with five single ratings", () => {
  test("weights the ratings 30/25/20/15/10 by default", () => {
    expect(single(PARTNER)).toEqual([[PARTNER_SCORE]]);
  });

  test("left-out weights arrive as null, or as undefined when the call stops early", () => {
    expect(single(PARTNER, null)).toEqual([[PARTNER_SCORE]]);
    expect(shown(() => partnerScore(one(80), one(70), one(60), one(50), one(40)))).toEqual([
      [PARTNER_SCORE],
    ]);
  });

  test("ratings typed as text that reads as a number count as numbers", () => {
    expect(single(["80", " 70 ", 60, 50, 40])).toEqual([[PARTNER_SCORE]]);
  });

  test("the extreme ratings give 0 and 100", () => {
    expect(single([0, 0, 0, 0, 0])).toEqual([[0]]);
    expect(single([100, 100, 100, 100, 100])).toEqual([[100]]);
  });

  test("weights given as a row or as a column give the same score", () => {
    const equal = [[1, 1, 1, 1, 1]];
    expect(single(PARTNER, equal)).toEqual([[60]]);
    expect(single(PARTNER, [[1], [1], [1], [1], [1]])).toEqual([[60]]);
  });

  test("weights on any scale are normalised", () => {
    expect(single(PARTNER, [[0.3, 0.25, 0.2, 0.15, 0.1]])).toEqual([[expect.closeTo(65, 10)]]);
    expect(single(PARTNER, [[0, 0, 0, 0, 7]])).toEqual([[40]]);
  });

  test("a blank rating is #N/A: the partner is not yet rated, and the message names the criterion", () => {
    expect(single([80, null, 60, 50, 40])).toEqual(notRated("Market Influence is not yet rated"));
    expect(single([80, 70, "", 50, 40])).toEqual(notRated("Practice Alignment is not yet rated"));
    expect(single([80, 70, 60, "   ", 40])).toEqual(
      notRated("Partnership Appetite is not yet rated")
    );
  });

  test("ratings left out of the call are not yet rated", () => {
    expect(shown(() => partnerScore(one(80), one(70)))).toEqual(
      notRated("Practice Alignment is not yet rated")
    );
  });

  test("text, a rating above 100 or below 0 is #VALUE! naming the criterion and the problem", () => {
    expect(single([80, "high", 60, 50, 40])).toEqual(
      valueError('Market Influence rating "high" is not a number')
    );
    expect(single([80, 70, 120, 50, 40])).toEqual(
      valueError("Practice Alignment rating 120 is outside 0–100")
    );
    expect(single([80, 70, 60, 50, -1])).toEqual(
      valueError("Revenue Potential rating -1 is outside 0–100")
    );
    expect(single([true, 70, 60, 50, 40])).toEqual(
      valueError("ICP Client Overlap rating TRUE is not a number")
    );
  });

  test("a range where one rating belongs is #VALUE! saying where a range of ratings goes", () => {
    expect(shown(() => partnerScore(one(80), [[70, 60, 50]], one(60), one(50), one(40)))).toEqual(
      valueError(
        "Market Influence must be one rating, not a range of 3 cells " +
          "(to score a range of ratings, give it as the first argument)"
      )
    );
  });

  test("weights that are not five numbers ≥ 0 with a positive sum are #VALUE! naming the weight", () => {
    expect(single(PARTNER, [[30, 25, 20, 15]])).toEqual(valueError("expected 5 weights, got 4"));
    expect(single(PARTNER, [[30, -5, 20, 15, 10]])).toEqual(
      valueError("Market Influence weight -5 is negative")
    );
    expect(single(PARTNER, [[0, 0, 0, 0, 0]])).toEqual(
      valueError("the weights add up to 0; give at least one criterion a positive weight")
    );
    expect(single(PARTNER, [[30, 25, "x", 15, 10]])).toEqual(
      valueError('Practice Alignment weight "x" is not a number')
    );
  });

  test("weights up to a billion are fine; larger ones are #VALUE! (they could overflow the sum)", () => {
    expect(single(PARTNER, [[1e9, 1e9, 1e9, 1e9, 1e9]])).toEqual([[60]]);
    expect(single(PARTNER, [[1e308, 1, 1, 1, 1]])).toEqual(
      valueError("ICP Client Overlap weight 1e+308 is larger than 1,000,000,000")
    );
  });

  test("a blank weight among five is #VALUE! naming it", () => {
    expect(single(PARTNER, [[30, null, 20, 15, 10]])).toEqual(
      valueError("Market Influence weight is blank")
    );
  });

  test("rounding never pushes a perfect score above 100", () => {
    // Σwᵢ·100 / Σwᵢ is 100.00000000000004 in floating point for these weights.
    const weights = [
      [7.366097286355471, 9.65092899217973, 2.8587684370679556, 0.99, 2.004854377220593],
    ];
    expect(single([100, 100, 100, 100, 100], weights)).toEqual([[100]]);
  });
});

describe("PS.PARTNERSCORE with a range of ratings", () => {
  test("a range of one row gives one score", () => {
    expect(ranged([PARTNER])).toEqual([[PARTNER_SCORE]]);
  });

  test("the optional arguments may be left out entirely", () => {
    expect(shown(() => partnerScore([PARTNER]))).toEqual([[PARTNER_SCORE]]);
  });

  test("several rows spill one score per row, one column wide", () => {
    const rows = [PARTNER, [100, 100, 100, 100, 100], [0, 0, 0, 0, 0]];
    expect(ranged(rows)).toEqual([[PARTNER_SCORE], [100], [0]]);
  });

  test("the second argument is the weights, as a row or as a column", () => {
    const rows = [PARTNER, [0, 0, 0, 0, 100]];
    expect(ranged(rows, [[1, 1, 1, 1, 1]])).toEqual([[60], [20]]);
    expect(ranged(rows, [[1], [1], [1], [1], [1]])).toEqual([[60], [20]]);
  });

  test("a bad row shows its own error and the other rows keep their scores", () => {
    const rows = [PARTNER, [80, 70, 120, 50, 40], [80, 70, 60, null, 40], PARTNER];
    expect(ranged(rows)).toEqual([
      [PARTNER_SCORE],
      [valueError("row 2 of the ratings: Practice Alignment rating 120 is outside 0–100")],
      [notRated("row 3 of the ratings: Partnership Appetite is not yet rated")],
      [PARTNER_SCORE],
    ]);
  });

  test("a one-row range with a blank rating is #N/A for the whole call", () => {
    expect(ranged([[80, 70, 60, 50, null]])).toEqual(
      notRated("Revenue Potential is not yet rated")
    );
  });

  test("a range without five columns is #VALUE! listing the five criteria", () => {
    expect(ranged([[80, 70, 60, 50]])).toEqual(
      valueError(
        "the range of ratings has 4 columns; it needs 5 (ICP Client Overlap, Market Influence, " +
          "Practice Alignment, Partnership Appetite, Revenue Potential), one row per partner"
      )
    );
    expect(ranged([[80], [70], [60], [50], [40]])).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("has 1 columns; it needs 5"),
    });
  });

  test("bad weights fail the whole call: they apply to every row", () => {
    expect(ranged([PARTNER, PARTNER], [[1, 1, -1, 1, 1]])).toEqual(
      valueError("Practice Alignment weight -1 is negative")
    );
  });

  test("arguments three to six must stay empty: the weights go second", () => {
    expect(shown(() => partnerScore([PARTNER], OMITTED, [[1, 1, 1, 1, 1]]))).toEqual(
      valueError(
        "practice must be empty when the first argument is a range of ratings (the weights go second)"
      )
    );
    expect(
      shown(() => partnerScore([PARTNER], OMITTED, OMITTED, OMITTED, OMITTED, [[1, 1, 1, 1, 1]]))
    ).toEqual(
      valueError(
        "weights must be empty when the first argument is a range of ratings (the weights go second)"
      )
    );
  });

  test("a blank cell given for an empty argument counts as empty", () => {
    expect(
      shown(() => partnerScore([PARTNER], [[null]], [[""]], OMITTED, OMITTED, OMITTED))
    ).toEqual([[PARTNER_SCORE]]);
  });
});
