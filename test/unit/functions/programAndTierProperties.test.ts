import fc from "fast-check";
import { cellsOrError, isCustomFunctionsError } from "./customFunctionsRuntime";
import { buildPartner, partnerFee, raciCheck } from "../../../src/functions/program";
import { tierGap, tierQualify, tierStatus } from "../../../src/functions/tiers";
import { DECISIONS } from "../../../src/domain/decisions";
import { DEFAULT_TIER_RULES } from "../../../src/domain/tiers/rules";
import { formatTierStatus, tierStatus as domainTierStatus } from "../../../src/domain/tiers/status";
import { qualifyTier } from "../../../src/domain/tiers/qualify";
import { TIERS } from "../../../src/domain/tiers/tier";

// What a cell can hold when Excel calls a function, the words these functions know, and odd values around them.
const cell = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom("", "  ", "n/a", "1e400", "-0", "Infinity", "$1,000", "(5)", "10%", "__proto__"),
  fc.constantFrom("Platinum", "gold", "Silver", "Registered", "Exited", "Diamond", "Tier"),
  fc.constantFrom("Yes", "no", "Y", "TRUE", "Referral", "Reseller", "OEM", "Co-Sell"),
  fc.constantFrom("A", "R", "c", "I", "A/R"),
  fc.constantFrom(0, 1, 0.05, 0.1, 0.3, 18, 24, 500_000, 2_000_000),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.double(),
  fc.string(),
  fc.boolean()
);
const anyMatrix = fc.array(fc.array(cell, { maxLength: 11 }), { maxLength: 6 });
const anyArgument = fc.oneof(anyMatrix, fc.constant(null), fc.constant(undefined), fc.anything());

// What each argument expects, so that arbitrary calls also reach answers, not only errors.
const money = fc.oneof(
  fc.double({ min: 0, max: 5e6, noNaN: true }),
  fc.constantFrom(0, 100_000, 500_000, 2_000_000, "$1,000", null)
);
const count = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constantFrom("3", null));
const flag = fc.constantFrom(true, false, "Yes", "no", "Y", 1, 0, null);
const tier = fc.constantFrom("Platinum", "gold", "Silver", "Registered", null);
const model = fc.constantFrom("Referral", "Reseller", "OEM / Embed", "oem", "Co-Sell", null);
const rate = fc.constantFrom(0.05, 0.1, 0.15, 0.2, 0.3, 0.4, "12%", null);
const months = fc.oneof(
  fc.double({ min: 0, max: 1200, noNaN: true }),
  fc.constantFrom(18, 19, null)
);
const letter = fc.constantFrom("A", "R", "C", "I", "a", " r ", null);

/** Mostly what the argument expects, sometimes (one time in `1 + weight`) any cell. */
const mostly = (value: fc.Arbitrary<unknown>, weight = 5) =>
  fc.oneof({ weight, arbitrary: value }, { weight: 1, arbitrary: cell });
const block = (rows: number, columns: number, value: fc.Arbitrary<unknown>, weight = 5) =>
  fc.array(fc.array(mostly(value, weight), { minLength: columns, maxLength: columns }), {
    minLength: rows,
    maxLength: rows,
  });
/** Mostly the range a formula over a table passes, else one cell, a left-out argument or anything. */
const excelLike = (range: fc.Arbitrary<unknown[][]>, value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 8, arbitrary: range },
    { weight: 4, arbitrary: mostly(value).map((v) => [[v]]) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: anyArgument }
  );
const height = fc.integer({ min: 1, max: 4 });
/** One column per argument, all of one height, as a function filled along a table receives them. */
const columns = (...values: fc.Arbitrary<unknown>[]) =>
  height.chain((rows) => fc.tuple(...values.map((v) => excelLike(block(rows, 1, v), v))));
/** A column of current tiers and three histories with one row of quarters per partner. */
const histories = fc.tuple(height, fc.integer({ min: 1, max: 8 })).chain(([rows, quarters]) =>
  fc.tuple(
    excelLike(block(rows, 1, tier), tier),
    // Many cells: one odd value in each history row would already decide the answer.
    ...[money, count, flag].map((v) => excelLike(block(rows, quarters, v, 30), v))
  )
);
const ANSWERS = [flag, flag, flag, flag, flag, flag, months, flag, flag, flag];
/** Ten answers, or one range of ten columns. */
const decisionInputs = fc.oneof(
  fc.tuple(...ANSWERS.map((v) => excelLike(block(1, 1, v), v))),
  height
    .chain((rows) =>
      fc.array(fc.tuple(...ANSWERS.map((v) => mostly(v))), { minLength: rows, maxLength: rows })
    )
    .map((range) => [range])
);
const raciRows = height.chain((rows) => block(rows, 6, letter)).map((range) => [range]);

