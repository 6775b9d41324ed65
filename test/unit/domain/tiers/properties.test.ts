import fc from "fast-check";
import { formatQuarter, quarterFromOrdinal } from "../../../../src/domain/quarters";
import {
  DEFAULT_TIER_RULES,
  parseTierRules,
  QuarterlyRow,
  qualifyTier,
  RecordedTier,
  tierAfter,
  tierGap,
  TierRules,
  tierRulesFromRange,
  TIERS,
  tierStatus,
  validateProgram,
} from "../../../../src/domain/tiers";
import { generateProgramRows } from "./generate";
import { cellsOf, QuarterLine, quarterlyRow } from "./rows";

const FIRST = 2025 * 4;

/** A quarter in any accepted form, mostly within three years so partners get duplicates and gaps. */
const quarterLabel = fc.oneof(
  fc
    .tuple(fc.integer({ min: FIRST, max: FIRST + 11 }), fc.integer({ min: 0, max: 4 }))
    .map(([ordinal, form]) => {
      const { year, quarter } = quarterFromOrdinal(ordinal);
      return [
        formatQuarter({ year, quarter }),
        `Q${quarter} ${year}`,
        `${year}Q${quarter}`,
        `FY${year} Q${quarter}`,
        `Q${quarter}-${year}`,
      ][form]!;
    }),
  fc.constantFrom(46112, 45658.5, 2026, 1, 2958465, "2026-Q5", "", null),
  fc.date({ noInvalidDate: false })
);

/** Anything a cell, a CSV field or a careless host can hold. */
const cellValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    "Gold",
    "platinum ",
    "SILVER",
    "Registered",
    "Exited",
    "Diamond",
    "Yes",
    "n",
    "TRUE",
    "$1,250,000",
    "(5)",
    " "
  ),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.double(),
  fc.constantFrom(
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    0,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY
  ),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: false }),
  fc.string({ unit: "binary", maxLength: 30 })
);

const partnerName = fc.oneof(
  fc.constantFrom("Acme", " acme ", "ACME", "Βήτα", "🦊 Fox", "O'Neil & Co.", 42, ""),
  fc.string({ unit: "binary", maxLength: 20 }),
  cellValue
);

const line: fc.Arbitrary<QuarterLine> = fc.record({
  partner: partnerName,
  quarter: fc.oneof(quarterLabel, quarterLabel, cellValue),
  pipeline: fc.oneof(fc.integer({ min: 0, max: 800_000 }), cellValue),
  sourced: cellValue,
  influenced: cellValue,
  certified: fc.oneof(fc.integer({ min: 0, max: 7 }), cellValue),
  practice: fc.oneof(fc.boolean(), cellValue),
  activities: fc.oneof(fc.integer({ min: 0, max: 3 }), cellValue),
  review: fc.oneof(fc.boolean(), cellValue),
  tier: fc.oneof(fc.constantFrom<unknown>(...TIERS, "Exited", null), cellValue),
});

/** A table: every row has the same columns (optional ones dropped for all rows or none). */
const table = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.boolean(), fc.boolean())
  .map(([lines, withArr, withCommitments]) =>
    lines.map((l, i) => {
      const { sourced, influenced, activities, review, ...rest } = l;
      const kept: QuarterLine = {
        ...rest,
        ...(withArr && { sourced, influenced }),
        ...(withCommitments && { activities, review }),
      };
      return quarterlyRow(kept, i + 2);
    })
  );

/** Tier rules as a Tiers sheet with arbitrary settings would give them. */
const rules: fc.Arbitrary<TierRules> = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1, max: 6 }), cellValue),
    fc.oneof(fc.integer({ min: 1, max: 6 }), cellValue),
    fc.constantFrom("Trailing four quarters", "Annualised quarter")
  )
  .map(
    ([window, streak, mode]) =>
      parseTierRules(
        undefined,
        [
          {
            setting: { value: "Exit Window (Quarters)", cell: "A9" },
            value: { value: window, cell: "B9" },
          },
          {
            setting: { value: "Promotion/Demotion Streak (Quarters)", cell: "A10" },
            value: { value: streak, cell: "B10" },
          },
          { setting: { value: "Pipeline Mode", cell: "A11" }, value: { value: mode, cell: "B11" } },
        ],
        { sheet: "Tiers" }
      ).rules
  );

