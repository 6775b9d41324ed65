import fc from "fast-check";
import { cellsOrError, isCustomFunctionsError } from "./customFunctionsRuntime";
import { partnerBand, partnerScore } from "../../../src/functions/functions";
import { BANDS, DEFAULT_WEIGHTS, attractivenessScore } from "../../../src/domain/scoring";

// What a cell can hold when Excel calls a function, plus the odd values around it.
const cell = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom("", "  ", "n/a", "1e400", "-0", "Infinity"),
  fc.integer({ min: -10, max: 110 }),
  fc.double(),
  fc.string(),
  fc.boolean()
);
const matrix = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 6 });
const argument = fc.oneof(matrix, fc.constant(null), fc.constant(undefined), fc.anything());

describe("the custom functions on arbitrary input", () => {
  test("PS.PARTNERSCORE throws only CustomFunctions.Error and returns only scores in 0–100 or errors", () => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: 1, maxLength: 6 }), (args) => {
        const call = partnerScore as (...a: unknown[]) => unknown;
        for (const value of cellsOrError(() => call(...args))) {
          if (isCustomFunctionsError(value)) continue;
          expect(typeof value).toBe("number");
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 2000 }
    );
  });

  test("PS.PARTNERBAND throws only CustomFunctions.Error and returns only bands or errors", () => {
    fc.assert(
      fc.property(argument, (score) => {
        for (const value of cellsOrError(() => partnerBand(score as unknown[][]))) {
          if (!isCustomFunctionsError(value)) expect(BANDS).toContain(value);
        }
      }),
      { numRuns: 2000 }
    );
  });

  const rating = fc.double({ min: 0, max: 100, noNaN: true });
  const weight = fc.oneof(
    fc.integer({ min: 0, max: 100 }),
    fc.double({ min: 0, max: 1e9, noNaN: true })
  );
  // Partners rated alike on every criterion sit exactly on a boundary, where rounding shows.
  const alike = fc
    .oneof(fc.constantFrom(0, 50, 75, 100), rating)
    .map((r): [number, number, number, number, number] => [r, r, r, r, r]);
  const ratingRows = fc.array(fc.oneof(fc.tuple(rating, rating, rating, rating, rating), alike), {
    minLength: 1,
    maxLength: 5,
  });
  const weights = fc
    .tuple(weight, weight, weight, weight, weight)
    .filter((w) => w.reduce((a, b) => a + b, 0) > 0);

  test("valid ratings score as the domain scores them, and every score has a band", () => {
    fc.assert(
      fc.property(ratingRows, fc.option(weights, { nil: null }), (rows, w) => {
        const scores = partnerScore(rows, w === null ? (null as unknown as unknown[][]) : [w]);
        expect(scores).toHaveLength(rows.length);
        rows.forEach((row, i) => {
          expect(scores[i]![0]).toBeCloseTo(attractivenessScore(row, w ?? DEFAULT_WEIGHTS), 9);
        });
        const bands = partnerBand(scores as unknown[][]);
        for (const [b] of bands) expect(BANDS).toContain(b);
      }),
      { numRuns: 1000 }
    );
  });
});