const TIER = "(Platinum|Gold|Silver|Registered)";
const STATUS = new RegExp(`^(Hold|Warning|Exit|Promote to ${TIER}|Demote to ${TIER})$`);
const GAP = new RegExp(
  `^(meets ${TIER}|(Platinum|Gold|Silver): (\\+\\$[\\d,.]+ pipeline|\\+\\d+ certified|dedicated practice)(, .+)?)$`
);

const isTier = (v: unknown) => (TIERS as readonly unknown[]).includes(v);
const functions: [
  string,
  (...args: unknown[]) => unknown,
  fc.Arbitrary<readonly unknown[]>,
  (value: unknown) => boolean,
][] = [
  ["TIERQUALIFY", tierQualify as never, columns(money, count, flag), isTier],
  [
    "TIERGAP",
    tierGap as never,
    columns(money, count, flag, tier),
    (v) => typeof v === "string" && GAP.test(v),
  ],
  ["TIERSTATUS", tierStatus as never, histories, (v) => typeof v === "string" && STATUS.test(v)],
  [
    "BUILDPARTNER",
    buildPartner as never,
    decisionInputs,
    (v) => (DECISIONS as readonly unknown[]).includes(v),
  ],
  [
    "PARTNERFEE",
    partnerFee as never,
    columns(model, money, rate),
    (v) => typeof v === "number" && Number.isFinite(v) && v >= 0,
  ],
  ["RACICHECK", raciCheck as never, raciRows, (v) => typeof v === "string" && v.length > 0],
];

describe("the tier and program functions on arbitrary input", () => {
  test.each(functions)(
    "PS.%s throws only CustomFunctions.Error and returns only its own kind of answer, never NaN",
    (id, call, shapedArguments, isAnswer) => {
      const argumentLists = fc.oneof(
        shapedArguments,
        fc.array(anyArgument, { minLength: 1, maxLength: 10 })
      );
      fc.assert(
        fc.property(argumentLists, (args) => {
          for (const value of cellsOrError(() => call(...args))) {
            // The value is in the expectation so that a failure shows it.
            if (!isCustomFunctionsError(value))
              expect([id, value, isAnswer(value)]).toEqual([id, value, true]);
          }
        }),
        { numRuns: 1000 }
      );
    }
  );
});

const pipeline = fc.oneof(
  fc.constantFrom(0, 99_999.99, 100_000, 499_999.99, 500_000, 1_999_999.99, 2_000_000),
  fc.double({ min: 0, max: 5e6, noNaN: true })
);
const certified = fc.integer({ min: 0, max: 8 });
const practice = fc.boolean();
const quarter = fc.tuple(pipeline, certified, practice);

describe("the wrappers agree with the domain", () => {
  test("PS.TIERQUALIFY over columns is the domain's tier of each row", () => {
    fc.assert(
      fc.property(fc.array(quarter, { minLength: 1, maxLength: 8 }), (rows) => {
        const column = (k: 0 | 1 | 2) => rows.map((row) => [row[k]]);
        const tiers = tierQualify(column(0), column(1), column(2));
        expect(tiers).toEqual(
          rows.map(([p, c, d]) => {
            const tier = qualifyTier(p, c, d, DEFAULT_TIER_RULES);
            return [tier.ok && tier.value];
          })
        );
      }),
      { numRuns: 500 }
    );
  });

  test("PS.TIERSTATUS on a history without blanks is the domain's status", () => {
    const tier = fc.constantFrom(...TIERS);
    fc.assert(
      fc.property(tier, fc.array(quarter, { minLength: 1, maxLength: 12 }), (held, quarters) => {
        const history = (k: 0 | 1 | 2) => [quarters.map((q) => q[k])];
        const expected = domainTierStatus(
          held,
          ...(([0, 1, 2] as const).map((k) => quarters.map((q) => q[k])) as [
            unknown[],
            unknown[],
            unknown[],
          ]),
          DEFAULT_TIER_RULES
        );
        expect(tierStatus([[held]], history(0), history(1), history(2))).toEqual([
          [expected.ok && formatTierStatus(expected.value)],
        ]);
      }),
      { numRuns: 500 }
    );
  });

  test("PS.BUILDPARTNER on a range decides each row as the same ten single answers do", () => {
    const row = fc.tuple(...ANSWERS);
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 5 }), (rows) => {
        const single = (answers: readonly unknown[]) => {
          const [first, ...rest] = answers.map((a) => [[a]]);
          try {
            return buildPartner(first!, ...rest)[0]![0];
          } catch (e) {
            return e;
          }
        };
        const ranged = buildPartner(rows as unknown[][]);
        rows.forEach((answers, i) => {
          const expected = single(answers);
          const got = ranged[i]![0];
          if (isCustomFunctionsError(expected)) {
            expect(got).toMatchObject({
              code: (expected as CustomFunctions.Error).code,
              message: `row ${i + 1} of the inputs: ${(expected as CustomFunctions.Error).message}`,
            });
          } else expect(got).toBe(expected);
        });
      }),
      { numRuns: 500 }
    );
  });
});