const validate = (rows: readonly QuarterlyRow[], r: TierRules) =>
  validateProgram(rows, r, { sheet: "Quarterly" });

describe("validateProgram properties", () => {
  it("never throws on arbitrary rows, and cites only cells of the input, on its sheet", () => {
    fc.assert(
      fc.property(table, rules, (rows, r) => {
        const v = validate(rows, r);
        const cells = cellsOf(rows);
        for (const f of v.findings) {
          expect(cells.has(f.cell)).toBe(true);
          expect(f.sheet).toBe("Quarterly");
          expect(f.message).not.toMatch(/undefined|\[object/);
        }
        expect(v.summary.errors + v.summary.warnings + v.summary.info).toBe(v.findings.length);
        for (const row of v.review) {
          expect(row.pipeline === undefined || Number.isFinite(row.pipeline)).toBe(true);
          expect(row.finding).not.toMatch(/undefined|\[object/);
        }
      }),
      { numRuns: 300 }
    );
  });

  it("gives the same findings, review and actions for the same rows in any order", () => {
    const permuted = table.chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })
      )
    );
    const sortedJson = (items: readonly unknown[]) => items.map((i) => JSON.stringify(i)).sort();
    fc.assert(
      fc.property(permuted, rules, ([rows, shuffled], r) => {
        const a = validate(rows, r);
        const b = validate(shuffled, r);
        expect(b.findings).toEqual(a.findings);
        expect(sortedJson(b.review)).toEqual(sortedJson(a.review));
        expect(sortedJson(b.actions)).toEqual(sortedJson(a.actions));
      }),
      { numRuns: 200 }
    );
  });

  it("agrees with tierStatus: tiers recorded by applying it quarter after quarter raise no tier finding", () => {
    const figures = fc.array(
      fc.record({
        pipeline: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 700_000 })),
        certified: fc.integer({ min: 0, max: 6 }),
        practice: fc.boolean(),
      }),
      { minLength: 1, maxLength: 14 }
    );
    fc.assert(
      fc.property(figures, fc.constantFrom(...TIERS), rules, (quarters, start, r) => {
        const lines: QuarterLine[] = [];
        let tier: RecordedTier = start;
        quarters.forEach((q, i) => {
          lines.push({
            partner: "Agreeing Partner",
            quarter: formatQuarter(quarterFromOrdinal(FIRST + i)),
            pipeline: q.pipeline,
            certified: q.certified,
            practice: q.practice,
            tier: tier === "Exited" ? "Exited" : tier,
          });
          if (tier === "Exited") return;
          const history = quarters.slice(0, i + 1);
          const status = tierStatus(
            tier,
            history.map((h) => h.pipeline),
            history.map((h) => h.certified),
            history.map((h) => h.practice),
            r
          );
          if (!status.ok) throw new Error("valid figures");
          tier = tierAfter(tier, status.value);
        });
        const v = validate(
          lines.map((l, i) => quarterlyRow(l, i + 2)),
          r
        );
        expect(v.findings).toEqual([]);
        for (const row of v.review) expect(row.expectedTier).toBe(row.recordedTier);
      }),
      { numRuns: 300 }
    );
  });

  it("validates the bench's generated program: 200 partners × 12 quarters", () => {
    const rows = generateProgramRows(200, 12, 7);
    const v = validate(rows, DEFAULT_TIER_RULES);
    const cells = cellsOf(rows);
    expect(v.findings.every((f) => cells.has(f.cell))).toBe(true);
    expect(v.review.length).toBe(rows.length);
    expect(v.summary.errors).toBeGreaterThan(0);
    expect(generateProgramRows(200, 12, 7)).toEqual(rows);
  });
});

describe("function-facing helpers never throw", () => {
  it("on any argument", () => {
    fc.assert(
      fc.property(cellValue, cellValue, cellValue, cellValue, (a, b, c, d) => {
        const results = [
          qualifyTier(a, b, c, DEFAULT_TIER_RULES),
          tierGap(a, b, c, d, DEFAULT_TIER_RULES),
          tierStatus(d, [a, a], [b, b], [c, c], DEFAULT_TIER_RULES),
          tierRulesFromRange([
            [d, a, b, c],
            [a, b, c, d],
          ]),
        ];
        for (const r of results) expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 500 }
    );
  });
});
