import fc from "fast-check";
import { AllFindings, FirstFindings } from "../../../src/domain/findingSinks";
import { Finding, sortFindings, summarizeFindings } from "../../../src/domain/findings";

const finding: fc.Arbitrary<Finding> = fc.record({
  severity: fc.constantFrom("error", "warning", "info"),
  rule: fc.constantFrom("data.not-a-number", "quarter.gap", "tier.recorded-mismatch"),
  sheet: fc.constantFrom("Quarterly", "export.csv"),
  cell: fc.oneof(
    fc
      .tuple(fc.constantFrom("A", "B", "J", "AA"), fc.integer({ min: 1, max: 40 }))
      .map(([c, r]) => `${c}${r}`),
    fc.constantFrom("", "not a cell")
  ),
  message: fc.constantFrom("a", "b", "c"),
});

describe("finding sinks", () => {
  test("FirstFindings keeps what sortFindings puts first, and counts every finding", () => {
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 200 }),
        fc.integer({ min: 0, max: 30 }),
        (all, limit) => {
          const first = new FirstFindings(limit);
          for (const f of all) first.push(f);
          expect(first.sorted()).toEqual(sortFindings(all).slice(0, limit));
          expect(first.summary()).toEqual(summarizeFindings(all));
        }
      ),
      { numRuns: 300, seed: 7 }
    );
  });

  test("AllFindings keeps every finding, sorted", () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 100 }), (all) => {
        const sink = new AllFindings();
        for (const f of all) sink.push(f);
        expect(sink.sorted()).toEqual(sortFindings(all));
        expect(sink.summary()).toEqual(summarizeFindings(all));
      }),
      { numRuns: 100, seed: 7 }
    );
  });
});
