import fc from "fast-check";
import { associated, isCustomFunctionsError } from "./customFunctionsRuntime";
// Binds every PS.* id as Excel's runtime does: the fuzzing goes through the registered functions.
import "../../../src/functions/register";

/**
 * Every registered custom function, called with whatever a worksheet can hand it, ten thousand times each with a
 * fixed seed (the same calls on every machine, so a failure reproduces): it answers with values or a
 * CustomFunctions.Error that carries a message, never another exception, never NaN or Infinity, and a spilled
 * answer is a rectangle.
 */

const SEED = 20_261_206;
const RUNS = 10_000;

// What a cell can hold when Excel calls a function: numbers of every kind, text (words the functions know among
// it), booleans, blanks, and the error values Excel passes through.
const cell = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(""),
  fc.double(),
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.constantFrom(0, 50, 75, 100, 5e-324, 1e308, -0, Number.NaN, Infinity, -Infinity),
  fc.string(),
  fc.constantFrom("Platinum", "gold", "Yes", "no", "A", "R", "Referral", "$1,000", "10%", "-   1"),
  fc.constantFrom("#N/A", "#VALUE!", "#DIV/0!"),
  fc.boolean()
);

/** Ranges of every shape: 0 × 0, a row, a column, a block, ragged rows. */
const range = fc.oneof(
  fc.constant([] as unknown[][]),
  fc.constant([[]] as unknown[][]),
  fc.array(cell, { minLength: 1, maxLength: 12 }).map((row) => [row]),
  fc.array(cell, { minLength: 1, maxLength: 12 }).map((column) => column.map((c) => [c])),
  fc.integer({ min: 1, max: 10 }).chain((width) =>
    fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
      minLength: 1,
      maxLength: 8,
    })
  ),
  fc.array(fc.array(cell, { maxLength: 12 }), { minLength: 1, maxLength: 8 })
);

const argument = fc.oneof(
  cell,
  range,
  range.map((r) => r.map((row) => row.map(() => null)))
);

/** What one call gave: the cells it spilled, or the error it threw. */
function callOnce(
  fn: (...args: unknown[]) => unknown,
  args: readonly unknown[]
): unknown[][] | Error {
  try {
    const result = fn(...args);
    return Array.isArray(result) ? (result as unknown[][]) : [[result]];
  } catch (e) {
    if (isCustomFunctionsError(e)) return e as Error;
    throw e;
  }
}

const expectSound = (id: string, value: unknown): void => {
  if (isCustomFunctionsError(value)) {
    expect([id, (value as Error).message.length > 0]).toEqual([id, true]);
    return;
  }
  if (typeof value === "number")
    expect([id, value, Number.isFinite(value)]).toEqual([id, value, true]);
  else expect([id, typeof value]).toEqual([id, expect.stringMatching(/^(string|boolean)$/)]);
};

describe("every PS.* function on anything a worksheet can pass", () => {
  test("all eleven are registered", () => {
    expect([...associated.keys()].sort()).toEqual([
      "BUILDPARTNER",
      "MDFROI",
      "PARTNERBAND",
      "PARTNERFEE",
      "PARTNERSCORE",
      "RACICHECK",
      "SLACOMPLIANCE",
      "SLAHOURS",
      "TIERGAP",
      "TIERQUALIFY",
      "TIERSTATUS",
    ]);
  });

  test.each([...associated.keys()])(
    "PS.%s: values or CustomFunctions.Error with a message, never NaN, Infinity or another exception",
    (id) => {
      const fn = associated.get(id) as (...args: unknown[]) => unknown;
      fc.assert(
        fc.property(fc.array(argument, { maxLength: 11 }), (args) => {
          const answer = callOnce(fn, args);
          if (answer instanceof Error) return expectSound(id, answer);
          expect(answer.length).toBeGreaterThan(0);
          const width = answer[0]!.length;
          for (const row of answer) {
            expect(Array.isArray(row)).toBe(true);
            expect(row).toHaveLength(width);
            for (const value of row) expectSound(id, value);
          }
        }),
        { numRuns: RUNS, seed: SEED }
      );
    },
    180_000
  );

  const ratingRow = fc.array(cell, { minLength: 5, maxLength: 5 });
  test("a range of ratings spills one score per row, and a column of scores one band per row", () => {
    const score = associated.get("PARTNERSCORE") as (...args: unknown[]) => unknown;
    const band = associated.get("PARTNERBAND") as (...args: unknown[]) => unknown;
    fc.assert(
      fc.property(fc.array(ratingRow, { minLength: 2, maxLength: 12 }), (rows) => {
        const scores = callOnce(score, [rows, null]);
        expect(scores).toHaveLength(rows.length);
        const bands = callOnce(band, [rows.map((r) => [r[0]])]);
        expect(bands).toHaveLength(rows.length);
      }),
      { numRuns: RUNS, seed: SEED }
    );
  }, 180_000);
});
